/**
 * The neutral reply model. The core answers every request with one of these;
 * each adapter renders it its own way (Block Kit, Discord embeds, terminal text).
 * Text fields may hold user-typed text: renderers must escape or neutralise it.
 */
import type { QuestionSource, Rubric, Tier } from './content/schema.js';
import type { Action, PointFeedback } from './view-parts.js';
import type { ChallengeView } from './views-challenge.js';
import type { DailyView } from './views-daily.js';
import type { InterviewView } from './views-interview.js';

export type * from './view-parts.js';
export type * from './views-challenge.js';
export type * from './views-daily.js';
export type * from './views-interview.js';

/** Who should see a reply: the channel, or only the user who asked. */
export type Visibility = 'public' | 'private';

/** A question as an interviewer sees it. */
export interface QuestionCard {
  id: string;
  tier: Tier;
  topics: string[];
  prompt: string;
  answer: string;
  keyPoints: string[];
  followUps: string[];
  redFlags: { title: string; text: string }[];
  /** What a junior, a mid-level and a senior answer sound like. */
  rubric: Rubric;
  /** What a senior would add or qualify beside the model answer. */
  notes: string[];
  /** Whether the model answer is the role document's or was written for the bank. */
  source: QuestionSource;
}

/** Feedback on the answer just given in a quiz. */
export interface AnswerFeedback {
  questionId: string;
  prompt: string;
  outcome: 'correct' | 'wrong' | 'skipped';
  points: number;
  /** Streak bonus included in `points`. */
  bonus: number;
  /** What the user answered (user text). */
  given?: string;
  /** The correct choice, for multiple choice. */
  correctChoice?: string;
  /** Free-text grade 0..100 with the key points covered and missed. */
  score?: number;
  covered?: string[];
  missed?: string[];
  /** Free text: every key point's verdict, in question order, with the words heard. */
  keyPoints?: PointFeedback[];
  /** Free text: wrong claims the answer made, each with what was heard and why it is wrong. */
  contradictions?: { feedback: string; heard: string }[];
  /** Free text: why the grade was capped ("reads as a list of keywords"), when it was. */
  capped?: string;
  modelAnswer: string;
  /** Interviewer notes on the model answer: what a senior would qualify. */
  notes?: string[];
}

/** Where a quiz stands. */
export interface QuizProgress {
  /** 1-based number of the current question. */
  number: number;
  total: number;
  points: number;
  streak: number;
}

/** What a search result is, in words every renderer shows the same way. */
export const RESULT_KIND_LABELS: Readonly<Record<SearchResultView['kind'], string>> = {
  question: 'Question',
  'use-case': 'Use case',
  responsibility: 'Responsibility',
  skill: 'Skill',
  mistake: 'Common mistake',
};

export interface SearchResultView {
  id: string;
  kind: 'question' | 'use-case' | 'responsibility' | 'skill' | 'mistake';
  title: string;
  snippet: string;
  tier?: Tier;
  score: number;
}

export interface LeaderboardRow {
  rank: number;
  userId: string;
  /** Display name; render as plain text, never as a mention that pings. */
  name: string;
  points: number;
  answered: number;
  accuracy: number;
}

export interface AccuracyRow {
  label: string;
  answered: number;
  correct: number;
  accuracy: number;
}

export type RoleSection = 'summary' | 'responsibilities' | 'skills' | 'use-cases' | 'mistakes';

/** A titled block of text with optional bullets, for role sections. */
export interface ViewSection {
  title: string;
  text?: string;
  bullets?: string[];
}

export type View =
  | {
      kind: 'role';
      roleTitle: string;
      section: RoleSection;
      title: string;
      /** Short lead line (the role summary). */
      lead?: string;
      tags?: string[];
      sections: ViewSection[];
      actions: Action[];
    }
  | {
      kind: 'card';
      roleTitle: string;
      question: QuestionCard;
      answerShown: boolean;
      /** A remark above the card, e.g. "No harder tier: another advanced question". */
      note?: string;
      actions: Action[];
    }
  | {
      kind: 'quiz-question';
      roleTitle: string;
      mode: 'choice' | 'text';
      review: boolean;
      progress: QuizProgress;
      question: { id: string; tier: Tier; topics: string[]; prompt: string };
      /** Multiple choice: letter, text and the action that answers with it. */
      choices: { letter: string; text: string; actionId: string }[];
      /** Feedback on the previous question, shown above this one. */
      feedback?: AnswerFeedback;
      /** A remark above the question, e.g. "You already have a quiz running here". */
      note?: string;
      /** Answer (free text, opens a form), skip, stop. */
      actions: Action[];
    }
  | {
      kind: 'quiz-summary';
      roleTitle: string;
      review: boolean;
      stopped: boolean;
      total: number;
      answered: number;
      correct: number;
      points: number;
      bestStreak: number;
      feedback?: AnswerFeedback;
      /** A remark above the summary, e.g. "The question bank changed, so this quiz was ended". */
      note?: string;
      /** What the figures count, so they can be read beside the stats. */
      footnote: string;
      missed: { id: string; tier: Tier; prompt: string; modelAnswer: string; given?: string; outcome: 'wrong' | 'skipped' }[];
      actions: Action[];
    }
  | {
      kind: 'search';
      roleTitle: string;
      query: string;
      results: SearchResultView[];
      actions: Action[];
      /** Said above the results when part of the query matched nothing: "No question mentions lambda; closest: …". Holds user text. */
      note?: string;
    }
  | { kind: 'leaderboard'; roleTitle: string; period: 'all' | 'week'; periodLabel: string; rows: LeaderboardRow[]; actions: Action[] }
  | {
      kind: 'stats';
      roleTitle: string;
      name: string;
      points: number;
      weekPoints: number;
      answered: number;
      correct: number;
      accuracy: number;
      streak: number;
      bestStreak: number;
      byTier: AccuracyRow[];
      byTopic: AccuracyRow[];
      weakest: AccuracyRow[];
      reviewDue: number;
      /** What the figures count, so they can be read beside a quiz summary. */
      footnote: string;
      actions: Action[];
    }
  | {
      kind: 'help';
      title: string;
      commands: { name: string; description: string; usage: string; examples: string[] }[];
    }
  | { kind: 'notice'; title: string; text: string; actions: Action[] }
  | { kind: 'error'; code: ErrorCode; message: string; usage?: string }
  /** Interview mode: plan, question card, scorecard and list (views-interview.ts). */
  | InterviewView
  /** Channel challenges: question, reveal and standings (views-challenge.ts). */
  | ChallengeView
  /** Question of the day: the daily post and a channel's schedule (views-daily.ts). */
  | DailyView;

/** Machine-readable reasons a user's request could not be served. */
export type ErrorCode =
  | 'unknown-command'
  | 'bad-arguments'
  | 'not-found'
  | 'no-quiz'
  | 'quiz-running'
  | 'stale-action'
  | 'not-yours'
  | 'nothing-to-review'
  | 'internal'
  /** A change could not be written to disk; nothing was recorded and the user should try again. */
  | 'not-saved';

/** A reply: a view, who sees it, and whether it replaces the message a button was pressed on. */
export interface Reply {
  visibility: Visibility;
  view: View;
  replace?: boolean;
}
