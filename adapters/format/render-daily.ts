/**
 * Wording of the question-of-the-day views shared by every renderer (console,
 * Slack, Discord), so all three say the same and the renderer contract can
 * look for the same lines.
 */
import type { DailyLast, DailyReveal, DailySchedule } from '../../src/views.js';
import { plural } from './words.js';

/** "2 of 5 got it right" (or "Nobody answered"). */
export function rightCount(correct: number, answered: number): string {
  return answered === 0 ? 'Nobody answered' : `${correct} of ${plural(answered, 'answer')} got it right`;
}

/** The reveal's heading: "Answer to Tuesday 1 December's question". */
export function revealTitle(r: DailyReveal): string {
  return `Answer to ${r.date}'s question`;
}

/** "Answer: C. Continuous integration · 2 of 5 answers got it right". */
export function revealLine(r: DailyReveal): string {
  return `Answer: ${r.answer} · ${rightCount(r.correct, r.answered)}`;
}

/** A closed post's line: "Closed · answer: C. … · 2 of 5 answers got it right". */
export function closedLine(c: { answer: string; answered: number; correct: number }): string {
  return `Closed · answer: ${c.answer} · ${rightCount(c.correct, c.answered)}`;
}

/** The schedule as label/value pairs. */
export function scheduleFacts(s: DailySchedule): [string, string][] {
  return [
    ['Time', `${s.time} ${s.tz}`],
    ['Days', s.days],
    ['Tier', s.tier],
    ['Next post', s.next],
    ['Started by', s.startedBy],
  ];
}

/** The latest post: its question and either its answers so far or its result. */
export function lastLines(l: DailyLast): string[] {
  const result =
    l.answer !== undefined ? `Answer: ${l.answer} · ${rightCount(l.correct ?? 0, l.answered)}` : `Still open · ${plural(l.answered, 'answer')} so far`;
  return [`Latest question (${l.date}): ${l.prompt}`, result];
}
