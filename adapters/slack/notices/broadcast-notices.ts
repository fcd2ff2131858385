/** A broadcast's progress message (owned by the command work; filled in there). */
import type { NoticeHandlers } from './notice-handler.ts';

export const BROADCAST_NOTICES: NoticeHandlers = {};
