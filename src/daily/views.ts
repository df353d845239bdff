/** Builds the question-of-the-day views (views-daily.ts) from the stored schedule and posts. */
import { dailyButtons } from '../commands/families/daily-buttons.js';
import type { Question } from '../content/schema.js';
import { LETTERS } from '../quiz/quiz-views.js';
import { basePoints } from '../quiz/scoring.js';
import type { RoleRuntime } from '../role-runtime.js';
import type { DailyReveal, View } from '../views.js';
import { type LocalDate, localDate, nextRun } from './next-run.js';
import type { Post, Schedule } from './records.js';

/** The four choice texts in the post's display order. */
export function postChoices(q: Question, order: readonly number[]): string[] {
  const all = [q.choices.correct, ...q.choices.wrong];
  return order.map((i) => all[i] ?? '');
}

/** "C. Continuous integration": the right answer as the post showed it. */
export function answerText(q: Question, order: readonly number[]): string {
  const at = order.indexOf(0);
  return `${LETTERS[at] ?? '?'}. ${q.choices.correct}`;
}

/** "Wednesday 2 December" of a `2026-12-02` key. */
export function dateLabel(date: string | LocalDate): string {
  const d = typeof date === 'string' ? { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) } : date;
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(Date.UTC(d.year, d.month - 1, d.day));
}

/** "09:00". */
export function timeText(s: Pick<Schedule, 'hh' | 'mm'>): string {
  return `${String(s.hh).padStart(2, '0')}:${String(s.mm).padStart(2, '0')}`;
}

/** "Thursday 3 December, 09:00 Europe/London": the next post after `now`. */
export function nextText(s: Schedule, now: number): string {
  const at = nextRun(now, s.hh, s.mm, s.tz, s.weekdaysOnly);
  return `${dateLabel(localDate(at, s.tz))}, ${timeText(s)} ${s.tz}`;
}

/** What a right answer earns: the tier's points, with no speed or streak bonus. */
export function dailyPoints(q: Question): number {
  return basePoints(q.tier, true);
}

/** The reveal of a closed post. */
export function revealOf(q: Question, post: Post): DailyReveal {
  return {
    date: dateLabel(post.date),
    prompt: q.prompt,
    answer: answerText(q, post.order),
    explanation: q.answer,
    answered: post.closed?.answered ?? 0,
    correct: post.closed?.correct ?? 0,
  };
}

/** The daily post: the previous answer first (when there is one), then today's question and its A–D buttons; closed, no buttons. */
export function dailyPostView(rt: RoleRuntime, s: Schedule, post: Post, reveal: DailyReveal | undefined): View {
  const q = rt.byId.get(post.questionId);
  if (!q) throw new Error(`daily post ${post.date}: no question ${post.questionId}`);
  const prefix = rt.role.commandPrefix;
  const closed = post.closed ? { answer: answerText(q, post.order), answered: post.closed.answered, correct: post.closed.correct } : undefined;
  const days = s.weekdaysOnly ? 'next weekday' : 'next day';
  return {
    kind: 'daily-question',
    roleTitle: rt.role.title,
    date: dateLabel(post.date),
    question: { id: q.id, tier: q.tier, topics: q.topics, prompt: q.prompt },
    choices: postChoices(q, post.order).map((text, i) => ({ letter: LETTERS[i] ?? '?', text })),
    ...(reveal ? { reveal } : {}),
    rules: `Right: ${dailyPoints(q)} points. One answer each, seen only by you; the answer comes with the ${days}'s question (${timeText(s)} ${s.tz}).`,
    ...(closed ? { closed } : {}),
    actions: closed
      ? []
      : LETTERS.map((letter, choice) => ({ id: dailyButtons.id(prefix, { channel: s.channel.channel, date: post.date, choice }), label: letter })),
  };
}
