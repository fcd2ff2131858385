import { describe, expect, it } from 'vitest';
import { harness } from '../support/engine-harness.ts';
import { testCampaign, T, DAY } from '../support/test-campaign.ts';
import { participationFigures } from '../../core/figures/participation-figures.ts';
import { VoterKeys } from '../../core/ballots/voter-keys.ts';
import { createEngine } from '../../core/engine/campaign-engine.ts';
import { createMemoryStores } from '../support/memory/memory-stores.ts';
import { FixedClock } from '../support/fixed-clock.ts';
import { SequentialIds } from '../support/sequential-ids.ts';

describe('registration', () => {
  it('walks language → consent → age → area → done, greeting in the Telegram language when enabled', async () => {
    const h = harness();
    const r = await h.engine.openResident(42, 'Léa', 'en-GB');
    expect(r).toMatchObject({ id: 'tg:42', locale: 'en', step: 'language', version: 1 });
    const steps: string[] = [];
    for (const a of [
      { step: 'language', locale: 'fr' },
      { step: 'consent', accepted: true },
      { step: 'age', band: '65+' },
      { step: 'area', area: 'north' },
    ] as const) {
      const x = await h.engine.answerRegistration(r.id, a);
      if (!x.ok) throw new Error(x.code);
      steps.push(x.value.step);
    }
    expect(steps).toEqual(['consent', 'age', 'area', 'done']);
    const me = await h.stores.residents.get(r.id);
    expect(me).toMatchObject({ locale: 'fr', consent: { version: '2026-03' }, registeredAt: h.clock.now() });
  });

  it('refuses bad answers and changes nothing', async () => {
    const h = harness();
    const r = await h.engine.openResident(1, null, null);
    expect(r.locale).toBe('fr');
    expect(await h.engine.answerRegistration(r.id, { step: 'language', locale: 'xx' })).toMatchObject({ ok: false, code: 'registration.unknown_language' });
    expect(await h.engine.answerRegistration(r.id, { step: 'consent', accepted: false })).toMatchObject({ ok: false, code: 'registration.consent_required' });
    expect(await h.engine.answerRegistration(r.id, { step: 'age', band: '16-17' })).toMatchObject({ ok: false, code: 'registration.too_young', params: { minimumAge: 18 } });
    expect(await h.engine.answerRegistration(r.id, { step: 'area', area: 'mars' })).toMatchObject({ ok: false, code: 'registration.unknown_area' });
    expect((await h.stores.residents.get(r.id))?.version).toBe(1);
  });

  it('area eligibility and code verification', async () => {
    const c = testCampaign({ eligibility: { minimumAge: 18, areas: ['centre'], verification: 'code' } });
    const h = harness(c);
    const r = await h.engine.openResident(1, null, 'fr');
    await h.engine.answerRegistration(r.id, { step: 'language', locale: 'fr' });
    await h.engine.answerRegistration(r.id, { step: 'consent', accepted: true });
    await h.engine.answerRegistration(r.id, { step: 'age', band: '18-34' });
    expect(await h.engine.answerRegistration(r.id, { step: 'area', area: 'north' })).toMatchObject({ ok: false, code: 'registration.area_not_eligible' });
    expect(await h.engine.answerRegistration(r.id, { step: 'area', area: 'centre' })).toMatchObject({ ok: true, value: { step: 'verification' } });
    expect(await h.engine.submitIdea(r.id, { title: 'Some idea title', description: 'Long enough description here.', category: 'nature', area: null, cost: 100_000 })).toMatchObject({ ok: false, code: 'registration.not_verified' });
    const codes = await h.engine.issueCodes('cli', 1);
    if (!codes.ok) throw new Error(codes.code);
    expect(await h.engine.verifyByCode(r.id, 'nope')).toMatchObject({ ok: false, code: 'code.malformed' });
    expect(await h.engine.verifyByCode(r.id, codes.value[0]!)).toMatchObject({ ok: true, value: { step: 'done', verified: { method: 'code' } } });
    const other = await h.engine.openResident(2, null, 'fr');
    for (const a of [
      { step: 'language', locale: 'fr' },
      { step: 'consent', accepted: true },
      { step: 'age', band: '18-34' },
      { step: 'area', area: 'centre' },
    ] as const) await h.engine.answerRegistration(other.id, a);
    expect(await h.engine.verifyByCode(other.id, codes.value[0]!)).toMatchObject({ ok: false, code: 'code.used' });
    expect(await h.engine.verifyByCode(other.id, 'ZZZZ-ZZZZ')).toMatchObject({ ok: false, code: 'code.unknown' });
  });

  it('language, stop/resume updates, my data export', async () => {
    const h = harness();
    const id = await h.register(1);
    expect(await h.engine.setLanguage(id, 'en')).toMatchObject({ ok: true, value: { locale: 'en' } });
    expect(await h.engine.setLanguage(id, 'de')).toMatchObject({ ok: false, code: 'registration.unknown_language' });
    expect(await h.engine.setSubscribed(id, false)).toMatchObject({ ok: true, value: { subscribed: false } });
    const other = await h.register(2);
    const idea = await h.submit(other, 'Benches in the park');
    await h.engine.supportIdea(id, idea.id, true);
    const mine = await h.submit(id, 'Bike racks at the station');
    const data = await h.engine.exportMyData(id);
    expect(data).toMatchObject({ ok: true, value: { resident: { id }, supported: [idea.number], ballots: [] } });
    expect(data.ok && data.value.ideas.map((i) => i.id)).toEqual([mine.id]);
  });

  it("forget me erases the resident's chat state, even before registration, and no one else's", async () => {
    const h = harness();
    const id = await h.register(1);
    const other = await h.register(2);
    const now = h.clock.now();
    const write = (key: string, owner: string) => h.stores.chat.write(key, { step: 'idea.title', draft: 'Bänke' }, { owner, ttlMs: DAY, now });
    await write('session:1', id);
    await write('conv:1', id);
    await write('session:2', other);
    // Someone still in the registration wizard: no resident record yet, only chat state.
    await write('session:3', 'tg:3');
    expect(await h.engine.forgetMe(id)).toMatchObject({ ok: true });
    expect(await h.stores.chat.read('session:1', now)).toBeUndefined();
    expect(await h.stores.chat.read('conv:1', now)).toBeUndefined();
    expect(await h.stores.chat.read('session:2', now)).toEqual({ step: 'idea.title', draft: 'Bänke' });
    expect(await h.engine.forgetMe('tg:3')).toMatchObject({ ok: true });
    expect(await h.stores.chat.read('session:3', now)).toBeUndefined();
    expect(await h.stores.chat.eraseOwner(other)).toBe(1);
  });

  it('roles are given by admins only', async () => {
    const h = harness();
    const id = await h.register(1);
    expect(await h.engine.setRole('U-MOD1', id, 'ambassador')).toMatchObject({ ok: false, code: 'staff.admin_only' });
    expect(await h.engine.setRole('U-ADMIN', id, 'ambassador')).toMatchObject({ ok: true, value: { role: 'ambassador' } });
  });
});

