/**
 * Text analysis shared by search and grading: tokenize, lowercase, drop stop
 * words, Porter-stem, canonicalise synonyms, and correct small typos against a
 * vocabulary. Search and grading must analyse text the same way, or a word
 * indexed one way would never be found when asked for another.
 *
 * The pieces live beside this file (tokenize, synonyms, vocabulary); this is
 * the one module the rest of the code imports them from.
 */

import { type Corpus, createCorpusBuilder } from './corpus.js';
import { STOP_WORDS } from './stop-words.js';
import { compileSynonyms } from './synonyms.js';
import { CACHE_MAX, eachSurface, stemWord, surfaces, type Token } from './tokenize.js';
import { createVocabulary, type Vocabulary } from './vocabulary.js';

export type { Corpus } from './corpus.js';
export { editDistance, maxTypoDistance } from './distance.js';
export { type RawWord, rawWords, type Token, type TokenSource } from './tokenize.js';
export { type Correction, createVocabulary, type Vocabulary } from './vocabulary.js';

/** The analysis pipeline, configured with a role's synonym groups. */
export interface Analyzer {
  /** Analysed tokens in text order; with a vocabulary, unknown words are corrected first. */
  tokens(text: string, vocabulary?: Vocabulary): Token[];
  /** Just the terms of {@link Analyzer.tokens}. */
  terms(text: string, vocabulary?: Vocabulary): string[];
  /** Lowercase surface words without stop words: what a vocabulary is built from. */
  words(text: string): string[];
  /** Porter stem of one lowercase word (cached). */
  stem(word: string): string;
  /** The canonical term of a synonym group member's single term, or the term itself. */
  canonical(term: string): string;
  /** Whether a lowercase word is a stop word. */
  isStopWord(word: string): boolean;
  /** Builds a vocabulary from texts; synonym members are always known words. */
  vocabulary(texts: Iterable<string>): Vocabulary;
  /**
   * What an index is built from, walking each distinct text once: every term
   * of the texts, numbered; each text's terms (`terms(texts[i])`) as those
   * numbers; and the vocabulary `vocabulary(texts)` would give.
   */
  corpus(texts: readonly string[]): Corpus;
}

/** Weight of derived forms in a query. */
const EXTRA_WEIGHT = 0.6;
/** Weight of a prefix completion in a query: a guess, so it ranks below exact matches. */
const PREFIX_WEIGHT = 0.7;

/**
 * Creates an analyzer for a role's synonym groups (see {@link compileSynonyms}
 * for how members map onto one canonical term).
 */
export function createAnalyzer(synonyms: readonly (readonly string[])[] = []): Analyzer {
  const stem = stemWord;
  const isStopWord = (word: string): boolean => STOP_WORDS.has(word);
  const groups = compileSynonyms(synonyms, stem, isStopWord);
  const { canonical } = groups;

  // Index term of a content word; canonical(stem(word)) costs two lookups, this one.
  const termCache = new Map<string, string>();
  const termOf = (word: string): string => {
    let term = termCache.get(word);
    if (term === undefined) {
      term = canonical(stem(word));
      if (termCache.size >= CACHE_MAX) termCache.clear();
      termCache.set(word, term);
    }
    return term;
  };

  const isKnown = (vocabulary: Vocabulary, word: string): boolean => groups.words.has(word) || vocabulary.has(word);

  const tokens = (text: string, vocabulary?: Vocabulary): Token[] => {
    const out: Token[] = [];
    // Every word's term and position, stop words included, for phrase matching.
    const terms: string[] = [];
    const positions: number[] = [];
    const weights: number[] = [];
    let phraseStart = false;
    eachSurface(text, (s, pos) => {
      let word = s.word;
      let weight = s.source === 'word' ? 1 : EXTRA_WEIGHT;
      if (!s.stop && vocabulary && !isKnown(vocabulary, word)) {
        const fix = vocabulary.correct(word);
        if (fix) {
          word = fix.word;
          if (fix.kind === 'prefix') weight *= PREFIX_WEIGHT;
        }
      }
      const term = s.stop ? word : termOf(word);
      terms.push(term);
      positions.push(pos);
      weights.push(weight);
      if (!phraseStart && groups.startsPhrase(term)) phraseStart = true;
      if (!s.stop) out.push({ term, pos, word, weight, source: s.source, span: 1 });
    });
    if (!phraseStart) return out;
    const added = groups.phraseTokens(terms, positions, weights);
    if (added.length === 0) return out;
    return [...out, ...added].sort((a, b) => a.pos - b.pos);
  };

  const vocabularyOf = (words: Map<string, number>): Vocabulary => {
    for (const w of groups.words) if (!words.has(w)) words.set(w, 1);
    return createVocabulary(words, stem);
  };

  const corpus = createCorpusBuilder({ termOf, synonyms: groups, vocabularyOf });

  return {
    tokens,
    terms: (text, vocabulary) => tokens(text, vocabulary).map((t) => t.term),
    words: (text) =>
      surfaces(text)
        .filter((s) => !s.stop)
        .map((s) => s.word),
    stem,
    canonical,
    isStopWord,
    vocabulary(texts) {
      // Texts repeat (a role's topics, keywords): walk each distinct one once, counting it as often as it occurs.
      const times = new Map<string, number>();
      for (const text of texts) times.set(text, (times.get(text) ?? 0) + 1);
      const words = new Map<string, number>();
      for (const [text, n] of times) {
        eachSurface(text, (s) => {
          if (!s.stop) words.set(s.word, (words.get(s.word) ?? 0) + n);
        });
      }
      return vocabularyOf(words);
    },
    corpus,
  };
}
