/**
 * `/pnyx` end to end: Bolt receives signed slash commands and modal submissions, calls the
 * strict Web API stand-in, and the engine's stores show what changed. Views the app answers
 * with (`response_action: 'push' | 'update'`) travel in the acknowledgement, not through the
 * Web API, so the tests check them against the Block Kit schema themselves.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BroadcastProgressReporter } from '../../adapters/slack/broadcast-progress.ts';
import type { CsvFile } from '../../adapters/slack/context.ts';
import { BROADCAST_NOTICES } from '../../adapters/slack/notices/broadcast-notices.ts';
import { csvDocument } from '../../bot/render/csv.ts';
import { OUTSIDER, startCommittee } from '../support/slack/committee-harness.ts';
import type { CommitteeHarness } from '../support/slack/committee-harness.ts';
import { BlockKitValidator } from '../support/slack/block-kit-validator.ts';
import { T, testCampaign } from '../support/test-campaign.ts';

type Json = Record<string, unknown>;

let c: CommitteeHarness | null = null;
afterEach(async () => {
  await c?.stop();
  c = null;
});

/** The acknowledgement's JSON (a view answer), checked against Block Kit when it carries a view. */
function ackBody(answer: { status: number; body: string }): Json {
  expect(answer.status).toBe(200);
  const body = (answer.body === '' ? {} : JSON.parse(answer.body)) as Json;
  if (body['view'] !== undefined) expect(BlockKitValidator.shared().checkView(body['view'], 'modal')).toEqual([]);
  return body;
}

/** Every text of a view or message's blocks, joined (what a person reads). */
function textOf(blocks: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) {
      const o = v as Json;
      if (typeof o['text'] === 'string') out.push(o['text']);
      Object.entries(o).forEach(([k, x]) => k !== 'text' && walk(x));
      if (typeof o['text'] === 'object') walk(o['text']);
    }
  };
  walk(blocks);
  return out.join('\n');
}

/** The private answer to the `n`-th command (0-based), once it has come. */
async function answerTo(h: CommitteeHarness, n: number, what = 'the command’s answer'): Promise<{ text: string; blocks: unknown[] | null; ephemeral: boolean }> {
  return h.slack.waitFor(() => h.slack.responses[n], what);
}

/** Waits until `count` answers came in, and returns the last. */
async function lastAnswer(h: CommitteeHarness, count: number): Promise<string> {
  await h.slack.waitFor(() => h.slack.responses.length >= count, `${count} answers`);
  const r = h.slack.responses[count - 1]!;
  return `${r.text}\n${textOf(r.blocks)}`;
}

/** An uploaded file's text: the stand-in keeps the upload as sent, multipart or raw. */
function uploaded(h: CommitteeHarness, fileId: string): string {
  const raw = h.slack.file(fileId)!.bytes!.toString('utf8');
  const boundary = /^(--[^\r\n]+)\r\n/u.exec(raw)?.[1];
  if (boundary === undefined) return raw;
  const part = raw.slice(raw.indexOf('\r\n\r\n') + 4);
  return part.slice(0, part.indexOf(`\r\n${boundary}`));
}

function publicMessages(h: CommitteeHarness, channel = 'C-COMMITTEE') {
  return h.slack.messages(channel).filter((m) => m.ephemeralTo === null);
}

const input = (value: string | null): Record<string, Json> => ({ value: { type: 'plain_text_input', value } });
const radio = (value: string): Record<string, Json> => ({ value: { type: 'radio_buttons', selected_option: { value } } });
const select = (value: string): Record<string, Json> => ({ value: { type: 'static_select', selected_option: { value } } });

