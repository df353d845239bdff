/** The card's Flag button: records that a user thinks a question is bad, for review. */
import type { ActionRef } from '../actions.js';
import type { Reply } from '../views.js';
import { commandName, errorReply, type HandlerInput } from './context.js';

/**
 * Records one flag per user, question and space, and thanks the user privately.
 * The reply never replaces the card, so the interview goes on where it was.
 */
export async function flagAction(input: HandlerInput, ref: Extract<ActionRef, { area: 'flag' }>): Promise<Reply> {
  const question = input.rt.byId.get(ref.questionId);
  if (!question) {
    return errorReply('stale-action', `That question is no longer in the question bank. Ask for a new one with ${commandName(input, 'question')}.`);
  }
  const added = await input.deps.store.addFlag({
    roleId: input.rt.role.id,
    questionId: question.id,
    space: input.space,
    userId: input.ctx.user.id,
    at: input.deps.clock.now(),
  });
  return {
    visibility: 'private',
    view: {
      kind: 'notice',
      title: added ? 'Question flagged' : 'Already flagged',
      text: added
        ? `Thanks — question flagged for review (${question.id}).`
        : `You already flagged this question (${question.id}); it is waiting for review.`,
      actions: [],
    },
  };
}
