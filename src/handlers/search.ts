/** `/<prefix>-search <keywords>`: search everything the role holds, the way people talk. */
import { cardButtons } from '../commands/families/question-buttons.js';
import { cachesPer, deepFreeze } from '../memo.js';
import type { RoleRuntime } from '../role-runtime.js';
import { type SearchHit, searchIndex, unmatchedTerms } from '../search/index.js';
import type { Action, Reply, View } from '../views.js';
import { type HandlerInput, stringValue } from './context.js';

export const SEARCH_LIMIT = 10;
/** Buttons that open a found question's card; the rest are listed only. */
const OPEN_BUTTONS = 5;
/** Characters of the closest question's prompt quoted in a note. */
const CLOSEST_MAX = 80;

/**
 * Result views per runtime and query: the index never changes while the
 * process runs, so a repeated query (teams search for the same few things)
 * is searched and rendered once. Queries are user text: the cache is bounded.
 */
const results = cachesPer<RoleRuntime, string, View>(256);

export async function searchCommand(input: HandlerInput): Promise<Reply> {
  // The table marks the query required, so the parser has already refused an empty one.
  const query = stringValue(input.values, 'query') ?? '';
  return { visibility: 'private', view: results(input.rt).getOr(query, () => deepFreeze(searchView(input.rt, query))) };
}

function searchView(rt: RoleRuntime, query: string): View {
  const hits = searchIndex(rt.index, query, { limit: SEARCH_LIMIT });
  const prefix = rt.role.commandPrefix;
  const actions: Action[] = hits
    .filter((h) => h.kind === 'question' && h.questionId)
    .slice(0, OPEN_BUTTONS)
    .map((h, i) => ({
      id: cardButtons.id(prefix, { op: 'open', questionId: h.questionId ?? h.id }),
      label: `Open #${hits.indexOf(h) + 1}`,
      ...(i === 0 ? { style: 'primary' as const } : {}),
    }));
  // Questions are what an interviewer searches for: a topic word that no
  // question mentions is said out loud, not papered over with what matched the rest.
  const note = unmatchedNote(unmatchedTerms(rt.index, query, { kinds: ['question'] }), hits);
  // Every part is built here from strings and numbers, so freezing it freezes nothing of the index.
  return {
    kind: 'search',
    roleTitle: rt.role.title,
    query,
    results: hits.map((h) => ({ id: h.id, kind: h.kind, title: h.title, snippet: h.text, score: h.score, ...(h.tier ? { tier: h.tier } : {}) })),
    actions,
    ...(note ? { note } : {}),
  };
}

/**
 * What to tell the user when some of their words match no question:
 * "No question mentions lambda; closest: <the best question hit>", or just
 * the first part when no question matched at all. Undefined when every word
 * matched. The words are user text: renderers escape them.
 */
export function unmatchedNote(unmatched: readonly string[], hits: readonly SearchHit[]): string | undefined {
  if (unmatched.length === 0) return undefined;
  const words = unmatched.length === 1 ? unmatched[0] : `${unmatched.slice(0, -1).join(', ')} or ${unmatched[unmatched.length - 1]}`;
  const closest = hits.find((h) => h.kind === 'question');
  if (!closest) return `No question mentions ${words}.`;
  const title = closest.title.length > CLOSEST_MAX ? `${closest.title.slice(0, CLOSEST_MAX - 1).trimEnd()}…` : closest.title;
  return `No question mentions ${words}; closest: “${title}”`;
}
