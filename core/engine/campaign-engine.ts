/**
 * The campaign engine: every use case bound to one campaign's dependencies. Both messengers
 * and the CLI call these same methods, so a command behaves the same whoever calls it.
 */
import type { Outcome } from '../domain/domain-error.ts';
import { done, refuse } from '../domain/domain-error.ts';
import type { EngineDeps } from './engine-deps.ts';
import * as phases from './phase-usecases.ts';
import * as residents from './resident-usecases.ts';
import * as ideas from './idea-usecases.ts';
import * as browsing from './browse-usecases.ts';
import * as questions from './question-usecases.ts';
import * as ballots from './ballot-usecases.ts';
import * as counting from './tally-usecases.ts';
import * as figures from './figures-usecases.ts';
import * as broadcasts from './broadcast-usecases.ts';
import * as scheduling from './schedule-usecases.ts';
import * as committee from './committee-usecases.ts';

type Bound<F> = F extends (deps: EngineDeps, ...args: infer A) => infer R ? (...args: A) => R : never;

function bind<F extends (deps: EngineDeps, ...args: never[]) => unknown>(deps: EngineDeps, f: F): Bound<F> {
  return ((...args: never[]) => f(deps, ...args)) as Bound<F>;
}

/**
 * Creates the engine. Call `start()` once before serving to check PNYX_SECRET against the
 * store. The dependencies stay inside: callers that need a store hold the one they built.
 */
export function createEngine(input: EngineDeps) {
  const deps: EngineDeps = input.cache === undefined ? { ...input, cache: {} } : input;
  return {
    campaign: deps.campaign,
    /** The instant (epoch ms) the engine judges actions at: its clock's now. */
    now: (): number => deps.clock.now(),
    /** Refuses to start when PNYX_SECRET differs from the one the store was first used with. */
    async start(): Promise<Outcome<'initialized' | 'match'>> {
      const check = await deps.stores.campaign.checkSecret(deps.keys.secretCheck());
      if (check === 'mismatch') return refuse('secret.mismatch', {});
      return done(check);
    },
    // phases
    status: bind(deps, phases.currentStatus),
    tick: bind(deps, phases.tick),
    advancePhase: bind(deps, phases.advancePhase),
    extendPhase: bind(deps, phases.extendPhase),
    // residents
    openResident: bind(deps, residents.openResident),
    getResident: bind(deps, residents.getResident),
    answerRegistration: bind(deps, residents.answerRegistration),
    verifyByPhone: bind(deps, residents.verifyByPhone),
    verifyByCode: bind(deps, residents.verifyByCode),
    setLanguage: bind(deps, residents.setLanguage),
    setSubscribed: bind(deps, residents.setSubscribed),
    markUnreachable: bind(deps, residents.markUnreachable),
    exportMyData: bind(deps, residents.exportMyData),
    forgetMe: bind(deps, residents.forgetMe),
    issueCodes: bind(deps, residents.issueCodes),
    registerAssisted: bind(deps, residents.registerAssisted),
    residentByCode: bind(deps, residents.residentByCode),
    setRole: bind(deps, residents.setRole),
    // ideas
    submitIdea: bind(deps, ideas.submitIdea),
    resubmitIdea: bind(deps, ideas.resubmitIdea),
    withdrawIdea: bind(deps, ideas.withdrawIdea),
    supportIdea: bind(deps, ideas.supportIdea),
    moderateIdea: bind(deps, ideas.moderateIdea),
    proposeRewrite: bind(deps, ideas.proposeRewrite),
    answerRewrite: bind(deps, ideas.answerRewrite),
    estimateCost: bind(deps, ideas.estimateCost),
    selectFinalist: bind(deps, ideas.selectFinalist),
    ideaCard: bind(deps, ideas.ideaCard),
    // what residents read
    browseIdeas: bind(deps, browsing.browseIdeas),
    ideaByNumber: bind(deps, browsing.ideaByNumber),
    myIdeas: bind(deps, browsing.myIdeas),
    hasSupported: bind(deps, browsing.hasSupported),
    areaForPostcode: bind(deps, browsing.areaForPostcode),
    // what the committee reads
    committeeIdea: bind(deps, committee.committeeIdea),
    committeeIdeaVersion: bind(deps, committee.committeeIdeaVersion),
    committeeIdeas: bind(deps, committee.committeeIdeas),
    moderationQueue: bind(deps, committee.moderationQueue),
    finalistBoard: bind(deps, committee.finalistBoard),
    // questions
    askQuestion: bind(deps, questions.askQuestion),
    followUpQuestion: bind(deps, questions.followUpQuestion),
    answerQuestion: bind(deps, questions.answerQuestion),
    closeQuestion: bind(deps, questions.closeQuestion),
    myQuestions: bind(deps, questions.myQuestions),
    openQuestions: bind(deps, questions.openQuestions),
    // ballots
    ballotOptions: bind(deps, ballots.ballotOptions),
    ballotSlots: bind(deps, ballots.ballotSlots),
    castBallot: bind(deps, ballots.castBallot),
    castAssistedBallot: bind(deps, ballots.castAssistedBallot),
    myBallots: bind(deps, ballots.myBallots),
    votingStatus: bind(deps, ballots.votingStatus),
    // count and figures
    computeResults: bind(deps, counting.computeResults),
    runTally: bind(deps, counting.runTally),
    explainMyBallots: bind(deps, counting.explainMyBallots),
    digestFigures: bind(deps, figures.digestFigures),
    committeeFigures: bind(deps, figures.committeeFigures),
    // broadcasts
    announce: bind(deps, broadcasts.announce),
    fanOutBroadcast: bind(deps, broadcasts.fanOutBroadcast),
    broadcastsToFanOut: bind(deps, broadcasts.broadcastsToFanOut),
    broadcastProgress: bind(deps, broadcasts.broadcastProgress),
    listBroadcasts: bind(deps, broadcasts.listBroadcasts),
    // scheduled work
    enqueueScheduled: bind(deps, scheduling.enqueueScheduled),
    nextPhaseBoundary: bind(deps, scheduling.nextPhaseBoundary),
    enqueueReminders: bind(deps, scheduling.enqueueReminders),
    nextReminderAt: bind(deps, scheduling.nextReminderAt),
  };
}

/** The engine of one campaign. */
export type CampaignEngine = ReturnType<typeof createEngine>;
