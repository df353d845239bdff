/**
 * The shape of an interview session: plain readonly data, as stored. Apart
 * from the transitions (session.ts, session-marks.ts) so both can name it
 * without importing each other; session.ts re-exports it.
 */
import type { Actor } from '../requests.js';
import type { Plan } from './plan-model.js';
import type { InterviewLevel } from './result.js';

/** Where one planned question stands: waiting, asked, skipped, or never reached before the finish. */
export type QuestionStatus = 'pending' | 'asked' | 'skipped' | 'not-reached';

/** What the auto-grade of a pasted answer found; the interviewer's ticks remain the record. */
export interface PastedGrade {
  /** 0..100, as a written quiz answer is graded. */
  readonly score: number;
  /** Every key point's verdict, in question order. */
  readonly points: readonly { readonly label: string; readonly status: 'covered' | 'missed' | 'negated' | 'contradicted'; readonly heard?: string }[];
  /** What the grade says about each wrong claim heard. */
  readonly contradictions: readonly string[];
  /** Set when the answer read as a bare list of keywords. */
  readonly capped: boolean;
  /** Key point indexes the grade ticked. */
  readonly preTicked: readonly number[];
}

/** The interviewer's marks on one planned question. */
export interface QuestionState {
  readonly questionId: string;
  readonly status: QuestionStatus;
  /** Indexes into the question's key points, ascending. */
  readonly ticked: readonly number[];
  /** Mistake ids (from the question's red flags) heard, in the question's order. */
  readonly redFlags: readonly string[];
  readonly note?: string;
  readonly graded?: PastedGrade;
  readonly startedAt?: number;
  readonly endedAt?: number;
}

/** One interview, private to its author. */
export interface InterviewSession {
  /** Short id carried in button ids and used by `show`, `share` and `delete`. */
  readonly id: string;
  readonly roleId: string;
  readonly author: Actor;
  /** Free-text label of the candidate, sanitised: never a mention. */
  readonly candidate?: string;
  readonly level: InterviewLevel;
  readonly plan: Plan;
  /** `planning` while the plan may still change; `running` from Start; `finished` once the scorecard can be made. */
  readonly phase: 'planning' | 'running' | 'finished';
  /** The current question, into `plan.items` and `questions`. */
  readonly index: number;
  /** One per plan item, from Start on. */
  readonly questions: readonly QuestionState[];
  readonly createdAt: number;
  readonly startedAt?: number;
  readonly finishedAt?: number;
  readonly updatedAt: number;
}
