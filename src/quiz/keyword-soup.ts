/**
 * Keyword soup: a bare list of terms ("kubectl describe, logs --previous,
 * OOMKilled, liveness probe, env vars") names things without saying anything
 * about them. Terse but real answers ("requests = what scheduling reserves,
 * limits = hard cap") relate their terms with words or symbols. A list's grade
 * is capped, and the feedback says so.
 */
import type { Analyzer } from '../search/text.js';

/** A list has at least this many items... */
const MIN_ITEMS = 4;
/** ... nearly all of them short and relation-free ... */
const SHORT_ITEM_WORDS = 3;
const SHORT_SHARE = 0.8;
/** ... and few connective words (the, to, because, ...) overall. */
const MAX_CONNECTIVE_SHARE = 0.2;
/** Connective share below which unseparated words are a list too ("requests minimum scheduler ceiling"). */
const BARE_CONNECTIVE_SHARE = 0.08;
/** Symbols that relate one thing to another: "x = y", "a -> b", "BG: two stacks". */
const RELATION = /[=:>→+]|\b(?:is|are|means|so|then|when|if|because|gives?|keeps?|makes?)\b/i;

/** Whether the answer reads as a list of terms rather than an explanation. */
export function isKeywordSoup(answer: string, analyzer: Analyzer): boolean {
  const raw = answer.toLowerCase().match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? [];
  if (raw.length < 3) return raw.length > 0;
  const items = answer
    .split(/[,;\n•]+|\.\s/)
    .map((s) => s.trim())
    .filter((s) => /[a-z0-9]/i.test(s));
  const connective = raw.filter((w) => analyzer.isStopWord(w) && !/^[a-z0-9]$/.test(w)).length;
  // Words strung together with no separators at all: a list if nothing connects them.
  if (items.length < MIN_ITEMS) return raw.length >= 5 && connective / raw.length < BARE_CONNECTIVE_SHARE && !RELATION.test(answer);
  const short = items.filter((s) => s.split(/\s+/).length <= SHORT_ITEM_WORDS && !RELATION.test(s)).length;
  return short / items.length >= SHORT_SHARE && connective / raw.length < MAX_CONNECTIVE_SHARE;
}