describe('PNYX_SECRET check', () => {
  it('initialises, matches, and refuses a changed secret', async () => {
    const stores = createMemoryStores();
    const make = (secret: string) => createEngine({ campaign: testCampaign(), stores, clock: new FixedClock(), ids: new SequentialIds(), keys: new VoterKeys(secret) });
    expect(await make('first-secret-0123456789').start()).toEqual({ ok: true, value: 'initialized' });
    expect(await make('first-secret-0123456789').start()).toEqual({ ok: true, value: 'match' });
    expect(await make('other-secret-0123456789').start()).toMatchObject({ ok: false, code: 'secret.mismatch' });
  });
  it('refuses a short secret and never shows it', () => {
    expect(() => new VoterKeys('short')).toThrow(/at least 16/);
    expect(JSON.stringify({ k: new VoterKeys('a-very-secret-value-123') })).not.toContain('a-very-secret');
  });
});

describe('participation figures', () => {
  it('adds up: registered %, bands, areas, backlog, turnout, weekly deltas', async () => {
    const h = harness();
    const ids = [];
    for (let i = 0; i < 6; i++) {
      ids.push(await h.register(i + 1, i % 2 === 0 ? 'centre' : 'north', i < 2 ? '18-34' : '65+'));
      if (i === 2) h.clock.advance(8 * DAY);
    }
    const idea = await h.submit(ids[0]!, 'Bike racks at the station');
    await h.submit(ids[1]!, 'Benches in the park');
    h.clock.advance(2 * DAY);
    await h.engine.moderateIdea('U-MOD1', idea.id, 1, { outcome: 'eligible', comment: null });
    const f = await h.engine.digestFigures();
    expect(f).toMatchObject({
      registered: 6,
      registeredPercent: 0.1,
      newRegistrations: { thisWeek: 3, lastWeek: 3, delta: 0 },
      byAgeBand: { '18-34': 2, '65+': 4, '35-64': 0, '16-17': 0 },
      byArea: { centre: 3, north: 3 },
      ideasByCategory: { mobility: 2, nature: 0 },
      ideasByState: { eligible: 1, submitted: 1 },
      backlog: 1,
      oldestWaitMs: 2 * DAY,
      voters: 0,
      turnoutPercent: 0,
      phase: 'submission',
      nextMilestone: { phase: 'review', at: T.review },
    });
    expect(f.daysLeft).toBe(Math.ceil((T.review - h.clock.now()) / DAY));
  });

  it('turnout is voters over registered', () => {
    const c = testCampaign();
    const f = participationFigures(c, { residents: [], ideas: [], ballotsByEnvelope: { town: 3 }, voters: 3, assistedBallots: 1, status: { kind: 'open', phase: 'voting', closesAt: null, held: null }, nextPhase: null }, 0);
    expect(f.assistedBallots).toBe(1);
    expect(f.turnoutPercent).toBe(0);
    expect(f.daysLeft).toBeNull();
  });
});