describe('/pnyx status and help', () => {
  it('status shows the phase, its window, the next date and the figures, privately', async () => {
    c = await startCommittee();
    const a = await c.h.register(1001);
    await c.h.register(1002);
    await c.h.submit(a, 'Des bancs au parc');
    await c.h.submit(a, 'Une piste cyclable');
    await c.command('U-MOD1', 'status');
    const answer = await answerTo(c, 0);
    expect(answer.ephemeral).toBe(true);
    const text = `${answer.text}\n${textOf(answer.blocks)}`;
    const format = c.committee.services.format;
    expect(text).toContain(`*Phase :* Dépôt des idées, du ${format.dateTime(T.submission)} au ${format.dateTime(T.review)}`);
    expect(text).toContain(`*Ensuite :* Examen des idées, à partir du ${format.dateTime(T.review)}`);
    expect(text).toContain('Déposées : 2');
    expect(text).toMatch(/2 idées, la plus ancienne depuis/);
    expect(text).toMatch(/^2 \(0(,0)? % de 8\u202f000 habitants\)/m);
    expect(text).toContain('0 votants');
    expect(publicMessages(c)).toEqual([]);
  });

  it('help, and any unknown or malformed subcommand, get the help privately', async () => {
    c = await startCommittee();
    await c.command('U-MOD2', 'help');
    const help = await lastAnswer(c, 1);
    for (const sub of ['status', 'phase', 'announce', 'export', 'codes N', 'ambassador grant CODE', 'help']) expect(help).toContain(`/pnyx ${sub}`);
    await c.command('U-MOD2', 'frobnicate <!channel>');
    const unknown = await lastAnswer(c, 2);
    expect(unknown).toContain('« frobnicate » n\'est pas une sous-commande');
    expect(unknown).toContain('/pnyx announce');
    await c.command('U-MOD2', 'status please');
    expect(await lastAnswer(c, 3)).toContain('ne prend rien après son nom (reçu : « please »)');
    await c.command('U-MOD2', 'ambassador grant <!channel>');
    const who = await lastAnswer(c, 4);
    expect(who).toContain('&lt;!channel&gt;');
    expect(who).not.toContain('<!channel>');
    expect(c.slack.responses.every((r) => r.ephemeral)).toBe(true);
    expect(publicMessages(c)).toEqual([]);
  });
});

