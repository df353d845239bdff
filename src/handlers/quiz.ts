/**
 * `/<prefix>-quiz`: start, answer, skip, stop and review a solo quiz, and the
 * quiz's buttons. One quiz per user per conversation; steps are serialised per quiz.
 */
import { disputeButtons, type QuizRef } from '../commands/families/quiz-buttons.js';
import type { Question, Tier } from '../content/schema.js';
import type { QuizAnswer, QuizSession } from '../ports.js';
import { filterQuestions, pickMany, poolKey, withSeen } from '../questions/pick.js';
import { randomId } from '../random.js';
import { gradeAnswer, type Grade } from '../quiz/grade.js';
import { gradeFeedback } from '../quiz/grade-feedback.js';
import { ANSWER_MAX, displayedChoices, LETTERS, quizQuestionView, quizSummaryView } from '../quiz/quiz-views.js';
import { dueForReview, nextDue } from '../quiz/review.js';
import { basePoints, PASS_SCORE, streakBonus } from '../quiz/scoring.js';
import { advance, currentQuestionId, DEFAULT_QUIZ_LENGTH, MAX_QUIZ_LENGTH, isExpired, isFinished, sessionKey, startSession, stopSession } from '../quiz/session.js';
import { recordAnswer } from '../stats/record.js';
import type { Action, AnswerFeedback, Reply, View } from '../views.js';
import { commandName, errorReply, numberValue, stringValue, updateMe, type HandlerInput } from './context.js';

/** What the user did with the current question. */
type Response = { kind: 'choice'; position: number } | { kind: 'text'; text: string } | { kind: 'skip' };

const keyOf = (input: HandlerInput) => sessionKey(input.space, input.ctx.conversation, input.ctx.user.id);

/** The caller's live session here, dropping an expired one. */
async function liveSession(input: HandlerInput): Promise<QuizSession | undefined> {
  const key = keyOf(input);
  const session = await input.deps.store.getSession(key);
  if (!session) return undefined;
  if (isExpired(session, input.deps.clock.now()) || session.roleId !== input.rt.role.id || isFinished(session)) {
    await input.deps.store.deleteSession(key);
    return undefined;
  }
  return session;
}

/** Whether the quiz's current question has left the bank (the role file changed since it started). */
function isOrphaned(input: HandlerInput, session: QuizSession): boolean {
  return !input.rt.byId.has(currentQuestionId(session) ?? '');
}

/** Ends a quiz whose question left the bank: its summary so far, and a note saying why. */
async function endOrphaned(input: HandlerInput, session: QuizSession, replace = false): Promise<Reply> {
  await input.deps.store.deleteSession(session.key);
  const note = 'The question bank changed since this quiz started, so it was ended here. Start a new quiz to carry on.';
  return { visibility: 'private', replace, view: quizSummaryView(input.rt, stopSession(session, input.deps.clock.now()), true, undefined, note) };
}

function noQuiz(input: HandlerInput): Reply {
  return errorReply('no-quiz', `You have no quiz running here. Start one with ${commandName(input, 'quiz')} start.`);
}

interface StartSettings {
  tier: Tier | 'mixed';
  count: number;
  mode: 'choice' | 'text';
  review: boolean;
}

async function begin(input: HandlerInput, settings: StartSettings): Promise<Reply> {
  return input.lock.run(keyOf(input), async () => {
    const running = await liveSession(input);
    if (running && isOrphaned(input, running)) return endOrphaned(input, running);
    if (running) {
      return {
        visibility: 'private',
        view: quizQuestionView(input.rt, running, undefined, `You already have a quiz running here: question ${running.index + 1} of ${running.questionIds.length}. Answer it, or stop it first.`),
      };
    }
    const now = input.deps.clock.now();
    let ids: string[] = [];
    let reviewNote: string | undefined;
    await updateMe(input, (record) => {
      if (settings.review) {
        ids = dueForReview(record.review, now).filter((id) => input.rt.byId.has(id)).slice(0, settings.count);
        const later = nextDue(record.review, now);
        if (ids.length === 0) reviewNote = later ? `next one due ${new Date(later).toISOString().slice(0, 16).replace('T', ' ')} UTC` : undefined;
        return record;
      }
      const filter = settings.tier === 'mixed' ? {} : { tier: settings.tier };
      const key = poolKey(input.rt.role.id, filter, 'quiz');
      const picked = pickMany(filterQuestions(input.rt, filter), record.seen[key] ?? [], settings.count, input.deps.random);
      ids = picked.ids;
      return { ...record, seen: withSeen(record.seen, key, picked.seen) };
    });
    if (ids.length === 0) {
      if (settings.review) {
        return {
          visibility: 'private',
          view: {
            kind: 'notice',
            title: 'Nothing to review',
            text: reviewNote
              ? `No missed question is due right now (${reviewNote}).`
              : 'You have no missed questions to review. Questions you miss in a quiz come back here until you answer them right twice in a row.',
            actions: [],
          },
        };
      }
      return errorReply('not-found', 'No questions match that quiz.');
    }
    const session = startSession({
      id: randomId(input.deps.random),
      key: keyOf(input),
      roleId: input.rt.role.id,
      userId: input.ctx.user.id,
      mode: settings.mode,
      tier: settings.tier,
      review: settings.review,
      questionIds: ids,
      now,
      random: input.deps.random,
    });
    await input.deps.store.putSession(session);
    return { visibility: 'private', view: quizQuestionView(input.rt, session, undefined, cappedNote(settings, ids.length)) };
  });
}

