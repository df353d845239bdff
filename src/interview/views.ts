/**
 * Interview screens as neutral views: the plan before Start and the question
 * card while listening (scorecard-views.ts has the scorecard and the list).
 * Pure: the caller passes the role's content, the time, and how to encode a
 * button id, so these stay free of the action-id format (src/actions.ts).
 */
import type { Action, Checklist, PastedVerdict, View } from '../views.js';
import { type InterviewCard, interviewCard, planOverview } from './card.js';
import { type InterviewSession, NOTE_MAX, PASTE_MAX } from './session.js';
import type { InterviewViewContext } from './view-context.js';

export { deleteConfirmView, listView, scorecardView, shareConfirmView } from './scorecard-views.js';
export type { InterviewActionRef, InterviewViewContext } from './view-context.js';

/** The longest pasted answer a form takes: the grader's own limit, within Slack's 3000-character input. */
export const PASTE_FORM_MAX = Math.min(PASTE_MAX, 3000);

/** The plan as shown first, with Start, Swap a question and Add a behavioural question. */
export function planView(ctx: InterviewViewContext, session: InterviewSession, note?: string): View {
  const plan = planOverview(session.plan, ctx.questions);
  const id = session.id;
  const swap = ctx.actionId({ op: 'swap', interviewId: id });
  const n = plan.lines.length;
  const actions: Action[] = [{ id: ctx.actionId({ op: 'start', interviewId: id }), label: 'Start', style: 'primary' }];
  if (n > 0) {
    actions.push({
      id: swap,
      label: 'Swap a question',
      prompt: {
        actionId: swap,
        title: 'Swap a question',
        label: n === 1 ? 'Which question? Type 1' : `Which question? A number from 1 to ${n}`,
        placeholder: '1',
        maxLength: 3,
      },
    });
  }
  actions.push({ id: ctx.actionId({ op: 'behavioural', interviewId: id }), label: 'Add a behavioural question' });
  return {
    kind: 'interview-plan',
    roleTitle: ctx.roleTitle,
    level: plan.level,
    ...(session.candidate ? { candidate: session.candidate } : {}),
    summary: plan.summary,
    items: plan.lines.map((l) => ({ ...l, topics: [...l.topics] })),
    notes: [...plan.notes],
    ...(note ? { note } : {}),
    actions,
  };
}

/** Options of the card: the model answer shown, a remark above, an earlier question (`at`, 0-based). */
export interface CardViewOptions {
  answerShown?: boolean;
  note?: string;
  at?: number;
}

/** The card of the current question (or of `at`); undefined when there is none (not started, finished). */
export function cardView(ctx: InterviewViewContext, session: InterviewSession, now: number, options: CardViewOptions = {}): View | undefined {
  if (session.phase !== 'running') return undefined;
  const card = interviewCard(session, ctx, now, options.at);
  if (!card) return undefined;
  const ref = (op: 'next' | 'skip' | 'finish' | 'note' | 'paste' | 'show' | 'points' | 'flags') =>
    ctx.actionId({ op, interviewId: session.id, index: card.number - 1 });
  const redFlags = flagList(card, ref('flags'));
  return {
    kind: 'interview-card',
    roleTitle: ctx.roleTitle,
    ...(session.candidate ? { candidate: session.candidate } : {}),
    number: card.number,
    of: card.of,
    timer: card.timer,
    question: {
      id: card.questionId,
      tier: card.tier,
      topics: [...card.topics],
      prompt: card.prompt,
      answer: card.answer,
      followUps: [...card.followUps],
      rubric: card.rubric,
      notes: [...card.notes],
    },
    keyPoints: pointList(card, ref('points')),
    ...(redFlags ? { redFlags } : {}),
    ...(card.graded ? { pasted: verdict(card.graded) } : {}),
    ...(card.note !== undefined ? { interviewerNote: card.note } : {}),
    answerShown: options.answerShown === true,
    ...(options.note ? { note: options.note } : {}),
    actions: cardActions(card, ref, options.answerShown === true),
  };
}

function pointList(card: InterviewCard, id: string): Checklist {
  return {
    id,
    label: 'Key points heard',
    items: card.keyPoints.map((k) => ({
      value: String(k.index),
      label: k.label,
      checked: k.ticked,
      // Pre-ticked points stay the interviewer's call: say where the tick came from, or that it was undone.
      ...(k.preTicked ? { hint: k.ticked ? 'found in the pasted answer' : 'found in the pasted answer, unticked' } : {}),
    })),
  };
}

function flagList(card: InterviewCard, id: string): Checklist | undefined {
  if (card.redFlags.length === 0) return undefined;
  return { id, label: 'Red flags heard', items: card.redFlags.map((f) => ({ value: f.id, label: f.title, detail: f.text, checked: f.heard })) };
}

function verdict(graded: NonNullable<InterviewCard['graded']>): PastedVerdict {
  return {
    score: graded.score,
    keyPoints: graded.points.map((p) => ({ label: p.label, status: p.status, ...(p.heard !== undefined ? { heard: p.heard } : {}) })),
    contradictions: [...graded.contradictions],
    ...(graded.capped ? { capped: 'Capped: the pasted answer reads as a list of keywords, so its grade is lower than its words suggest.' } : {}),
  };
}

function cardActions(card: InterviewCard, ref: (op: 'next' | 'skip' | 'finish' | 'note' | 'paste' | 'show') => string, answerShown: boolean): Action[] {
  const last = card.number === card.of;
  const note = ref('note');
  const paste = ref('paste');
  const actions: Action[] = [
    // On the last question Next is the finish: it ends the interview with this question asked.
    { id: ref('next'), label: last ? 'Finish' : 'Next', style: 'primary' },
    { id: ref('skip'), label: 'Skip' },
    {
      id: note,
      label: 'Add note',
      // The form cannot show the note it replaces, so it says so.
      prompt: {
        actionId: note,
        title: 'Your note',
        label: card.note !== undefined ? 'Your note (replaces the one on the card)' : 'Your note on this question',
        maxLength: NOTE_MAX,
      },
    },
    {
      id: paste,
      label: 'Paste answer',
      prompt: {
        actionId: paste,
        title: "Candidate's answer",
        label: 'What the candidate said',
        placeholder: 'Paste or type their answer: it is graded, not kept',
        maxLength: PASTE_FORM_MAX,
      },
    },
  ];
  if (!answerShown) actions.push({ id: ref('show'), label: 'Show answer' });
  if (!last) actions.push({ id: ref('finish'), label: 'Finish early', style: 'danger' });
  return actions;
}
