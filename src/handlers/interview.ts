/**
 * `/<prefix>-interview`: plan an interview, run it question by question (ticks,
 * red flags, pasted answers, notes), and keep its scorecard; list, show, share
 * and delete one's own scorecards. Everything is private to its author: another
 * user's id, or a forged one, reads as not found and changes nothing.
 */
import type { InterviewRef } from '../commands/families/interview-buttons.js';
import { addBehavioural, buildPlan, swapQuestion } from '../interview/plan.js';
import type { InterviewLevel, Result } from '../interview/result.js';
import { buildScorecard } from '../interview/scorecard.js';
import {
  createSession,
  finishInterview,
  type InterviewSession,
  nextQuestion,
  pasteAnswer,
  replacePlan,
  setNote,
  setRedFlags,
  setTicked,
  skipQuestion,
  startInterview,
  whileRunning,
} from '../interview/session.js';
import { cardView, planView, scorecardView } from '../interview/views.js';
import { randomId } from '../random.js';
import type { Reply } from '../views.js';
import { errorReply, type HandlerInput, numberValue, stringValue } from './context.js';
import { interviewList, scorecardStep } from './interview-scorecards.js';
import { failed, isReply, loadInterview, ownerOf, priv, viewContext } from './interview-support.js';

export { interviewDelete, interviewList, interviewShare, interviewShow } from './interview-scorecards.js';
// ---- Commands ----

/** `/…-interview [level] [minutes] [topics] [candidate:…]`: a plan, private, with Start, Swap and Add behavioural. */
export async function interviewPlan(input: HandlerInput): Promise<Reply> {
  const { rt, deps, ctx, values } = input;
  const level = (stringValue(values, 'level') ?? 'mid') as InterviewLevel;
  const minutes = numberValue(values, 'minutes');
  const topics = (stringValue(values, 'topics') ?? '').split(/[\s,]+/).filter((t) => t !== '');
  const plan = buildPlan({ questions: rt.role.questions, level, ...(minutes !== undefined ? { minutes } : {}), topics, random: deps.random });
  if (!plan.ok) return failed(plan.error);
  const candidate = stringValue(values, 'candidate');
  const session = createSession({
    id: randomId(deps.random),
    roleId: rt.role.id,
    author: ctx.user,
    ...(candidate ? { candidate } : {}),
    plan: plan.value,
    now: deps.clock.now(),
  });
  await deps.store.putInterview(session);
  return priv(planView(viewContext(input), session));
}

// ---- Buttons and forms ----

type CardRef = Extract<InterviewRef, { index: number }>;

/** Serves every interview button and form. */
export async function interviewAction(input: HandlerInput, ref: InterviewRef, text: string | undefined): Promise<Reply> {
  switch (ref.op) {
    case 'list':
      return interviewList(input, true);
    case 'open':
    case 'share':
    case 'delete':
    case 'delete-confirm':
      return scorecardStep(input, ref.scorecardId, ref.op, true);
    case 'share-confirm':
      return scorecardStep(input, ref.scorecardId, ref.op, false, ref.channel);
    case 'start':
    case 'swap':
    case 'behavioural':
    case 'resume':
      return planStep(input, ref, text);
    default:
      return cardStep(input, ref, text);
  }
}

async function planStep(
  input: HandlerInput,
  ref: Extract<InterviewRef, { op: 'start' | 'swap' | 'behavioural' | 'resume' }>,
  text: string | undefined,
): Promise<Reply> {
  const loaded = await loadInterview(input, ref.interviewId);
  if (isReply(loaded)) return loaded;
  const session = loaded;
  const { deps, rt } = input;
  const now = deps.clock.now();
  const ctx = viewContext(input);
  if (ref.op === 'resume') return session.phase === 'planning' ? priv(planView(ctx, session), true) : showCard(input, session);
  if (ref.op === 'start') {
    const started = startInterview(session, now);
    if (!started.ok) return failed(started.error);
    await deps.store.putInterview(started.value);
    return showCard(input, started.value);
  }
  const source = { questions: rt.role.questions, random: deps.random };
  const n = /^\s*\d{1,3}\s*$/.test(text ?? '') ? Number(text) : Number.NaN;
  if (ref.op === 'swap' && !Number.isInteger(n)) {
    return errorReply('bad-arguments', `Type the number of the question to swap, 1 to ${session.plan.items.length}.`);
  }
  const change = ref.op === 'swap' ? swapQuestion(session.plan, n - 1, source) : addBehavioural(session.plan, source);
  if (!change.ok) return failed(change.error);
  const replaced = replacePlan(session, change.value.plan, now);
  if (!replaced.ok) return failed(replaced.error);
  await deps.store.putInterview(replaced.value);
  const note =
    ref.op === 'swap'
      ? [`Question ${text?.trim()} swapped.`, change.value.note].filter(Boolean).join(' ')
      : ['A behavioural question was added.', change.value.note].filter(Boolean).join(' ');
  return priv(planView(ctx, replaced.value, note), true);
}

