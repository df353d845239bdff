/**
 * Question selection: filters by tier and topic, and picks without repeating a
 * question to the same user until the pool they draw from is used up.
 */
import { type Question, TIERS, type Tier } from '../content/schema.js';
import { cachesPer } from '../memo.js';
import type { Random } from '../ports.js';
import { randomInt } from '../random.js';
import type { RoleRuntime } from '../role-runtime.js';
import { matchQuestions, unmatchedTerms } from '../search/index.js';

/** A request for questions: an optional tier and optional topic words. */
export interface QuestionFilter {
  tier?: Tier;
  topic?: string;
}

/** The key under which served ids are remembered: one pool per role, tier and topic. */
export function poolKey(roleId: string, filter: QuestionFilter, kind: 'card' | 'quiz'): string {
  const topic = filter.topic?.trim().toLowerCase().replace(/\s+/g, ' ') ?? '*';
  return `${roleId}:${kind}:${filter.tier ?? '*'}:${topic}`;
}

/** Pools per runtime, by tier and topic: the topic is user text, so the cache is bounded. */
const pools = cachesPer<RoleRuntime, string, readonly Question[]>(256);
/** Each topic id's analysed terms, per runtime: the same for every request. */
const topicTerms = cachesPer<RoleRuntime, string, string>(1024);

/**
 * Questions matching a filter. A topic is matched against topic ids first
 * (through the role's synonyms, so "k8s" finds kubernetes), then by search.
 * The same filter gives the same frozen list, computed once.
 */
export function filterQuestions(rt: RoleRuntime, filter: QuestionFilter): readonly Question[] {
  const topic = filter.topic?.trim() ?? '';
  // JSON, so no typed topic can run into the tier part of the key.
  return pools(rt).getOr(JSON.stringify([filter.tier ?? '', topic]), () => Object.freeze(matching(rt, filter.tier, topic)));
}

/** Unmatched topic words per runtime and topic (user text: bounded). */
const unmatched = cachesPer<RoleRuntime, string, readonly string[]>(256);

/** The words of `topic` no question mentions (for a note saying so); analysed once per topic, not per request. */
export function unmatchedTopicWords(rt: RoleRuntime, topic: string): readonly string[] {
  return unmatched(rt).getOr(topic, () => Object.freeze(unmatchedTerms(rt.index, topic, { kinds: ['question'] })));
}

function matching(rt: RoleRuntime, tier: Tier | undefined, topic: string): Question[] {
  const inTier = (q: Question) => !tier || q.tier === tier;
  if (!topic) return rt.role.questions.filter(inTier);
  const wanted = rt.analyzer.terms(topic).join(' ');
  const lower = topic.toLowerCase();
  const termsOf = (t: string) => topicTerms(rt).getOr(t, () => rt.analyzer.terms(t.replace(/-/g, ' ')).join(' '));
  const byTopic = rt.role.questions.filter((q) => q.topics.some((t) => t === lower || termsOf(t) === wanted));
  if (byTopic.length > 0) return byTopic.filter(inTier);
  const ranked = matchQuestions(rt.index, topic);
  return ranked.map((id) => rt.byId.get(id)).filter((q): q is Question => q !== undefined && inTier(q));
}

/** Pools remembered per user; topic words are free text, so the map must not grow without end. */
export const MAX_POOLS = 24;

/** `seen` with one pool's list replaced, most recent last, oldest pools dropped past {@link MAX_POOLS}. */
export function withSeen(seen: Readonly<Record<string, string[]>>, key: string, ids: string[]): Record<string, string[]> {
  const entries = Object.entries(seen).filter(([k]) => k !== key);
  entries.push([key, ids]);
  return Object.fromEntries(entries.slice(-MAX_POOLS));
}

/** The outcome of a pick: the question and the pool's updated served list. */
export interface Pick {
  question: Question;
  seen: string[];
}

/**
 * Picks a question not yet served from `pool`; when all were served, starts the
 * pool over (avoiding `avoid`, the question on screen, when there is a choice).
 */
export function pickQuestion(pool: readonly Question[], seen: readonly string[], random: Random, avoid?: string): Pick | undefined {
  if (pool.length === 0) return undefined;
  const served = new Set(seen);
  let fresh = pool.filter((q) => !served.has(q.id) && q.id !== avoid);
  let base: string[] = [...seen];
  if (fresh.length === 0) {
    fresh = pool.filter((q) => q.id !== avoid);
    base = [];
    if (fresh.length === 0) fresh = [...pool];
  }
  const question = fresh[randomInt(random, fresh.length)] as Question;
  return { question, seen: [...base, question.id] };
}

/**
 * Picks `count` distinct questions for a quiz, unseen ones first; returns the
 * ids and the pool's updated served list.
 */
export function pickMany(pool: readonly Question[], seen: readonly string[], count: number, random: Random): { ids: string[]; seen: string[] } {
  let served = [...seen];
  const ids: string[] = [];
  const remaining = [...pool];
  while (ids.length < count && remaining.length > 0) {
    const pick = pickQuestion(remaining, served, random);
    if (!pick) break;
    ids.push(pick.question.id);
    served = pick.seen;
    remaining.splice(remaining.indexOf(pick.question), 1);
  }
  return { ids, seen: served };
}

/** One tier up or down, clamped; `moved` is false at either end. */
export function stepTier(tier: Tier, direction: 1 | -1): { tier: Tier; moved: boolean } {
  const at = TIERS.indexOf(tier) + direction;
  const next = TIERS[Math.max(0, Math.min(TIERS.length - 1, at))] as Tier;
  return { tier: next, moved: next !== tier };
}
