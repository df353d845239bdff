/**
 * A press of A–D under a challenge question. Each player answers once per
 * question: the answer is its own record, written only if none exists
 * (`expected: 0`), so answers never contend with each other or with the
 * challenge record. The acknowledgement is private and says only what this
 * player chose: nobody sees others' answers before the reveal.
 */
import { clockTime } from '../challenge/present.js';
import { ANSWER_KIND, answerKey, answerSchema, challengeById, NAME_MAX } from '../challenge/record.js';
import { choiceOrder } from '../challenge/scoring.js';
import type { ChallengeRef } from '../commands/families/challenge-buttons.js';
import { LETTERS } from '../quiz/quiz-views.js';
import type { Reply } from '../views.js';
import type { HandlerInput } from './context.js';

type AnswerRef = Extract<ChallengeRef, { op: 'answer' }>;

const notice = (title: string, text: string): Reply => ({ visibility: 'private', view: { kind: 'notice', title, text, actions: [] } });

const letter = (position: number) => LETTERS[position] ?? '?';

/** "This question is closed — the answer was C: …", derived from the button alone, whatever became of its challenge. */
function closed(input: HandlerInput, ref: AnswerRef, yours: number | undefined): Reply {
  const q = input.rt.byId.get(ref.questionId);
  const at = choiceOrder(ref.challengeId, ref.index).indexOf(0);
  const answer = q ? ` — the answer was ${letter(at)}: ${q.choices.correct}` : '';
  const mine = yours === undefined ? '' : ` You answered ${letter(yours)}${yours === at ? ', which was right' : ''}.`;
  return notice('Question closed', `This question is closed${answer}.${mine}`);
}

export async function challengeAnswer(input: HandlerInput, ref: AnswerRef): Promise<Reply> {
  const { deps, ctx } = input;
  const store = deps.store;
  const now = deps.clock.now();
  const key = answerKey(ref.challengeId, ref.index, ctx.user.id);
  const found = await challengeById(store, ref.challengeId);
  const c = found?.challenge;
  const open = c && c.phase === 'asking' && c.index === ref.index && !c.stopped && now < c.deadline;
  if (!c || !open) {
    const given = answerSchema.safeParse((await store.getRecord(ANSWER_KIND, key))?.value);
    return closed(input, ref, given.success ? given.data.choice : undefined);
  }
  const correct = choiceOrder(c.id, c.index)[ref.choice] === 0;
  const answer = { userId: ctx.user.id, name: ctx.user.name.slice(0, NAME_MAX), choice: ref.choice, correct, at: now };
  const left = Math.max(1, Math.ceil((c.deadline - now) / 1000));
  const reveal = `The answer is revealed at ${clockTime(c.deadline)} (in ${left} s).`;
  const put = await store.putRecord(ANSWER_KIND, key, answer, { expected: 0 });
  if (!put) {
    const given = answerSchema.safeParse((await store.getRecord(ANSWER_KIND, key))?.value);
    const was = given.success ? letter(given.data.choice) : 'already';
    return notice(`You already answered ${was}`, `Answers are final: one per question. ${reveal}`);
  }
  return notice(`Locked in: ${letter(ref.choice)}`, `Your answer to question ${c.index + 1} is in; only you can see it. ${reveal}`);
}