/** Says so when a quiz is shorter than asked: the pool (or the review queue) held fewer questions. */
function cappedNote(settings: StartSettings, got: number): string | undefined {
  if (got >= settings.count) return undefined;
  if (settings.review) return `Only ${got} missed question${got === 1 ? ' is' : 's are'} due, so this review has ${got} instead of ${settings.count}.`;
  const which = settings.tier === 'mixed' ? '' : `${settings.tier} `;
  return `The bank has only ${got} ${which}question${got === 1 ? '' : 's'} for this quiz, so it has ${got} instead of ${settings.count}.`;
}

export function quizStart(input: HandlerInput): Promise<Reply> {
  return begin(input, {
    tier: (stringValue(input.values, 'tier') as Tier | 'mixed' | undefined) ?? 'mixed',
    count: numberValue(input.values, 'count') ?? DEFAULT_QUIZ_LENGTH,
    mode: (stringValue(input.values, 'mode') as 'choice' | 'text' | undefined) ?? 'choice',
    review: false,
  });
}

export function quizReview(input: HandlerInput): Promise<Reply> {
  return begin(input, {
    tier: 'mixed',
    count: numberValue(input.values, 'count') ?? DEFAULT_QUIZ_LENGTH,
    mode: (stringValue(input.values, 'mode') as 'choice' | 'text' | undefined) ?? 'choice',
    review: true,
  });
}

/** Grades one response to the current question, records it, and shows what comes next. */
async function respond(input: HandlerInput, session: QuizSession, response: Response, replace: boolean): Promise<Reply> {
  const q = input.rt.byId.get(currentQuestionId(session) ?? '');
  if (!q) return endOrphaned(input, session, replace);
  if (response.kind === 'text' && response.text.length > ANSWER_MAX) {
    return errorReply(
      'bad-arguments',
      `Answers are limited to ${ANSWER_MAX} characters; yours has ${response.text.length}. Shorten it and answer again: the question is still open.`,
    );
  }
  const now = input.deps.clock.now();
  const judged = judge(input, q, session, response);
  const bonus = judged.outcome === 'correct' ? streakBonus(session.streak + 1) : 0;
  const points = basePoints(q.tier, judged.outcome === 'correct', judged.score) + bonus;
  const answer: QuizAnswer = { questionId: q.id, outcome: judged.outcome, points, ...(judged.given ? { given: judged.given } : {}), ...(judged.score !== undefined ? { score: judged.score } : {}) };
  const graded = session.mode === 'text' && judged.score !== undefined && judged.given !== undefined ? { given: judged.given, score: judged.score } : {};
  await updateMe(input, (record) =>
    recordAnswer(record, { questionId: q.id, tier: q.tier, topics: q.topics, correct: judged.outcome === 'correct', points, at: now, ...graded }),
  );
  const dispute = 'given' in graded ? disputeAction(input, q.id, now) : undefined;
  const feedback: AnswerFeedback = {
    questionId: q.id,
    prompt: q.prompt,
    outcome: judged.outcome,
    points,
    bonus,
    ...(judged.given ? { given: judged.given } : {}),
    ...(session.mode === 'choice' ? { correctChoice: q.choices.correct } : {}),
    ...(judged.grade ? gradeFeedback(judged.grade) : {}),
    modelAnswer: q.answer,
    ...(q.notes.length > 0 ? { notes: q.notes } : {}),
  };
  const next = advance(session, answer, now, input.deps.random);
  if (isFinished(next)) {
    await input.deps.store.deleteSession(session.key);
    return { visibility: 'private', replace, view: withAction(quizSummaryView(input.rt, next, false, feedback), dispute) };
  }
  await input.deps.store.putSession(next);
  return { visibility: 'private', replace, view: withAction(quizQuestionView(input.rt, next, feedback), dispute) };
}

