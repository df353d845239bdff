/**
 * The plan's two edits before Start: swap one question for another of the same
 * tier (and, when there is one, the same topic), and add a behavioural question.
 * Neither ever puts a question into the plan twice.
 */
import type { Question } from '../content/schema.js';
import { shuffle } from '../random.js';
import {
  BEHAVIOURAL,
  BEHAVIOURAL_MINUTES,
  FALLBACK,
  freshest,
  isBehavioural,
  itemOf,
  type Plan,
  type PlanChange,
  type PlanSource,
  plannedMinutes,
  rankOf,
  topicUsage,
} from './plan-model.js';
import { fail, ok, type Result } from './result.js';

/**
 * Replaces the plan's question at `index` with another of the same tier, never
 * one already in the plan or excluded. It prefers, in order: a question not
 * swapped out before, one sharing a topic with the one replaced, one whose
 * topics the plan repeats least. The budget of the slot is kept.
 */
export function swapQuestion(plan: Plan, index: number, source: PlanSource): Result<PlanChange> {
  const current = plan.items[index];
  if (!Number.isInteger(index) || !current) return fail('bad-index', `The plan has questions 1 to ${plan.items.length}; there is no question ${index + 1}.`);
  const inPlan = new Set(plan.items.map((i) => i.questionId));
  const candidates = source.questions.filter(
    (q) => q.tier === current.tier && isBehavioural(q) === current.behavioural && !inPlan.has(q.id) && !plan.excluded.includes(q.id),
  );
  if (candidates.length === 0) {
    return fail('no-alternative', `No other ${current.behavioural ? 'behavioural' : current.tier} question is left to swap in.`);
  }
  const fresh = candidates.filter((q) => !plan.passed.includes(q.id));
  const tier = fresh.length > 0 ? fresh : candidates;
  const related = tier.filter((q) => q.topics.some((t) => t !== BEHAVIOURAL && current.topics.includes(t)));
  const others = plan.items.filter((_, i) => i !== index);
  const rank = rankOf(shuffle(source.random, candidates));
  const chosen = freshest(related.length > 0 ? related : tier, topicUsage(others), plan.topics, rank, [BEHAVIOURAL]) as Question;
  const items = plan.items.map((item, i) => (i === index ? itemOf(chosen, item.minutes) : item));
  const passed = plan.passed.includes(current.questionId) ? plan.passed : [...plan.passed, current.questionId];
  const notes: string[] = [];
  if (related.length === 0 && !current.behavioural)
    notes.push(`No other ${current.tier} question on ${current.topics.join(', ')} is left; this one is on ${chosen.topics.join(', ')}.`);
  if (fresh.length === 0) notes.push(`Every other ${current.tier} question was swapped out once already; this one comes back.`);
  return ok({ plan: { ...plan, items, passed }, ...(notes.length > 0 ? { note: notes.join(' ') } : {}) });
}

/**
 * Appends a behavioural question (topic `behavioural`), preferring the tier
 * nearest the plan's level and topics the plan has least of, with its own
 * budget; says so when the plan now runs over the minutes asked.
 */
export function addBehavioural(plan: Plan, source: PlanSource): Result<PlanChange> {
  const inPlan = new Set(plan.items.map((i) => i.questionId));
  const candidates = source.questions.filter((q) => isBehavioural(q) && !inPlan.has(q.id) && !plan.excluded.includes(q.id));
  if (candidates.length === 0) {
    return fail(
      'no-behavioural',
      `The question bank has no ${plan.items.some((i) => i.behavioural) ? 'other ' : ''}behavioural question (topic "${BEHAVIOURAL}").`,
    );
  }
  const fresh = candidates.filter((q) => !plan.passed.includes(q.id));
  const pool = fresh.length > 0 ? fresh : candidates;
  const rank = rankOf(shuffle(source.random, candidates));
  let chosen: Question | undefined;
  for (const tier of FALLBACK[plan.level]) {
    chosen ??= freshest(
      pool.filter((q) => q.tier === tier),
      topicUsage(plan.items),
      [],
      rank,
      [BEHAVIOURAL],
    );
  }
  const item = itemOf(chosen as Question, BEHAVIOURAL_MINUTES);
  const next: Plan = { ...plan, items: [...plan.items, item] };
  const total = plannedMinutes(next);
  return ok({
    plan: next,
    ...(total > plan.minutes ? { note: `The plan now runs ${total} minutes, ${total - plan.minutes} over the ${plan.minutes} asked.` } : {}),
  });
}
