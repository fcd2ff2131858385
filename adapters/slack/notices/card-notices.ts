/** Moderation cards and committee notices (owned by the cards work; filled in there). */
import type { NoticeHandlers } from './notice-handler.ts';

export const CARD_NOTICES: NoticeHandlers = {};
