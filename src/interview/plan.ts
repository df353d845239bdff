/**
 * Plans an interview for the time given: how many questions, of which tiers
 * for the level, spread over the topics (or kept to the ones asked), each with
 * its minutes. Deterministic for a seeded random source.
 */
import { type Question, TIERS, type Tier } from '../content/schema.js';
import type { Random } from '../ports.js';
import { shuffle } from '../random.js';
import {
  BEHAVIOURAL,
  count,
  FALLBACK,
  freshest,
  isBehavioural,
  itemOf,
  LEVEL_MIX,
  onTopic,
  orList,
  type Plan,
  type PlanItem,
  rankOf,
  tierRank,
  topicUsage,
} from './plan-model.js';
import { fail, type InterviewLevel, isInterviewLevel, ok, type Result } from './result.js';

export { addBehavioural, swapQuestion } from './plan-edit.js';
export * from './plan-model.js';

export const MIN_MINUTES = 10;
export const MAX_MINUTES = 120;
export const DEFAULT_MINUTES = 45;
/** Minutes kept for introductions and the candidate's questions, in interviews of at least RESERVE_FROM minutes. */
export const RESERVE_MINUTES = 5;
export const RESERVE_FROM = 30;
/** Spare minutes a question may take above its tier's budget before the rest is left unplanned. */
export const MAX_EXTRA_MINUTES = 3;

/** What a plan is built from. */
export interface PlanRequest {
  readonly questions: readonly Question[];
  readonly level: InterviewLevel;
  /** 10..120; 45 when absent. */
  readonly minutes?: number;
  /** Topic ids to keep to; the plan spreads over all topics when absent or empty. */
  readonly topics?: readonly string[];
  readonly random: Random;
  /** Question ids never to plan (asked of this candidate in an earlier round). */
  readonly avoid?: readonly string[];
}

/** Builds a plan, or says why it cannot (minutes out of range, a topic no question has, an empty bank). */
export function buildPlan(req: PlanRequest): Result<Plan> {
  const minutes = req.minutes ?? DEFAULT_MINUTES;
  if (!isInterviewLevel(req.level)) return fail('bad-level', `The level must be junior, mid or senior, not "${String(req.level)}".`);
  if (!Number.isInteger(minutes) || minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
    return fail('bad-minutes', `An interview lasts ${MIN_MINUTES} to ${MAX_MINUTES} whole minutes, not ${minutes}.`);
  }
  const asked = [...new Set((req.topics ?? []).map((t) => t.trim().toLowerCase()).filter((t) => t !== ''))];
  const known = new Set(req.questions.flatMap((q) => q.topics));
  const unknown = asked.filter((t) => !known.has(t));
  if (unknown.length > 0) {
    return fail('unknown-topic', `No question is about ${orList(unknown)}. Topics: ${[...known].sort().join(', ')}.`);
  }
  const excluded = [...new Set(req.avoid ?? [])];
  // Behavioural questions join only when asked for: otherwise the "Add a behavioural question" button brings one.
  const pool = req.questions.filter((q) => !excluded.includes(q.id) && (asked.includes(BEHAVIOURAL) || !isBehavioural(q)));
  if (pool.length === 0) return fail('no-questions', 'No question is left to plan once the excluded ones are left out.');

  const reserveMinutes = minutes >= RESERVE_FROM ? RESERVE_MINUTES : 0;
  const available = minutes - reserveMinutes;
  const picked = pick(pool, req.level, asked, available, shuffle(req.random, pool));
  const items = spread(order(picked.items), available);
  const plan: Plan = { level: req.level, minutes, reserveMinutes, topics: asked, items, excluded, passed: [], notes: [] };
  return ok({ ...plan, notes: notesOf(plan, picked, asked, available) });
}

interface Picked {
  items: PlanItem[];
  /** Stand-ins: why and for which tier (`topic>basic`, `short>technical`) → tier used → how many. */
  standIns: Map<string, Map<Tier, number>>;
  ranOut: boolean;
}

