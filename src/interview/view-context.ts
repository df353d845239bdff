/**
 * What the interview view builders (views.ts, scorecard-views.ts) take besides
 * the interview: the role's content and how to encode a button id, and every
 * button interview mode offers. Its own module so the two builders share it
 * without importing each other.
 */
import type { Mistake, Question } from '../content/schema.js';

/** Every button interview mode offers, decoded; src/actions.ts encodes these as ids. */
export type InterviewActionRef =
  /** On the plan: Start, Swap a question (a form: which one), Add a behavioural question. */
  | { op: 'start' | 'swap' | 'behavioural'; interviewId: string }
  /**
   * On the card of question `index` (0-based), so a press on an old card is
   * recognised as stale: Next, Skip, Finish, Add note and Paste answer (forms),
   * Show answer, and the two checklists (key points, red flags).
   */
  | { op: 'next' | 'skip' | 'finish' | 'note' | 'paste' | 'show' | 'points' | 'flags'; interviewId: string; index: number }
  /** Back to an interview not finished (its plan or current card). */
  | { op: 'resume'; interviewId: string }
  /** A scorecard: show it, ask to share or delete it, and the confirmations (share to `channel`, or where asked). */
  | { op: 'open' | 'share' | 'delete' | 'delete-confirm'; scorecardId: string }
  | { op: 'share-confirm'; scorecardId: string; channel?: string }
  /** The caller's scorecards and interviews. */
  | { op: 'list' };

/** What the builders need besides the interview: the role and how to encode a button. */
export interface InterviewViewContext {
  roleTitle: string;
  /** The role's question bank and mistakes, which the card quotes. */
  questions: readonly Question[];
  mistakes: readonly Mistake[];
  /** Encodes a button id (at most 100 characters). */
  actionId(ref: InterviewActionRef): string;
}
