/**
 * `/pnyx phase`: an admin moves the campaign to its next phase early, or extends the current
 * one, with a required reason and a confirmation (SPEC §2.1: every transition recorded, who,
 * when, from, to, why).
 *
 * The confirmation is a second view pushed on the form (`response_action: 'push'`), not
 * Slack's `confirm` dialog: a `confirm` object is fixed when the modal is drawn, before the
 * person has picked a date or typed a reason, so it could not restate them — and a modal's
 * submit button takes no `confirm` at all. The pushed view says exactly what will happen
 * (from which phase to which, the new end as the campaign's clock reads it, the reason), and
 * its *Back* returns to the form as filled in.
 *
 * Both steps carry a stamp of where the campaign stood when the form opened; if it moved
 * meanwhile (another admin, the schedule) nothing is done: "advance" means "the phase after
 * the current one", and a stale confirmation must not skip a phase. The stamp is checked when
 * the confirmation arrives, and the engine checks again in the very step that saves the move
 * (`advancePhase` takes the phase the confirmation leaves): two admins confirming at the same
 * instant move the campaign once, and the other is told (`phase.moved`). Mistakes in the form come
 * back on the field (`response_action: 'errors'`); the engine's refusals (fewer than two
 * finalists, a window already over…) replace the confirmation, and *Back* leads to the form.
 */
import { createHash } from 'node:crypto';
import type { SlackListeners } from '../listener-router.ts';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Phase, StaffMember } from '../../../core/campaign/campaign.ts';
import { PHASES } from '../../../core/campaign/campaign.ts';
import type { PhaseStatus } from '../../../core/phases/phase-machine.ts';
import { nextPhase, windowOf } from '../../../core/phases/phase-machine.ts';
import type { PhaseState } from '../../../core/phases/phase-state.ts';
import type { SlackServices } from '../context.ts';
import { actorText, phaseName, staffText } from '../blocks/command-common.ts';
import type { PhaseMove } from '../blocks/command-phase.ts';
import { PHASE_IDS, PHASE_REASON_MAX, phaseChoices, phaseConfirmView, phaseFormView, phaseRefusedView } from '../blocks/command-phase.ts';
import { LIMITS } from '../blocks/limits.ts';
import { adminOnly, commandRefusal, errorFields, tellPrivately } from './command-support.ts';

/** Where the campaign stood: phase, hold and windows, hashed (fits any metadata). */
export function phaseStamp(status: PhaseStatus, state: PhaseState): string {
  return createHash('sha256').update(JSON.stringify({ status, windows: state.windows })).digest('base64url').slice(0, 22);
}

const channelId = z.string().regex(/^[A-Z0-9-]{1,40}$/u).nullable();
const formMeta = z.object({ c: channelId, s: z.string().max(40) });
const phase = z.enum(PHASES);
const confirmMeta = z.discriminatedUnion('op', [
  z.object({ op: z.literal('advance'), c: channelId, s: z.string().max(40), from: phase, to: phase, reason: z.string().min(1).max(PHASE_REASON_MAX) }),
  z.object({ op: z.literal('extend'), c: channelId, s: z.string().max(40), phase, until: z.number().int().positive(), reason: z.string().min(1).max(PHASE_REASON_MAX) }),
]);

