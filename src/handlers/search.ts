/** `/<prefix>-search <keywords>`: search everything the role holds, the way people talk. */
import { encodeAction } from '../actions.js';
import { searchIndex } from '../search/index.js';
import type { Action, Reply } from '../views.js';
import { stringValue, type HandlerInput } from './context.js';

export const SEARCH_LIMIT = 10;
/** Buttons that open a found question's card; the rest are listed only. */
const OPEN_BUTTONS = 5;

export async function searchCommand(input: HandlerInput): Promise<Reply> {
  // The table marks the query required, so the parser has already refused an empty one.
  const query = stringValue(input.values, 'query') ?? '';
  const hits = searchIndex(input.rt.index, query, { limit: SEARCH_LIMIT });
  const prefix = input.rt.role.commandPrefix;
  const actions: Action[] = hits
    .filter((h) => h.kind === 'question' && h.questionId)
    .slice(0, OPEN_BUTTONS)
    .map((h, i) => ({ id: encodeAction(prefix, { area: 'card', op: 'open', questionId: h.questionId ?? h.id }), label: `Open #${hits.indexOf(h) + 1}`, ...(i === 0 ? { style: 'primary' as const } : {}) }));
  return {
    visibility: 'private',
    view: {
      kind: 'search',
      roleTitle: input.rt.role.title,
      query,
      results: hits.map((h) => ({ id: h.id, kind: h.kind, title: h.title, snippet: h.text, score: h.score, ...(h.tier ? { tier: h.tier } : {}) })),
      actions,
    },
  };
}
