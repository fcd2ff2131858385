/**
 * The digest's words in each supported locale. A small typed catalogue rather than the bot's
 * message files: the chart needs only a dozen labels, and `DigestTexts` makes a missing one a
 * type error (the completeness test checks none is empty).
 */
export interface DigestTexts {
  readonly title: string;
  readonly overTime: string;
  readonly weeksAgo: string;
  readonly registrations: string;
  readonly ideas: string;
  readonly byCategory: string;
  readonly registered: string;
  readonly newRegistrations: string;
  readonly newIdeas: string;
  readonly backlog: string;
  readonly voters: string;
  readonly turnout: string;
  readonly assistedBallots: string;
  readonly daysLeft: string;
  readonly phase: string;
  readonly lastWeek: string;
  readonly noBallotTimes: string;
}

export const DIGEST_TEXTS: Readonly<Record<'fr' | 'en' | 'nl' | 'de' | 'pl', DigestTexts>> = {
  en: {
    title: 'Weekly digest', overTime: 'Participation per week', weeksAgo: 'weeks ago (0 = this week)',
    registrations: 'Registrations', ideas: 'Ideas', byCategory: 'Ideas by category', registered: 'Registered',
    newRegistrations: 'New registrations', newIdeas: 'New ideas', backlog: 'Ideas awaiting review',
    voters: 'Voters', turnout: 'Turnout', assistedBallots: 'Assisted ballots', daysLeft: 'Days left',
    phase: 'Phase', lastWeek: 'last week', noBallotTimes: 'Votes are counted in total only (ballots carry no date).',
  },
  fr: {
    title: 'Bilan de la semaine', overTime: 'Participation par semaine', weeksAgo: 'semaines passées (0 = cette semaine)',
    registrations: 'Inscriptions', ideas: 'Idées', byCategory: 'Idées par catégorie', registered: 'Inscrits',
    newRegistrations: 'Nouvelles inscriptions', newIdeas: 'Nouvelles idées', backlog: 'Idées à examiner',
    voters: 'Votants', turnout: 'Participation', assistedBallots: 'Votes assistés', daysLeft: 'Jours restants',
    phase: 'Phase', lastWeek: 'semaine dernière', noBallotTimes: 'Les votes ne sont comptés qu’au total (les bulletins ne sont pas datés).',
  },
  nl: {
    title: 'Weekoverzicht', overTime: 'Deelname per week', weeksAgo: 'weken geleden (0 = deze week)',
    registrations: 'Registraties', ideas: 'Ideeën', byCategory: 'Ideeën per categorie', registered: 'Geregistreerd',
    newRegistrations: 'Nieuwe registraties', newIdeas: 'Nieuwe ideeën', backlog: 'Ideeën te beoordelen',
    voters: 'Stemmers', turnout: 'Opkomst', assistedBallots: 'Geholpen stemmen', daysLeft: 'Dagen over',
    phase: 'Fase', lastWeek: 'vorige week', noBallotTimes: 'Stemmen worden alleen in totaal geteld (stembiljetten hebben geen datum).',
  },
  de: {
    title: 'Wochenbericht', overTime: 'Beteiligung pro Woche', weeksAgo: 'Wochen zurück (0 = diese Woche)',
    registrations: 'Anmeldungen', ideas: 'Ideen', byCategory: 'Ideen nach Kategorie', registered: 'Angemeldet',
    newRegistrations: 'Neue Anmeldungen', newIdeas: 'Neue Ideen', backlog: 'Ideen zur Prüfung',
    voters: 'Abstimmende', turnout: 'Beteiligung', assistedBallots: 'Unterstützte Stimmen', daysLeft: 'Verbleibende Tage',
    phase: 'Phase', lastWeek: 'letzte Woche', noBallotTimes: 'Stimmen werden nur insgesamt gezählt (Stimmzettel tragen kein Datum).',
  },
  pl: {
    title: 'Podsumowanie tygodnia', overTime: 'Udział w kolejnych tygodniach', weeksAgo: 'tygodnie temu (0 = ten tydzień)',
    registrations: 'Rejestracje', ideas: 'Pomysły', byCategory: 'Pomysły według kategorii', registered: 'Zarejestrowani',
    newRegistrations: 'Nowe rejestracje', newIdeas: 'Nowe pomysły', backlog: 'Pomysły do oceny',
    voters: 'Głosujący', turnout: 'Frekwencja', assistedBallots: 'Głosy z pomocą', daysLeft: 'Pozostało dni',
    phase: 'Etap', lastWeek: 'zeszły tydzień', noBallotTimes: 'Głosy liczone są tylko łącznie (karty nie mają daty).',
  },
};

export type DigestLocale = keyof typeof DIGEST_TEXTS;

export function digestTexts(locale: string): DigestTexts {
  return (DIGEST_TEXTS as Record<string, DigestTexts>)[locale] ?? DIGEST_TEXTS.en;
}
