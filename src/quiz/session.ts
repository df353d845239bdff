/**
 * A quiz session's pure transitions: start, answer the current question
 * (right, wrong or skipped), and whether it is over or expired.
 */
import type { QuizAnswer, QuizSession, Random } from '../ports.js';
import { shuffle } from '../random.js';

/** An idle quiz expires after this long. */
export const QUIZ_IDLE_MS = 30 * 60 * 1000;
export const DEFAULT_QUIZ_LENGTH = 5;
export const MAX_QUIZ_LENGTH = 20;
/** Answers are kept in the session for the summary; cap what a user typed. */
export const GIVEN_MAX = 500;

/** The session key: one quiz per user per conversation in a space. */
export function sessionKey(space: string, conversation: string, userId: string): string {
  return `${space}|${conversation}|${userId}`;
}

/** Choices are shown in a fresh random order for every question. */
export function choiceOrder(random: Random): number[] {
  return shuffle(random, [0, 1, 2, 3]);
}

/** What a new session is made from: its identity and settings, the time, and randomness for the choice order. */
export type StartOptions = Pick<QuizSession, 'id' | 'key' | 'roleId' | 'userId' | 'mode' | 'tier' | 'review' | 'questionIds'> & {
  now: number;
  random: Random;
};

export function startSession(o: StartOptions): QuizSession {
  return {
    id: o.id,
    key: o.key,
    roleId: o.roleId,
    userId: o.userId,
    mode: o.mode,
    tier: o.tier,
    review: o.review,
    questionIds: o.questionIds,
    index: 0,
    order: choiceOrder(o.random),
    answers: [],
    points: 0,
    streak: 0,
    bestStreak: 0,
    startedAt: o.now,
    updatedAt: o.now,
  };
}

export function isExpired(session: QuizSession, now: number): boolean {
  return now - session.updatedAt > QUIZ_IDLE_MS;
}

export function currentQuestionId(session: QuizSession): string | undefined {
  return session.questionIds[session.index];
}

export function isFinished(session: QuizSession): boolean {
  return session.index >= session.questionIds.length;
}

/** Records the current question's outcome and moves on. */
export function advance(session: QuizSession, answer: QuizAnswer, now: number, random: Random): QuizSession {
  const correct = answer.outcome === 'correct';
  const streak = correct ? session.streak + 1 : 0;
  return {
    ...session,
    answers: [...session.answers, { ...answer, ...(answer.given ? { given: answer.given.slice(0, GIVEN_MAX) } : {}) }],
    index: session.index + 1,
    order: choiceOrder(random),
    points: session.points + answer.points,
    streak,
    bestStreak: Math.max(session.bestStreak, streak),
    updatedAt: now,
  };
}

/** Ends the quiz early: remaining questions are dropped from the total. */
export function stopSession(session: QuizSession, now: number): QuizSession {
  return { ...session, questionIds: session.questionIds.slice(0, session.index), updatedAt: now };
}
