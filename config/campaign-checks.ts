/**
 * Checks that relate several fields of a campaign file (SPEC §2): ids unique and existing,
 * texts in every enabled locale, amounts in the currency's precision and above the cost
 * bounds, phase windows in order. They run on whichever top-level sections passed the
 * schema, so one run reports as many problems as possible.
 */
import { WINDOWED_PHASES } from '../core/campaign/campaign.ts';
import type { CampaignFile } from './campaign-file-schema.ts';
import { currencyDecimals, toMinorUnits } from './money.ts';
import { localToEpochMs } from './local-time.ts';
import { formatLeadTime, parseLeadTime } from './duration.ts';

/** A problem found by a check, with the path as an array (`['categories', 2, 'id']`). */
export interface RawIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

type Sections = Partial<CampaignFile>;
type Path = (string | number)[];

/**
 * Runs every cross-field check whose sections are present and valid in `file`. Returns the
 * issues found, in file order of sections.
 */
export function checkCampaignFile(file: Sections): RawIssue[] {
  const issues: RawIssue[] = [];
  const add = (path: Path, message: string): void => {
    issues.push({ path, message });
  };
  checkLocales(file, add);
  checkLocalizedTexts(file, add);
  checkUniqueIds(file, add);
  checkEnvelopes(file, add);
  checkIdeaCost(file, add);
  checkAgeBands(file, add);
  checkEligibility(file, add);
  checkPhases(file, add);
  checkReminders(file, add);
  checkStaff(file, add);
  return issues;
}

type Add = (path: Path, message: string) => void;

function checkLocales(file: Sections, add: Add): void {
  if (file.locales === undefined) return;
  const seen = new Set<string>();
  file.locales.forEach((l, i) => {
    if (seen.has(l)) add(['locales', i], `locale "${l}" is listed twice`);
    seen.add(l);
  });
  if (file.defaultLocale !== undefined && !seen.has(file.defaultLocale)) {
    add(['defaultLocale'], `expected one of the enabled locales (${file.locales.join(', ')}); got "${file.defaultLocale}"`);
  }
}

/** Every localized text of the file, with its path. */
function* localizedTexts(file: Sections): Generator<{ path: Path; text: Readonly<Record<string, string>> }> {
  if (file.name !== undefined) yield { path: ['name'], text: file.name };
  for (const [key, field] of [
    ['envelopes', 'name'],
    ['categories', 'name'],
    ['areas', 'name'],
    ['reviewCriteria', 'label'],
    ['articles', 'title'],
    ['articles', 'body'],
  ] as const) {
    const list = file[key] as readonly Record<string, unknown>[] | undefined;
    for (const [i, item] of (list ?? []).entries()) {
      yield { path: [key, i, field], text: item[field] as Record<string, string> };
    }
  }
  if (file.privacy !== undefined) yield { path: ['privacy', 'url'], text: file.privacy.url };
}

function checkLocalizedTexts(file: Sections, add: Add): void {
  if (file.locales === undefined) return;
  const enabled = file.locales;
  for (const { path, text } of localizedTexts(file)) {
    for (const locale of enabled) {
      if (!(locale in text)) add([...path, locale], `missing text for enabled locale "${locale}"`);
    }
    for (const key of Object.keys(text)) {
      if (!enabled.includes(key)) add([...path, key], `locale "${key}" is not enabled (enabled: ${enabled.join(', ')}); remove this text or add the locale to \`locales\``);
    }
  }
}

function checkUniqueIds(file: Sections, add: Add): void {
  for (const key of ['categories', 'areas', 'envelopes', 'reviewCriteria', 'articles', 'ageBands'] as const) {
    const list = file[key] as readonly { id: string }[] | undefined;
    if (list === undefined) continue;
    const first = new Map<string, number>();
    list.forEach((item, i) => {
      const earlier = first.get(item.id);
      if (earlier !== undefined) add([key, i, 'id'], `duplicate id "${item.id}" (already used by ${key}[${earlier}])`);
      else first.set(item.id, i);
    });
  }
}

function checkEnvelopes(file: Sections, add: Add): void {
  const envelopes = file.envelopes;
  if (envelopes === undefined) return;
  const areaIds = file.areas?.map((a) => a.id);
  let townWide: number | undefined;
  const byArea = new Map<string, number>();
  envelopes.forEach((env, i) => {
    if (env.area === undefined) {
      if (townWide !== undefined) add(['envelopes', i], `at most one town-wide envelope (envelopes[${townWide}] is already town-wide); give this one an \`area\``);
      else townWide = i;
      return;
    }
    if (areaIds !== undefined && !areaIds.includes(env.area)) {
      add(['envelopes', i, 'area'], `unknown area "${env.area}"; expected one of: ${areaIds.join(', ')}`);
    }
    const other = byArea.get(env.area);
    if (other !== undefined) add(['envelopes', i, 'area'], `area "${env.area}" already has an envelope (envelopes[${other}])`);
    else byArea.set(env.area, i);
  });
  if (file.currency === undefined) return;
  const decimals = currencyDecimals(file.currency);
  const maxCost = file.ideaCost === undefined ? undefined : toMinorUnits(file.ideaCost.max, decimals);
  envelopes.forEach((env, i) => {
    const amount = toMinorUnits(env.amount, decimals);
    if (typeof amount === 'string') add(['envelopes', i, 'amount'], amount);
    else if (typeof maxCost === 'number' && amount < maxCost) {
      add(['envelopes', i, 'amount'], `expected an amount ≥ ideaCost.max (${file.ideaCost?.max}) so the dearest idea can be funded; got ${env.amount}`);
    }
  });
}

