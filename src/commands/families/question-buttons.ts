/**
 * The question family's buttons: the interviewer's card (`c`) and Flag (`f`).
 * Codes and field orders are fixed: ids already in chats must still decode.
 */
import type { Tier } from '../../content/schema.js';
import { defineButtons, idText, tierCode, tierOfCode } from '../buttons.js';

/** A card button: open a question, show its answer, another, harder, easier; the filter rides along. */
export type CardRef = { area: 'card'; op: 'open' | 'show' | 'another' | 'harder' | 'easier'; questionId: string; tier?: Tier; topic?: string };
/** Flag a question of the bank as bad, for review. */
export type FlagRef = { area: 'flag'; questionId: string };

const CARD_OPS = ['open', 'show', 'another', 'harder', 'easier'] as const;
/** Characters of topic text an id carries. */
const TOPIC_MAX = 24;

/** `<prefix>|c|<op>|<questionId>|<tier letter>|<topic>`. */
export const cardButtons = defineButtons<CardRef>({
  area: 'card',
  code: 'c',
  encode: (ref) => [ref.op, ref.questionId, ref.tier ? tierCode(ref.tier) : '', ref.topic ? idText(ref.topic, TOPIC_MAX) : ''],
  decode([op, questionId, tierLetter, topic]) {
    const known = CARD_OPS.find((o) => o === op);
    if (!known || !questionId) return undefined;
    const tier = tierOfCode(tierLetter);
    // A card never filters on "mixed": that letter is read as no tier.
    return { area: 'card', op: known, questionId, ...(tier && tier !== 'mixed' ? { tier } : {}), ...(topic ? { topic } : {}) };
  },
});

/** Exactly `<prefix>|f|<questionId>`: nothing may trail the id. */
export const flagButtons = defineButtons<FlagRef>({
  area: 'flag',
  code: 'f',
  encode: (ref) => [ref.questionId],
  decode: (fields) => (fields.length === 1 && fields[0] ? { area: 'flag', questionId: fields[0] } : undefined),
});
