/**
 * Interview results as neutral views: a scorecard (private, or as shared to a
 * channel), the list of one's own, and the confirmations asked before a
 * scorecard is shared or deleted. Pure, like views.ts.
 */
import type { Action, InterviewRow, ScorecardRow, View } from '../views.js';
import type { Scorecard } from './scorecard.js';
import type { InterviewSession } from './session.js';
import type { InterviewViewContext } from './view-context.js';

type Ctx = Pick<InterviewViewContext, 'roleTitle' | 'actionId'>;

/** At most this many unfinished interviews are listed (each with a Resume button). */
export const LIST_IN_PROGRESS_MAX = 5;

/** "2026-12-01 14:00 UTC": the same in every platform and every time zone. */
export function utcMinute(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Options of the scorecard: `shared` for the copy posted to a channel (no buttons there: others would press them). */
export interface ScorecardViewOptions {
  shared?: boolean;
  note?: string;
}

/** A scorecard: per question what was heard and its reading, coverage by topic, the suggested level, what to probe. */
export function scorecardView(ctx: Ctx, card: Scorecard, options: ScorecardViewOptions = {}): View {
  const open = (op: 'share' | 'delete') => ctx.actionId({ op, scorecardId: card.id });
  const actions: Action[] = options.shared
    ? []
    : [
        { id: open('share'), label: 'Share' },
        { id: open('delete'), label: 'Delete', style: 'danger' },
        { id: ctx.actionId({ op: 'list' }), label: 'My scorecards' },
      ];
  return {
    kind: 'interview-scorecard',
    roleTitle: ctx.roleTitle,
    id: card.id,
    ...(card.candidate ? { candidate: card.candidate } : {}),
    interviewer: card.author.name,
    level: card.level,
    ...(card.suggested ? { suggested: card.suggested } : {}),
    evidence: card.evidence,
    when: `${utcMinute(card.started)} · ${card.minutes.used} of ${card.minutes.planned} minutes`,
    overall: { ...card.overall },
    questions: card.questions.map((q, i) => ({
      number: i + 1,
      id: q.id,
      prompt: q.prompt,
      tier: q.tier,
      topics: [...q.topics],
      status: q.status,
      ...(q.reading ? { reading: q.reading } : {}),
      evidence: q.evidence,
      ...(q.rubric ? { rubric: q.rubric } : {}),
      heard: [...q.ticked],
      missed: [...q.missed],
      total: q.total,
      redFlags: q.redFlags.map((f) => f.title),
      ...(q.note !== undefined ? { interviewerNote: q.note } : {}),
      ...(q.pastedScore !== undefined ? { pastedScore: q.pastedScore } : {}),
      time: q.minutes !== undefined ? `${q.minutes} of ${q.budget} min` : `${q.budget} min planned`,
    })),
    coverage: card.coverage.map((c) => ({ ...c })),
    probe: [...card.probe],
    notes: [...card.notes],
    ...(options.note ? { note: options.note } : {}),
    actions,
  };
}

/** The caller's scorecards (already their own, latest first) and interviews not finished, each with its button. */
export function listView(ctx: Ctx, cards: readonly Scorecard[], sessions: readonly InterviewSession[] = [], note?: string): View {
  const rows: ScorecardRow[] = cards.map((c) => ({
    id: c.id,
    ...(c.candidate ? { candidate: c.candidate } : {}),
    level: c.level,
    ...(c.suggested ? { suggested: c.suggested } : {}),
    when: utcMinute(c.finished),
    points: { ...c.overall },
  }));
  const open = sessions.filter((s) => s.phase !== 'finished').slice(0, LIST_IN_PROGRESS_MAX);
  const inProgress: InterviewRow[] = open.map((s) => ({
    id: s.id,
    ...(s.candidate ? { candidate: s.candidate } : {}),
    level: s.level,
    phase: s.phase === 'planning' ? 'planning' : 'running',
    when: utcMinute(s.updatedAt),
    progress: s.phase === 'planning' ? 'not started' : `question ${s.index + 1} of ${s.questions.length}`,
  }));
  const actions: Action[] = [
    ...rows.map((r, i) => ({ id: ctx.actionId({ op: 'open', scorecardId: r.id }), label: `Show ${i + 1}` })),
    ...inProgress.map((r, i) => ({ id: ctx.actionId({ op: 'resume', interviewId: r.id }), label: `Resume ${i + 1}` })),
  ];
  return { kind: 'interview-list', roleTitle: ctx.roleTitle, rows, inProgress, ...(note ? { note } : {}), actions };
}

/** Who a scorecard is about, in a sentence. */
function about(card: Scorecard): string {
  return card.candidate ? `the scorecard of ${card.candidate} (${card.id})` : `scorecard ${card.id}`;
}

/**
 * Asked before a scorecard leaves its author's private view: where it goes,
 * that everyone there will read it, notes included. `channel` is where it was
 * asked to go, as the user named it; absent: the conversation it was asked in.
 */
export function shareConfirmView(ctx: Ctx, card: Scorecard, channel?: string): View {
  const where = channel ? `to ${channel}` : 'to this channel';
  return {
    kind: 'notice',
    title: 'Share this scorecard?',
    text: `This posts ${about(card)} ${where}, where everyone can read it, your notes included. Candidate details are personal data: share it only where the hiring team is.`,
    actions: [
      { id: ctx.actionId({ op: 'share-confirm', scorecardId: card.id, ...(channel ? { channel } : {}) }), label: `Share ${where}`, style: 'primary' },
      { id: ctx.actionId({ op: 'open', scorecardId: card.id }), label: 'Cancel' },
    ],
  };
}

/** Asked before a scorecard is deleted: it cannot be brought back. */
export function deleteConfirmView(ctx: Ctx, card: Scorecard): View {
  return {
    kind: 'notice',
    title: 'Delete this scorecard?',
    text: `This deletes ${about(card)} for good: it cannot be brought back.`,
    actions: [
      { id: ctx.actionId({ op: 'delete-confirm', scorecardId: card.id }), label: 'Delete', style: 'danger' },
      { id: ctx.actionId({ op: 'open', scorecardId: card.id }), label: 'Cancel' },
    ],
  };
}
