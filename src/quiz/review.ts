/**
 * Spaced review with Leitner boxes: a miss puts a question in box 1 (due at once);
 * each correct answer moves it up a box with a longer interval; two correct
 * answers in a row retire it.
 */
import type { ReviewItem } from '../ports.js';

const DAY = 24 * 60 * 60 * 1000;
/** Wait before a question in box N comes back. */
export const BOX_INTERVALS: readonly number[] = [0, 0, DAY, 3 * DAY];
export const RETIRE_AFTER = 2;

/** The review state after an answer; undefined means retired (or never needed). */
export function nextReview(current: ReviewItem | undefined, correct: boolean, now: number): ReviewItem | undefined {
  if (!correct) return { box: 1, due: now, run: 0 };
  if (!current) return undefined;
  const run = current.run + 1;
  if (run >= RETIRE_AFTER) return undefined;
  const box = Math.min(3, current.box + 1);
  return { box, due: now + (BOX_INTERVALS[box] ?? DAY), run };
}

/** Question ids due now, most overdue first. */
export function dueForReview(review: Readonly<Record<string, ReviewItem>>, now: number): string[] {
  return Object.entries(review)
    .filter(([, item]) => item.due <= now)
    .sort(([, a], [, b]) => a.due - b.due || a.box - b.box)
    .map(([id]) => id);
}

/** When the next not-yet-due question comes back, if any. */
export function nextDue(review: Readonly<Record<string, ReviewItem>>, now: number): number | undefined {
  const later = Object.values(review)
    .map((item) => item.due)
    .filter((due) => due > now);
  return later.length > 0 ? Math.min(...later) : undefined;
}
