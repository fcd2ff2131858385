/**
 * `/pnyx ambassador grant|revoke <who>`: an admin gives or takes the ambassador role
 * (`engine.setRole`). Staff cannot see Telegram accounts, so a resident is named by what
 * they can hand over:
 * - the one-time code they registered or verified with (`K7QM-2XPA`, spaces and dashes
 *   allowed) — the usual way: the town gives its future ambassador a code, they enter it in
 *   the bot, staff grant the role with the same code;
 * - or their resident id as their "My data" file shows it (`tg:123456789`), for a campaign
 *   that verifies nobody by code.
 * The answer names the resident by what staff already know (the code or id typed, area,
 * registration date), never by name. A role that would not change is reported, not rewritten;
 * a staff member's role is left to the configuration.
 */
import type { StaffMember } from '../../../core/campaign/campaign.ts';
import type { Outcome } from '../../../core/domain/domain-error.ts';
import type { Resident } from '../../../core/residents/resident.ts';
import type { SlackServices } from '../context.ts';
import { areaName } from '../blocks/command-common.ts';
import type { ResidentName } from './command-parse.ts';
import type { Say } from './command-files.ts';
import { adminOnly, commandRefusal } from './command-support.ts';

function named(who: ResidentName): string {
  return who.kind === 'code' ? who.code : who.residentId;
}

/** `/pnyx ambassador grant|revoke <who>` by `user`. */
export async function runAmbassador(services: SlackServices, staff: StaffMember | undefined, user: string, grant: boolean, who: ResidentName, say: Say): Promise<void> {
  const { t, engine, format, campaign } = services;
  const refused = adminOnly(services, staff);
  if (refused !== null) return say(refused);
  const found: Outcome<Resident> = who.kind === 'code' ? await engine.residentByCode(who.code) : await engine.getResident(who.residentId);
  if (!found.ok) return say(commandRefusal(services, found));
  const r = found.value;
  const vars = {
    who: `\`${named(who)}\``,
    area: r.area === null ? t('command-ambassador-no-area') : areaName(campaign, r.area),
    since: r.registeredAt === null ? t('command-ambassador-not-registered') : format.date(r.registeredAt),
  };
  if (r.role === 'staff') return say(t('command-ambassador-is-staff', vars));
  if (grant && r.role === 'ambassador') return say(t('command-ambassador-already', vars));
  if (!grant && r.role !== 'ambassador') return say(t('command-ambassador-not-one', vars));
  const changed = await engine.setRole(user, r.id, grant ? 'ambassador' : 'resident');
  if (!changed.ok) return say(commandRefusal(services, changed));
  await say(t(grant ? 'command-ambassador-granted' : 'command-ambassador-revoked', vars));
}
