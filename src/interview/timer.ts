/** The timer line of a running interview: time used and left against the plan, and the pace. */
import { plannedMinutes } from './plan-model.js';
import type { InterviewSession } from './session.js';

const MINUTE = 60_000;

/** Where the interview stands in time, in whole minutes. */
export interface TimerReading {
  elapsed: number;
  /** The plan's minutes, reserve included. */
  planned: number;
  /** Planned minus elapsed; negative once over. */
  remaining: number;
  /** The current question: its place, the minutes on it and its budget (absent once finished). */
  question?: { number: number; of: number; elapsed: number; budget: number };
  /** Minutes behind the plan (negative: ahead), counting the current question up to its budget. */
  behind: number;
}

/** Reads the timer at `now` (the finish time once finished). */
export function timerReading(session: InterviewSession, now: number): TimerReading {
  const planned = plannedMinutes(session.plan);
  const end = session.finishedAt ?? now;
  const elapsed = session.startedAt === undefined ? 0 : Math.max(0, Math.floor((end - session.startedAt) / MINUTE));
  const items = session.plan.items;
  const before = items.slice(0, session.index).reduce((sum, i) => sum + i.minutes, 0);
  const item = session.phase === 'running' ? items[session.index] : undefined;
  const state = session.questions[session.index];
  if (!item || state?.startedAt === undefined) return { elapsed, planned, remaining: planned - elapsed, behind: 0 };
  const onQuestion = Math.max(0, Math.floor((now - state.startedAt) / MINUTE));
  return {
    elapsed,
    planned,
    remaining: planned - elapsed,
    question: { number: session.index + 1, of: items.length, elapsed: onQuestion, budget: item.minutes },
    behind: elapsed - before - Math.min(onQuestion, item.minutes),
  };
}

/** "Question 3 of 7 · 4 of 6 min · 14 min elapsed, 31 left of 45 · 2 min behind". */
export function timerLine(session: InterviewSession, now: number): string {
  const t = timerReading(session, now);
  const parts: string[] = [];
  if (t.question) parts.push(`Question ${t.question.number} of ${t.question.of}`, `${t.question.elapsed} of ${t.question.budget} min`);
  parts.push(
    t.remaining >= 0 ? `${t.elapsed} min elapsed, ${t.remaining} left of ${t.planned}` : `${t.elapsed} min elapsed, ${-t.remaining} over ${t.planned}`,
  );
  if (t.behind > 0) parts.push(`${t.behind} min behind`);
  else if (t.behind < 0) parts.push(`${-t.behind} min ahead`);
  return parts.join(' · ');
}
