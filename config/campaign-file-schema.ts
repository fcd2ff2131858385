/**
 * The zod schema of a campaign YAML file (SPEC §2): shapes, value formats and per-field
 * checks. Checks that relate several fields (phase order, envelopes against cost bounds,
 * texts in every locale, ids that must exist) live in `campaign-checks.ts`. Every field has
 * a description: `configReference()` renders them as docs/CONFIGURATION.md.
 */
import { z } from 'zod';
import { PHASES } from '../core/campaign/campaign.ts';
import { checkLocaleTag } from './locales.ts';
import { isKnownCurrency } from './money.ts';
import { isKnownTimeZone, LOCAL_DATE_TIME_PATTERN } from './local-time.ts';
import { checkCronExpression } from './cron.ts';
import { parseLeadTime } from './duration.ts';

/** A strict object whose unknown-key error lists the keys allowed there. */
function strict<S extends z.ZodRawShape>(shape: S) {
  const allowed = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (iss) => (iss.code === 'unrecognized_keys' ? `unknown key; allowed here: ${allowed}` : undefined),
  });
}

const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_+-]*$/, 'expected an id of lowercase letters, digits, "-", "_" or "+" (e.g. "mobility")');

const localizedText = z.record(z.string(), z.string().min(1, 'expected a non-empty text'));

const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });

const localizedUrl = z.record(z.string(), httpUrl);

const localDateTime = z
  .string()
  .regex(LOCAL_DATE_TIME_PATTERN, 'expected a local date YYYY-MM-DD or date-time YYYY-MM-DDTHH:MM');

const cronExpression = z.string().superRefine((value, ctx) => {
  const problem = checkCronExpression(value);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});

const leadTime = z.string().superRefine((value, ctx) => {
  const parsed = parseLeadTime(value);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.problem });
});

/** Vote reminders when a file gives none: 3 days and 1 day before voting closes. */
export const DEFAULT_REMINDERS = ['3d', '1d'] as const;

const localeTag = z.string().superRefine((value, ctx) => {
  const problem = checkLocaleTag(value);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});

const slackUserId = z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'expected a Slack user id such as U024BE7LH');
const slackChannelId = z.string().regex(/^[CG][A-Z0-9]{2,}$/, 'expected a Slack channel id such as C024BE91L');

const END_DOC =
  'Exclusive end, local time: the phase is open up to but not including this instant (`end: 2026-07-01` closes at 30 June 24:00, i.e. the last moment is 30 June 23:59:59.999).';
const START_DOC = 'First instant of the phase, local time: `2026-04-09` means 00:00 that day; `2026-04-09T18:00` is 18:00.';

function phaseWindow(what: string) {
  return strict({
    start: localDateTime.describe(START_DOC),
    end: localDateTime.describe(END_DOC),
  }).describe(what);
}

/** Age bands used when a file gives none (SPEC §2.4 statistics). */
export const DEFAULT_AGE_BANDS = [
  { id: '18-24', min: 18, max: 24 },
  { id: '25-34', min: 25, max: 34 },
  { id: '35-44', min: 35, max: 44 },
  { id: '45-54', min: 45, max: 54 },
  { id: '55-64', min: 55, max: 64 },
  { id: '65-74', min: 65, max: 74 },
  { id: '75+', min: 75, max: null },
] as const;

const allowChange = z
  .boolean()
  .default(true)
  .describe('Whether a voter may replace their ballot until voting closes (the new ballot replaces the old one atomically).');

const tieBreak = z.enum(['lexico', 'votes-cost-id', 'mes-recommended', 'file']);

