/**
 * How a challenge question is scored, and the display order of its choices.
 *
 * Points for a right answer: the tier's points (basic 100, technical 200,
 * advanced 300) plus a speed bonus. The bonus is +50% of the tier's points for
 * an answer in the first fifth of the time, then falls linearly to nothing at
 * the deadline, rounded to 5 points:
 *
 *     f = time taken / time allowed         bonus = tier points × 0.5 × min(1, (1 − f) / 0.8)
 *
 * So with 30 s for a basic question: within 6 s +50, at 18 s +25, at 30 s +0.
 * A wrong answer scores nothing (it still counts in stats and the review queue).
 */
import type { Tier } from '../content/schema.js';
import { TIER_POINTS } from '../quiz/scoring.js';
import { seededRandom, shuffle } from '../random.js';
import { type ChallengeAnswer, RIGHT_KEPT, type Tally } from './record.js';

/** The most the speed bonus adds, as a share of the tier's points. */
export const SPEED_BONUS_MAX = 0.5;
/** Answers within this share of the time get the whole bonus. */
export const FULL_BONUS_SHARE = 0.2;

/** The speed bonus of a right answer given `takenMs` after the question opened, of `allowedMs`. */
export function speedBonus(tier: Tier, takenMs: number, allowedMs: number): number {
  const f = Math.min(1, Math.max(0, takenMs / Math.max(1, allowedMs)));
  const share = Math.min(1, (1 - f) / (1 - FULL_BONUS_SHARE));
  return Math.round((TIER_POINTS[tier] * SPEED_BONUS_MAX * share) / 5) * 5;
}

/** Points for one answer: nothing when wrong; the tier's points plus the speed bonus when right. */
export function challengePoints(tier: Tier, correct: boolean, takenMs: number, allowedMs: number): number {
  return correct ? TIER_POINTS[tier] + speedBonus(tier, takenMs, allowedMs) : 0;
}

/** "100 points + up to 50 for speed", as the question and its reveal say it. */
export function pointsText(tier: Tier): string {
  const full = TIER_POINTS[tier];
  return `${full} points for a right answer + up to ${Math.round(full * SPEED_BONUS_MAX)} for speed (full bonus in the first fifth of the time)`;
}

/** A small string hash (FNV-1a), to seed a question's choice order from the challenge id. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * The display order of question `index`'s choices: 0 is the correct one.
 * Derived (seeded by both), not stored, so any replica shows the same order and a click on a challenge long gone can still be told
 * which letter was right.
 */
export function choiceOrder(challengeId: string, index: number): number[] {
  return shuffle(seededRandom(hash(`${challengeId}|${index}`)), [0, 1, 2, 3]);
}

/** The letter (display position) of the correct choice. */
export function correctPosition(challengeId: string, index: number): number {
  return choiceOrder(challengeId, index).indexOf(0);
}

/** What the reveal shows of one question's answers: counts per letter, who was right, the fastest right answer. */
export function tallyAnswers(answers: readonly ChallengeAnswer[], openedAt: number): Tally {
  const counts = [0, 0, 0, 0];
  for (const a of answers) counts[a.choice] = (counts[a.choice] ?? 0) + 1;
  const right = answers.filter((a) => a.correct);
  const first = right[0];
  return {
    counts,
    answered: answers.length,
    right: right.slice(0, RIGHT_KEPT).map((a) => a.name),
    rightCount: right.length,
    ...(first ? { fastest: { name: first.name, ms: Math.max(0, first.at - openedAt) } } : {}),
  };
}