/** "I think I was right" under a graded free-text answer: it names the answer by question and time. */
function disputeAction(input: HandlerInput, questionId: string, at: number): Action {
  return { id: disputeButtons.id(input.rt.role.commandPrefix, { questionId, at }), label: 'I think I was right' };
}

function withAction(view: View, action: Action | undefined): View {
  return action && 'actions' in view ? ({ ...view, actions: [...view.actions, action] } as View) : view;
}

interface Judged {
  outcome: QuizAnswer['outcome'];
  given?: string;
  score?: number;
  grade?: Grade;
}

function judge(input: HandlerInput, q: Question, session: QuizSession, response: Response): Judged {
  if (response.kind === 'skip') return { outcome: 'skipped' };
  if (response.kind === 'choice') {
    const given = displayedChoices(q, session.order)[response.position];
    return { outcome: session.order[response.position] === 0 ? 'correct' : 'wrong', ...(given ? { given } : {}) };
  }
  const grade = gradeAnswer(q, response.text, input.rt.analyzer, { genericTerms: input.rt.role.genericTerms });
  return { outcome: grade.score >= PASS_SCORE ? 'correct' : 'wrong', given: response.text, score: grade.score, grade };
}

/** `/quiz answer <text>`: a letter (or the choice's text) in a multiple-choice quiz, prose in a free-text one. */
export function quizAnswer(input: HandlerInput): Promise<Reply> {
  return input.lock.run(keyOf(input), async () => {
    const session = await liveSession(input);
    if (!session) return noQuiz(input);
    const text = stringValue(input.values, 'answer') ?? '';
    if (session.mode === 'text') return respond(input, session, { kind: 'text', text }, false);
    const q = input.rt.byId.get(currentQuestionId(session) ?? '');
    const letter = LETTERS.indexOf(text.toUpperCase() as (typeof LETTERS)[number]);
    const byText = q ? displayedChoices(q, session.order).findIndex((c) => c.toLowerCase() === text.toLowerCase()) : -1;
    const position = letter >= 0 ? letter : byText;
    if (position < 0) {
      return errorReply('bad-arguments', `Answer with a letter, A to D (got "${text.slice(0, 40)}").`, `${commandName(input, 'quiz')} answer A`);
    }
    return respond(input, session, { kind: 'choice', position }, false);
  });
}

export function quizSkip(input: HandlerInput): Promise<Reply> {
  return input.lock.run(keyOf(input), async () => {
    const session = await liveSession(input);
    return session ? respond(input, session, { kind: 'skip' }, false) : noQuiz(input);
  });
}

async function stop(input: HandlerInput, session: QuizSession, replace: boolean): Promise<Reply> {
  await input.deps.store.deleteSession(session.key);
  return { visibility: 'private', replace, view: quizSummaryView(input.rt, stopSession(session, input.deps.clock.now()), true) };
}

export function quizStop(input: HandlerInput): Promise<Reply> {
  return input.lock.run(keyOf(input), async () => {
    const session = await liveSession(input);
    return session ? stop(input, session, false) : noQuiz(input);
  });
}

/** Quiz buttons and the free-text form's submit (the stats button is the stats command's). */
export async function quizAction(input: HandlerInput, ref: Exclude<QuizRef, { op: 'stats' }>, text?: string): Promise<Reply> {
  if (ref.op === 'new') return begin(input, { tier: ref.tier, count: Math.min(ref.count, MAX_QUIZ_LENGTH), mode: ref.mode, review: false });
  if (ref.op === 'review') return begin(input, { tier: 'mixed', count: DEFAULT_QUIZ_LENGTH, mode: 'choice', review: true });
  return step(input, ref, text);
}

async function step(input: HandlerInput, ref: Extract<QuizRef, { sessionId: string }>, text?: string): Promise<Reply> {
  return input.lock.run(keyOf(input), async () => {
    const session = await liveSession(input);
    if (!session || session.id !== ref.sessionId) {
      return errorReply('stale-action', `That quiz has ended or expired. Start a new one with ${commandName(input, 'quiz')}.`);
    }
    if (ref.op === 'stop') return stop(input, session, true);
    if (ref.index !== session.index) return errorReply('stale-action', 'That question was already answered: carry on with the current one.');
    if (ref.op === 'skip') return respond(input, session, { kind: 'skip' }, true);
    if (ref.op === 'choice') {
      if (session.mode !== 'choice') return errorReply('stale-action', 'This quiz takes written answers.');
      return respond(input, session, { kind: 'choice', position: ref.choice }, true);
    }
    if (session.mode !== 'text') return errorReply('stale-action', 'This quiz takes multiple-choice answers.');
    return respond(input, session, { kind: 'text', text: text ?? '' }, true);
  });
}
