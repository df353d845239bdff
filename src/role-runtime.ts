/**
 * A role ready to serve: its content plus everything derived from it once at
 * start-up (question lookup, search index, text analyzer).
 */
import { TIERS, type Question, type Role, type Tier } from './content/schema.js';
import { buildSearchIndex, type SearchIndex } from './search/index.js';
import { createAnalyzer, type Analyzer } from './search/text.js';

/** A role with its derived indexes. */
export interface RoleRuntime {
  role: Role;
  byId: ReadonlyMap<string, Question>;
  byTier: Readonly<Record<Tier, readonly Question[]>>;
  index: SearchIndex;
  analyzer: Analyzer;
}

export function createRoleRuntime(role: Role): RoleRuntime {
  const byTier = Object.fromEntries(TIERS.map((t) => [t, role.questions.filter((q) => q.tier === t)])) as Record<Tier, Question[]>;
  const analyzer = createAnalyzer(role.synonyms);
  return {
    role,
    byId: new Map(role.questions.map((q) => [q.id, q])),
    byTier,
    index: buildSearchIndex(role, analyzer),
    analyzer,
  };
}
