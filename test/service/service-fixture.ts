/** What the service tests share: the secrets they run with, the Bertrix campaign, a checked environment. */
import path from 'node:path';
import type { Campaign } from '../../core/campaign/campaign.ts';
import { loadCampaignFile, loadEnvironment } from '../../config/index.ts';
import type { Environment } from '../../config/index.ts';
import { bertrixFile } from '../cli/cli-fixture.ts';

export const SECRET = 'service-test-secret-0123456789';
export const TELEGRAM = '123456789:FAKE-test-token-not-a-real-bot';
/** The repository root (for spawning `bot/cli.ts`). */
export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

/** The Bertrix example campaign, loaded and checked. */
export async function bertrix(): Promise<Campaign> {
  const loaded = await loadCampaignFile(bertrixFile);
  if (!loaded.ok) throw new Error('bertrix example does not load');
  return loaded.campaign;
}

/** The service's environment from `vars`, on loopback with silent logs. */
export function environment(vars: Record<string, string>): Environment {
  const e = loadEnvironment({ HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...vars });
  if (!e.ok) throw new Error(JSON.stringify(e.errors));
  return e.value;
}
