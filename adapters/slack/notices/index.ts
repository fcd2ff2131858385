/** Every committee template's handler, for the committee sender. */
import type { NoticeHandlers } from './notice-handler.ts';
import { CARD_NOTICES } from './card-notices.ts';
import { QUESTION_NOTICES } from './question-notices.ts';
import { BROADCAST_NOTICES } from './broadcast-notices.ts';
import { DIGEST_NOTICES } from './digest-notice.ts';
import { PARKED_NOTICES } from './parked-notices.ts';

export type { NoticeHandler, NoticeHandlers } from './notice-handler.ts';

export const COMMITTEE_NOTICES: NoticeHandlers = { ...CARD_NOTICES, ...QUESTION_NOTICES, ...BROADCAST_NOTICES, ...DIGEST_NOTICES, ...PARKED_NOTICES };