/** Fills slots of the level's tier mix until the next question would not fit in the time. */
function pick(pool: readonly Question[], level: InterviewLevel, asked: readonly string[], available: number, shuffled: readonly Question[]): Picked {
  const rank = rankOf(shuffled);
  const left = new Set(pool);
  const items: PlanItem[] = [];
  const standIns = new Map<string, Map<Tier, number>>();
  let used = 0;
  for (const tier of slots(level)) {
    const usage = topicUsage(items);
    // On-topic picks take turns between the topics asked; fillers spread over all topics.
    const choose = (test: (q: Question) => boolean, turns: readonly string[] = []) => freshest([...left].filter(test), usage, turns, rank);
    // A topic stand-in comes from a neighbouring tier the level uses: never an advanced question for a junior.
    const near = (q: Question) => Math.abs(tierRank(q.tier) - tierRank(tier)) === 1 && LEVEL_MIX[level].some((m) => m.tier === q.tier);
    let q = asked.length > 0 ? choose((c) => c.tier === tier && onTopic(c, asked), asked) : undefined;
    let forTopic = false;
    if (!q && asked.length > 0) {
      q = choose((c) => near(c) && onTopic(c, asked), asked);
      forTopic = q !== undefined;
    }
    q ??= choose((c) => c.tier === tier);
    for (const other of FALLBACK[level]) q ??= choose((c) => c.tier === other);
    if (!q) return { items, standIns, ranOut: true };
    const item = itemOf(q);
    if (used + item.minutes > available) break;
    if (q.tier !== tier) {
      const key = `${forTopic ? 'topic' : 'short'}>${tier}`;
      const tally = standIns.get(key) ?? new Map<Tier, number>();
      standIns.set(key, tally.set(q.tier, (tally.get(q.tier) ?? 0) + 1));
    }
    left.delete(q);
    items.push(item);
    used += item.minutes;
  }
  return { items, standIns, ranOut: false };
}

/**
 * The level's tiers, one slot at a time, by smooth weighted round-robin: each
 * tier earns its weight every step and the richest is served, so a mid plan
 * runs technical, advanced, technical, basic, technical and repeats.
 */
function* slots(level: InterviewLevel): Generator<Tier> {
  const mix = LEVEL_MIX[level];
  const total = mix.reduce((sum, m) => sum + m.weight, 0);
  const credit = mix.map(() => 0);
  for (;;) {
    let best = 0;
    mix.forEach((m, i) => {
      credit[i] = (credit[i] ?? 0) + m.weight;
      if ((credit[i] ?? 0) > (credit[best] ?? 0)) best = i;
    });
    credit[best] = (credit[best] ?? 0) - total;
    yield (mix[best] as (typeof mix)[number]).tier;
  }
}

/** Easiest first, as an interview warms up; behavioural questions last. */
function order(items: readonly PlanItem[]): PlanItem[] {
  return [...items].sort((a, b) => Number(a.behavioural) - Number(b.behavioural) || tierRank(a.tier) - tierRank(b.tier));
}

/** Hands spare minutes out one at a time, hardest questions first, up to MAX_EXTRA_MINUTES each. */
function spread(items: readonly PlanItem[], available: number): PlanItem[] {
  const extra = items.map(() => 0);
  const byNeed = [...items.keys()].sort((a, b) => tierRank((items[b] as PlanItem).tier) - tierRank((items[a] as PlanItem).tier) || a - b);
  let spare = available - items.reduce((sum, item) => sum + item.minutes, 0);
  for (let round = 0; round < MAX_EXTRA_MINUTES && spare > 0; round++) {
    for (const i of byNeed) {
      if (spare === 0) break;
      extra[i] = (extra[i] ?? 0) + 1;
      spare -= 1;
    }
  }
  return items.map((item, i) => ({ ...item, minutes: item.minutes + (extra[i] ?? 0) }));
}

function notesOf(plan: Plan, picked: Picked, asked: readonly string[], available: number): string[] {
  const notes: string[] = [];
  if (asked.length > 0) {
    const on = plan.items.filter((i) => onTopic(i, asked)).length;
    const off = plan.items.length - on;
    if (off > 0) notes.push(`Only ${count(on, 'question')} at this level mention ${orList(asked)}; filled with ${off} on other topics.`);
  }
  for (const [key, used] of picked.standIns) {
    const [why, wanted] = key.split('>') as ['topic' | 'short', Tier];
    const total = [...used.values()].reduce((a, b) => a + b, 0);
    // "1 technical question stands in", "2 advanced and 1 basic questions stand in".
    const who = `${[...used].map(([tier, n]) => `${n} ${tier}`).join(' and ')} question${total === 1 ? ' stands' : 's stand'} in`;
    notes.push(why === 'topic' ? `To keep to ${orList(asked)}, ${who} for ${wanted}.` : `Not enough ${wanted} questions: ${who}.`);
  }
  const planned = plan.items.reduce((sum, i) => sum + i.minutes, 0);
  if (planned < available) {
    const why = picked.ranOut ? 'the bank has no more questions for it' : 'no further question fits';
    notes.push(`The plan fills ${planned + plan.reserveMinutes} of ${plan.minutes} minutes: ${why}.`);
  }
  return notes;
}

/** The tiers in a plan, easiest first, with how many of each (for a one-line summary). */
export function tierCounts(plan: Plan): { tier: Tier; n: number }[] {
  return TIERS.map((tier) => ({ tier, n: plan.items.filter((i) => i.tier === tier).length })).filter((t) => t.n > 0);
}