const ballotSchema = z
  .discriminatedUnion('rule', [
    strict({
      rule: z.literal('single').describe('Choose exactly one finalist.'),
      allowChange,
    }).describe('`single`: one finalist per ballot (the Bertrix rule).'),
    strict({
      rule: z.literal('approval').describe('Approve between `minChoices` and `maxChoices` finalists.'),
      minChoices: z.number().int().min(1).default(1).describe('Fewest finalists a ballot must approve (≥ 1).'),
      maxChoices: z.number().int().min(1).describe('Most finalists a ballot may approve (≥ `minChoices`).'),
      allowChange,
    })
      .superRefine((b, ctx) => {
        if (b.minChoices > b.maxChoices) {
          ctx.addIssue({ code: 'custom', path: ['minChoices'], message: `expected minChoices ≤ maxChoices (${b.minChoices} > ${b.maxChoices})` });
        }
      })
      .describe('`approval`: approve up to k finalists.'),
    strict({
      rule: z.literal('knapsack').describe('Choose any set of finalists whose total cost fits the envelope.'),
      allowChange,
    }).describe('`knapsack`: any set of finalists within the envelope.'),
    strict({
      rule: z.literal('cumulative').describe('Spread `points` points over finalists.'),
      points: z.number().int().min(1).describe('Points each voter spreads (≥ 1).'),
      maxPerIdea: z.number().int().min(1).optional().describe('Most points on one finalist (1 ≤ maxPerIdea ≤ points); defaults to `points`.'),
      allowChange,
    })
      .superRefine((b, ctx) => {
        if (b.maxPerIdea !== undefined && b.maxPerIdea > b.points) {
          ctx.addIssue({ code: 'custom', path: ['maxPerIdea'], message: `expected maxPerIdea ≤ points (${b.maxPerIdea} > ${b.points})` });
        }
      })
      .describe('`cumulative`: spread points.'),
  ])
  .describe('How residents fill their ballot (SPEC §2.3). One ballot per eligible resident per envelope.');

const tallySchema = z
  .discriminatedUnion('method', [
    strict({
      method: z.literal('greedy').describe('Most votes first, until the envelope is spent.'),
      variant: z
        .enum(['skip', 'no-skip'])
        .default('skip')
        .describe('`skip`: skip a project that no longer fits and go on; `no-skip`: stop at the first that does not fit.'),
      threshold: z.number().min(0).default(0).describe('Minimum score for a project to be funded; 0 = none.'),
      tieBreak: tieBreak
        .default('votes-cost-id')
        .describe('Order of tied projects: `lexico` (id), `votes-cost-id` (votes, then cheaper, then id), `mes-recommended`, or `file` (order of the imported file).'),
    }).describe('`greedy` tally.'),
    strict({
      method: z.literal('mes').describe('Method of Equal Shares.'),
      completion: z
        .enum(['none', 'add1', 'utilitarian', 'add1u'])
        .default('add1')
        .describe('How the budget left by MES is used: `none`, `add1` (raise the virtual budget by 1 per voter until spent), `utilitarian` (greedy on the rest), `add1u` (add1 then utilitarian).'),
      comparison: z.boolean().default(false).describe('Compare the result with greedy and keep the one more voters prefer.'),
      tieBreak: tieBreak.default('mes-recommended').describe('Order of tied projects (see greedy).'),
    }).describe('`mes` tally.'),
  ])
  .describe('How votes become funded projects; each envelope is tallied on its own (SPEC §2.3).');

const digestRecipientSchema = z
  .discriminatedUnion('channel', [
    strict({
      channel: z.literal('telegram').describe('Deliver in Telegram.'),
      chatId: z.number().int().describe('Telegram chat id of the recipient.'),
      name: z.string().min(1).describe('Who this is (shown to staff).'),
    }).describe('A Telegram chat (the recipient must have started the bot).'),
    strict({
      channel: z.literal('slack').describe('Deliver as a Slack direct message.'),
      userId: slackUserId.describe('Slack user id of the recipient.'),
      name: z.string().min(1).describe('Who this is (shown to staff).'),
    }).describe('A Slack user, by direct message.'),
  ])
  .describe('A recipient of the weekly digest: `channel: telegram` with `chatId`, or `channel: slack` with `userId`.');

