/**
 * The public surface of config/: campaign files (schema, loading, issues, reference docs)
 * and the process environment.
 */
export { campaignFileSchema, DEFAULT_AGE_BANDS } from './campaign-file-schema.ts';
export type { CampaignFile } from './campaign-file-schema.ts';
export { loadCampaignFile, parseCampaignYaml, CampaignFileUnreadableError } from './load-campaign.ts';
export type { LoadResult } from './load-campaign.ts';
export { formatConfigIssues } from './config-issue.ts';
export type { ConfigIssue } from './config-issue.ts';
export { configReference } from './config-reference.ts';
export { loadEnvironment, environmentReference, environmentSchema, SECRET_VARIABLES } from './environment.ts';
export type { Environment } from './environment.ts';
export { SUPPORTED_LANGUAGES } from './locales.ts';
export { formatLocal } from './local-time.ts';