function showCard(input: HandlerInput, session: InterviewSession, note?: string, answerShown = false): Reply {
  const view = cardView(viewContext(input), session, input.deps.clock.now(), { ...(note ? { note } : {}), answerShown });
  return view ? priv(view, true) : errorReply('not-found', 'That interview has no current question.');
}

async function cardStep(input: HandlerInput, ref: CardRef, text: string | undefined): Promise<Reply> {
  const loaded = await loadInterview(input, ref.interviewId);
  if (isReply(loaded)) return loaded;
  const session = loaded;
  const running = whileRunning(session);
  if (!running.ok) return failed(running.error);
  const { deps, rt } = input;
  const now = deps.clock.now();
  // Moving on is only from the current card; a mark may still go on an earlier question.
  if (ref.index !== session.index && ['next', 'skip', 'finish', 'show'].includes(ref.op)) {
    return errorReply('stale-action', `That card is no longer current: the interview is on question ${session.index + 1}.`);
  }
  let changed: Result<InterviewSession>;
  let note: string | undefined;
  if (ref.op === 'show') return showCard(input, session, undefined, true);
  if (ref.op === 'next' || ref.op === 'skip' || ref.op === 'finish') {
    changed = ref.op === 'next' ? nextQuestion(session, now) : ref.op === 'skip' ? skipQuestion(session, now) : finishInterview(session, now);
  } else {
    const state = session.questions[ref.index];
    const question = state ? rt.byId.get(state.questionId) : undefined;
    if (!question) return errorReply('stale-action', `Question ${ref.index + 1} is not in this interview, or left the question bank.`);
    const on = { question, now, at: ref.index };
    const words = (text ?? '').split(/\s+/).filter((w) => w !== '');
    switch (ref.op) {
      case 'points': {
        if (words.some((w) => !/^\d{1,3}$/.test(w))) return errorReply('bad-arguments', 'Key points are ticked by their numbers.');
        changed = setTicked(session, on, words.map(Number));
        break;
      }
      case 'flags':
        changed = setRedFlags(session, on, words);
        break;
      case 'note':
        changed = setNote(session, on, text ?? '');
        note = (text ?? '').trim() === '' ? 'Note removed.' : 'Note saved.';
        break;
      case 'paste':
        if ((text ?? '').trim() === '') return errorReply('bad-arguments', 'Paste what the candidate said to grade it.');
        changed = pasteAnswer(session, on, text ?? '', rt.analyzer, { genericTerms: rt.role.genericTerms });
        note = 'Graded: the key points it covered are ticked; untick any you did not hear.';
        break;
    }
    if (changed.ok && ref.index !== session.index) note = `${note ? `${note} ` : ''}Marked on question ${ref.index + 1}.`;
  }
  if (!changed.ok) return failed(changed.error);
  const next = changed.value;
  if (next.phase === 'finished') return finish(input, next);
  await deps.store.putInterview(next);
  return showCard(input, next, note);
}

/** The scorecard is kept and the interview dropped in the same durable step (the request's `durably`). */
async function finish(input: HandlerInput, session: InterviewSession): Promise<Reply> {
  const { store } = input.deps;
  const card = buildScorecard(session, input.rt.role);
  if (!card.ok) return failed(card.error);
  await store.putScorecard(card.value);
  await store.deleteInterview(ownerOf(input), session.id);
  return priv(scorecardView(viewContext(input), card.value, { note: 'Interview finished: here is its scorecard, private to you.' }), true);
}