describe('/pnyx phase', () => {
  it('moves the campaign to the next phase only after a reason and a confirmation', async () => {
    c = await startCommittee();
    await c.command('U-ADMIN', 'phase');
    const form = await c.slack.waitFor(() => c!.slack.openViews('U-ADMIN')[0], 'the phase form');
    expect(textOf(form['blocks'])).toContain('Passer maintenant à la phase suivante : Examen des idées');

    const blank = ackBody(await c.submit('U-ADMIN', form, { op: radio('advance'), reason: input('   ') }));
    expect(blank['response_action']).toBe('errors');
    expect((blank['errors'] as Json)['reason']).toContain('Indiquez la raison');

    const pushed = ackBody(await c.submit('U-ADMIN', form, { op: radio('advance'), reason: input('Assez d’idées <!channel>') }));
    expect(pushed['response_action']).toBe('push');
    const confirm = pushed['view'] as Json;
    const said = textOf(confirm['blocks']);
    expect(said).toContain('terminer la phase *Dépôt des idées* maintenant et ouvrir la phase *Examen des idées*');
    expect(said).toContain('Assez d’idées &lt;!channel&gt;');
    // Nothing moves before the confirmation.
    expect((await c.h.engine.status()).status).toMatchObject({ kind: 'open', phase: 'submission' });

    expect(ackBody(await c.submit('U-ADMIN', { ...confirm, id: 'VCONFIRM' }, {}))).toEqual({ response_action: 'clear' });
    const { status, state } = await c.h.engine.status();
    expect(status).toMatchObject({ kind: 'open', phase: 'review' });
    expect(state.transitions.at(-1)).toMatchObject({ from: 'submission', to: 'review', by: 'staff:U-ADMIN', reason: 'Assez d’idées <!channel>' });
    const note = await c.slack.waitFor(() => c!.slack.messages('C-COMMITTEE').find((m) => m.ephemeralTo === 'U-ADMIN'), 'the private confirmation');
    expect(note.text).toContain('la phase « Examen des idées » est ouverte');

    // The same confirmation submitted again (a second click, another tab) moves nothing more.
    const again = ackBody(await c.submit('U-ADMIN', { ...confirm, id: 'VCONFIRM' }, {}));
    expect(again['response_action']).toBe('update');
    expect(textOf((again['view'] as Json)['blocks'])).toContain('La phase a changé');
    expect((await c.h.engine.status()).status).toMatchObject({ phase: 'review' });
  });

  it('two admins confirming the same move at once: the campaign moves once, the other admin is told in the committee’s language', async () => {
    const base = testCampaign();
    c = await startCommittee({ campaign: { ...base, staff: [...base.staff, { slackUserId: 'U-ADMIN2', name: 'Ada Admin', role: 'admin' }] } });
    const confirmations: Json[] = [];
    for (const admin of ['U-ADMIN', 'U-ADMIN2']) {
      const before = c.slack.calls.filter((x) => x.method === 'views.open').length;
      await c.command(admin, 'phase');
      const form = await c.slack.waitFor(() => c!.slack.calls.filter((x) => x.method === 'views.open')[before]?.response['view'] as Json | undefined, `${admin}'s phase form`);
      const pushed = ackBody(await c.submit(admin, form, { op: radio('advance'), reason: input(`Assez d’idées (${admin})`) }));
      confirmations.push({ ...(pushed['view'] as Json), id: `VCONFIRM${confirmations.length}` });
    }
    const answers = await Promise.all([c.submit('U-ADMIN', confirmations[0]!, {}), c.submit('U-ADMIN2', confirmations[1]!, {})]).then((a) => a.map(ackBody));
    expect(answers.filter((a) => a['response_action'] === 'clear')).toHaveLength(1);
    const refused = answers.filter((a) => a['response_action'] === 'update');
    expect(refused).toHaveLength(1);
    // Told why, in French: by the form's stamp, or by the engine when both passed it at once.
    expect(textOf((refused[0]!['view'] as Json)['blocks'])).toMatch(/La phase a changé|a quitté la phase « Dépôt des idées » entre-temps/);
    const { status, state } = await c.h.engine.status();
    expect(status).toMatchObject({ kind: 'open', phase: 'review' });
    expect(state.transitions.filter((t) => t.by.startsWith('staff:'))).toHaveLength(1);
  });

  it('is refused privately to a moderator who is not admin, and a forged form changes nothing', async () => {
    c = await startCommittee();
    await c.command('U-MOD1', 'phase');
    expect(await lastAnswer(c, 1)).toContain('Seul un administrateur');
    expect(c.slack.openViews('U-MOD1')).toEqual([]);
    // The admin's form, submitted by the moderator.
    await c.command('U-ADMIN', 'phase');
    const form = await c.slack.waitFor(() => c!.slack.openViews('U-ADMIN')[0], 'the phase form');
    const forged = ackBody(await c.submit('U-MOD1', form, { op: radio('advance'), reason: input('Je peux ?') }));
    expect(forged).toMatchObject({ response_action: 'errors', errors: { op: expect.stringContaining('Seul un administrateur') } });
    expect((await c.h.engine.status()).status).toMatchObject({ phase: 'submission' });
  });

  it('extends the current phase to a date and time of the campaign’s time zone', async () => {
    c = await startCommittee();
    await c.command('U-ADMIN', 'phase');
    const form = await c.slack.waitFor(() => c!.slack.openViews('U-ADMIN')[0], 'the phase form');
    const values = (date: string, time: string) => ({
      op: radio('extend'),
      until_date: { value: { type: 'datepicker', selected_date: date } },
      until_time: { value: { type: 'timepicker', selected_time: time } },
      reason: input('Les écoles ont demandé une semaine de plus'),
    });
    const early = ackBody(await c.submit('U-ADMIN', form, values('2026-05-10', '12:00')));
    expect(early).toMatchObject({ response_action: 'errors', errors: { until_date: expect.stringContaining('après la fin actuelle') } });
    const pushed = ackBody(await c.submit('U-ADMIN', form, values('2026-05-20', '18:00')));
    expect(pushed['response_action']).toBe('push');
    const confirm = pushed['view'] as Json;
    const until = Date.parse('2026-05-20T18:00:00+02:00');
    expect(textOf(confirm['blocks'])).toContain(`prolonger la phase *Dépôt des idées* jusqu'au *${c.committee.services.format.dateTime(until)}*`);
    expect(ackBody(await c.submit('U-ADMIN', { ...confirm, id: 'VCONFIRM' }, {}))).toEqual({ response_action: 'clear' });
    const { status, state } = await c.h.engine.status();
    expect(status).toMatchObject({ kind: 'open', phase: 'submission', closesAt: until });
    expect(state.windows.review.start).toBe(until);
    const notice = await c.slack.waitFor(() => publicMessages(c!).find((m) => m.text.includes('a prolongé')), 'the committee notice');
    expect(notice.text).toContain('<@U-ADMIN> a prolongé la phase *Dépôt des idées*');
    expect(notice.text).toContain('Les écoles ont demandé une semaine de plus');
  });

  it('shows the engine’s refusal in the modal: voting cannot open with fewer than two finalists', async () => {
    c = await startCommittee({ start: T.review + 1000 });
    await c.command('U-ADMIN', 'phase');
    const form = await c.slack.waitFor(() => c!.slack.openViews('U-ADMIN')[0], 'the phase form');
    const pushed = ackBody(await c.submit('U-ADMIN', form, { op: radio('advance'), reason: input('On vote plus tôt') }));
    const refused = ackBody(await c.submit('U-ADMIN', { ...(pushed['view'] as Json), id: 'VCONFIRM' }, {}));
    expect(refused['response_action']).toBe('update');
    expect(textOf((refused['view'] as Json)['blocks'])).toContain('moins de deux idées finalistes (il y en a 0)');
    expect((await c.h.engine.status()).status).toMatchObject({ phase: 'review' });
  });
});