function checkIdeaCost(file: Sections, add: Add): void {
  if (file.ideaCost === undefined || file.currency === undefined) return;
  const decimals = currencyDecimals(file.currency);
  for (const bound of ['min', 'max'] as const) {
    const minor = toMinorUnits(file.ideaCost[bound], decimals);
    if (typeof minor === 'string') add(['ideaCost', bound], minor);
  }
}

function checkAgeBands(file: Sections, add: Add): void {
  const bands = file.ageBands;
  if (bands === undefined) return;
  bands.forEach((band, i) => {
    const max = band.max ?? null;
    if (max !== null && max < band.min) add(['ageBands', i, 'max'], `expected max ≥ min (${max} < ${band.min})`);
    if (max === null && i < bands.length - 1) add(['ageBands', i, 'max'], 'only the last band may be open-ended; give this band a max');
    const prev = bands[i - 1];
    if (prev !== undefined && prev.max !== null && prev.max !== undefined && band.min !== prev.max + 1) {
      add(['ageBands', i, 'min'], `expected bands in increasing order without gap or overlap: this band should start at ${prev.max + 1}`);
    }
  });
  const first = bands[0];
  const minimumAge = file.eligibility?.minimumAge;
  if (first !== undefined && minimumAge !== undefined && first.min > minimumAge) {
    add(['ageBands', 0, 'min'], `expected the first band to start at or below eligibility.minimumAge (${minimumAge}) so every participant has a band`);
  }
}

function checkEligibility(file: Sections, add: Add): void {
  const areas = file.eligibility?.areas;
  const areaIds = file.areas?.map((a) => a.id);
  if (areas === undefined || areaIds === undefined) return;
  areas.forEach((id, i) => {
    if (!areaIds.includes(id)) add(['eligibility', 'areas', i], `unknown area "${id}"; expected one of: ${areaIds.join(', ')}`);
  });
}

function checkPhases(file: Sections, add: Add): void {
  const phases = file.phases;
  if (phases === undefined || file.timeZone === undefined) return;
  const zone = file.timeZone;
  let previous: { name: string; end: number } | undefined;
  for (const name of WINDOWED_PHASES) {
    const window = phases[name] as { start: string; end?: string };
    const start = localToEpochMs(window.start, zone);
    if (typeof start === 'string') add(['phases', name, 'start'], start);
    const end = window.end === undefined ? null : localToEpochMs(window.end, zone);
    if (typeof end === 'string') add(['phases', name, 'end'], end);
    if (typeof start !== 'number') {
      previous = undefined;
      continue;
    }
    if (typeof end === 'number' && end <= start) {
      add(['phases', name, 'end'], `expected the end (${window.end}, exclusive) to be after the start (${window.start})`);
    }
    if (previous !== undefined && start < previous.end) {
      add(['phases', name, 'start'], `expected ${name} to start at or after the end of ${previous.name} (phases must be in order and not overlap); got ${window.start}`);
    }
    previous = typeof end === 'number' && end > start ? { name, end } : undefined;
  }
}

/** Vote reminders: no lead time twice, none as long as the voting window (it would fall before voting opens). */
function checkReminders(file: Sections, add: Add): void {
  const reminders = file.schedules?.reminders;
  if (reminders === undefined) return;
  const seen = new Map<number, number>();
  const voting = file.phases?.voting;
  const zone = file.timeZone;
  const start = voting === undefined || zone === undefined ? null : localToEpochMs(voting.start, zone);
  const end = voting === undefined || zone === undefined ? null : localToEpochMs(voting.end, zone);
  const length = typeof start === 'number' && typeof end === 'number' && end > start ? end - start : null;
  reminders.forEach((text, i) => {
    const parsed = parseLeadTime(text);
    if (!parsed.ok) return;
    const earlier = seen.get(parsed.ms);
    if (earlier !== undefined) add(['schedules', 'reminders', i], `"${text}" is the same lead time as reminders[${earlier}]`);
    else seen.set(parsed.ms, i);
    if (length !== null && parsed.ms >= length) {
      add(['schedules', 'reminders', i], `"${text}" before the close falls before voting opens (the voting window is ${formatLeadTime(length)}): expected a shorter lead time`);
    }
  });
}

function checkStaff(file: Sections, add: Add): void {
  const staff = file.staff;
  if (staff === undefined) return;
  const seen = new Map<string, number>();
  staff.forEach((member, i) => {
    const earlier = seen.get(member.slackUserId);
    if (earlier !== undefined) add(['staff', i, 'slackUserId'], `"${member.slackUserId}" is already listed (staff[${earlier}])`);
    else seen.set(member.slackUserId, i);
  });
  if (!staff.some((m) => m.role === 'admin')) add(['staff'], 'expected at least one member with role "admin" (who can move phases)');
}
