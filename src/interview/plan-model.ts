/**
 * The interview plan's data and the rules the planner and its edits share:
 * minutes per tier, the tier mix per level, and how to pick the question that
 * spreads topics best.
 */
import { type Question, TIERS, type Tier } from '../content/schema.js';
import type { InterviewLevel } from './result.js';

/** The topic that marks a behavioural question. */
export const BEHAVIOURAL = 'behavioural';

/** Minutes budgeted for one question of a tier: harder questions take longer to answer and probe. */
export const TIER_MINUTES: Readonly<Record<Tier, number>> = { basic: 5, technical: 6, advanced: 7 };
/** Minutes budgeted for a behavioural question, whatever its tier: a story, one or two probes. */
export const BEHAVIOURAL_MINUTES = 5;

/**
 * The tier mix per level, as weights of a smooth weighted round-robin; the
 * order breaks ties, so the level's own tier comes first.
 */
export const LEVEL_MIX: Readonly<Record<InterviewLevel, readonly { tier: Tier; weight: number }[]>> = {
  junior: [
    { tier: 'basic', weight: 2 },
    { tier: 'technical', weight: 1 },
  ],
  mid: [
    { tier: 'technical', weight: 3 },
    { tier: 'advanced', weight: 1 },
    { tier: 'basic', weight: 1 },
  ],
  senior: [
    { tier: 'advanced', weight: 3 },
    { tier: 'technical', weight: 2 },
  ],
};

/** Which tier stands in, in order, when a tier has no question left. */
export const FALLBACK: Readonly<Record<InterviewLevel, readonly Tier[]>> = {
  junior: ['basic', 'technical', 'advanced'],
  mid: ['technical', 'advanced', 'basic'],
  senior: ['advanced', 'technical', 'basic'],
};

/** One question of the plan, with the minutes it may take. */
export interface PlanItem {
  readonly questionId: string;
  readonly tier: Tier;
  readonly topics: readonly string[];
  readonly minutes: number;
  readonly behavioural: boolean;
}

/** What the interviewer sees before Start: the questions, their budget, and what had to give. */
export interface Plan {
  readonly level: InterviewLevel;
  /** Minutes asked for. */
  readonly minutes: number;
  /** Minutes kept for introductions and the candidate's own questions. */
  readonly reserveMinutes: number;
  /** Topics asked for, normalised; empty when the plan spreads over all topics. */
  readonly topics: readonly string[];
  readonly items: readonly PlanItem[];
  /** Question ids never to use (asked of this candidate before). */
  readonly excluded: readonly string[];
  /** Question ids swapped out: used again only when nothing else is left. */
  readonly passed: readonly string[];
  /** What was capped or substituted, in plain words. */
  readonly notes: readonly string[];
}

/** A plan after an edit, with a sentence on anything the interviewer should know. */
export interface PlanChange {
  readonly plan: Plan;
  readonly note?: string;
}

/** The question bank an edit draws from, and randomness for ties. */
export interface PlanSource {
  readonly questions: readonly Question[];
  /**
   * The Random port's shape, spelled out: the Store port names interview records
   * built on this module, so importing ports.ts here would be an import cycle.
   */
  readonly random: { next(): number };
}

/** Minutes the plan takes, reserve included. */
export function plannedMinutes(plan: Plan): number {
  return plan.reserveMinutes + plan.items.reduce((sum, item) => sum + item.minutes, 0);
}

export function isBehavioural(q: { readonly topics: readonly string[] }): boolean {
  return q.topics.includes(BEHAVIOURAL);
}

/** A plan item for a question, at its tier's base budget. */
export function itemOf(q: Question, minutes = isBehavioural(q) ? BEHAVIOURAL_MINUTES : TIER_MINUTES[q.tier]): PlanItem {
  return { questionId: q.id, tier: q.tier, topics: q.topics, minutes, behavioural: isBehavioural(q) };
}

/** Position of a tier, easiest first. */
export function tierRank(tier: Tier): number {
  return TIERS.indexOf(tier);
}

/** How often each topic is already in a list of plan items. */
export function topicUsage(items: readonly Pick<PlanItem, 'topics'>[]): Map<string, number> {
  const usage = new Map<string, number>();
  for (const item of items) for (const t of item.topics) usage.set(t, (usage.get(t) ?? 0) + 1);
  return usage;
}

/** Whether a question covers one of the topics asked (any question does when none were). */
export function onTopic(q: { readonly topics: readonly string[] }, asked: readonly string[]): boolean {
  return asked.length === 0 || q.topics.some((t) => asked.includes(t));
}

/**
 * The candidate that repeats the fewest topics already planned (counting only
 * the topics asked, when some were, so they take turns); ties go to the
 * earlier one in `rank`, a seeded shuffle of the bank.
 */
export function freshest<Q extends Question>(
  candidates: readonly Q[],
  usage: ReadonlyMap<string, number>,
  asked: readonly string[],
  rank: ReadonlyMap<string, number>,
  ignore: readonly string[] = [],
): Q | undefined {
  const staleness = (q: Q) =>
    q.topics.filter((t) => (asked.length === 0 || asked.includes(t)) && !ignore.includes(t)).reduce((sum, t) => sum + (usage.get(t) ?? 0), 0);
  let best: Q | undefined;
  let bestKey: [number, number] = [Infinity, Infinity];
  for (const q of candidates) {
    const key: [number, number] = [staleness(q), rank.get(q.id) ?? Infinity];
    if (key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1])) {
      best = q;
      bestKey = key;
    }
  }
  return best;
}

/** Question id → position in a seeded shuffle, for tie-breaks that differ between interviews. */
export function rankOf(ordered: readonly Pick<Question, 'id'>[]): Map<string, number> {
  return new Map(ordered.map((q, i) => [q.id, i]));
}

/** "1 question" / "3 questions". */
export function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "terraform", "terraform or security", "ci-cd, terraform or security". */
export function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
