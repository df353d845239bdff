/**
 * Test factories for records and sessions. The store treats records as opaque
 * values, so these only need to be valid and distinguishable.
 */
import type { QuizSession, UserRecord } from '../../src/ports.js';
import { newUserRecord } from '../../src/stats/record.js';

/** A fresh record for `userId` (the core's own constructor), in week 2026-W10, with `overrides` applied. */
export function makeUser(userId: string, overrides: Partial<UserRecord> = {}): UserRecord {
  const fresh = newUserRecord(userId, `User ${userId}`, 1_000);
  return { ...fresh, week: { ...fresh.week, id: '2026-W10' }, ...overrides };
}

/** An `update` that records one answer worth `points` (correct when points > 0). */
export function answer(userId: string, points: number, at = 2_000, week = '2026-W10') {
  return (current: UserRecord | undefined): UserRecord => {
    const base = current ?? makeUser(userId);
    const correct = points > 0 ? 1 : 0;
    const weekBase = base.week.id === week ? base.week : { id: week, points: 0, answered: 0, correct: 0 };
    return {
      ...base,
      points: base.points + points,
      answered: base.answered + 1,
      correct: base.correct + correct,
      week: {
        id: week,
        points: weekBase.points + points,
        answered: weekBase.answered + 1,
        correct: weekBase.correct + correct,
      },
      recent: [...base.recent, { questionId: `q${base.answered + 1}`, correct: correct === 1, points, at }].slice(-20),
      updatedAt: at,
    };
  };
}

/** A session under `key`, with `overrides` applied. */
export function makeSession(key: string, overrides: Partial<QuizSession> = {}): QuizSession {
  return {
    id: `s-${key}`,
    key,
    roleId: 'devops-engineer',
    userId: key.split('|')[2] ?? 'u1',
    mode: 'choice',
    tier: 'basic',
    review: false,
    questionIds: ['q1', 'q2', 'q3'],
    index: 0,
    order: [2, 0, 3, 1],
    answers: [],
    points: 0,
    streak: 0,
    bestStreak: 0,
    startedAt: 1_000,
    updatedAt: 1_000,
    ...overrides,
  };
}
