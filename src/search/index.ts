/**
 * Full-text search over a role: an inverted index scored with BM25F (BM25 over
 * weighted fields), with queries expanded through the role's synonyms and
 * related everyday words, corrected for typos against the indexed vocabulary,
 * and ranked up for covering more of what was asked.
 */
import type { Tier } from '../content/schema.js';
import { roleDocuments, type SearchableRole, type SearchDocument, type SearchKind } from './documents.js';
import { buildPostings, type Postings } from './postings.js';
import { type AnalysedQuery, createQueryAnalyzer, type QueryAnalyzer } from './query.js';
import { type Analyzer, createAnalyzer, type Vocabulary } from './text.js';
import { topK } from './top-k.js';

export type { SearchableQuestion, SearchableRole, SearchDocument, SearchField, SearchKind } from './documents.js';

/** BM25 saturation: how fast repeated matches stop adding score. */
const K1 = 1.2;
/**
 * How much covering the query matters: a document matching a share c of the
 * query's concepts keeps (1 - COVERAGE) + COVERAGE * c of its score, so one
 * matching every concept outranks one that matches a single word many times.
 */
const COVERAGE = 0.7;

/** One result. `id` is as documented on {@link SearchDocument}; `score` is rounded to 3 decimals. */
export interface SearchHit {
  id: string;
  kind: SearchKind;
  tier?: Tier;
  title: string;
  text: string;
  score: number;
  /** Set for questions, so a result can open the question's card. */
  questionId?: string;
}

/** Options of {@link searchIndex}. */
export interface SearchOptions {
  /** Most results returned; default 10. */
  limit?: number;
  /** Only these kinds; default all. */
  kinds?: readonly SearchKind[];
}

/** A built index; treat as opaque and query it with {@link searchIndex} or {@link matchQuestions}. */
export interface SearchIndex {
  readonly documents: readonly SearchDocument[];
  readonly analyzer: Analyzer;
  /** Words of the indexed text. */
  readonly vocabulary: Vocabulary;
  readonly postings: ReadonlyMap<string, Postings>;
  /** Query analysis: synonyms, typos, related everyday words, concepts. */
  readonly queries: QueryAnalyzer;
}

/**
 * Indexes every question, use case, responsibility, skill and mistake of a role.
 * Pass the role's analyzer to share its stem cache; one is created otherwise.
 */
export function buildSearchIndex(role: SearchableRole, analyzer: Analyzer = createAnalyzer(role.synonyms)): SearchIndex {
  return indexDocuments(roleDocuments(role), analyzer);
}

/** Indexes arbitrary documents (used by {@link buildSearchIndex}; handy for tests and benchmarks). */
export function indexDocuments(documents: readonly SearchDocument[], analyzer: Analyzer): SearchIndex {
  const { postings, vocabulary } = buildPostings(documents, analyzer);
  return { documents, analyzer, vocabulary, postings, queries: createQueryAnalyzer(analyzer, vocabulary) };
}

/**
 * Searches the index the way people talk: stop words dropped, words stemmed,
 * synonyms, abbreviations and related everyday words expanded, typos
 * corrected. Best first; only results scoring above 0; an empty or
 * stop-word-only query gives [].
 */
export function searchIndex(index: SearchIndex, query: string, options: SearchOptions = {}): SearchHit[] {
  const limit = options.limit ?? 10;
  if (limit <= 0) return [];
  const kinds = options.kinds ? new Set(options.kinds) : undefined;
  const { docs, scores } = score(index, index.queries.analyse(query), false);
  // What rounds to 0 is not a result; checked only for documents that would make the top k.
  const accept = (doc: number): boolean => {
    const d = index.documents[doc];
    return d !== undefined && (!kinds || kinds.has(d.kind)) && Math.round((scores[doc] ?? 0) * 1000) > 0;
  };
  return topK(docs, scores, limit, accept).map((doc) => {
    const d = index.documents[doc] as SearchDocument;
    const hit: SearchHit = { id: d.id, kind: d.kind, title: d.title, text: d.text, score: Math.round((scores[doc] ?? 0) * 1000) / 1000 };
    if (d.tier) hit.tier = d.tier;
    if (d.questionId) hit.questionId = d.questionId;
    return hit;
  });
}