describe('/pnyx export and codes', () => {
  /** An exporter over the engine's stores, written with the CLI export's CSV writer. */
  function exporterOf(h: () => CommitteeHarness): () => Promise<readonly CsvFile[]> {
    return async () => {
      const ideas = await h().h.stores.ideas.list();
      return [
        { filename: 'ideas.csv', title: 'Idées', content: csvDocument(['number', 'title', 'state'], ideas.map((i) => [i.number, i.title, i.state])) },
        { filename: 'participation.csv', title: 'Participation', content: csvDocument(['registered'], [[(await h().h.engine.digestFigures()).registered]]) },
      ];
    };
  }

  it('uploads the export’s CSV files to the channel with files.uploadV2, then reports', async () => {
    let self: CommitteeHarness | null = null;
    c = await startCommittee({ app: { exporter: exporterOf(() => self!) } });
    self = c;
    const a = await c.h.register(2001);
    await c.h.submit(a, 'Un potager partagé, virgule, "guillemets"');
    await c.command('U-MOD1', 'export');
    const done = await c.slack.waitFor(() => c!.slack.responses.find((r) => r.text.includes('Export envoyé')), 'the export report');
    expect(done.text).toContain('`ideas.csv`, `participation.csv`');
    const complete = c.slack.calls.filter((k) => k.method === 'files.completeUploadExternal');
    expect(complete).toHaveLength(1);
    expect(complete[0]!.args['channel_id']).toBe('C-COMMITTEE');
    const ids = (complete[0]!.args['files'] as Array<{ id: string }>).map((f) => f.id);
    const contents = ids.map((id) => uploaded(c!, id));
    expect(contents).toEqual(['number,title,state\r\n1,"Un potager partagé, virgule, ""guillemets""",submitted\r\n', 'registered\r\n1\r\n']);
    expect(c.slack.calls.some((k) => k.method === 'files.upload')).toBe(false);
  });

  it('says the export is not available when the service has no exporter', async () => {
    c = await startCommittee();
    await c.command('U-MOD1', 'export');
    expect(await lastAnswer(c, 1)).toContain("L'export n'est pas disponible");
    expect(c.slack.calls.some((k) => k.method.startsWith('files.'))).toBe(false);
  });

  it('issues N codes as a CSV file sent privately, never printed, and the codes exist', async () => {
    c = await startCommittee();
    await c.command('U-ADMIN', 'codes 5');
    const done = await c.slack.waitFor(() => c!.slack.responses.find((r) => r.text.includes('codes créés')), 'the codes report');
    expect(done.text).toContain('5 codes créés');
    const complete = c.slack.calls.find((k) => k.method === 'files.completeUploadExternal')!;
    // The app's direct messages with the admin (the stand-in names a DM by the user's id).
    expect(complete.args['channel_id']).toBe('U-ADMIN');
    const lines = uploaded(c, (complete.args['files'] as Array<{ id: string }>)[0]!.id).trim().split('\r\n');
    expect(lines[0]).toBe('code,issued_at');
    const codes = lines.slice(1).map((l) => l.split(',')[0]!);
    expect(codes).toHaveLength(5);
    for (const code of codes) expect(await c.h.stores.residents.getCode(code)).toMatchObject({ code, residentId: null, issuedBy: 'staff:U-ADMIN' });
    const everythingSaid = [...c.slack.responses.map((r) => r.text), ...c.slack.messages('C-COMMITTEE').map((m) => m.text), ...c.slack.messages('U-ADMIN').map((m) => m.text)].join('\n');
    for (const code of codes) expect(everythingSaid).not.toContain(code);
  });

  it('refuses a bad count — 0, -3, abc, 100000 — and a moderator, issuing nothing', async () => {
    c = await startCommittee();
    const tries = ['codes 0', 'codes -3', 'codes abc', 'codes 100000'];
    for (const [i, text] of tries.entries()) {
      await c.command('U-ADMIN', text);
      const said = await lastAnswer(c, i + 1);
      if (text === 'codes abc') expect(said).toContain("« abc » n'est pas un nombre entier");
      else expect(said).toContain('Le nombre de codes doit être un nombre entier de 1 à 10\u202f000');
    }
    await c.command('U-MOD1', 'codes 5');
    expect(await lastAnswer(c, tries.length + 1)).toContain('Seul un administrateur');
    expect(c.slack.calls.some((k) => k.method.startsWith('files.'))).toBe(false);
  });
});

