/**
 * The committee app's features, in registration order. Each file registers its own listeners
 * (actions, views, commands, events) and keeps its texts in `locales/<locale>/<feature>.ftl`.
 */
import type { SlackFeature } from '../context.ts';
import { commandFeature } from './command.ts';
import { homeFeature } from './home.ts';
import { moderationFeature } from './moderation.ts';
import { questionsFeature } from './questions.ts';

export const COMMITTEE_FEATURES: readonly SlackFeature[] = [commandFeature, moderationFeature, homeFeature, questionsFeature];
