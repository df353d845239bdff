/**
 * What the interview modules share: the levels an interview is pitched at, and
 * errors as values. An interviewer's slip (a tick on a key point that does not
 * exist, a note too long) is an answer to render kindly, never an exception.
 */

/** The level an interview is planned for, and a candidate may be read at. */
export const INTERVIEW_LEVELS = ['junior', 'mid', 'senior'] as const;
export type InterviewLevel = (typeof INTERVIEW_LEVELS)[number];

/** Why an interview step could not be taken; `message` is ready to show the interviewer. */
export type InterviewErrorCode =
  | 'bad-minutes'
  | 'bad-level'
  | 'unknown-topic'
  | 'no-questions'
  | 'no-alternative'
  | 'no-behavioural'
  | 'bad-index'
  | 'bad-point'
  | 'bad-red-flag'
  | 'wrong-question'
  | 'note-too-long'
  | 'answer-too-long'
  | 'not-started'
  | 'already-started'
  | 'finished'
  | 'not-finished'
  | 'not-yours'
  | 'not-found'
  | 'bad-retention';

/** An interview step's failure: a code for code, a sentence for people. */
export interface InterviewError {
  code: InterviewErrorCode;
  message: string;
}

/** The outcome of a step that may fail. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: InterviewError };

/** A successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A failed result. */
export function fail<T = never>(code: InterviewErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}

/** Whether a string names a level (for parsing `/…-interview senior`). */
export function isInterviewLevel(value: string): value is InterviewLevel {
  return (INTERVIEW_LEVELS as readonly string[]).includes(value);
}
