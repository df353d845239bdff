/**
 * The terms of every text an index is built from, numbered, with the
 * vocabulary of their words: one pass over each distinct text, one cache
 * lookup per raw token.
 */
import type { Synonyms } from './synonyms.js';
import { CACHE_MAX, type Expanded, eachToken } from './tokenize.js';
import type { Vocabulary } from './vocabulary.js';

/** What `Analyzer.corpus` gives (text.ts). */
export interface Corpus {
  /** Every distinct term, numbered in order of first occurrence. */
  names: readonly string[];
  /** Per text, its terms as numbers into `names`; one shared array for equal texts. */
  ids: readonly Int32Array[];
  vocabulary: Vocabulary;
}

/** A raw token's terms for one analyzer, one per surface word (stop words as themselves). */
interface TokenTerms {
  terms: string[];
  /** Whether a synonym phrase may start at one of them, and go on with one of them. */
  phraseStart: boolean;
  phraseTail: boolean;
  /** The corpus that last numbered the terms, and how often that corpus met the token. */
  corpus: number;
  count: number;
  /** Term numbers in that corpus, -1 for stop words. */
  ids: Int32Array;
}

/** What a corpus needs of its analyzer. */
export interface CorpusParts {
  /** Index term of a content word. */
  termOf(word: string): string;
  synonyms: Synonyms;
  /** The vocabulary of word counts, synonym members added. */
  vocabularyOf(words: Map<string, number>): Vocabulary;
}

/** The corpus function of one analyzer; its per-token cache lives as long as the analyzer. */
export function createCorpusBuilder({ termOf, synonyms: groups, vocabularyOf }: CorpusParts): (texts: readonly string[]) => Corpus {
  // Keyed by the tokenizer's cached expansion: an object key hashes in constant
  // time, while a string key would rehash every word of every text indexed.
  let tokenTerms = new Map<Expanded, TokenTerms>();
  const termsOfToken = (expanded: Expanded): TokenTerms => {
    let t = tokenTerms.get(expanded);
    if (t === undefined) {
      const terms = expanded.surfaces.map((s) => (s.stop ? s.word : termOf(s.word)));
      t = {
        terms,
        phraseStart: terms.some((term) => groups.startsPhrase(term)),
        phraseTail: terms.some((term) => groups.continuesPhrase(term)),
        corpus: 0,
        count: 0,
        ids: new Int32Array(terms.length),
      };
      if (tokenTerms.size >= CACHE_MAX) tokenTerms = new Map();
      tokenTerms.set(expanded, t);
    }
    return t;
  };
  let corpusCount = 0;

  // Per raw token occurrence: one cache lookup. Terms are numbered once per
  // distinct token, and words counted for the vocabulary per distinct token.
  return (texts: readonly string[]): Corpus => {
    const generation = ++corpusCount;
    const names: string[] = [];
    const numbers = new Map<string, number>();
    const number = (term: string): number => {
      let id = numbers.get(term);
      if (id === undefined) {
        id = names.push(term) - 1;
        numbers.set(term, id);
      }
      return id;
    };
    const met: { expanded: Expanded; terms: TokenTerms }[] = [];
    // Scratch, reused for every text: every word's term and position (for
    // phrases), and the content terms' numbers and positions.
    const allTerms: string[] = [];
    const allPositions: number[] = [];
    let out: Int32Array = new Int32Array(256);
    let outPositions: Int32Array = new Int32Array(256);
    const idsOf = (text: string, times: number): Int32Array => {
      allTerms.length = 0;
      allPositions.length = 0;
      let n = 0;
      let phraseStart = false;
      let phraseTail = false;
      eachToken(text, (expanded, start) => {
        const t = termsOfToken(expanded);
        if (t.corpus !== generation) {
          t.corpus = generation;
          t.count = 0;
          expanded.surfaces.forEach((s, i) => (t.ids[i] = s.stop ? -1 : number(t.terms[i] ?? '')));
          met.push({ expanded, terms: t });
        }
        t.count += times;
        if (t.phraseStart) phraseStart = true;
        if (t.phraseTail) phraseTail = true;
        const { surfaces } = expanded;
        for (let i = 0; i < surfaces.length; i++) {
          const pos = start + (surfaces[i]?.pos ?? 0);
          allTerms.push(t.terms[i] ?? '');
          allPositions.push(pos);
          const id = t.ids[i] ?? -1;
          if (id < 0) continue;
          if (n === out.length) {
            out = grow(out);
            outPositions = grow(outPositions);
          }
          out[n] = id;
          outPositions[n++] = pos;
        }
      });
      // Most texts hold a phrase's first word ("on" of "on call") but never the rest.
      const added = phraseStart && phraseTail ? groups.phraseTokens(allTerms, allPositions, []) : [];
      if (added.length === 0) return out.slice(0, n);
      for (const p of added) {
        if (n === out.length) {
          out = grow(out);
          outPositions = grow(outPositions);
        }
        out[n] = number(p.term);
        outPositions[n++] = p.pos;
      }
      // The order tokens() gives: a stable sort by position of the words, then the phrases.
      // Insertion sort: stable, and the words are nearly in order already.
      for (let i = 1; i < n; i++) {
        const id = out[i] ?? 0;
        const pos = outPositions[i] ?? 0;
        let j = i - 1;
        for (; j >= 0 && (outPositions[j] ?? 0) > pos; j--) {
          out[j + 1] = out[j] ?? 0;
          outPositions[j + 1] = outPositions[j] ?? 0;
        }
        out[j + 1] = id;
        outPositions[j + 1] = pos;
      }
      return out.slice(0, n);
    };

    // One entry per distinct text, in order of first occurrence, and each text's entry.
    const distinct = new Map<string, { text: string; times: number; ids: Int32Array }>();
    const entries = texts.map((text) => {
      let entry = distinct.get(text);
      if (entry === undefined) {
        entry = { text, times: 0, ids: EMPTY };
        distinct.set(text, entry);
      }
      entry.times++;
      return entry;
    });
    for (const entry of distinct.values()) entry.ids = idsOf(entry.text, entry.times);
    const words = new Map<string, number>();
    for (const { expanded, terms } of met) {
      for (const s of expanded.surfaces) if (!s.stop) words.set(s.word, (words.get(s.word) ?? 0) + terms.count);
    }
    return { names, ids: entries.map((e) => e.ids), vocabulary: vocabularyOf(words) };
  };
}

const EMPTY = new Int32Array(0);

/** A typed array twice as long, holding the same values first. */
function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