describe('forget me and deliveries', () => {
  it('removes the outbox messages addressed to the resident and the message references they own, nobody else’s', async () => {
    const h = harness();
    const gone = await h.register(1);
    const stays = await h.register(2);
    await h.submit(gone, 'Bike racks at the station');
    await h.submit(stays, 'Benches in the park');
    const now = h.clock.now();
    await h.stores.outbox.enqueue([
      { key: 'bc:1:gone', recipient: { kind: 'resident', residentId: gone }, template: 'notify.update', params: {}, notBefore: now, group: 'bc:1' },
      { key: 'bc:1:stays', recipient: { kind: 'resident', residentId: stays }, template: 'notify.update', params: {}, notBefore: now, group: 'bc:1' },
    ]);
    await h.stores.messageRefs.put({ key: `builder:${gone}:town`, platform: 'telegram', chat: '1', messageId: '5', owner: gone, at: now });
    await h.stores.messageRefs.put({ key: `builder:${stays}:town`, platform: 'telegram', chat: '2', messageId: '5', owner: stays, at: now });
    const toGone = (await h.stores.outbox.list(0, 1000)).filter((m) => m.recipient.kind === 'resident' && m.recipient.residentId === gone);
    expect(toGone.length).toBeGreaterThan(1);

    expect(await h.engine.forgetMe(gone)).toMatchObject({ ok: true });
    const left = await h.stores.outbox.list(0, 1000);
    expect(left.filter((m) => m.recipient.kind === 'resident' && m.recipient.residentId === gone)).toEqual([]);
    expect(left.filter((m) => m.recipient.kind === 'resident' && m.recipient.residentId === stays).length).toBeGreaterThan(1);
    expect(JSON.stringify(left)).not.toContain(`"${gone}"`);
    expect(await h.stores.outbox.groupCounts('bc:1')).toEqual({ pending: 1, sent: 0, failed: 0, skipped: 0 });
    expect(await h.stores.messageRefs.get(`builder:${gone}:town`)).toBeNull();
    expect(await h.stores.messageRefs.findByMessage('telegram', '1', '5')).toBeNull();
    expect(await h.stores.messageRefs.get(`builder:${stays}:town`)).not.toBeNull();
  });
});
