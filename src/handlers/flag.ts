/** Feedback for the content owner: the card's Flag button (a bad question) and "I think I was right" (a disputed grade). */
import type { FlagRef } from '../commands/families/question-buttons.js';
import type { DisputeRef } from '../commands/families/quiz-buttons.js';
import type { QuestionFlag } from '../ports.js';
import type { Reply } from '../views.js';
import { commandName, errorReply, type HandlerInput } from './context.js';

/**
 * Records one flag per user, question and space, and thanks the user privately.
 * The reply never replaces the card, so the interview goes on where it was.
 */
export async function flagAction(input: HandlerInput, ref: FlagRef): Promise<Reply> {
  const question = input.rt.byId.get(ref.questionId);
  if (!question) {
    return errorReply('stale-action', `That question is no longer in the question bank. Ask for a new one with ${commandName(input, 'question')}.`);
  }
  const added = await recordFeedback(input, question.id);
  return {
    visibility: 'private',
    view: {
      kind: 'notice',
      title: added ? 'Question flagged' : 'Already flagged',
      text: added ? `Thanks — question flagged for review (${question.id}).` : `You already flagged this question (${question.id}); it is waiting for review.`,
      actions: [],
    },
  };
}

/**
 * Records a dispute of a free-text grade: the answer as given, its grade and
 * the user, once per user per answer, found in the user's recent answers (so
 * a forged button can only dispute the presser's own answer).
 */
export async function disputeAction(input: HandlerInput, ref: DisputeRef): Promise<Reply> {
  const question = input.rt.byId.get(ref.questionId);
  const record = await input.deps.store.getUser(input.space, input.ctx.user.id);
  const answer = record?.recent.find((r) => r.questionId === ref.questionId && r.at === ref.at);
  if (!question || answer?.given === undefined || answer.score === undefined) {
    return errorReply(
      'stale-action',
      'That answer can no longer be disputed: only your last few graded answers can be. Flag the question instead if it is wrong.',
    );
  }
  const added = await recordFeedback(input, question.id, {
    kind: 'dispute',
    dispute: { answer: answer.given, score: answer.score, name: input.ctx.user.name.slice(0, 200) },
  });
  return {
    visibility: 'private',
    view: {
      kind: 'notice',
      title: added ? 'Dispute recorded' : 'Already disputed',
      text: added
        ? `Thanks — your answer and its grade (${answer.score}/100) were recorded for the content owner to review (${question.id}). Your points stay as they are until then.`
        : `You already disputed this grade (${question.id}); it is waiting for review.`,
      actions: [],
    },
  };
}

/** Records a flag or a dispute by the caller on a question, here and now; true when it is new. */
function recordFeedback(input: HandlerInput, questionId: string, extra: Pick<QuestionFlag, 'kind' | 'dispute'> = {}): Promise<boolean> {
  return input.deps.store.addFlag({
    roleId: input.rt.role.id,
    questionId,
    space: input.space,
    userId: input.ctx.user.id,
    at: input.deps.clock.now(),
    ...extra,
  });
}