describe('/pnyx ambassador', () => {
  it('grants and revokes the role to the resident named by their code or their id', async () => {
    c = await startCommittee({ campaign: testCampaign({ eligibility: { minimumAge: 18, areas: null, verification: 'code' } }) });
    const issued = await c.h.engine.issueCodes('staff:U-ADMIN', 1);
    if (!issued.ok) throw new Error(issued.code);
    const code = issued.value[0]!;
    const id = await c.h.register(3001);
    expect((await c.h.engine.verifyByCode(id, code)).ok).toBe(true);
    const role = async () => (await c!.h.stores.residents.get(id))?.role;

    await c.command('U-ADMIN', `ambassador grant ${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`);
    expect(await lastAnswer(c, 1)).toContain(`\`${code}\` est maintenant ambassadeur (quartier Centre`);
    expect(await role()).toBe('ambassador');
    await c.command('U-ADMIN', `ambassador grant ${code}`);
    expect(await lastAnswer(c, 2)).toContain('est déjà ambassadeur');
    await c.command('U-ADMIN', `ambassador revoke ${id}`);
    expect(await lastAnswer(c, 3)).toContain(`\`${id}\` n'est plus ambassadeur`);
    expect(await role()).toBe('resident');

    await c.command('U-ADMIN', 'ambassador grant ABCD-EFGH');
    expect(await lastAnswer(c, 4)).toContain("Ce code n'existe pas");
    await c.command('U-MOD1', `ambassador grant ${code}`);
    expect(await lastAnswer(c, 5)).toContain('Seul un administrateur');
    expect(await role()).toBe('resident');
  });
});

