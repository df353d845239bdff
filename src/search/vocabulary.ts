/**
 * Typo correction: the words of a body of text, and the nearest of them to a
 * word that is not among them.
 */
import { maxTypoDistance } from './distance.js';
import { CACHE_MAX, HAS_DIGIT } from './tokenize.js';
import { buildTrie, type WordTrie } from './trie.js';

/** Words seen in a body of text, used to correct typos in queries. */
export interface Vocabulary {
  /** Whether a lowercase word (or another word with its stem) occurs in the vocabulary. */
  has(word: string): boolean;
  /**
   * The vocabulary word meant by an unknown word: the nearest by edit distance
   * (1 for 5–7 letters, 2 for 8+, none below 5), else a completion of a
   * word typed as a prefix ("crashloop" → "crashloopbackoff"). Undefined when
   * the word is known, too short, holds digits, or nothing is near.
   */
  correct(word: string): Correction | undefined;
  /** Number of distinct words. */
  readonly size: number;
}

/** How an unknown word was mapped onto the vocabulary. */
export interface Correction {
  word: string;
  kind: 'typo' | 'prefix';
}

/**
 * A vocabulary over word counts. The lookup structures are built on first use:
 * an index is built at every start, but most processes never correct a word.
 * Corrections are cached: the same typo is asked again and again.
 *
 * Among words equally near, the most frequent wins, then (for a typo) the
 * shorter, then the first alphabetically, so a correction is the same on every run.
 */
export function createVocabulary(counts: ReadonlyMap<string, number>, stem: (word: string) => string): Vocabulary {
  let stems: Set<string> | undefined;
  let trie: WordTrie | undefined;
  const cache = new Map<string, Correction | undefined>();
  const has = (word: string): boolean => {
    if (counts.has(word)) return true;
    stems ??= new Set(Array.from(counts.keys(), stem));
    return stems.has(stem(word));
  };
  type Near = { word: string; dist: number };
  const alphabetical = (a: Near, b: Near): number => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0);
  const nearer = (a: Near, b: Near): number => a.dist - b.dist || (counts.get(b.word) ?? 0) - (counts.get(a.word) ?? 0);

  const lookup = (word: string): Correction | undefined => {
    const max = maxTypoDistance(word.length);
    if (max === 0 || HAS_DIGIT.test(word) || has(word)) return undefined;
    // Names with digits ("k8s", "p99") are never a typo's target.
    trie ??= buildTrie([...counts.keys()].filter((w) => !HAS_DIGIT.test(w)));
    const near = trie.near(word, max);
    const typo = near.words.sort((a, b) => nearer(a, b) || a.word.length - b.word.length || alphabetical(a, b))[0];
    if (typo) return { word: typo.word, kind: 'typo' };
    // A word typed as the start of a longer one, allowing the same typos in that start.
    const completions = near.starts.flatMap(({ dist, words }) =>
      words()
        .filter((w) => w.length > word.length + 1)
        .map((w) => ({ word: w, dist })),
    );
    const prefix = completions.sort((a, b) => nearer(a, b) || alphabetical(a, b))[0];
    return prefix ? { word: prefix.word, kind: 'prefix' } : undefined;
  };

  return {
    has,
    size: counts.size,
    correct(word) {
      if (cache.has(word)) return cache.get(word);
      const fix = lookup(word);
      // Queries are free text from users: bound the cache like the others.
      if (cache.size >= CACHE_MAX) cache.clear();
      cache.set(word, fix);
      return fix;
    },
  };
}
