/**
 * The neutral reply model of the question of the day: the daily post (which
 * first reveals the previous day's answer, then asks today's, with A–D
 * buttons), the same post closed once revealed, and a channel's schedule
 * (`status`). Part of `View` (views.ts re-exports all of it); it imports only
 * view-parts.ts, so the two never import each other. The private "Answer
 * recorded" acknowledgement is a plain `notice`.
 */
import type { Tier } from './content/schema.js';
import type { Action } from './view-parts.js';

/** One answer option of the daily question, as shown. */
export interface DailyChoice {
  letter: string;
  text: string;
}

/** The previous question's answer and how the channel did. */
export interface DailyReveal {
  /** "Tuesday 1 December". */
  date: string;
  prompt: string;
  /** "C. Continuous integration". */
  answer: string;
  /** The model answer: why it is right. */
  explanation: string;
  answered: number;
  correct: number;
}

/** A channel's schedule, as `status` shows it. */
export interface DailySchedule {
  /** "09:00". */
  time: string;
  tz: string;
  /** "every day" or "weekdays (Monday to Friday)". */
  days: string;
  tier: Tier | 'mixed';
  /** "Thursday 3 December, 09:00 Europe/London". */
  next: string;
  /** Display name of who started it (plain text). */
  startedBy: string;
}

/** The latest post, as `status` shows it: still open (answers so far) or revealed. */
export interface DailyLast {
  date: string;
  prompt: string;
  answered: number;
  /** Only once revealed: the answer and how many got it right. */
  answer?: string;
  correct?: number;
}

/** The view kinds of the question of the day; members of `View`. */
export type DailyView =
  | {
      kind: 'daily-question';
      roleTitle: string;
      /** "Wednesday 2 December". */
      date: string;
      question: { id: string; tier: Tier; topics: string[]; prompt: string };
      choices: DailyChoice[];
      /** Yesterday's answer, shown first. */
      reveal?: DailyReveal;
      /** "Right: 200 points. One answer each; the answer comes with the next question (09:00 Europe/London)." */
      rules: string;
      /** Set once revealed: the post keeps its question and shows its answer, with no buttons. */
      closed?: { answer: string; answered: number; correct: number };
      note?: string;
      /** One button per letter (A–D), pressed by anyone in the channel; none once closed. */
      actions: Action[];
    }
  | {
      kind: 'daily-status';
      roleTitle: string;
      /** Absent when no question of the day is scheduled in this channel. */
      schedule?: DailySchedule;
      last?: DailyLast;
      /** Why the latest post could not be made ("the bot is not in this channel"). */
      problem?: string;
      note?: string;
      actions: Action[];
    };