/**
 * Ids of the questions about the given topic words, best first (all of them,
 * optionally of one tier). Questions whose prompt, keywords, topics or key
 * points match come first; only when none does are questions that merely
 * mention the words in their answer returned.
 */
export function matchQuestions(index: SearchIndex, text: string, options: { tier?: Tier } = {}): string[] {
  const query = index.queries.analyse(text);
  const pick = (strong: boolean): string[] => {
    const { docs, scores } = score(index, query, strong);
    return [...docs]
      .sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b)
      .map((doc) => index.documents[doc])
      .filter((d): d is SearchDocument => d !== undefined && d.kind === 'question' && (!options.tier || d.tier === options.tier))
      .map((d) => d.questionId ?? d.id);
  };
  const strong = pick(true);
  return strong.length > 0 ? strong : pick(false);
}

/**
 * The topic words of a query that no document (of `kinds`, default all)
 * matches in any way: not as typed, not through a synonym, a typo correction
 * or a related word. Lowercase, as typed, in query order: for "aws lambda" over
 * a bank where nothing mentions lambda, ["lambda"]. Everyday words (see
 * related.ts) are never reported. A caller can then say so rather than
 * silently show what matched the rest.
 */
export function unmatchedTerms(index: SearchIndex, query: string, options: { kinds?: readonly SearchKind[] } = {}): string[] {
  const kinds = options.kinds ? new Set(options.kinds) : undefined;
  const inKinds = (doc: number): boolean => {
    const kind = index.documents[doc]?.kind;
    return kind !== undefined && (!kinds || kinds.has(kind));
  };
  const analysed = index.queries.analyse(query);
  let matched = 0;
  for (const t of analysed.terms) {
    if ((matched & t.concepts) === t.concepts) continue;
    if (index.postings.get(t.term)?.docs.some(inKinds)) matched |= t.concepts;
  }
  // Everyday words ("reduce", "spend") are how a question is asked, not a topic it lacks.
  const said = matched | analysed.everyday;
  return analysed.concepts.filter((_, i) => (said & (1 << i)) === 0);
}

/**
 * Scores every matching document: BM25F summed over the query's terms, then
 * scaled by how many of the query's concepts the document covers (concepts no
 * document matches are left out, so they scale every document alike).
 * `scores` is indexed by document number; `docs` lists the documents scored.
 */
function score(index: SearchIndex, query: AnalysedQuery, strongOnly: boolean): { docs: number[]; scores: Float64Array } {
  const n = index.documents.length;
  // Dense arrays beat Maps here: at 10k documents common terms touch thousands of them.
  const scores = new Float64Array(n);
  const covered = new Int32Array(n);
  const docs: number[] = [];
  let matchable = 0;
  for (const { term, weight, concepts } of query.terms) {
    const p = index.postings.get(term);
    if (!p) continue;
    matchable |= concepts;
    const idf = Math.log(1 + (n - p.docs.length + 0.5) / (p.docs.length + 0.5));
    const tfs = strongOnly ? p.strongTf : p.tf;
    for (let i = 0; i < p.docs.length; i++) {
      const tf = tfs[i] ?? 0;
      const doc = p.docs[i];
      if (tf <= 0 || doc === undefined) continue;
      // Every term adds a positive amount, so a document still at 0 is met for the first time.
      const before = scores[doc] ?? 0;
      if (before === 0) docs.push(doc);
      scores[doc] = before + (weight * idf * tf * (K1 + 1)) / (tf + K1);
      covered[doc] = (covered[doc] ?? 0) | concepts;
    }
  }
  const total = bitCount(matchable);
  if (total > 1) {
    for (const doc of docs) scores[doc] = (scores[doc] ?? 0) * (1 - COVERAGE + (COVERAGE * bitCount((covered[doc] ?? 0) & matchable)) / total);
  }
  return { docs, scores };
}

function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
