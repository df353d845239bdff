/**
 * Challenge views on the terminal: the question with its timer (typed A–D
 * answer it, as the action words say), its reveal, and the standings. Each
 * returns the view's own lines; render.ts adds the note, footnote and action words.
 */
import { challengeProgress, choiceCountLine, fastestLine, rightLine, standingFigures, starterLine, timerLine } from '../format/challenge.js';
import type { ViewOf } from '../format/view.js';
import { tierLabel } from '../format/words.js';
import { bullets, type Ctx, heading, label, para } from './render-parts.js';
import { oneLine, wrap } from './text.js';

/** The question, its choices, the timer and what a right answer scores. */
export function challengeQuestionLines(c: Ctx, v: ViewOf<'challenge-question'>): string[] {
  const q = v.question;
  const out = heading(c, `🏁 Challenge · ${challengeProgress(v)} · ${oneLine(v.roleTitle)} · ${tierLabel(q.tier)} · ${q.topics.map(oneLine).join(', ')}`);
  out.push(...para(c, q.prompt).map((l) => c.s.bold(l)), '');
  for (const choice of v.choices) out.push(...wrap(choice.text, c.width, `  ${choice.letter}) `, '     '));
  out.push('', c.s.yellow(timerLine(v)), ...para(c, v.points).map((l) => c.s.dim(l)), ...para(c, starterLine(v)).map((l) => c.s.dim(l)));
  return out;
}

/** The reveal: the answer and why, the counts, who was right, the fastest. */
export function challengeRevealLines(c: Ctx, v: ViewOf<'challenge-reveal'>): string[] {
  const out = heading(c, `🏁 Challenge · ${challengeProgress(v)} · closed · ${oneLine(v.roleTitle)}`);
  out.push(...para(c, v.question.prompt).map((l) => c.s.bold(l)), '');
  out.push(`${label(c, 'Answer:')} ${oneLine(v.answer)}`, ...para(c, v.explanation, '  ').map((l) => c.s.dim(l)), '');
  out.push(...bullets(c, v.choices.map(choiceCountLine), ''));
  const fastest = fastestLine(v);
  out.push('', ...para(c, rightLine(v)), ...(fastest ? para(c, fastest) : []), ...para(c, v.points).map((l) => c.s.dim(l)));
  return out;
}

/** The final standings. */
export function challengeStandingsLines(c: Ctx, v: ViewOf<'challenge-standings'>): string[] {
  const out = heading(c, `🏆 ${oneLine(v.title)} · ${oneLine(v.roleTitle)}`);
  out.push(...para(c, v.summary).map((l) => c.s.dim(l)));
  for (const r of v.rows) out.push(...wrap(`${oneLine(r.name)} — ${standingFigures(r)}`, c.width, `${String(r.rank).padStart(4)}. `, '      '));
  return out;
}
