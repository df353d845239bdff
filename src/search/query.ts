/**
 * What a search query asks for: the terms to look up, with weights, grouped
 * into concepts. A concept is one thing the user typed: a word, a compound
 * ("ci/cd", "pod-to-pod"), or several words a synonym phrase joins
 * ("infrastructure as code"). Every term that stands for it (its stem, a
 * typo's correction, a synonym, a related everyday word) belongs to it, so
 * ranking can prefer documents that cover more of the query and a concept
 * nothing matches can be named.
 */
import { LIGHT_WORDS, RELATED_GROUPS } from './related.js';
import type { Analyzer, Token, Vocabulary } from './text.js';
import { eachToken, rawWords } from './tokenize.js';

/**
 * Weight of a related everyday word against the word typed: enough to find
 * "cost" for "spend" when nothing says "spend", not enough to outrank a
 * document that says what was typed.
 */
export const RELATED_WEIGHT = 0.5;
/** Weight of a light word (see {@link LIGHT_WORDS}) against a topic word. */
export const LIGHT_WEIGHT = 0.4;
/**
 * Weight of each half of two typed words that make a known compound ("roll
 * out" → "rollout"): the compound is what was meant, and counts in full.
 */
export const PART_WEIGHT = 0.6;
/** Shortest joined compound tried: shorter joins of two words are mostly accidents. */
const MIN_JOINED = 6;

/** Concepts tracked one per bit; a longer query shares the last bit among the rest. */
const MAX_CONCEPTS = 31;

/** One term a query looks up. */
export interface QueryTerm {
  term: string;
  weight: number;
  /** Bit set of the concepts (indexes into {@link AnalysedQuery.concepts}) the term stands for. */
  concepts: number;
}

/** A query analysed for ranking. */
export interface AnalysedQuery {
  /** Distinct terms, each with its highest weight. */
  terms: QueryTerm[];
  /** Each concept as typed, lowercase: "lambda", "ci/cd", "infrastructure as code". */
  concepts: string[];
  /** Bit set of the concepts made only of everyday words (see related.ts): no topic to report missing. */
  everyday: number;
}

/** Query analysis for one index: its analyzer, vocabulary and the related-word layer. */
export interface QueryAnalyzer {
  analyse(query: string): AnalysedQuery;
  /** The index's vocabulary, which also knows every related everyday word, so none is "corrected" away. */
  readonly vocabulary: Vocabulary;
}

/**
 * Compiles the related-word layer through the analyzer (so related words meet
 * documents' stems and the role's synonyms) and wraps the vocabulary.
 */
export function createQueryAnalyzer(analyzer: Analyzer, vocabulary: Vocabulary): QueryAnalyzer {
  const termOf = (word: string): string => analyzer.canonical(analyzer.stem(word));
  const related = new Map<string, Set<string>>();
  for (const group of RELATED_GROUPS) {
    const terms = [...new Set(group.map(termOf))];
    for (const term of terms) {
      const set = related.get(term) ?? new Set<string>();
      for (const other of terms) if (other !== term) set.add(other);
      related.set(term, set);
    }
  }
  // An everyday word is a word, not a typo of whatever indexed word lies one
  // edit away: without this "spend" became "send".
  const known: Vocabulary = {
    has: (word) => related.has(termOf(word)) || vocabulary.has(word),
    correct: (word) => (related.has(termOf(word)) ? undefined : vocabulary.correct(word)),
    size: vocabulary.size,
  };

  const isEveryday = (word: string): boolean => related.has(termOf(word));

  const analyse = (query: string): AnalysedQuery => {
    const tokens = analyzer.tokens(query, known);
    const { maskAt, names, everyday } = conceptsOf(query, tokens, isEveryday);
    const byTerm = new Map<string, QueryTerm>();
    const add = (term: string, weight: number, concepts: number): void => {
      const t = byTerm.get(term);
      if (t) {
        t.weight = Math.max(t.weight, weight);
        t.concepts |= concepts;
      } else {
        byTerm.set(term, { term, weight, concepts });
      }
    };
    const expand = (term: string, weight: number, concepts: number): void => {
      for (const r of related.get(term) ?? []) add(r, weight * RELATED_WEIGHT, concepts);
    };
    const compounds = compoundsOf(query, analyzer.isStopWord, known.has).map(({ word, pos }) => ({
      term: termOf(word),
      pos,
      concepts: maskAt(pos) | maskAt(pos + 1),
    }));
    const inCompound = new Set(compounds.flatMap((c) => [c.pos, c.pos + 1]));
    // A word is worth less when it is light, or only half of a compound ("roll" of "roll out" is no roll back).
    const weightOf = (t: Token): number => t.weight * (LIGHT_WORDS.has(t.word) ? LIGHT_WEIGHT : 1) * (t.span === 1 && inCompound.has(t.pos) ? PART_WEIGHT : 1);
    for (const t of tokens) add(t.term, weightOf(t), maskAt(t.pos));
    for (const c of compounds) add(c.term, 1, c.concepts);
    for (const t of tokens) if (t.source === 'word' && !LIGHT_WORDS.has(t.word)) expand(t.term, weightOf(t), maskAt(t.pos));
    for (const c of compounds) expand(c.term, 1, c.concepts);
    return { terms: [...byTerm.values()], concepts: names, everyday };
  };

  return { analyse, vocabulary: known };
}

