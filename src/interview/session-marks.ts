/**
 * The interviewer's marks on a question while listening: tick and untick key
 * points, red flags heard, a note, and a pasted answer graded like a quiz
 * answer that pre-ticks what it found. Every mark is validated against the
 * question; a slip is an error value.
 */
import type { Question } from '../content/schema.js';
import { type GradeOptions, gradeAnswer } from '../quiz/grade.js';
import type { Analyzer } from '../search/text.js';
import { fail, ok, type Result } from './result.js';
import type { InterviewSession, PastedGrade, QuestionState } from './session-model.js';

/** The longest note the interviewer may add to one question. */
export const NOTE_MAX = 1000;
/** The longest pasted answer graded; a transcript beyond it should be trimmed to the answer itself. */
export const PASTE_MAX = 5000;

/**
 * Which question a mark is for and when it is made. `at` is the question's
 * place in the plan: the current one when absent, or an earlier one, for a
 * point the interviewer noticed late; `question` must be the one planned there.
 */
export interface MarkOn {
  readonly question: Question;
  readonly now: number;
  readonly at?: number;
}

/**
 * Ticks (`ticked`) or unticks one key point, by its 0-based index.
 */
export function tickPoint(session: InterviewSession, on: MarkOn, point: number, ticked: boolean): Result<InterviewSession> {
  const { question } = on;
  return mark(session, on, (state) => {
    if (!Number.isInteger(point) || point < 0 || point >= question.keyPoints.length) {
      return fail('bad-point', `This question has key points 1 to ${question.keyPoints.length}; there is no point ${point + 1}.`);
    }
    const next = ticked ? [...new Set([...state.ticked, point])] : state.ticked.filter((p) => p !== point);
    return ok({ ...state, ticked: next.sort((a, b) => a - b) });
  });
}

/** Sets the ticked key points all at once (a checkbox group's submitted state). */
export function setTicked(session: InterviewSession, on: MarkOn, points: readonly number[]): Result<InterviewSession> {
  const { question } = on;
  return mark(session, on, (state) => {
    const bad = points.find((p) => !Number.isInteger(p) || p < 0 || p >= question.keyPoints.length);
    if (bad !== undefined) return fail('bad-point', `This question has key points 1 to ${question.keyPoints.length}; there is no point ${bad + 1}.`);
    return ok({ ...state, ticked: [...new Set(points)].sort((a, b) => a - b) });
  });
}

/** Sets the red flags heard: mistake ids among the question's own red flags. */
export function setRedFlags(session: InterviewSession, on: MarkOn, flags: readonly string[]): Result<InterviewSession> {
  const { question } = on;
  return mark(session, on, (state) => {
    const bad = flags.find((f) => !question.redFlags.includes(f));
    if (bad !== undefined) return fail('bad-red-flag', `"${bad}" is not one of this question's red flags.`);
    return ok({ ...state, redFlags: question.redFlags.filter((f) => flags.includes(f)) });
  });
}

/** Adds or removes one red flag heard. */
export function toggleRedFlag(session: InterviewSession, on: MarkOn, flag: string): Result<InterviewSession> {
  const state = session.questions[on.at ?? session.index];
  const flags = state?.redFlags.includes(flag) ? state.redFlags.filter((f) => f !== flag) : [...(state?.redFlags ?? []), flag];
  return setRedFlags(session, on, flags);
}

/** Sets the question's note (at most NOTE_MAX characters once trimmed); a blank note removes it. */
export function setNote(session: InterviewSession, on: MarkOn, text: string): Result<InterviewSession> {
  return mark(session, on, (state) => {
    const note = text.trim();
    if ([...note].length > NOTE_MAX) return fail('note-too-long', `A note holds at most ${NOTE_MAX} characters; this one has ${[...note].length}.`);
    const { note: _old, ...rest } = state;
    return ok(note === '' ? rest : { ...rest, note });
  });
}

/**
 * Grades what the candidate said, as a written quiz answer is graded, and
 * ticks the key points it covered (keeping those already ticked: the
 * interviewer unticks what they disagree with). Only the verdicts are kept,
 * not the pasted text: the candidate's words stay out of the store.
 */
export function pasteAnswer(session: InterviewSession, on: MarkOn, answer: string, analyzer: Analyzer, options: GradeOptions = {}): Result<InterviewSession> {
  const { question } = on;
  return mark(session, on, (state) => {
    if (answer.length > PASTE_MAX) return fail('answer-too-long', `Paste at most ${PASTE_MAX} characters of the answer; this has ${answer.length}.`);
    const grade = gradeAnswer(question, answer, analyzer, options);
    const preTicked = grade.points.flatMap((p, i) => (p.status === 'covered' ? [i] : []));
    const graded: PastedGrade = {
      score: grade.score,
      points: grade.points.map((p) => ({ label: p.label, status: p.status, ...(p.heard !== undefined ? { heard: p.heard } : {}) })),
      contradictions: grade.contradictions.map((c) => c.feedback),
      capped: grade.capped !== undefined,
      preTicked,
    };
    return ok({ ...state, ticked: [...new Set([...state.ticked, ...preTicked])].sort((a, b) => a - b), graded });
  });
}

/** Applies a change to the marks of the question at `on.at` (default: the current one) once the step is allowed. */
function mark(session: InterviewSession, on: MarkOn, change: (state: QuestionState) => Result<QuestionState>): Result<InterviewSession> {
  const { question, at, now } = on;
  if (session.phase === 'planning') return fail('not-started', 'The interview has not started yet: press Start.');
  if (session.phase === 'finished') return fail('finished', 'The interview is over; its scorecard is kept.');
  const index = at ?? session.index;
  const state = session.questions[index];
  if (!Number.isInteger(index) || index > session.index || !state) {
    return fail('bad-index', `Only questions 1 to ${session.index + 1} have been reached; there is no question ${index + 1} yet.`);
  }
  if (state.questionId !== question.id) return fail('wrong-question', `Question ${index + 1} is "${state.questionId}", not "${question.id}".`);
  const changed = change(state);
  if (!changed.ok) return changed;
  return ok({ ...session, questions: session.questions.map((q, i) => (i === index ? changed.value : q)), updatedAt: now });
}
