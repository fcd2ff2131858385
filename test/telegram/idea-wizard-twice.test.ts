/** A resident submits two ideas one after the other in the same chat: the second wizard runs whole too. */
import { afterEach, expect, it } from 'vitest';
import { startBot } from '../support/telegram/bot-harness.ts';
import type { BotHarness } from '../support/telegram/bot-harness.ts';
import { PROMPTS, Resident, fillWizard } from './idea-wizard-driver.ts';

let run: BotHarness | null = null;
afterEach(async () => {
  await run?.stop();
  run = null;
});

it('a second idea in the same chat goes through every step and is stored', async () => {
  run = await startBot();
  const b = run;
  const residentId = await b.h.register(651);
  await b.h.engine.setLanguage(residentId, 'en');
  const r = new Resident(b, b.api.user({ id: 651, firstName: 'Twice', languageCode: 'en' }));
  const p = PROMPTS.en;
  const answers = (title: string) => ({ title, description: `A description long enough for ${title}.`, category: 'mobility', area: null, cost: '1200', photo: false, location: null });
  await fillWizard(r, 'en', answers('Benches along the river'));
  await r.press('confirm', '', p.sent);
  await fillWizard(r, 'en', answers('Bicycle racks at the station'));
  await r.press('confirm', '', p.sent);
  const titles = (await b.h.stores.ideas.list({ authorId: residentId })).map((i) => i.title).sort();
  expect(titles).toEqual(['Benches along the river', 'Bicycle racks at the station']);
});

it('/idea in the middle of a wizard shows where it stands, and the wizard goes on from there', async () => {
  run = await startBot();
  const b = run;
  const residentId = await b.h.register(652);
  await b.h.engine.setLanguage(residentId, 'en');
  const r = new Resident(b, b.api.user({ id: 652, firstName: 'Again', languageCode: 'en' }));
  const p = PROMPTS.en;
  await r.say('/idea', p.title);
  await r.say('Benches along the river', p.description);
  await r.say('A description long enough for the benches.', p.category);
  await r.say('/idea', p.category);
  await r.press('pick', 'mobility', p.area);
  await r.press('town', '', p.cost);
  await r.say('1200', p.photo);
  await r.press('skip', '', p.location);
  await r.press('skip', '', p.summary);
  await r.press('confirm', '', p.sent);
  expect((await b.h.stores.ideas.list({ authorId: residentId })).map((i) => i.title)).toEqual(['Benches along the river']);
});
