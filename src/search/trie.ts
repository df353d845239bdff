/**
 * Words within a few edits of a typed word, found by walking a trie of the
 * vocabulary with one row of the edit-distance table per letter: a shared
 * prefix is computed once, and a branch is left as soon as no word below it
 * can come within reach. Comparing the typed word with every vocabulary word
 * instead cost 1–2 ms per unknown word, most of a slow query.
 */

/** One trie node: the letters that follow (parallel arrays: a node has few), and the word ending here, if any. */
interface TrieNode {
  chars: number[];
  next: TrieNode[];
  word: string | undefined;
}

/** What {@link WordTrie.near} found. */
export interface Near {
  /** Words within the distance of the whole typed word. */
  words: { word: string; dist: number }[];
  /** Words whose first `typed.length` letters are within the distance of the typed word. */
  starts: { dist: number; words(): string[] }[];
}

/** A trie of words, searched by optimal-string-alignment distance (see distance.ts). */
export interface WordTrie {
  near(typed: string, max: number): Near;
}

/** Builds a trie of the words. */
export function buildTrie(words: Iterable<string>): WordTrie {
  const root: TrieNode = { chars: [], next: [], word: undefined };
  for (const word of words) {
    let node = root;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      const k = node.chars.indexOf(c);
      let next = node.next[k];
      if (k < 0 || !next) {
        next = { chars: [], next: [], word: undefined };
        node.chars.push(c);
        node.next.push(next);
      }
      node = next;
    }
    node.word = word;
  }
  return { near: (typed, max) => near(root, typed, max) };
}

function near(root: TrieNode, typed: string, max: number): Near {
  const n = typed.length;
  const width = n + 1;
  const deepest = n + max;
  const far = max + 1;
  // rows[d * width + j]: distance between the trie path's first d letters and
  // typed's first j, computed only within `max` of the diagonal (anything
  // further is out of reach) and `far` just outside it.
  const rows = new Int32Array((deepest + 2) * width).fill(far);
  for (let j = 0; j <= Math.min(n, max); j++) rows[j] = j;
  const path = new Int32Array(deepest + 1);
  const rowMin = new Int32Array(deepest + 1);
  const found: Near = { words: [], starts: [] };

  const visit = (node: TrieNode, d: number): void => {
    const dist = Math.abs(d - n) <= max ? (rows[d * width + n] ?? far) : far;
    if (node.word !== undefined && dist <= max) found.words.push({ word: node.word, dist });
    if (d === n && dist <= max) found.starts.push({ dist, words: () => wordsBelow(node) });
    if (d === deepest) return;
    // No longer word can come within reach: each row's minimum rises, or a transposition takes one from two rows up.
    if ((rowMin[d] ?? 0) > max && (d === 0 || (rowMin[d - 1] ?? 0) >= max)) return;
    const up = d * width;
    const at = up + width;
    const lo = Math.max(1, d + 1 - max);
    const hi = Math.min(n, d + 1 + max);
    for (let k = 0; k < node.chars.length; k++) {
      const c = node.chars[k] ?? 0;
      path[d] = c;
      rows[at + lo - 1] = lo === 1 ? Math.min(d + 1, far) : far;
      let least = rows[at + lo - 1] ?? far;
      for (let j = lo; j <= hi; j++) {
        const tc = typed.charCodeAt(j - 1);
        let v = Math.min((rows[up + j] ?? far) + 1, (rows[at + j - 1] ?? far) + 1, (rows[up + j - 1] ?? far) + (tc === c ? 0 : 1));
        if (d > 0 && j > 1 && c === typed.charCodeAt(j - 2) && (path[d - 1] ?? -1) === tc) {
          v = Math.min(v, (rows[up - width + j - 2] ?? far) + 1);
        }
        rows[at + j] = v;
        if (v < least) least = v;
      }
      if (hi < n) rows[at + hi + 1] = far;
      rowMin[d + 1] = least;
      const child = node.next[k];
      if (child) visit(child, d + 1);
    }
  };
  visit(root, 0);
  return found;
}

function wordsBelow(node: TrieNode): string[] {
  const out: string[] = [];
  const stack = [node];
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (next.word !== undefined) out.push(next.word);
    for (const child of next.next) stack.push(child);
  }
  return out;
}
