/**
 * Question-of-the-day views on the terminal: the daily post (the previous
 * answer first, then today's question; typed A–D answer it, as the action
 * words say), the same post closed, and the schedule. render.ts adds the note
 * and the action words.
 */
import { closedLine, lastLines, revealLine, revealTitle, scheduleFacts } from '../format/render-daily.js';
import type { ViewOf } from '../format/view.js';
import { tierLabel } from '../format/words.js';
import { type Ctx, heading, label, para } from './render-parts.js';
import { oneLine, wrap } from './text.js';

/** The daily post. */
export function dailyQuestionLines(c: Ctx, v: ViewOf<'daily-question'>): string[] {
  const out: string[] = [];
  if (v.reveal) {
    const r = v.reveal;
    out.push(label(c, revealTitle(r)), ...para(c, r.prompt, '  '), ...para(c, revealLine(r), '  ').map((l) => c.s.green(l)));
    out.push(...para(c, r.explanation, '  ').map((l) => c.s.dim(l)), '');
  }
  const q = v.question;
  out.push(...heading(c, `☀️ Question of the day · ${oneLine(v.date)} · ${oneLine(v.roleTitle)} · ${tierLabel(q.tier)} · ${q.topics.map(oneLine).join(', ')}`));
  out.push(...para(c, q.prompt).map((l) => c.s.bold(l)), '');
  for (const choice of v.choices) out.push(...wrap(choice.text, c.width, `  ${choice.letter}) `, '     '));
  out.push('', ...para(c, v.closed ? closedLine(v.closed) : v.rules).map((l) => (v.closed ? c.s.yellow(l) : c.s.dim(l))));
  return out;
}

/** The schedule and the latest result. */
export function dailyStatusLines(c: Ctx, v: ViewOf<'daily-status'>): string[] {
  const out = heading(c, `☀️ Question of the day · ${oneLine(v.roleTitle)}`);
  if (v.schedule) for (const [name, value] of scheduleFacts(v.schedule)) out.push(...wrap(oneLine(value), c.width, `  ${name}: `, '    '));
  if (v.last) out.push('', ...lastLines(v.last).flatMap((l) => para(c, l, '  ')));
  if (v.problem) out.push('', ...para(c, v.problem).map((l) => c.s.yellow(l)));
  return out;
}
