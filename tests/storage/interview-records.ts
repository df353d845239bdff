/**
 * Interview sessions and scorecards for the store tests, made by the real
 * interview modules (so they are exactly what the core will store) and then
 * re-filed under the author and id a test needs.
 */
import { buildScorecard, type Scorecard } from '../../src/interview/scorecard.js';
import type { InterviewSession } from '../../src/interview/session.js';
import type { Actor } from '../../src/requests.js';
import { handBuilt, MISTAKES, QUESTIONS } from '../interview/hand-built.js';
import { fixedPlan, must, started } from '../interview/support.js';

export const ALICE: Actor = { platform: 'slack', id: 'U1', name: 'Alice' };
export const BOB: Actor = { platform: 'slack', id: 'U2', name: 'Bob' };
/** Alice's user id on another platform: another person as far as the store knows. */
export const ALICE_ON_DISCORD: Actor = { platform: 'discord', id: 'U1', name: 'Alice' };

const running = started(fixedPlan(QUESTIONS, 'mid'), 'Jordan');
const finished = must(buildScorecard(handBuilt(), { questions: QUESTIONS, mistakes: MISTAKES }));

/** A running interview of `author` with this id, `overrides` applied. */
export function makeInterview(author: Actor, id: string, overrides: Partial<InterviewSession> = {}): InterviewSession {
  return { ...structuredClone(running), id, author: { ...author }, ...overrides };
}

/** A finished interview's scorecard of `author` with this id, `overrides` applied. */
export function makeScorecard(author: Actor, id: string, overrides: Partial<Scorecard> = {}): Scorecard {
  return { ...structuredClone(finished), id, author: { ...author }, ...overrides };
}
