/**
 * `/pnyx` (SPEC §2.6): the committee's slash command. The text is parsed strictly
 * (command-parse.ts); anything unknown or malformed gets the help, privately, with what was
 * wrong. Every invocation is acknowledged at once; the modals (`phase`, `announce`) open
 * right after with the command's trigger, and the rest answers privately through the
 * command's `response_url`, long work (exports, codes) reporting back when done.
 *
 * - `status`: phase, window, next date, figures;
 * - `phase`: move to the next phase early or extend the current one (command-phase.ts);
 * - `announce`: compose per language, preview, send (command-announce.ts);
 * - `export`, `codes N`: CSV files (command-files.ts);
 * - `ambassador grant|revoke <code or id>` (command-ambassador.ts);
 * - `help`.
 * Moves, announcements, codes and roles are for admins (the engine says so too); a
 * moderator asking is told privately before anything opens. The staff guard in front of
 * every feature has already refused anyone who is not staff.
 */
import type { StaffMember } from '../../../core/campaign/campaign.ts';
import type { SlackFeature, SlackServices } from '../context.ts';
import type { SlackContent } from '../blocks/card.ts';
import { renderHelp } from '../blocks/command-help.ts';
import { renderStatus } from '../blocks/command-status.ts';
import { openAnnounceForm, registerAnnounceViews } from './command-announce.ts';
import { runAmbassador } from './command-ambassador.ts';
import { runCodes, runExport } from './command-files.ts';
import { parsePnyxCommand } from './command-parse.ts';
import type { PnyxCommand } from './command-parse.ts';
import { openPhaseForm, registerPhaseViews } from './command-phase.ts';
import { errorFields } from './command-support.ts';

/** The slash command's name, as configured in the Slack app's manifest. */
export const PNYX_COMMAND = '/pnyx';

/** `/pnyx status`: the facts, read now. */
export async function statusContent(services: SlackServices): Promise<SlackContent> {
  const [{ status, state }, figures] = await Promise.all([services.engine.status(), services.engine.committeeFigures()]);
  return renderStatus(services, { status, state, figures, now: services.engine.now() });
}

interface Invocation {
  readonly user: string;
  readonly channel: string;
  readonly trigger: string;
  readonly staff: StaffMember | undefined;
  readonly show: (content: SlackContent) => Promise<void>;
  readonly say: (text: string) => Promise<void>;
}

async function run(services: SlackServices, command: PnyxCommand, call: Invocation): Promise<void> {
  switch (command.kind) {
    case 'help':
      return call.show(renderHelp(services.t, command.problem));
    case 'status':
      return call.show(await statusContent(services));
    case 'phase': {
      const instead = await openPhaseForm(services, call.staff, call.trigger, call.channel);
      return instead === null ? undefined : call.say(instead);
    }
    case 'announce': {
      const instead = await openAnnounceForm(services, call.staff, call.trigger, call.channel);
      return instead === null ? undefined : call.say(instead);
    }
    case 'export':
      return runExport(services, call.channel, call.say);
    case 'codes':
      return runCodes(services, call.staff, call.user, command.count, call.say);
    case 'ambassador':
      return runAmbassador(services, call.staff, call.user, command.grant, command.who, call.say);
  }
}

/** Registers `/pnyx` and the views it opens. */
export const commandFeature: SlackFeature = (app, services) => {
  registerPhaseViews(app, services);
  registerAnnounceViews(app, services);
  app.command(PNYX_COMMAND, async ({ command, ack, respond, context }) => {
    await ack();
    const show = async (content: SlackContent): Promise<void> => {
      await respond({ response_type: 'ephemeral', text: content.text, blocks: content.blocks as never });
    };
    const say = async (text: string): Promise<void> => {
      await respond({ response_type: 'ephemeral', text });
    };
    const call: Invocation = { user: command.user_id, channel: command.channel_id, trigger: command.trigger_id, staff: context['staff'] as StaffMember | undefined, show, say };
    try {
      await run(services, parsePnyxCommand(command.text ?? ''), call);
    } catch (e) {
      services.logger.error(errorFields(e), '/pnyx failed');
      try {
        await say(services.t('command-failed'));
      } catch (again) {
        services.logger.warn(errorFields(again), 'could not say that /pnyx failed');
      }
    }
  });
};
