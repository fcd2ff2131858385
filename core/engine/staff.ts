import type { Campaign, StaffMember } from '../campaign/campaign.ts';
import type { Outcome } from '../domain/domain-error.ts';
import { done, refuse } from '../domain/domain-error.ts';

/** The configured staff member behind a Slack user id, if any (SPEC §2.6: only staff act). */
export function requireStaff(campaign: Campaign, slackUserId: string, role: 'moderator' | 'admin' = 'moderator'): Outcome<StaffMember> {
  const member = campaign.staff.find((s) => s.slackUserId === slackUserId);
  if (member === undefined) return refuse('staff.not_staff', {});
  if (role === 'admin' && member.role !== 'admin') return refuse('staff.admin_only', {});
  return done(member);
}

/** Actor ref of a staff member for audit and revisions. */
export function staffRef(m: StaffMember): string {
  return `staff:${m.slackUserId}`;
}
