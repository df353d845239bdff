/** Points: by tier, plus a capped bonus for streaks of three or more correct answers. */
import type { Tier } from '../content/schema.js';

export const TIER_POINTS: Readonly<Record<Tier, number>> = { basic: 100, technical: 200, advanced: 300 };

/** Bonus per answer beyond the second in a row, and its cap. */
export const STREAK_STEP = 50;
export const STREAK_CAP = 150;

/** The bonus earned by a correct answer that brings the streak to `streak`. */
export function streakBonus(streak: number): number {
  return streak >= 3 ? Math.min(STREAK_CAP, STREAK_STEP * (streak - 2)) : 0;
}

/** Free-text answers at or above this grade count as correct. */
export const PASS_SCORE = 60;

/**
 * Points for one answer before the streak bonus: full tier points for a right
 * choice; for free text, tier points scaled by the grade when it passes.
 */
export function basePoints(tier: Tier, correct: boolean, score?: number): number {
  if (!correct) return 0;
  const full = TIER_POINTS[tier];
  return score === undefined ? full : Math.round((full * Math.min(100, score)) / 100 / 10) * 10;
}
