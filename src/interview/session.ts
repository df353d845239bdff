/**
 * An interview session: the interviewer's private record of one interview,
 * from the plan through every question to the finish. Plain readonly data and
 * pure transitions; the caller stores it and supplies the time.
 */
import type { Actor } from '../requests.js';
import type { Plan } from './plan-model.js';
import { fail, ok, type Result } from './result.js';
import { sanitiseCandidate } from './retention.js';
import type { InterviewSession, QuestionState } from './session-model.js';

export * from './session-marks.js';
export type * from './session-model.js';

/** What a new session is made of. */
export interface NewSession {
  id: string;
  roleId: string;
  author: Actor;
  candidate?: string;
  plan: Plan;
  now: number;
}

/** A session in planning, its candidate label sanitised (dropped when nothing is left of it). */
export function createSession(o: NewSession): InterviewSession {
  const candidate = sanitiseCandidate(o.candidate ?? '');
  return {
    id: o.id,
    roleId: o.roleId,
    author: { platform: o.author.platform, id: o.author.id, name: o.author.name },
    ...(candidate ? { candidate } : {}),
    level: o.plan.level,
    plan: o.plan,
    phase: 'planning',
    index: 0,
    questions: [],
    createdAt: o.now,
    updatedAt: o.now,
  };
}

/** Only the author may see or change an interview: a scorecard is private until its author shares it. */
export function assertAuthor(session: Pick<InterviewSession, 'author'>, user: Pick<Actor, 'platform' | 'id'>): Result<true> {
  return session.author.platform === user.platform && session.author.id === user.id ? ok(true) : fail('not-yours', 'This interview belongs to someone else.');
}

/** Puts a swapped or extended plan in place, before Start only. */
export function replacePlan(session: InterviewSession, plan: Plan, now: number): Result<InterviewSession> {
  if (session.phase !== 'planning') return fail('already-started', 'The interview has started: its plan can no longer change.');
  return ok({ ...session, plan, level: plan.level, updatedAt: now });
}

/** Start: the first question becomes current and the clock runs. */
export function startInterview(session: InterviewSession, now: number): Result<InterviewSession> {
  if (session.phase !== 'planning') return fail('already-started', 'The interview has already started.');
  if (session.plan.items.length === 0) return fail('no-questions', 'The plan has no question to start with.');
  const questions = session.plan.items.map(
    (item, i): QuestionState => ({
      questionId: item.questionId,
      status: 'pending',
      ticked: [],
      redFlags: [],
      ...(i === 0 ? { startedAt: now } : {}),
    }),
  );
  return ok({ ...session, phase: 'running', index: 0, questions, startedAt: now, updatedAt: now });
}

/** Next: the current question counts as asked; after the last one the interview finishes. */
export function nextQuestion(session: InterviewSession, now: number): Result<InterviewSession> {
  return leave(session, 'asked', now);
}

/** Skip: the current question was not asked (its marks are kept, but it reads as not assessed). */
export function skipQuestion(session: InterviewSession, now: number): Result<InterviewSession> {
  return leave(session, 'skipped', now);
}

/**
 * Finish early: the current question counts as asked when the interviewer marked
 * anything on it (a tick, a red flag, a note, a pasted answer), as not reached
 * otherwise; so do the ones after it.
 */
export function finishInterview(session: InterviewSession, now: number): Result<InterviewSession> {
  const running = whileRunning(session);
  if (!running.ok) return running;
  const questions = session.questions.map((q, i): QuestionState => {
    if (i === session.index) return { ...q, status: hasMarks(q) ? 'asked' : 'not-reached', endedAt: now };
    return q.status === 'pending' ? { ...q, status: 'not-reached' } : q;
  });
  return ok({ ...session, phase: 'finished', index: session.questions.length, questions, finishedAt: now, updatedAt: now });
}

/** Whether a step may change the session now. */
export function whileRunning(session: InterviewSession): Result<InterviewSession> {
  if (session.phase === 'planning') return fail('not-started', 'The interview has not started yet: press Start.');
  if (session.phase === 'finished') return fail('finished', 'The interview is over; its scorecard is kept.');
  return ok(session);
}

function hasMarks(q: QuestionState): boolean {
  return q.ticked.length > 0 || q.redFlags.length > 0 || q.note !== undefined || q.graded !== undefined;
}

function leave(session: InterviewSession, status: 'asked' | 'skipped', now: number): Result<InterviewSession> {
  const running = whileRunning(session);
  if (!running.ok) return running;
  const index = session.index + 1;
  if (index >= session.questions.length) {
    const last = session.questions.map((q, i): QuestionState => (i === session.index ? { ...q, status, endedAt: now } : q));
    return ok({ ...session, phase: 'finished', index, questions: last, finishedAt: now, updatedAt: now });
  }
  const questions = session.questions.map((q, i): QuestionState => {
    if (i === session.index) return { ...q, status, endedAt: now };
    return i === index ? { ...q, startedAt: now } : q;
  });
  return ok({ ...session, index, questions, updatedAt: now });
}