/** A query's concepts: the bit of the concept at each word position, their names, the everyday ones. */
interface Concepts {
  maskAt(pos: number): number;
  names: string[];
  everyday: number;
}

/**
 * Groups a query's words into concepts: one per raw token with a topic word
 * (not a stop or light word), tokens a synonym phrase spans merged into one,
 * numbered in query order and named by their tokens as typed.
 */
function conceptsOf(query: string, tokens: readonly Token[], isEveryday: (word: string) => boolean): Concepts {
  const conceptAt = new Map<number, number>();
  const raw: { text: string; concept: number | undefined; everyday: boolean }[] = [];
  let count = 0;
  eachToken(query, (expanded, start) => {
    const content = expanded.surfaces.filter((s) => !s.stop && !LIGHT_WORDS.has(s.word));
    const concept = content.length > 0 ? count++ : undefined;
    raw.push({ text: expanded.text, concept, everyday: content.every((s) => isEveryday(s.word)) });
    if (concept !== undefined) for (let p = start; p < start + expanded.width; p++) conceptAt.set(p, concept);
  });
  // Union-find over concepts, for phrases.
  const parent = new Map<number, number>();
  const root = (c: number): number => {
    let r = c;
    while (parent.has(r)) r = parent.get(r) ?? r;
    return r;
  };
  for (const t of tokens) {
    const first = conceptAt.get(t.pos);
    for (let p = t.pos + 1; p < t.pos + t.span && first !== undefined; p++) {
      const c = conceptAt.get(p);
      if (c !== undefined && root(c) !== root(first)) parent.set(root(c), root(first));
    }
  }
  const bit = new Map<number, number>();
  const spans: { first: number; last: number }[] = [];
  raw.forEach(({ concept }, i) => {
    if (concept === undefined) return;
    const r = root(concept);
    let b = bit.get(r);
    if (b === undefined) {
      b = Math.min(spans.length, MAX_CONCEPTS - 1);
      bit.set(r, b);
      if (spans.length < MAX_CONCEPTS) spans.push({ first: i, last: i });
    }
    const span = spans[b];
    if (span) span.last = i;
  });
  const bitOf = (concept: number): number => 1 << (bit.get(root(concept)) ?? 0);
  let everyday = 0;
  for (let b = 0; b < spans.length; b++) everyday |= 1 << b;
  for (const t of raw) if (t.concept !== undefined && !t.everyday) everyday &= ~bitOf(t.concept);
  return {
    maskAt: (pos) => {
      const c = conceptAt.get(pos);
      return c === undefined ? 0 : bitOf(c);
    },
    // Stop words between a phrase's words are part of its name: "infrastructure as code".
    names: spans.map(({ first, last }) =>
      raw
        .slice(first, last + 1)
        .map((t) => t.text)
        .join(' '),
    ),
    everyday,
  };
}

/**
 * Adjacent typed words whose concatenation is a known word: an open compound
 * ("roll out", "fail over", "data center") for the closed one a text writes.
 * `pos` is the first word's position. The first word must be a content word.
 */
function compoundsOf(query: string, isStopWord: (word: string) => boolean, known: (word: string) => boolean): { word: string; pos: number }[] {
  const words = rawWords(query);
  const out: { word: string; pos: number }[] = [];
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1];
    const b = words[i];
    if (!a || !b || b.pos !== a.pos + 1 || isStopWord(a.word)) continue;
    const word = a.word + b.word;
    if (word.length >= MIN_JOINED && known(word)) out.push({ word, pos: a.pos });
  }
  return out;
}
