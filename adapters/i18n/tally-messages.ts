/**
 * Explanations of the count for people, in the campaign's languages: renders the `{code,
 * params}` values of core/tally/explain.ts. Hand-written (a few dozen sentences) rather than a
 * Fluent bundle: the messenger adapters will bring the full catalogue with grammY's i18n plugin.
 */
import type { Locale } from '../../core/campaign/campaign.ts';

type Params = Readonly<Record<string, string | number | boolean | null>>;
type Render = (p: Params, money: (v: unknown) => string) => string;

/** Languages the explanations exist in; others fall back to English. */
export const TALLY_LOCALES = ['en', 'fr', 'nl', 'de', 'pl'] as const;

const n = (v: unknown): string => {
  const x = Number(v);
  return Number.isFinite(x) ? String(Math.round(x * 100) / 100) : String(v);
};

const CATALOG: Record<(typeof TALLY_LOCALES)[number], Record<string, Render>> = {
  en: {
    'tally.funded': (p, m) => `funded: ${n(p.score)} votes, costs ${m(p.cost)}; ${m(p.left)} left`,
    'tally.funded_by_completion': (p, m) => `funded when the leftover was shared out: ${n(p.score)} votes, costs ${m(p.cost)}; ${m(p.left)} left`,
    'tally.skipped_not_enough_left': (p, m) => `not funded: needed ${m(p.needed)} more than was left (${m(p.left)} left, costs ${m(p.cost)})`,
    'tally.stopped_not_enough_left': (p, m) => `not funded: it did not fit (${m(p.left)} left, costs ${m(p.cost)}), and the count stops at the first idea that does not fit`,
    'tally.not_reached_no_skip': (p) => `not funded: the count stopped before reaching it (${n(p.score)} votes)`,
    'tally.below_threshold': (p) => `not eligible: ${n(p.score)} votes, below the minimum of ${n(p.threshold)}`,
    'tally.mes_funded': (p, m) => `funded by equal shares: ${n(p.effectiveVotes)} supporters paid for it, at most ${m(p.share)} each; ${m(p.left)} left`,
    'tally.mes_supporters_cannot_afford': (p, m) => `not funded: its supporters' shares (${m(p.money)}) could not cover its cost (${m(p.cost)})`,
    'tally.mes_no_supporters': () => 'not funded: nobody voted for it',
    'tally.mes_zero_cost': () => 'not funded: it has no cost to share',
    'tally.not_considered': () => 'not funded',
    'tally.add1_endowment': (p, m) => `each voter's share was raised step by step to ${m(p.endowment)} to spend more of the envelope`,
    'tally.comparison_kept_mes': (p) => `equal shares kept: ${n(p.prefersMes)} voters prefer it, ${n(p.prefersGreedy)} prefer most-votes`,
    'tally.comparison_chose_greedy': (p) => `most-votes result chosen: ${n(p.prefersGreedy)} voters prefer it, ${n(p.prefersMes)} prefer equal shares`,
    'ballot.project_funded': (p) => `#${p.project} — funded`,
    'ballot.project_not_funded': (p) => `#${p.project} — not funded`,
    'ballot.paid': (p, m) => `your share paid ${m(p.paid)} of ${m(p.endowment)}`,
  },
  fr: {
    'tally.funded': (p, m) => `financé : ${n(p.score)} voix, coûte ${m(p.cost)} ; il reste ${m(p.left)}`,
    'tally.funded_by_completion': (p, m) => `financé lors de la répartition du reliquat : ${n(p.score)} voix, coûte ${m(p.cost)} ; il reste ${m(p.left)}`,
    'tally.skipped_not_enough_left': (p, m) => `non financé : il manquait ${m(p.needed)} (il restait ${m(p.left)}, coûte ${m(p.cost)})`,
    'tally.stopped_not_enough_left': (p, m) => `non financé : il ne rentrait pas dans l'enveloppe (il restait ${m(p.left)}, coûte ${m(p.cost)}) et le dépouillement s'arrête au premier projet qui ne rentre pas`,
    'tally.not_reached_no_skip': (p) => `non financé : le dépouillement s'est arrêté avant lui (${n(p.score)} voix)`,
    'tally.below_threshold': (p) => `non retenu : ${n(p.score)} voix, sous le minimum de ${n(p.threshold)}`,
    'tally.mes_funded': (p, m) => `financé à parts égales : ${n(p.effectiveVotes)} soutiens l'ont payé, au plus ${m(p.share)} chacun ; il reste ${m(p.left)}`,
    'tally.mes_supporters_cannot_afford': (p, m) => `non financé : les parts de ses soutiens (${m(p.money)}) ne couvraient pas son coût (${m(p.cost)})`,
    'tally.mes_no_supporters': () => "non financé : personne n'a voté pour lui",
    'tally.mes_zero_cost': () => "non financé : il n'a pas de coût à partager",
    'tally.not_considered': () => 'non financé',
    'tally.add1_endowment': (p, m) => `la part de chaque votant a été relevée pas à pas jusqu'à ${m(p.endowment)} pour dépenser davantage l'enveloppe`,
    'tally.comparison_kept_mes': (p) => `parts égales retenues : ${n(p.prefersMes)} votants les préfèrent, ${n(p.prefersGreedy)} préfèrent le classement par voix`,
    'tally.comparison_chose_greedy': (p) => `classement par voix retenu : ${n(p.prefersGreedy)} votants le préfèrent, ${n(p.prefersMes)} préfèrent les parts égales`,
    'ballot.project_funded': (p) => `n° ${p.project} — financé`,
    'ballot.project_not_funded': (p) => `n° ${p.project} — non financé`,
    'ballot.paid': (p, m) => `votre part a payé ${m(p.paid)} sur ${m(p.endowment)}`,
  },
  nl: {
    'tally.funded': (p, m) => `gefinancierd: ${n(p.score)} stemmen, kost ${m(p.cost)}; nog ${m(p.left)} over`,
    'tally.funded_by_completion': (p, m) => `gefinancierd bij het verdelen van het restbedrag: ${n(p.score)} stemmen, kost ${m(p.cost)}; nog ${m(p.left)} over`,
    'tally.skipped_not_enough_left': (p, m) => `niet gefinancierd: er was ${m(p.needed)} te weinig (nog ${m(p.left)} over, kost ${m(p.cost)})`,
    'tally.stopped_not_enough_left': (p, m) => `niet gefinancierd: het paste niet (nog ${m(p.left)} over, kost ${m(p.cost)}) en de telling stopt bij het eerste idee dat niet past`,
    'tally.not_reached_no_skip': (p) => `niet gefinancierd: de telling stopte ervoor (${n(p.score)} stemmen)`,
    'tally.below_threshold': (p) => `niet in aanmerking: ${n(p.score)} stemmen, onder het minimum van ${n(p.threshold)}`,
    'tally.mes_funded': (p, m) => `gefinancierd met gelijke delen: ${n(p.effectiveVotes)} steunende stemmers betaalden, elk hoogstens ${m(p.share)}; nog ${m(p.left)} over`,
    'tally.mes_supporters_cannot_afford': (p, m) => `niet gefinancierd: de delen van de steunende stemmers (${m(p.money)}) dekten de kosten (${m(p.cost)}) niet`,
    'tally.mes_no_supporters': () => 'niet gefinancierd: niemand stemde ervoor',
    'tally.mes_zero_cost': () => 'niet gefinancierd: er zijn geen kosten om te delen',
    'tally.not_considered': () => 'niet gefinancierd',
    'tally.add1_endowment': (p, m) => `het deel van elke stemmer werd stap voor stap verhoogd tot ${m(p.endowment)} om meer van de enveloppe te besteden`,
    'tally.comparison_kept_mes': (p) => `gelijke delen behouden: ${n(p.prefersMes)} stemmers verkiezen het, ${n(p.prefersGreedy)} verkiezen de meeste stemmen`,
    'tally.comparison_chose_greedy': (p) => `meeste stemmen gekozen: ${n(p.prefersGreedy)} stemmers verkiezen het, ${n(p.prefersMes)} verkiezen gelijke delen`,
    'ballot.project_funded': (p) => `nr. ${p.project} — gefinancierd`,
    'ballot.project_not_funded': (p) => `nr. ${p.project} — niet gefinancierd`,
    'ballot.paid': (p, m) => `uw deel betaalde ${m(p.paid)} van ${m(p.endowment)}`,
  },
  de: {
    'tally.funded': (p, m) => `finanziert: ${n(p.score)} Stimmen, kostet ${m(p.cost)}; ${m(p.left)} übrig`,
    'tally.funded_by_completion': (p, m) => `beim Verteilen des Restbetrags finanziert: ${n(p.score)} Stimmen, kostet ${m(p.cost)}; ${m(p.left)} übrig`,
    'tally.skipped_not_enough_left': (p, m) => `nicht finanziert: es fehlten ${m(p.needed)} (${m(p.left)} übrig, kostet ${m(p.cost)})`,
    'tally.stopped_not_enough_left': (p, m) => `nicht finanziert: es passte nicht (${m(p.left)} übrig, kostet ${m(p.cost)}), und die Auszählung endet beim ersten Vorschlag, der nicht passt`,
    'tally.not_reached_no_skip': (p) => `nicht finanziert: die Auszählung endete vorher (${n(p.score)} Stimmen)`,
    'tally.below_threshold': (p) => `nicht zugelassen: ${n(p.score)} Stimmen, unter dem Minimum von ${n(p.threshold)}`,
    'tally.mes_funded': (p, m) => `zu gleichen Teilen finanziert: ${n(p.effectiveVotes)} Unterstützende zahlten, jeweils höchstens ${m(p.share)}; ${m(p.left)} übrig`,
    'tally.mes_supporters_cannot_afford': (p, m) => `nicht finanziert: die Anteile der Unterstützenden (${m(p.money)}) deckten die Kosten (${m(p.cost)}) nicht`,
    'tally.mes_no_supporters': () => 'nicht finanziert: niemand hat dafür gestimmt',
    'tally.mes_zero_cost': () => 'nicht finanziert: es gibt keine Kosten zu teilen',
    'tally.not_considered': () => 'nicht finanziert',
    'tally.add1_endowment': (p, m) => `der Anteil jeder Person wurde schrittweise auf ${m(p.endowment)} erhöht, um mehr vom Budget auszugeben`,
    'tally.comparison_kept_mes': (p) => `gleiche Anteile beibehalten: ${n(p.prefersMes)} Abstimmende bevorzugen sie, ${n(p.prefersGreedy)} die meisten Stimmen`,
    'tally.comparison_chose_greedy': (p) => `meiste Stimmen gewählt: ${n(p.prefersGreedy)} Abstimmende bevorzugen es, ${n(p.prefersMes)} gleiche Anteile`,
    'ballot.project_funded': (p) => `Nr. ${p.project} — finanziert`,
    'ballot.project_not_funded': (p) => `Nr. ${p.project} — nicht finanziert`,
    'ballot.paid': (p, m) => `Ihr Anteil zahlte ${m(p.paid)} von ${m(p.endowment)}`,
  },
  pl: {
    'tally.funded': (p, m) => `sfinansowany: ${n(p.score)} głosów, kosztuje ${m(p.cost)}; zostało ${m(p.left)}`,
    'tally.funded_by_completion': (p, m) => `sfinansowany przy podziale reszty: ${n(p.score)} głosów, kosztuje ${m(p.cost)}; zostało ${m(p.left)}`,
    'tally.skipped_not_enough_left': (p, m) => `niesfinansowany: zabrakło ${m(p.needed)} (zostało ${m(p.left)}, kosztuje ${m(p.cost)})`,
    'tally.stopped_not_enough_left': (p, m) => `niesfinansowany: nie zmieścił się (zostało ${m(p.left)}, kosztuje ${m(p.cost)}), a liczenie kończy się na pierwszym projekcie, który się nie mieści`,
    'tally.not_reached_no_skip': (p) => `niesfinansowany: liczenie zakończyło się wcześniej (${n(p.score)} głosów)`,
    'tally.below_threshold': (p) => `niedopuszczony: ${n(p.score)} głosów, poniżej progu ${n(p.threshold)}`,
    'tally.mes_funded': (p, m) => `sfinansowany równymi udziałami: zapłaciło ${n(p.effectiveVotes)} popierających, każdy najwyżej ${m(p.share)}; zostało ${m(p.left)}`,
    'tally.mes_supporters_cannot_afford': (p, m) => `niesfinansowany: udziały popierających (${m(p.money)}) nie pokryły kosztu (${m(p.cost)})`,
    'tally.mes_no_supporters': () => 'niesfinansowany: nikt na niego nie głosował',
    'tally.mes_zero_cost': () => 'niesfinansowany: nie ma kosztu do podziału',
    'tally.not_considered': () => 'niesfinansowany',
    'tally.add1_endowment': (p, m) => `udział każdego głosującego podnoszono stopniowo do ${m(p.endowment)}, aby wydać więcej budżetu`,
    'tally.comparison_kept_mes': (p) => `zachowano równe udziały: woli je ${n(p.prefersMes)} głosujących, ${n(p.prefersGreedy)} woli wynik według liczby głosów`,
    'tally.comparison_chose_greedy': (p) => `wybrano wynik według liczby głosów: woli go ${n(p.prefersGreedy)} głosujących, ${n(p.prefersMes)} woli równe udziały`,
    'ballot.project_funded': (p) => `nr ${p.project} — sfinansowany`,
    'ballot.project_not_funded': (p) => `nr ${p.project} — niesfinansowany`,
    'ballot.paid': (p, m) => `twój udział zapłacił ${m(p.paid)} z ${m(p.endowment)}`,
  },
};

/** Formats a decimal-string amount of minor units in a currency, for a locale. */
export function minorUnitsFormatter(locale: Locale, currency: string, minorUnits: number): (v: unknown) => string {
  const fmt = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: minorUnits > 1 ? 2 : 0 });
  return (v) => fmt.format(Number(v) / minorUnits);
}

/** Renders one explanation; unknown codes come back as the code itself (never an empty line). */
export function renderTallyExplanation(locale: Locale, explanation: { code: string; params: Params }, money: (v: unknown) => string): string {
  const base = locale.toLowerCase().split('-')[0] as (typeof TALLY_LOCALES)[number];
  const catalog = CATALOG[base] ?? CATALOG.en;
  const render = catalog[explanation.code] ?? CATALOG.en[explanation.code];
  return render === undefined ? explanation.code : render(explanation.params, money);
}

/** Codes the catalogue explains (for tests). */
export function tallyMessageCodes(locale: (typeof TALLY_LOCALES)[number]): readonly string[] {
  return Object.keys(CATALOG[locale]);
}
