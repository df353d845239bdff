/**
 * What the in-memory state tells the file store about each accepted change,
 * and the error it raises for a value it must not keep. Apart from
 * store-state.ts so that the interview records (interview-state.ts) share them.
 */
import type { Scorecard } from '../src/interview/scorecard.js';
import type { InterviewSession } from '../src/interview/session.js';
import type { QuestionFlag, QuizSession, StoredRecord, UserRecord } from '../src/ports.js';

/** Where an interview or scorecard lives: its author's platform and id, then its own id. */
export type OwnedKey = readonly [platform: string, author: string, id: string];

/** Where a versioned record lives: its kind, then its key. */
export type RecordKey = readonly [kind: string, key: string];

/**
 * One accepted change, with the value it replaced, so the file store can journal
 * the key and roll it back if the write holding it fails.
 */
export type StoreChange =
  | { kind: 'user'; space: string; userId: string; before: UserRecord | undefined }
  | { kind: 'session'; key: string; before: QuizSession | undefined }
  | { kind: 'flag'; added: QuestionFlag; before: readonly QuestionFlag[] }
  | { kind: 'interview'; key: OwnedKey; before: InterviewSession | undefined }
  | { kind: 'scorecard'; key: OwnedKey; before: Scorecard | undefined }
  | { kind: 'record'; key: RecordKey; before: StoredRecord | undefined };

/** Thrown when `update` or a put hands the store a value it must not keep. */
export class StoreValueError extends Error {
  override name = 'StoreValueError';
}
