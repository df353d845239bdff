/**
 * `/<prefix>-interview`: plan an interview, run it question by question (ticks,
 * red flags, pasted answers, notes), and keep its scorecard; list, show, share
 * and delete one's own scorecards. Everything is private to its author: another
 * user's id, or a forged one, reads as not found and changes nothing.
 */
import { type InterviewRef, interviewButtons } from '../commands/families/interview-buttons.js';
import { LIST_DEFAULT, ownScorecard, ownScorecards } from '../interview/access.js';
import { stripMentions } from '../interview/mentions.js';
import { addBehavioural, buildPlan, swapQuestion } from '../interview/plan.js';
import type { InterviewError, InterviewLevel, Result } from '../interview/result.js';
import { buildScorecard } from '../interview/scorecard.js';
import {
  assertAuthor,
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
import type { InterviewViewContext } from '../interview/view-context.js';
import { cardView, deleteConfirmView, listView, planView, scorecardView, shareConfirmView } from '../interview/views.js';
import type { Owner } from '../ports.js';
import { randomId } from '../random.js';
import type { ErrorCode, Reply, View } from '../views.js';
import { commandName, errorReply, type HandlerInput, numberValue, stringValue } from './context.js';

/** At most this many unfinished interviews are read for the list. */
const LIST_INTERVIEWS = 20;

const ownerOf = (input: HandlerInput): Owner => ({ platform: input.ctx.user.platform, id: input.ctx.user.id });

function viewContext(input: HandlerInput): InterviewViewContext {
  const { role } = input.rt;
  return {
    roleTitle: role.title,
    questions: role.questions,
    mistakes: role.mistakes,
    actionId: (ref) => interviewButtons.id(role.commandPrefix, ref),
  };
}

const CODES: Partial<Record<InterviewError['code'], ErrorCode>> = { 'not-found': 'not-found', 'not-yours': 'not-found', 'wrong-question': 'stale-action' };

function failed(error: InterviewError): Reply {
  return errorReply(CODES[error.code] ?? 'bad-arguments', error.message);
}

const priv = (view: View, replace = false): Reply => ({ visibility: 'private', view, ...(replace ? { replace: true } : {}) });

function notFound(input: HandlerInput, what: 'interview' | 'scorecard', id: string): Reply {
  return errorReply('not-found', `You have no ${what} "${id.slice(0, 20)}". ${commandName(input, 'interview')} list shows yours.`);
}

/** The caller's interview of this role with this id; anyone else's reads as not found. */
async function loadInterview(input: HandlerInput, id: string): Promise<InterviewSession | Reply> {
  const session = await input.deps.store.getInterview(ownerOf(input), id);
  if (!session || session.roleId !== input.rt.role.id || !assertAuthor(session, input.ctx.user).ok) return notFound(input, 'interview', id);
  return session;
}

const isReply = (x: unknown): x is Reply => typeof x === 'object' && x !== null && 'visibility' in x && 'view' in x;

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

/** `list`: the caller's scorecards, newest first, and interviews not finished. */
export async function interviewList(input: HandlerInput, replace = false): Promise<Reply> {
  const owner = ownerOf(input);
  const role = input.rt.role.id;
  const cards = ownScorecards(
    (await input.deps.store.listScorecards(owner, LIST_DEFAULT * 5)).filter((c) => c.roleId === role),
    input.ctx.user,
  );
  const sessions = (await input.deps.store.listInterviews(owner, LIST_INTERVIEWS)).filter((s) => s.roleId === role);
  const note = cards.length === 0 && sessions.length === 0 ? `No scorecards yet. ${commandName(input, 'interview')} plans an interview.` : undefined;
  return priv(listView(viewContext(input), cards, sessions, note), replace);
}

/** The first word of an `id` option (the rest, for `share`, may name a channel). */
function idWords(input: HandlerInput): { id: string; rest: string } {
  const [id = '', ...rest] = (stringValue(input.values, 'id') ?? '').split(/\s+/);
  return { id: id.toLowerCase(), rest: rest.join(' ') };
}

export function interviewShow(input: HandlerInput): Promise<Reply> {
  return scorecardStep(input, idWords(input).id, 'open', false);
}

export function interviewShare(input: HandlerInput): Promise<Reply> {
  const { id, rest } = idWords(input);
  const channel = stringValue(input.values, 'channel') ?? (rest || undefined);
  return scorecardStep(input, id, 'share', false, channel);
}

export function interviewDelete(input: HandlerInput): Promise<Reply> {
  return scorecardStep(input, idWords(input).id, 'delete', false);
}

// ---- Scorecards ----

/** A channel as the user named it, made a plain label: `<#C1|ops>` reads `#ops`; never a mention. */
function channelLabel(raw: string): string {
  const named = raw.replace(/<#[^|>]*\|([^>]*)>/g, '#$1').replace(/<#\d+>/g, 'the channel named');
  return stripMentions(named)
    .replace(/[|\s]+/g, ' ')
    .trim()
    .slice(0, 40);
}

async function scorecardStep(
  input: HandlerInput,
  id: string,
  op: 'open' | 'share' | 'share-confirm' | 'delete' | 'delete-confirm',
  replace: boolean,
  channel?: string,
): Promise<Reply> {
  const store = input.deps.store;
  const owner = ownerOf(input);
  const stored = id ? await store.getScorecard(owner, id) : undefined;
  const mine = ownScorecard(stored && stored.roleId === input.rt.role.id ? [stored] : [], id, input.ctx.user);
  if (!mine.ok) return failed(mine.error);
  const card = mine.value;
  const ctx = viewContext(input);
  switch (op) {
    case 'open':
      return priv(scorecardView(ctx, card), replace);
    case 'share': {
      const label = channel ? channelLabel(channel) : '';
      return priv(shareConfirmView(ctx, card, label || undefined), replace);
    }
    case 'share-confirm': {
      // Replies go back to the conversation they were asked in: no adapter posts to another channel.
      // The channel comes from a button id: made a plain label again, as a forged one could hold anything.
      const label = channel ? channelLabel(channel) : '';
      const elsewhere = label ? ` ${label} was asked for, but Panelist posts only where it is asked, so it is shared here.` : '';
      const note = `Shared by ${stripMentions(input.ctx.user.name)}.${elsewhere}`;
      return { visibility: 'public', view: scorecardView(ctx, card, { shared: true, note }) };
    }
    case 'delete':
      return priv(deleteConfirmView(ctx, card), replace);
    case 'delete-confirm': {
      await store.deleteScorecard(owner, card.id);
      return priv(
        {
          kind: 'notice',
          title: 'Scorecard deleted',
          text: `Scorecard ${card.id} is deleted for good.`,
          actions: [{ id: ctx.actionId({ op: 'list' }), label: 'My scorecards' }],
        },
        true,
      );
    }
  }
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
