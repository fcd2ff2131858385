/**
 * Synthetic idea texts for `pnyx simulate`: a few realistic titles and descriptions per theme,
 * in English and French (other languages use English), matched to the campaign's categories
 * by their ids. Everything is chosen by the caller's seeded generator.
 */
import type { SeededRandom } from '../../adapters/system/index.ts';

type Theme = 'mobility' | 'green' | 'culture' | 'sport' | 'living' | 'social' | 'youth' | 'general';

interface Template {
  readonly title: string;
  readonly what: string;
}

const THEMES: ReadonlyArray<readonly [RegExp, Theme]> = [
  [/mobil|traffic|bike|velo/i, 'mobility'],
  [/environ|green|nature|climat|vert/i, 'green'],
  [/cultur|heritage|patrimo/i, 'culture'],
  [/sport|loisir|leisure|play/i, 'sport'],
  [/cadre|living|proprete|clean|public-space/i, 'living'],
  [/social|solidar|care|sante|health/i, 'social'],
  [/jeun|youth|child|enfan|school/i, 'youth'],
];

const EN: Readonly<Record<Theme, readonly Template[]>> = {
  mobility: [
    { title: 'Safe bike lane to the {area} school', what: 'a protected bike lane so children can cycle to school' },
    { title: 'Covered bike racks near the {area} station', what: 'covered bike racks next to the bus stop and the station' },
    { title: 'Slow zone and raised crossing in {area}', what: 'a 30 km/h zone with a raised pedestrian crossing' },
  ],
  green: [
    { title: 'Plant an orchard of old fruit trees in {area}', what: 'an orchard of local fruit-tree varieties open to everyone' },
    { title: 'Wildflower meadow along the {area} path', what: 'a wildflower meadow for bees along the walking path' },
    { title: 'Rainwater tanks for the {area} community garden', what: 'rainwater tanks so the community garden needs no tap water' },
  ],
  culture: [
    { title: 'Open-air cinema nights in {area}', what: 'a screen and projector for free summer film evenings' },
    { title: 'Heritage trail with signs in {area}', what: 'a walking trail with signs telling the history of the village' },
    { title: 'Book exchange boxes in {area}', what: 'weatherproof book exchange boxes in three busy places' },
  ],
  sport: [
    { title: 'Outdoor fitness corner in {area}', what: 'outdoor fitness equipment for all ages near the park' },
    { title: 'Resurface the {area} multisport court', what: 'a new surface and nets for the multisport court' },
    { title: 'Pétanque court with benches in {area}', what: 'a pétanque court with shaded benches next to it' },
  ],
  living: [
    { title: 'Benches and shade along the {area} walk', what: 'benches every few hundred metres and trees for shade' },
    { title: 'Public toilets near the {area} square', what: 'accessible public toilets near the market square' },
    { title: 'Better street lighting in {area}', what: 'low-energy lighting on the dark streets used at night' },
  ],
  social: [
    { title: 'Repair café tools for {area}', what: 'tools and a cupboard for a monthly repair café' },
    { title: 'Meeting room for older residents in {area}', what: 'furniture and a kitchen corner for a meeting room' },
    { title: 'Accessible path to the {area} community hall', what: 'a step-free path and a ramp to the community hall' },
  ],
  youth: [
    { title: 'New playground equipment in {area}', what: 'new climbing frames and swings for young children' },
    { title: 'Skate ramp for teenagers in {area}', what: 'a small skate park designed with local teenagers' },
    { title: 'Homework corner at the {area} library', what: 'tables, laptops and Wi-Fi for a homework corner' },
  ],
  general: [
    { title: 'Information board in {area}', what: 'an information board with local news and events' },
    { title: 'Drinking water fountain in {area}', what: 'a drinking water fountain in the busiest place' },
  ],
};

