/**
 * The neutral reply model of interview mode: the plan before Start, the
 * question card while listening, the scorecard at the end, and the list of
 * one's own. Part of `View` (views.ts re-exports all of it); kept apart so
 * views.ts stays one screen of the rest, and importing only view-parts.ts so
 * the two never import each other.
 * Text fields may hold user-typed text (candidate labels, notes): renderers
 * escape or neutralise it as for every view.
 */
import type { Rubric, Tier } from './content/schema.js';
import type { Reading } from './interview/reading.js';
import type { InterviewLevel } from './interview/result.js';
import type { Action, Checklist, PointFeedback } from './view-parts.js';

/** One planned question on the plan view. */
export interface InterviewPlanItem {
  number: number;
  questionId: string;
  tier: Tier;
  topics: string[];
  minutes: number;
  prompt: string;
  behavioural: boolean;
}

/** The auto-grade of what the candidate said, as pasted by the interviewer. */
export interface PastedVerdict {
  /** 0..100. */
  score: number;
  /** Every key point's verdict, in question order. */
  keyPoints: PointFeedback[];
  /** What the grade says about each wrong claim heard. */
  contradictions: string[];
  /** Why the grade was capped, when it was. */
  capped?: string;
}

/** The question on an interview card. */
export interface InterviewQuestion {
  id: string;
  tier: Tier;
  topics: string[];
  /** The question to read out. */
  prompt: string;
  /** The model answer: shown only when the card's `answerShown`. */
  answer: string;
  followUps: string[];
  rubric: Rubric;
  /** The content's interviewer notes (what a senior would add or qualify). */
  notes: string[];
}

/** One question on the scorecard. */
export interface ScorecardQuestionView {
  number: number;
  id: string;
  prompt: string;
  tier: Tier;
  topics: string[];
  status: 'asked' | 'skipped' | 'not-reached';
  /** The level its answer reads at; absent when not asked. */
  reading?: Reading;
  /** Why it reads so, or why it was not assessed. */
  evidence: string;
  /** The rubric's line for the reading. */
  rubric?: string;
  /** Labels of the key points ticked, and of the rest. */
  heard: string[];
  missed: string[];
  total: number;
  /** Titles of the red flags heard. */
  redFlags: string[];
  /** What the interviewer wrote on it (user text). */
  interviewerNote?: string;
  /** The auto-grade of a pasted answer, 0..100, when one was pasted. */
  pastedScore?: number;
  /** "4 of 6 min", or "6 min planned" for a question not reached. */
  time: string;
}

/** A scorecard in the list. */
export interface ScorecardRow {
  id: string;
  candidate?: string;
  level: InterviewLevel;
  suggested?: Reading;
  /** "2026-12-01 14:00 UTC". */
  when: string;
  points: { ticked: number; total: number };
}

/** An interview not finished yet, in the list. */
export interface InterviewRow {
  id: string;
  candidate?: string;
  level: InterviewLevel;
  phase: 'planning' | 'running';
  /** Last touched: "2026-12-01 14:00 UTC". */
  when: string;
  /** "question 3 of 7", or "not started". */
  progress: string;
}

/** The view kinds of interview mode; members of `View`. */
export type InterviewView =
  | {
      kind: 'interview-plan';
      roleTitle: string;
      level: InterviewLevel;
      /** The candidate label (sanitised, never a mention). */
      candidate?: string;
      /** "6 questions · 40 minutes + 5 for introductions… · 45 of 45 planned". */
      summary: string;
      items: InterviewPlanItem[];
      /** What the plan had to cap or substitute. */
      notes: string[];
      /** A remark above the plan ("Swapped question 3: …"). */
      note?: string;
      /** Start, Swap a question (a form asking which), Add a behavioural question. */
      actions: Action[];
    }
  | {
      kind: 'interview-card';
      roleTitle: string;
      candidate?: string;
      /** 1-based place of the question in the plan, and how many there are. */
      number: number;
      of: number;
      /** "Question 3 of 7 · 4 of 6 min · 14 min elapsed, 31 left of 45 · 2 min behind". */
      timer: string;
      question: InterviewQuestion;
      /** One box per key point, ticked while listening. */
      keyPoints: Checklist;
      /** One box per red flag, ticked if heard; absent when the question has none. */
      redFlags?: Checklist;
      /** The verdicts on a pasted answer, when one was pasted. */
      pasted?: PastedVerdict;
      /** The interviewer's own note on this question (user text). */
      interviewerNote?: string;
      answerShown: boolean;
      note?: string;
      /** Next, Skip, Add note (a form), Paste answer (a form), Show answer, Finish. */
      actions: Action[];
    }
  | {
      kind: 'interview-scorecard';
      roleTitle: string;
      id: string;
      candidate?: string;
      /** The interviewer's display name, as plain text. */
      interviewer: string;
      /** The level the interview was planned for. */
      level: InterviewLevel;
      /** The suggested level; absent when nothing was asked. */
      suggested?: Reading;
      evidence: string;
      /** "2026-12-01 14:00 UTC · 28 of 45 minutes". */
      when: string;
      overall: { ticked: number; total: number };
      questions: ScorecardQuestionView[];
      /** Key points heard by topic, alphabetically. */
      coverage: { topic: string; ticked: number; total: number; asked: number; skipped: number }[];
      /** What to probe in the next round, most telling first. */
      probe: string[];
      /** What the plan had to cap or substitute. */
      notes: string[];
      note?: string;
      actions: Action[];
    }
  | {
      kind: 'interview-list';
      roleTitle: string;
      /** The caller's scorecards, latest first. */
      rows: ScorecardRow[];
      /** The caller's interviews not finished yet. */
      inProgress: InterviewRow[];
      note?: string;
      actions: Action[];
    };
