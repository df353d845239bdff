/** The caller's running quiz: finding it, and ending one whose question left the bank. */
import type { QuizSession } from '../ports.js';
import { quizSummaryView } from '../quiz/quiz-views.js';
import { currentQuestionId, isExpired, isFinished, sessionKey, stopSession } from '../quiz/session.js';
import type { Reply } from '../views.js';
import { commandName, errorReply, type HandlerInput } from './context.js';

export const keyOf = (input: HandlerInput) => sessionKey(input.space, input.ctx.conversation, input.ctx.user.id);

/** The caller's live session here, dropping an expired one. */
export async function liveSession(input: HandlerInput): Promise<QuizSession | undefined> {
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
export function isOrphaned(input: HandlerInput, session: QuizSession): boolean {
  return !input.rt.byId.has(currentQuestionId(session) ?? '');
}

/** Ends a quiz whose question left the bank: its summary so far, and a note saying why. */
export async function endOrphaned(input: HandlerInput, session: QuizSession, replace = false): Promise<Reply> {
  await input.deps.store.deleteSession(session.key);
  const note = 'The question bank changed since this quiz started, so it was ended here. Start a new quiz to carry on.';
  return { visibility: 'private', replace, view: quizSummaryView(input.rt, stopSession(session, input.deps.clock.now()), true, undefined, note) };
}

export function noQuiz(input: HandlerInput): Reply {
  return errorReply('no-quiz', `You have no quiz running here. Start one with ${commandName(input, 'quiz')} start.`);
}
