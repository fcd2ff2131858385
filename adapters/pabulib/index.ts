/** Pabulib `.pb` files: read, write, and convert to the core tally. */
export { readPabulibFile, parsePabulib } from './parse-pabulib.ts';
export { writePabulib } from './write-pabulib.ts';
export { PabulibFormatError, VOTE_TYPES } from './pabulib-file.ts';
export type { PabulibElection, PabulibProject, PabulibVote, PabulibSection } from './pabulib-file.ts';
export { toTallyInstance, ruleFromName, officialSelected, RULE_NAMES } from './to-instance.ts';
export { readCsv, csvLine, csvField, CsvSyntaxError } from './csv.ts';
export type { CsvRecord } from './csv.ts';
export { replayPlan, electionFromCampaign } from './pabulib-campaign.ts';
export type { ReplayPlan } from './pabulib-campaign.ts';
