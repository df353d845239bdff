/**
 * How every renderer words a channel challenge: the timer line, the count
 * under each option, who was right, the fastest answer and a standings row.
 * Plain text: each renderer escapes it its own way; the renderer contract
 * (tests/renderers) looks for exactly these lines.
 */
import type { ViewOf } from './view.js';
import { plural } from './words.js';

/** "⏱ 30 s to answer · closes 12:00:30 UTC". */
export function timerLine(v: ViewOf<'challenge-question'>): string {
  return `⏱ ${v.seconds} s to answer · closes ${v.closesAt}`;
}

/** "Question 2 of 5". */
export function challengeProgress(v: { number: number; total: number }): string {
  return `Question ${v.number} of ${v.total}`;
}

/** "Started by Ada · anyone here may answer, once". */
export function starterLine(v: ViewOf<'challenge-question'>): string {
  return `Started by ${v.starter} · anyone here may answer, once · answers stay hidden until the reveal`;
}

/** "B. Code inspection — 3 chose it". */
export function choiceCountLine(choice: ViewOf<'challenge-reveal'>['choices'][number]): string {
  return `${choice.correct ? '✅' : '▫️'} ${choice.letter}. ${choice.text} — ${choice.count}`;
}

/** "Right (2 of 4): Ada, Grace" or "Nobody got it right (4 answered)". */
export function rightLine(v: ViewOf<'challenge-reveal'>): string {
  if (v.right.length === 0) return v.answered === 0 ? 'Nobody answered in time.' : `Nobody got it right (${v.answered} answered).`;
  const more = v.moreRight > 0 ? ` and ${v.moreRight} more` : '';
  return `Right (${v.right.length + v.moreRight} of ${v.answered}): ${v.right.join(', ')}${more}`;
}

/** "⚡ Fastest: Ada in 3.2 s". */
export function fastestLine(v: ViewOf<'challenge-reveal'>): string | undefined {
  return v.fastest ? `⚡ Fastest: ${v.fastest.name} in ${v.fastest.time}` : undefined;
}

/** "3 correct · 450 points". */
export function standingFigures(row: ViewOf<'challenge-standings'>['rows'][number]): string {
  return `${row.correct} correct · ${plural(row.points, 'point')}`;
}
