/**
 * `/<prefix>-quiz`: start, answer, skip, stop and review a solo quiz, and the
 * quiz's buttons. One quiz per user per conversation; steps are serialised per quiz.
 */
import { disputeButtons, type QuizRef } from '../commands/families/quiz-buttons.js';
import type { Question } from '../content/schema.js';
import type { QuizAnswer, QuizSession } from '../ports.js';
import { type Grade, gradeAnswer } from '../quiz/grade.js';
import { gradeFeedback } from '../quiz/grade-feedback.js';
import { ANSWER_MAX, displayedChoices, LETTERS, quizQuestionView, quizSummaryView } from '../quiz/quiz-views.js';
import { basePoints, PASS_SCORE, streakBonus } from '../quiz/scoring.js';
import { advance, currentQuestionId, DEFAULT_QUIZ_LENGTH, isFinished, MAX_QUIZ_LENGTH, stopSession } from '../quiz/session.js';
import { recordAnswer } from '../stats/record.js';
import type { Action, AnswerFeedback, Reply, View } from '../views.js';
import { commandName, errorReply, type HandlerInput, stringValue, updateMe } from './context.js';
import { endOrphaned, keyOf, liveSession, noQuiz } from './quiz-live.js';

import { begin } from './quiz-start.js';

export { quizReview, quizStart } from './quiz-start.js';

/** What the user did with the current question. */
type Response = { kind: 'choice'; position: number } | { kind: 'text'; text: string } | { kind: 'skip' };

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
  const answer: QuizAnswer = {
    questionId: q.id,
    outcome: judged.outcome,
    points,
    ...(judged.given ? { given: judged.given } : {}),
    ...(judged.score !== undefined ? { score: judged.score } : {}),
  };
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
