/** Question threads (owned by the questions work; filled in there). */
import type { NoticeHandlers } from './notice-handler.ts';

export const QUESTION_NOTICES: NoticeHandlers = {};
