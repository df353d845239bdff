/** `/<prefix>-question [tier] [topic]` and the card's buttons: the interviewer's private card. */
import type { CardRef } from '../commands/families/question-buttons.js';
import type { Question, Tier } from '../content/schema.js';
import { cardView } from '../questions/card-view.js';
import { filterQuestions, pickQuestion, poolKey, type QuestionFilter, stepTier, unmatchedTopicWords, withSeen } from '../questions/pick.js';
import type { Reply } from '../views.js';
import { commandName, errorReply, type HandlerInput, stringValue, updateMe } from './context.js';

function topicsHint(input: HandlerInput): string {
  const topics = [...new Set(input.rt.role.questions.flatMap((q) => q.topics))].sort();
  return `Topics: ${topics.join(', ')}.`;
}

/** Picks a fresh question for the filter (no repeats for this user) and renders the card. */
async function serveCard(input: HandlerInput, filter: QuestionFilter, avoid?: string, note?: string): Promise<Reply | undefined> {
  const pool = filterQuestions(input.rt, filter);
  // Nothing but the question on screen: let the caller widen the filter instead of repeating it.
  if (!pool.some((q) => q.id !== avoid)) return undefined;
  const key = poolKey(input.rt.role.id, filter, 'card');
  let picked: Question | undefined;
  await updateMe(input, (record) => {
    const pick = pickQuestion(pool, record.seen[key] ?? [], input.deps.random, avoid);
    picked = pick?.question;
    return pick ? { ...record, seen: withSeen(record.seen, key, pick.seen) } : record;
  });
  if (!picked) return undefined;
  return { visibility: 'private', view: cardView(input.rt, picked, filter, false, note) };
}

export async function questionCommand(input: HandlerInput): Promise<Reply> {
  const tier = stringValue(input.values, 'tier') as Tier | undefined;
  const topic = stringValue(input.values, 'topic');
  const filter: QuestionFilter = { ...(tier ? { tier } : {}), ...(topic ? { topic } : {}) };
  // Topic words no question mentions at all: say so, rather than silently show what matched the rest.
  const unmatched = topic ? unmatchedTopicWords(input.rt, topic) : [];
  const missing = unmatched.length > 0 ? `No question mentions ${unmatched.map((w) => `"${w}"`).join(' or ')}` : undefined;
  const reply = await serveCard(input, filter, undefined, missing ? `${missing}; the closest match is below.` : undefined);
  if (reply) return reply;
  const what = [tier, topic ? `"${topic}"` : undefined].filter(Boolean).join(' ');
  const why = missing ? `${missing}.` : `No ${what} question found.`;
  return errorReply('not-found', `${why} ${topicsHint(input)}`, `${commandName(input, 'question')} [basic|technical|advanced] [topic]`);
}

/** Card buttons: open a question, show its answer, another, harder, easier. */
export async function cardAction(input: HandlerInput, ref: CardRef): Promise<Reply> {
  const current = input.rt.byId.get(ref.questionId);
  if (!current)
    return errorReply('stale-action', 'That question is no longer in the question bank. Ask for a new one with ' + commandName(input, 'question') + '.');
  const filter: QuestionFilter = { ...(ref.tier ? { tier: ref.tier } : {}), ...(ref.topic ? { topic: ref.topic } : {}) };
  switch (ref.op) {
    case 'open':
      return { visibility: 'private', view: cardView(input.rt, current, filter, false) };
    case 'show':
      return { visibility: 'private', replace: true, view: cardView(input.rt, current, filter, true) };
    case 'another': {
      const reply = (await serveCard(input, filter, current.id)) ?? (await serveCard(input, {}, current.id));
      return reply ? { ...reply, replace: true } : errorReply('not-found', 'No other question is available.');
    }
    case 'harder':
    case 'easier': {
      const step = stepTier(current.tier, ref.op === 'harder' ? 1 : -1);
      const note = step.moved ? undefined : `Already at the ${ref.op === 'harder' ? 'hardest' : 'easiest'} tier: another ${step.tier} question.`;
      const withTopic: QuestionFilter = { ...filter, tier: step.tier };
      const reply = (await serveCard(input, withTopic, current.id, note)) ?? (await serveCard(input, { tier: step.tier }, current.id, note));
      return reply ? { ...reply, replace: true } : errorReply('not-found', `No ${step.tier} question is available.`);
    }
  }
}