/** The schema of a campaign YAML file (before cross-field checks and unit conversion). */
export const campaignFileSchema = strict({
  id: idSchema.describe('Campaign id, stable for the whole campaign (used in storage keys and exports), e.g. `bertrix-2026`.'),
  name: localizedText.describe('Campaign name, one text per enabled locale.'),
  defaultLocale: z.string().describe('Locale used when a resident has not chosen one; must be one of `locales`.'),
  locales: z
    .array(localeTag)
    .min(1)
    .describe('Enabled locales: canonical BCP-47 tags whose language the bot has texts for (fr, en, nl, de, pl; a region is allowed, e.g. `fr-BE`). Every localized text must be given in each of them, and in no other.'),
  timeZone: z
    .string()
    .refine(isKnownTimeZone, 'expected an IANA time zone such as Europe/Brussels')
    .describe('IANA time zone of the campaign; phase dates and schedules are read in it.'),
  population: z.number().int().positive().describe('Number of inhabitants, for participation rates.'),
  currency: z
    .string()
    .refine(isKnownCurrency, 'expected a 3-letter ISO 4217 currency code such as EUR')
    .describe('ISO 4217 currency code; all amounts in the file are in its major unit (euros, not cents).'),
  envelopes: z
    .array(
      strict({
        id: idSchema.describe('Envelope id.'),
        name: localizedText.describe('Envelope name per locale.'),
        area: idSchema.optional().describe('Area id for a per-area envelope; omit for the town-wide envelope (at most one).'),
        amount: z
          .number()
          .positive('expected an amount > 0')
          .describe('Amount in major units (`20000` or `20000.50`), no more decimals than the currency has; at least `ideaCost.max`.'),
      }),
    )
    .min(1, 'expected at least one envelope')
    .describe('Budget envelopes: one town-wide, and/or one per area (SPEC §2.3). Each is tallied on its own.'),
  ideaCost: strict({
    min: z.number().min(0, 'expected an amount ≥ 0').describe('Lowest estimated cost of an idea, major units, inclusive.'),
    max: z.number().positive('expected an amount > 0').describe('Highest estimated cost of an idea, major units, inclusive; ≥ `min`.'),
  })
    .superRefine((c, ctx) => {
      if (c.min > c.max) ctx.addIssue({ code: 'custom', path: ['min'], message: `expected min ≤ max (${c.min} > ${c.max})` });
    })
    .describe('Bounds of the estimated cost of an idea.'),
  categories: z
    .array(
      strict({
        id: idSchema.describe('Category id.'),
        name: localizedText.describe('Category name per locale.'),
      }),
    )
    .min(1, 'expected at least one category')
    .describe('Idea categories (mobility, environment, culture…).'),
  areas: z
    .array(
      strict({
        id: idSchema.describe('Area id.'),
        name: localizedText.describe('Area name per locale.'),
        postcodes: z.array(z.string().min(1)).default([]).describe('Postcodes of the area (may be empty; several areas may share one).'),
      }),
    )
    .min(1, 'expected at least one area')
    .describe('Areas of the town (neighbourhoods, villages); residents pick theirs at registration.'),
  ageBands: z
    .array(
      strict({
        id: idSchema.describe('Band id, e.g. `18-24`.'),
        min: z.number().int().min(0).describe('Lowest age in the band, inclusive.'),
        max: z.number().int().min(0).nullable().optional().describe('Highest age in the band, inclusive; omit or `null` for no upper bound.'),
      }),
    )
    .min(1)
    .default(DEFAULT_AGE_BANDS.map((b) => ({ ...b })))
    .describe('Age bands for participation statistics, in increasing order, not overlapping. Default: 18-24, 25-34, 35-44, 45-54, 55-64, 65-74, 75+.'),
  eligibility: strict({
    minimumAge: z.number().int().min(0).max(120).describe('Minimum age in years, inclusive.'),
    areas: z.array(idSchema).min(1).optional().describe('Areas whose residents may take part; omit for every area.'),
    verification: z
      .enum(['none', 'phone', 'code'])
      .default('none')
      .describe('Extra proof: `none`, `phone` (Telegram-verified phone number) or `code` (one-time code handed out by the town).'),
  }).describe('Who may take part (SPEC §2.4).'),
  phases: strict({
    submission: phaseWindow('Idea submission window.'),
    review: phaseWindow('Committee review and finalist selection window.'),
    voting: phaseWindow('Voting window.'),
    tallying: phaseWindow('Counting window.'),
    announced: strict({
      start: localDateTime.describe(START_DOC),
      end: localDateTime.optional().describe(`${END_DOC} Omit to keep the results published indefinitely; when given, the campaign is archived there.`),
    }).describe('Results published.'),
  }).describe(
    'Phase windows, half-open [start, end) in the campaign time zone, in this order and not overlapping (a phase may start where the previous one ends; a gap between two is "between phases").',
  ),
  ballot: ballotSchema,
  tally: tallySchema,
  reviewCriteria: z
    .array(
      strict({
        id: idSchema.describe('Criterion id.'),
        label: localizedText.describe('Criterion per locale, as shown to authors when it is the rejection reason.'),
      }),
    )
    .min(1, 'expected at least one review criterion')
    .describe('What the committee checks; also the rejection reasons offered to moderators.'),
  articles: z
    .array(
      strict({
        id: idSchema.describe('Article id.'),
        title: localizedText.describe('Title per locale.'),
        body: localizedText.describe('Text per locale, shown in the bot.'),
        url: httpUrl.optional().describe('Link to the full article on the town website.'),
        phase: z.enum(PHASES).optional().describe('Phase in which the article is featured; omit for always.'),
      }),
    )
    .default([])
    .describe('Explanatory articles shown in the bot and linked in updates.'),
  schedules: strict({
    residentUpdate: cronExpression.describe('Five-field cron expression (campaign time zone) of the weekly resident update, e.g. `0 9 * * 1` (Monday 09:00). Sent from the start of submission to the end of voting.'),
    mayorDigest: cronExpression.describe('Five-field cron expression (campaign time zone) of the mayor digest, e.g. `0 8 * * 5` (Friday 08:00). Sent from the start of submission until one week after the results are announced.'),
    reminders: z
      .array(leadTime)
      .max(10, 'expected at most 10 reminders')
      .optional()
      .describe(
        'Vote reminders: how long before voting closes each goes out, e.g. `["3d", "1d"]`; `[]` for none. Omitted: 3 days and 1 day before, those shorter than the voting window. Durations `3d`, `12h`, `1d12h`, `90m` or ISO 8601 `P3D`, `PT12H`. Each reminder goes once, only to residents who have not voted, while voting is open; when voting is extended it moves with the close.',
      ),
  }).describe('When recurring messages go out.'),
  digestRecipients: z.array(digestRecipientSchema).default([]).describe('Who receives the weekly digest (the mayor, aldermen).'),
  slack: strict({
    committee: slackChannelId.describe('Channel id for moderation cards and resident questions.'),
    announcements: slackChannelId.optional().describe('Channel id for phase notices and announcements; defaults to `committee`.'),
  }).describe('Slack channels of the committee.'),
  staff: z
    .array(
      strict({
        slackUserId: slackUserId.describe('Slack user id.'),
        name: z.string().min(1).describe('Display name.'),
        role: z.enum(['moderator', 'admin']).describe('`moderator` moderates ideas and answers residents; `admin` also moves phases, announces and exports.'),
      }),
    )
    .min(1, 'expected at least one staff member')
    .describe('Who may act in Slack; at least one `admin`.'),
  privacy: strict({
    version: z.string().min(1).describe('Version of the notice residents consent to; changing it asks everyone for consent again.'),
    url: localizedUrl.describe('URL of the notice, per locale.'),
  }).describe('Privacy notice (SPEC §2.4).'),
}).describe('A campaign file.');

/** A campaign file as validated by `campaignFileSchema` (defaults applied, units not yet converted). */
export type CampaignFile = z.output<typeof campaignFileSchema>;
