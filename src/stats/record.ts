/**
 * Pure updates of a user's aggregates. Everything stays bounded: counters,
 * per-tier and per-topic tallies, and a capped recent history.
 */
import type { Tier } from '../content/schema.js';
import type { RecentAnswer, Tally, UserRecord } from '../ports.js';
import { nextReview } from '../quiz/review.js';
import { isoWeek } from './week.js';

export const RECENT_CAP = 20;

/** A user seen for the first time. */
export function newUserRecord(userId: string, name: string, now: number): UserRecord {
  return {
    userId,
    name,
    points: 0,
    answered: 0,
    correct: 0,
    week: { id: isoWeek(now), points: 0, answered: 0, correct: 0 },
    streak: 0,
    bestStreak: 0,
    byTier: {},
    byTopic: {},
    seen: {},
    review: {},
    recent: [],
    updatedAt: now,
  };
}

/** The record, created if missing, with the display name refreshed and the week rolled over. */
export function currentRecord(record: UserRecord | undefined, userId: string, name: string, now: number): UserRecord {
  const base = record ?? newUserRecord(userId, name, now);
  const week = isoWeek(now);
  return {
    ...base,
    name: name || base.name,
    week: base.week.id === week ? base.week : { id: week, points: 0, answered: 0, correct: 0 },
  };
}

const tally = (t: Tally | undefined, correct: boolean): Tally => ({
  answered: (t?.answered ?? 0) + 1,
  correct: (t?.correct ?? 0) + (correct ? 1 : 0),
});

/** One graded answer, as recorded in aggregates. */
export interface AnswerEvent {
  questionId: string;
  tier: Tier;
  topics: readonly string[];
  correct: boolean;
  points: number;
  at: number;
  /** A free-text answer and its grade, kept so the user can dispute the grade. */
  given?: string;
  score?: number;
}

/** Recent entries that keep their free-text answer: enough to dispute the last few grades, no more. */
const RECENT_WITH_TEXT = 3;

/** Applies one answer: counters, tallies, streaks, weekly points, review box and recent history. */
export function recordAnswer(record: UserRecord, event: AnswerEvent): UserRecord {
  const streak = event.correct ? record.streak + 1 : 0;
  const byTopic = { ...record.byTopic };
  for (const topic of event.topics) byTopic[topic] = tally(byTopic[topic], event.correct);
  const review = { ...record.review };
  const item = nextReview(review[event.questionId], event.correct, event.at);
  if (item) review[event.questionId] = item;
  else delete review[event.questionId];
  const entry: RecentAnswer = { questionId: event.questionId, correct: event.correct, points: event.points, at: event.at };
  if (event.given !== undefined && event.score !== undefined) Object.assign(entry, { given: event.given, score: event.score });
  const recent: RecentAnswer[] = [...record.recent, entry]
    .slice(-RECENT_CAP)
    .map((r, i, all) => (i < all.length - RECENT_WITH_TEXT && r.given !== undefined ? withoutText(r) : r));
  return {
    ...record,
    points: record.points + event.points,
    answered: record.answered + 1,
    correct: record.correct + (event.correct ? 1 : 0),
    week: {
      ...record.week,
      points: record.week.points + event.points,
      answered: record.week.answered + 1,
      correct: record.week.correct + (event.correct ? 1 : 0),
    },
    streak,
    bestStreak: Math.max(record.bestStreak, streak),
    byTier: { ...record.byTier, [event.tier]: tally(record.byTier[event.tier], event.correct) },
    byTopic,
    review,
    recent,
    updatedAt: event.at,
  };
}

/** Accuracy as a whole percentage (0 when nothing answered). */
export function accuracy(t: Tally): number {
  return t.answered === 0 ? 0 : Math.round((100 * t.correct) / t.answered);
}

function withoutText(r: RecentAnswer): RecentAnswer {
  const { given: _given, score: _score, ...rest } = r;
  return rest;
}
