/**
 * What the interviewer's screens show, as plain data a view can be made from:
 * the plan before Start, and the current question's card while listening.
 * No platform shapes here: the views and renderers adopt these later.
 */
import type { Mistake, Question, Rubric, Tier } from '../content/schema.js';
import { count, type Plan, plannedMinutes } from './plan-model.js';
import type { InterviewSession, PastedGrade } from './session.js';
import { timerLine } from './timer.js';

/** One line of the plan overview. */
export interface PlanLine {
  number: number;
  questionId: string;
  tier: Tier;
  topics: readonly string[];
  minutes: number;
  prompt: string;
  behavioural: boolean;
}

/** The plan as shown first, with Start, Swap a question and Add a behavioural question. */
export interface PlanOverview {
  level: Plan['level'];
  /** "6 questions · 40 minutes + 5 kept for introductions and the candidate's questions · 45 of 45". */
  summary: string;
  lines: PlanLine[];
  notes: readonly string[];
}

export function planOverview(plan: Plan, questions: readonly Question[]): PlanOverview {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const asked = plan.items.reduce((sum, i) => sum + i.minutes, 0);
  const reserve = plan.reserveMinutes > 0 ? ` + ${plan.reserveMinutes} for introductions and the candidate's questions` : '';
  return {
    level: plan.level,
    summary: `${count(plan.items.length, 'question')} · ${asked} minutes${reserve} · ${plannedMinutes(plan)} of ${plan.minutes} planned`,
    lines: plan.items.map((item, i) => ({
      number: i + 1,
      questionId: item.questionId,
      tier: item.tier,
      topics: item.topics,
      minutes: item.minutes,
      prompt: byId.get(item.questionId)?.prompt ?? item.questionId,
      behavioural: item.behavioural,
    })),
    notes: plan.notes,
  };
}

/** The current question's card: everything the interviewer reads, ticks and notes. */
export interface InterviewCard {
  number: number;
  of: number;
  questionId: string;
  tier: Tier;
  topics: readonly string[];
  /** The question to read out. */
  prompt: string;
  /** Checkboxes: each key point, whether ticked, and whether the pasted answer's grade ticked it. */
  keyPoints: { index: number; label: string; ticked: boolean; preTicked: boolean }[];
  followUps: readonly string[];
  /** Red flags to tick if heard. */
  redFlags: { id: string; title: string; text: string; heard: boolean }[];
  rubric: Rubric;
  /** The content's interviewer notes (caveats a senior would add). */
  notes: readonly string[];
  /** The model answer, shown only behind "Show answer". */
  answer: string;
  /** The interviewer's own note on this question. */
  note?: string;
  graded?: PastedGrade;
  timer: string;
}

/** The card of the question at `at` (default: the current one), or undefined when there is none. */
export function interviewCard(
  session: InterviewSession,
  content: { questions: readonly Question[]; mistakes: readonly Mistake[] },
  now: number,
  at = session.index,
): InterviewCard | undefined {
  const state = session.questions[at];
  const q = state && content.questions.find((c) => c.id === state.questionId);
  if (!state || !q) return undefined;
  const mistakes = new Map(content.mistakes.map((m) => [m.id, m]));
  const pre = new Set(state.graded?.preTicked ?? []);
  return {
    number: at + 1,
    of: session.questions.length,
    questionId: q.id,
    tier: q.tier,
    topics: q.topics,
    prompt: q.prompt,
    keyPoints: q.keyPoints.map((k, index) => ({ index, label: k.point, ticked: state.ticked.includes(index), preTicked: pre.has(index) })),
    followUps: q.followUps,
    redFlags: q.redFlags.flatMap((id) => {
      const m = mistakes.get(id);
      return m ? [{ id, title: m.title, text: m.text, heard: state.redFlags.includes(id) }] : [];
    }),
    rubric: q.rubric,
    notes: q.notes,
    answer: q.answer,
    ...(state.note !== undefined ? { note: state.note } : {}),
    ...(state.graded ? { graded: state.graded } : {}),
    timer: timerLine(session, now),
  };
}
