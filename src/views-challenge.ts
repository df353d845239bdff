/**
 * The neutral reply model of a channel challenge: the public question with its
 * A–D buttons and timer, the same message revealed in place at the deadline,
 * and the final standings. Part of `View` (views.ts re-exports all of it); it
 * imports only view-parts.ts, so the two never import each other. The private
 * "Locked in: B" acknowledgement is a plain `notice` (every renderer has it,
 * and the console keeps the A–D buttons on screen after a buttonless notice).
 * Names are display names as plain text: renderers never turn them into mentions.
 */
import type { Tier } from './content/schema.js';
import type { Action } from './view-parts.js';

/** One answer option of a challenge question, as shown. */
export interface ChallengeChoice {
  letter: string;
  text: string;
}

/** One option at the reveal: how many chose it, and whether it was right. */
export interface ChallengeChoiceResult extends ChallengeChoice {
  count: number;
  correct: boolean;
}

/** One line of the standings. */
export interface ChallengeStandingRow {
  rank: number;
  /** Display name; plain text, never a mention. */
  name: string;
  correct: number;
  points: number;
}

/** The view kinds of channel challenges; members of `View`. */
export type ChallengeView =
  | {
      kind: 'challenge-question';
      roleTitle: string;
      /** 1-based number of the question and how many the challenge has. */
      number: number;
      total: number;
      question: { id: string; tier: Tier; topics: string[]; prompt: string };
      choices: ChallengeChoice[];
      /** Seconds to answer, and "12:00:30 UTC", when it closes. */
      seconds: number;
      closesAt: string;
      /** "Right: 100 points, up to +50 for a fast answer". */
      points: string;
      /** Who started it (display name). */
      starter: string;
      note?: string;
      /** One button per letter (A–D), pressed by anyone in the channel. */
      actions: Action[];
    }
  | {
      kind: 'challenge-reveal';
      roleTitle: string;
      number: number;
      total: number;
      question: { id: string; tier: Tier; topics: string[]; prompt: string };
      /** Every option with its count; exactly one is correct. */
      choices: ChallengeChoiceResult[];
      /** "B. Continuous integration". */
      answer: string;
      /** How many answered in time. */
      answered: number;
      /** Display names of who was right, in answer order (capped; `moreRight` says how many more). */
      right: string[];
      moreRight: number;
      /** The fastest correct answer: name and "3.2 s". */
      fastest?: { name: string; time: string };
      /** One line on why the answer is right. */
      explanation: string;
      /** "100 points + speed bonus up to 50". */
      points: string;
      note?: string;
      actions: Action[];
    }
  | {
      kind: 'challenge-standings';
      roleTitle: string;
      /** "Challenge finished", "Challenge stopped by Ada". */
      title: string;
      /** "5 questions · basic · 30 s each · 4 players". */
      summary: string;
      rows: ChallengeStandingRow[];
      note?: string;
      /** How points are counted. */
      footnote: string;
      /** Rematch, Leaderboard. */
      actions: Action[];
    };
