/**
 * A press of A–D on a daily post: one answer per user per post, acknowledged
 * privately (without saying whether it was right: the next post reveals it),
 * scored as a solo answer (tier points, no speed bonus) into stats,
 * leaderboards and the review queue. A press on a closed post says the answer.
 */
import type { DailyRef } from '../commands/families/daily-buttons.js';
import { ANSWER_KIND, answerKey, POST_KIND, postKey, readAnswer, readPost, scheduleKey } from '../daily/records.js';
import { answerText, dailyPoints } from '../daily/views.js';
import { LETTERS } from '../quiz/quiz-views.js';
import { recordAnswer } from '../stats/record.js';
import type { Reply } from '../views.js';
import { errorReply, type HandlerInput, updateMe } from './context.js';

const notice = (title: string, text: string): Reply => ({ visibility: 'private', view: { kind: 'notice', title, text, actions: [] } });

/** Serves one A–D press. */
export async function dailyAnswer(input: HandlerInput, ref: DailyRef): Promise<Reply> {
  const { ctx, deps, rt } = input;
  const channel = { platform: ctx.user.platform, workspace: ctx.space, channel: ref.channel };
  const pk = postKey(scheduleKey(channel, rt.role.id), ref.date);
  const post = readPost(await deps.store.getRecord(POST_KIND, pk));
  const q = post ? rt.byId.get(post.value.questionId) : undefined;
  if (!post || !q) return errorReply('stale-action', 'That question of the day is no longer available.');
  const letter = LETTERS[ref.choice] ?? '?';
  if (post.value.closed) {
    return notice(
      'This question has closed',
      `The answer was ${answerText(q, post.value.order)}. ${post.value.closed.correct} of ${post.value.closed.answered} got it right.`,
    );
  }
  const ak = answerKey(pk, ctx.user.id);
  const correct = post.value.order[ref.choice] === 0;
  const now = deps.clock.now();
  const points = correct ? dailyPoints(q) : 0;
  const written = await deps.store.putRecord(ANSWER_KIND, ak, { choice: ref.choice, correct, points, at: now }, { expected: 0 });
  if (!written) {
    const earlier = readAnswer(await deps.store.getRecord(ANSWER_KIND, ak));
    const was = earlier ? ` (${LETTERS[earlier.value.choice] ?? '?'})` : '';
    return notice('Already answered', `You already answered today's question${was}: one answer each. The answer comes with the next question.`);
  }
  await updateMe(input, (record) => recordAnswer(record, { questionId: q.id, tier: q.tier, topics: q.topics, correct, points, at: now }));
  return notice('Answer recorded', `Your answer ${letter} is in. The answer, and how many got it right, come with the next question.`);
}