describe('/pnyx announce', () => {
  /** Delivers the committee's queued broadcast notices as the committee sender does: handler, then ack with its reference. */
  async function deliverBroadcastNotices(h: CommitteeHarness): Promise<string[]> {
    const { outbox } = h.h.stores;
    const claimed = await outbox.claim(h.h.clock.now(), 50, 60_000, { recipientKinds: ['committee'] });
    for (const m of claimed) {
      const handler = BROADCAST_NOTICES[m.template];
      if (handler === undefined) throw new Error(`no broadcast handler for ${m.template}`);
      expect(await outbox.ack(m.seq, m.token, await handler(h.committee.services, m))).toBe('ok');
    }
    return claimed.map((m) => m.template);
  }

  it('composes per language, previews exactly what residents read, sends, and shows the progress in place', async () => {
    c = await startCommittee();
    const residents = [await c.h.register(4001), await c.h.register(4002), await c.h.register(4003)];
    expect((await c.h.engine.setLanguage(residents[2]!, 'en')).ok).toBe(true);
    await c.command('U-ADMIN', 'announce');
    const compose = await c.slack.waitFor(() => c!.slack.openViews('U-ADMIN')[0], 'the announcement form');
    const fr = 'Réunion publique ce soir <!channel> & demain.\nVenez nombreux !';
    const en = 'Public meeting tonight.';
    const values = { text_fr: input(fr), text_en: input(en), audience: select('all') };

    const preview = ackBody(await c.submit('U-ADMIN', compose, values));
    expect(preview['response_action']).toBe('update');
    const previewView: Json = { ...(preview['view'] as Json), id: compose['id'] };
    const blocks = previewView['blocks'] as Json[];
    const plain = blocks.filter((b) => b['type'] === 'section' && (b['text'] as Json | undefined)?.['type'] === 'plain_text').map((b) => (b['text'] as Json)['text']);
    // Each language's text as typed (escaped for Slack), under the bot's header.
    expect(plain).toEqual(['Réunion publique ce soir &lt;!channel&gt; &amp; demain.\nVenez nombreux !', en]);
    expect(textOf(blocks)).toContain('📣 *Testville*');
    expect(textOf(blocks)).toContain('*Anglais* — ce que reçoivent les habitants qui lisent en anglais');
    // Nothing is sent by the preview.
    expect(await c.h.engine.listBroadcasts(null, 10)).toEqual([]);

    expect(ackBody(await c.submit('U-ADMIN', previewView, values))).toEqual({ response_action: 'clear' });
    const [broadcast] = await c.h.engine.listBroadcasts(null, 10);
    expect(broadcast).toMatchObject({ by: 'staff:U-ADMIN', content: { kind: 'texts', texts: { fr: fr.trim(), en } }, audience: { kind: 'all' } });
    const id = broadcast!.id;

    // The committee sender posts the progress message and keeps its reference.
    expect(await deliverBroadcastNotices(c)).toEqual(['committee.broadcast_started']);
    const ref = (await c.h.stores.messageRefs.get(`progress:${id}`))!;
    expect(ref).toMatchObject({ platform: 'slack', chat: 'C-COMMITTEE', owner: null });
    const progress = () => c!.slack.message('C-COMMITTEE', ref.messageId)!;
    expect(progress().text).toContain('Annonce en cours d\'envoi');

    // The messages go out: one sent, one given up, one still waiting.
    expect((await c.h.engine.fanOutBroadcast(id, 100)).ok).toBe(true);
    const { outbox } = c.h.stores;
    const batch = await outbox.claim(c.h.clock.now(), 10, 60_000, { recipientKinds: ['resident'] });
    expect(batch.map((m) => m.template)).toEqual(['broadcast.message', 'broadcast.message', 'broadcast.message']);
    await outbox.ack(batch[0]!.seq, batch[0]!.token);
    await outbox.fail(batch[1]!.seq, batch[1]!.token, 'blocked');

    const reporter = new BroadcastProgressReporter(c.committee.services, { minIntervalMs: 5000 });
    expect(await reporter.tick()).toBe(1);
    expect(progress().edits).toBe(1);
    expect(progress().text).toContain('1 envoyés, 1 échecs, 1 restants');
    expect(textOf(progress().blocks)).toContain('*Messages prévus*\n3');
    // Nothing changed: no edit.
    c.h.clock.advance(10_000);
    expect(await reporter.tick()).toBe(0);

    await outbox.ack(batch[2]!.seq, batch[2]!.token);
    c.h.clock.advance(10_000);
    // Looking at it settles the broadcast; the reporter leaves the summary to its final notice,
    // which edits the same message.
    expect(await reporter.tick()).toBe(0);
    expect(await deliverBroadcastNotices(c)).toEqual(['committee.broadcast_done']);
    expect(progress().text).toContain('Annonce envoyée');
    expect(progress().text).toContain('2 messages envoyés sur 3, 1 échecs');
    expect(progress().edits).toBe(2);
    expect(publicMessages(c).filter((m) => m.blocks !== null)).toHaveLength(1);
  });

  it('needs the default language, gives an empty language the default text, and previews again what changed', async () => {
    c = await startCommittee();
    await c.command('U-ADMIN', 'announce');
    const compose = await c.slack.waitFor(() => c!.slack.openViews('U-ADMIN')[0], 'the announcement form');
    const missing = ackBody(await c.submit('U-ADMIN', compose, { text_fr: input('  '), text_en: input('Only English'), audience: select('all') }));
    expect(missing).toMatchObject({ response_action: 'errors', errors: { text_fr: expect.stringContaining('Le texte en français est obligatoire') } });

    const first = { text_fr: input('Vote ouvert au Nord'), text_en: input(null), audience: select('area:north') };
    const preview = ackBody(await c.submit('U-ADMIN', compose, first));
    const previewView: Json = { ...(preview['view'] as Json), id: compose['id'] };
    expect(textOf(previewView['blocks'])).toContain('aucun texte en anglais : ces habitants recevront le texte en français');
    expect(textOf(previewView['blocks'])).toContain('Les habitants abonnés du quartier Nord');

    // Edited after the preview: previewed again, not sent.
    const edited = { ...first, text_fr: input('Vote ouvert au Nord, venez') };
    const again = ackBody(await c.submit('U-ADMIN', previewView, edited));
    expect(again['response_action']).toBe('update');
    expect(textOf((again['view'] as Json)['blocks'])).toContain('ont changé depuis l\'aperçu');
    expect(await c.h.engine.listBroadcasts(null, 10)).toEqual([]);

    expect(ackBody(await c.submit('U-ADMIN', { ...(again['view'] as Json), id: compose['id'] }, edited))).toEqual({ response_action: 'clear' });
    const [broadcast] = await c.h.engine.listBroadcasts(null, 10);
    expect(broadcast).toMatchObject({ content: { texts: { fr: 'Vote ouvert au Nord, venez', en: 'Vote ouvert au Nord, venez' } }, audience: { kind: 'area', area: 'north' } });
    const note = await c.slack.waitFor(() => c!.slack.messages('C-COMMITTEE').find((m) => m.ephemeralTo === 'U-ADMIN'), 'the private note');
    expect(note.text).toContain("L'annonce part. Sa progression s'affiche dans <#C-COMMITTEE>");
  });

  it('is for admins: a moderator is told privately and nothing opens', async () => {
    c = await startCommittee();
    await c.command('U-MOD2', 'announce');
    expect(await lastAnswer(c, 1)).toContain('Seul un administrateur');
    expect(c.slack.openViews('U-MOD2')).toEqual([]);
    await c.command(OUTSIDER, 'announce');
    expect(c.slack.openViews(OUTSIDER)).toEqual([]);
  });
});