/** What the form's inputs hold, as Slack sends them in `view.state.values`. */
const formState = z.object({
  [PHASE_IDS.op]: z.object({ [PHASE_IDS.input]: z.object({ selected_option: z.object({ value: z.enum(['advance', 'extend']) }).nullish() }) }),
  [PHASE_IDS.date]: z.object({ [PHASE_IDS.input]: z.object({ selected_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u).nullish() }) }).optional(),
  [PHASE_IDS.time]: z.object({ [PHASE_IDS.input]: z.object({ selected_time: z.string().regex(/^\d{2}:\d{2}$/u).nullish() }) }).optional(),
  [PHASE_IDS.reason]: z.object({ [PHASE_IDS.input]: z.object({ value: z.string().max(3000).nullish() }) }),
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * Epoch ms of a local date and time in `zone`; null when the time does not exist there (a
 * daylight-saving change skips it) or the date is not a real one.
 */
export function localInstant(date: string, time: string, zone: string): number | null {
  const text = `${date}T${time}`;
  const dt = DateTime.fromISO(text, { zone });
  if (!dt.isValid) return null;
  const written = DateTime.fromISO(text, { zone: 'utc' });
  if (dt.hour !== written.hour || dt.minute !== written.minute || dt.day !== written.day) return null;
  return dt.toMillis();
}

/**
 * Opens the form with the command's trigger. Returns a text to say privately instead when
 * the person may not move phases, or when there is nothing to move or extend.
 */
export async function openPhaseForm(services: SlackServices, staff: StaffMember | undefined, trigger: string, channel: string | null): Promise<string | null> {
  const refused = adminOnly(services, staff);
  if (refused !== null) return refused;
  const { status, state } = await services.engine.status();
  const choices = phaseChoices(status, state, nextPhase);
  if (choices.advanceTo === null && choices.extend === null) return services.t('command-phase-nothing', { phase: phaseName(services.t, choices.from) });
  const metadata = JSON.stringify({ c: channel, s: phaseStamp(status, state) });
  await services.client.views.open({ trigger_id: trigger, view: phaseFormView(services, status, state, choices, metadata) as never });
  return null;
}

/** Registers the two view submissions of `/pnyx phase`. */
export function registerPhaseViews(app: SlackListeners, services: SlackServices): void {
  const { engine, t, format, campaign, client, logger } = services;

  app.view(PHASE_IDS.form, async ({ ack, view, context }) => {
    const errors = (block: string, text: string) => ack({ response_action: 'errors', errors: { [block]: text } });
    const meta = formMeta.safeParse(parseJson(view.private_metadata));
    const values = formState.safeParse(view.state.values);
    if (!meta.success || !values.success) return errors(PHASE_IDS.op, t('command-form-unreadable'));
    const refused = adminOnly(services, context['staff'] as StaffMember | undefined);
    if (refused !== null) return errors(PHASE_IDS.op, refused);
    const v = values.data;
    const op = v[PHASE_IDS.op][PHASE_IDS.input].selected_option?.value;
    const reason = (v[PHASE_IDS.reason][PHASE_IDS.input].value ?? '').trim();
    if (op === undefined) return errors(PHASE_IDS.op, t('command-phase-op-required'));
    if (reason.length === 0) return errors(PHASE_IDS.reason, t('command-phase-reason-required'));
    if (reason.length > PHASE_REASON_MAX) return errors(PHASE_IDS.reason, t('command-phase-reason-too-long', { max: PHASE_REASON_MAX }));
    const { status, state } = await engine.status();
    if (phaseStamp(status, state) !== meta.data.s) return errors(PHASE_IDS.op, t('command-phase-changed'));
    const choices = phaseChoices(status, state, nextPhase);
    let move: PhaseMove;
    if (op === 'advance') {
      if (choices.advanceTo === null) return errors(PHASE_IDS.op, t('command-phase-nothing', { phase: phaseName(t, choices.from) }));
      move = { op, from: choices.from, to: choices.advanceTo, reason };
    } else {
      if (choices.extend === null) return errors(PHASE_IDS.op, t('command-phase-cannot-extend', { phase: phaseName(t, choices.from) }));
      const date = v[PHASE_IDS.date]?.[PHASE_IDS.input].selected_date;
      if (date == null) return errors(PHASE_IDS.date, t('command-phase-until-required'));
      const until = localInstant(date, v[PHASE_IDS.time]?.[PHASE_IDS.input].selected_time ?? '00:00', campaign.timeZone);
      if (until === null) return errors(PHASE_IDS.time, t('command-phase-until-invalid', { zone: campaign.timeZone }));
      if (until <= engine.now()) return errors(PHASE_IDS.date, t('command-phase-until-past'));
      if (until <= choices.extend.end) return errors(PHASE_IDS.date, t('command-phase-until-not-later', { end: format.dateTime(choices.extend.end) }));
      const next = nextPhase(choices.extend.phase);
      const nextStart = next === null || next === 'archived' ? null : windowOf(state, next).start;
      const shifted = nextStart !== null && nextStart < until;
      move = { op, phase: choices.extend.phase, until, nextPhase: shifted ? next : null, nextStart: shifted ? until : null, reason };
    }
    const carried = move.op === 'advance' ? { op: move.op, c: meta.data.c, s: meta.data.s, from: move.from, to: move.to, reason } : { op: move.op, c: meta.data.c, s: meta.data.s, phase: move.phase, until: move.until, reason };
    const metadata = JSON.stringify(carried);
    // A reason full of characters JSON escapes could outgrow private_metadata: say so on the field.
    if (metadata.length > LIMITS.privateMetadata) return errors(PHASE_IDS.reason, t('command-phase-reason-too-long', { max: PHASE_REASON_MAX }));
    await ack({ response_action: 'push', view: phaseConfirmView(services, move, metadata) as never });
  });

  app.view(PHASE_IDS.confirm, async ({ ack, view, body, context }) => {
    const refusedView = (text: string) => ack({ response_action: 'update', view: phaseRefusedView(services, text) as never });
    const meta = confirmMeta.safeParse(parseJson(view.private_metadata));
    if (!meta.success) return refusedView(t('command-form-unreadable'));
    const refused = adminOnly(services, context['staff'] as StaffMember | undefined);
    if (refused !== null) return refusedView(refused);
    const m = meta.data;
    const before = await engine.status();
    if (phaseStamp(before.status, before.state) !== m.s) return refusedView(t('command-phase-changed'));
    const user = body.user.id;
    const outcome = m.op === 'advance' ? await engine.advancePhase(user, m.from, m.reason) : await engine.extendPhase(user, m.until, m.reason);
    if (!outcome.ok) return refusedView(commandRefusal(services, outcome));
    await ack({ response_action: 'clear' });
    // After the ack: the modal is closed, the person and the committee hear what was done.
    const reason = staffText(m.reason, LIMITS.sectionText - 200);
    if (m.op === 'advance') {
      const entered = outcome.value.effects.filter((e) => e.type === 'phase.entered').at(-1);
      const to: Phase = entered?.type === 'phase.entered' ? entered.transition.to : m.to;
      await tellPrivately(services, m.c, user, t('command-phase-done-advance', { from: phaseName(t, m.from), to: phaseName(t, to) }));
    } else {
      const until = format.dateTime(m.until);
      await tellPrivately(services, m.c, user, t('command-phase-done-extend', { phase: phaseName(t, m.phase), until, zone: campaign.timeZone }));
      // No outbox notice follows an extension (the engine only announces phases entered): the
      // committee learns it here, with who and why.
      try {
        await client.chat.postMessage({ channel: campaign.slack.committee, text: t('command-phase-extended-notice', { by: actorText(t, `staff:${user}`), phase: phaseName(t, m.phase), until, zone: campaign.timeZone, reason }) });
      } catch (e) {
        logger.warn(errorFields(e), 'could not tell the committee channel about a phase extension');
      }
    }
  });
}
