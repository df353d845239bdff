/**
 * A role ready to serve: its content plus what is derived from it (question
 * lookup, text analyzer, search index). The index is built on first use, not
 * at start-up: a one-shot `/devops-question` never searches, and building it
 * was most of a cold start's CPU; a server pays it once, on its first search.
 */
import { type Question, type Role, TIERS, type Tier } from './content/schema.js';
import { buildSearchIndex, type SearchIndex } from './search/index.js';
import { type Analyzer, createAnalyzer } from './search/text.js';

/** A role with its derived indexes. */
export interface RoleRuntime {
  role: Role;
  byId: ReadonlyMap<string, Question>;
  byTier: Readonly<Record<Tier, readonly Question[]>>;
  /** Built on first read, then kept. */
  readonly index: SearchIndex;
  /** Made on first read, then kept. */
  readonly analyzer: Analyzer;
}

/** The runtime of `role`; the analyzer and the index are made when first needed. */
export function createRoleRuntime(role: Role): RoleRuntime {
  const byTier = Object.fromEntries(TIERS.map((t) => [t, role.questions.filter((q) => q.tier === t)])) as Record<Tier, Question[]>;
  let analyzer: Analyzer | undefined;
  let index: SearchIndex | undefined;
  return {
    role,
    byId: new Map(role.questions.map((q) => [q.id, q])),
    byTier,
    get analyzer() {
      analyzer ??= createAnalyzer(role.synonyms);
      return analyzer;
    },
    get index() {
      index ??= buildSearchIndex(role, this.analyzer);
      return index;
    },
  };
}