const FR: Readonly<Record<Theme, readonly Template[]>> = {
  mobility: [
    { title: "Piste cyclable sécurisée vers l'école de {area}", what: 'une piste cyclable protégée pour que les enfants aillent à vélo à l’école' },
    { title: 'Abris vélos couverts près de la gare de {area}', what: 'des abris vélos couverts près de l’arrêt de bus et de la gare' },
    { title: 'Zone 30 et passage surélevé à {area}', what: 'une zone 30 avec un passage piéton surélevé' },
  ],
  green: [
    { title: "Verger d'anciennes variétés à {area}", what: 'un verger de variétés locales ouvert à toutes et tous' },
    { title: 'Prairie fleurie le long du chemin de {area}', what: 'une prairie fleurie pour les abeilles le long du sentier' },
    { title: "Citernes d'eau de pluie pour le potager de {area}", what: 'des citernes pour arroser le potager collectif sans eau de distribution' },
  ],
  culture: [
    { title: 'Cinéma en plein air à {area}', what: 'un écran et un projecteur pour des soirées de cinéma gratuites en été' },
    { title: 'Sentier du patrimoine balisé à {area}', what: 'un sentier avec des panneaux racontant l’histoire du village' },
    { title: 'Boîtes à livres à {area}', what: 'des boîtes à livres étanches dans trois lieux fréquentés' },
  ],
  sport: [
    { title: 'Espace de fitness extérieur à {area}', what: 'des agrès de fitness pour tous les âges près du parc' },
    { title: 'Rénover le terrain multisport de {area}', what: 'un nouveau revêtement et des filets pour le terrain multisport' },
    { title: 'Terrain de pétanque avec bancs à {area}', what: 'un terrain de pétanque avec des bancs ombragés' },
  ],
  living: [
    { title: 'Bancs et ombre le long de la promenade de {area}', what: 'des bancs réguliers et des arbres pour l’ombre' },
    { title: 'Toilettes publiques près de la place de {area}', what: 'des toilettes publiques accessibles près de la place du marché' },
    { title: 'Meilleur éclairage des rues à {area}', what: 'un éclairage économe dans les rues sombres empruntées le soir' },
  ],
  social: [
    { title: 'Outils pour un repair café à {area}', what: 'des outils et une armoire pour un repair café mensuel' },
    { title: 'Salle de rencontre pour les aînés à {area}', what: 'du mobilier et un coin cuisine pour une salle de rencontre' },
    { title: 'Accès sans marche à la salle de {area}', what: 'un chemin sans marche et une rampe vers la salle communale' },
  ],
  youth: [
    { title: 'Nouveaux jeux pour enfants à {area}', what: 'de nouvelles structures d’escalade et balançoires pour les petits' },
    { title: 'Rampe de skate pour les ados à {area}', what: 'un petit skatepark conçu avec les jeunes du quartier' },
    { title: 'Coin devoirs à la bibliothèque de {area}', what: 'des tables, des ordinateurs et le Wi-Fi pour un coin devoirs' },
  ],
  general: [
    { title: "Panneau d'information à {area}", what: 'un panneau avec les nouvelles et les événements locaux' },
    { title: "Fontaine d'eau potable à {area}", what: 'une fontaine d’eau potable à l’endroit le plus fréquenté' },
  ],
};

/** The theme of a category id (`mobilite` → mobility, `cadre-de-vie` → living, …). */
export function themeOf(categoryId: string): Theme {
  const plain = categoryId.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return THEMES.find(([re]) => re.test(plain))?.[1] ?? 'general';
}

/** A synthetic idea text. */
export interface IdeaText {
  readonly title: string;
  readonly description: string;
}

/** A title and a description in `locale` for `categoryId`, set in `areaName`. */
export function ideaText(rng: SeededRandom, locale: string, categoryId: string, areaName: string): IdeaText {
  const fr = locale === 'fr';
  const t = rng.pick((fr ? FR : EN)[themeOf(categoryId)]);
  const title = t.title.replace('{area}', areaName);
  const description = fr
    ? `Je propose ${t.what}. Cela profiterait aux habitants de ${areaName}, des plus jeunes aux plus âgés, et resterait entretenu par la commune.`
    : `I propose ${t.what}. It would benefit the residents of ${areaName}, young and old, and the town would maintain it.`;
  return { title: [...title].slice(0, 80).join(''), description };
}

/** The committee's clearer version of an idea (SPEC §2.2: "rewriting projects to improve their quality"). */
export function rewriteText(locale: string, text: IdeaText): IdeaText {
  const fr = locale === 'fr';
  const extra = fr
    ? ' Le comité a précisé le lieu exact, le public visé et un calendrier de réalisation en un an.'
    : ' The committee has made the exact place, who it is for and a one-year schedule explicit.';
  return { title: text.title, description: [...(text.description + extra)].slice(0, 1000).join('') };
}

/** The author's reworked text after "changes requested". */
export function resubmittedText(locale: string, text: IdeaText): IdeaText {
  const extra = locale === 'fr' ? ' Version revue : coût détaillé et emplacement sur un terrain public.' : ' Revised: detailed cost and a location on public land.';
  return { title: text.title, description: [...(text.description + extra)].slice(0, 1000).join('') };
}
