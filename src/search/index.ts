/**
 * Full-text search over a role: an inverted index scored with BM25F (BM25 over
 * weighted fields), with queries expanded through the role's synonyms and
 * corrected for typos against the indexed vocabulary.
 */
import type { Role, Tier } from '../content/schema.js';
import { roleDocuments, type SearchDocument, type SearchKind } from './documents.js';
import { createAnalyzer, type Analyzer, type Vocabulary } from './text.js';

export type { SearchDocument, SearchField, SearchKind } from './documents.js';

/** BM25 saturation: how fast repeated matches stop adding score. */
const K1 = 1.2;
/** BM25 length normalisation: how much a long field is discounted. */
const B = 0.75;

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

/** Postings of one term: parallel arrays of document number and weighted, length-normalised term frequency. */
interface Postings {
  docs: number[];
  /** Over all fields. */
  tf: number[];
  /** Over the fields that say what a document is about; 0 when the term is only mentioned in passing. */
  strongTf: number[];
}

/** A built index; treat as opaque and query it with {@link searchIndex} or {@link matchQuestions}. */
export interface SearchIndex {
  readonly documents: readonly SearchDocument[];
  readonly analyzer: Analyzer;
  readonly vocabulary: Vocabulary;
  readonly postings: ReadonlyMap<string, Postings>;
}

/**
 * Indexes every question, use case, responsibility, skill and mistake of a role.
 * Pass the role's analyzer to share its stem cache; one is created otherwise.
 */
export function buildSearchIndex(role: Role, analyzer: Analyzer = createAnalyzer(role.synonyms)): SearchIndex {
  return indexDocuments(roleDocuments(role), analyzer);
}

/** Indexes arbitrary documents (used by {@link buildSearchIndex}; handy for tests and benchmarks). */
export function indexDocuments(documents: readonly SearchDocument[], analyzer: Analyzer): SearchIndex {
  // Terms are numbered so counting runs over typed arrays instead of a Map per
  // field and per document; at 10k documents that was most of the build.
  const termIds = new Map<string, number>();
  const names: string[] = [];
  // Fields repeat across documents (topics, keywords, key-point terms), so each distinct text is analysed once.
  const analysedText = new Map<string, number[]>();
  const idsOf = (text: string): number[] => {
    let ids = analysedText.get(text);
    if (ids === undefined) {
      ids = analyzer.terms(text).map((term) => {
        let id = termIds.get(term);
        if (id === undefined) {
          id = names.push(term) - 1;
          termIds.set(term, id);
        }
        return id;
      });
      analysedText.set(text, ids);
    }
    return ids;
  };
  // Analysed up front: lengths are needed for the averages before any frequency can be normalised.
  const analysed = documents.map((doc) => doc.fields.map((f) => ({ field: f, ids: idsOf(f.text) })));
  const lengthSum = new Map<string, { total: number; count: number }>();
  for (const fields of analysed) {
    for (const { field, ids } of fields) {
      const s = lengthSum.get(field.name);
      if (s) {
        s.total += ids.length;
        s.count += 1;
      } else {
        lengthSum.set(field.name, { total: ids.length, count: 1 });
      }
    }
  }
  const avg = new Map([...lengthSum].map(([name, s]) => [name, s.count > 0 && s.total > 0 ? s.total / s.count : 1]));

  const byId: (Postings | undefined)[] = [];
  const postings = new Map<string, Postings>();
  const count = new Int32Array(names.length);
  const all = new Float64Array(names.length);
  const strong = new Float64Array(names.length);
  // Document number + 1 that last touched a term, so per-document totals need no clearing pass.
  const seenIn = new Int32Array(names.length);
  analysed.forEach((fields, doc) => {
    // Terms in order of first occurrence, as a Map of them would iterate.
    const inDoc: number[] = [];
    for (const { field, ids } of fields) {
      if (ids.length === 0) continue;
      const norm = 1 - B + (B * ids.length) / (avg.get(field.name) ?? 1);
      const inField: number[] = [];
      for (const id of ids) if ((count[id] = (count[id] ?? 0) + 1) === 1) inField.push(id);
      for (const id of inField) {
        const add = (field.weight * (count[id] ?? 0)) / norm;
        count[id] = 0;
        if (seenIn[id] !== doc + 1) {
          seenIn[id] = doc + 1;
          all[id] = 0;
          strong[id] = 0;
          inDoc.push(id);
        }
        all[id] = (all[id] ?? 0) + add;
        if (field.strong) strong[id] = (strong[id] ?? 0) + add;
      }
    }
    for (const id of inDoc) {
      let p = byId[id];
      if (!p) {
        p = { docs: [], tf: [], strongTf: [] };
        byId[id] = p;
        postings.set(names[id] ?? '', p);
      }
      p.docs.push(doc);
      p.tf.push(all[id] ?? 0);
      p.strongTf.push(strong[id] ?? 0);
    }
  });

  const vocabulary = analyzer.vocabulary(documents.flatMap((d) => d.fields.map((f) => f.text)));
  return { documents, analyzer, vocabulary, postings };
}

/**
 * Searches the index the way people talk: stop words dropped, words stemmed,
 * synonyms and abbreviations expanded, typos corrected. Best first; only
 * results scoring above 0; an empty or stop-word-only query gives [].
 */
export function searchIndex(index: SearchIndex, query: string, options: SearchOptions = {}): SearchHit[] {
  const limit = options.limit ?? 10;
  if (limit <= 0) return [];
  const kinds = options.kinds ? new Set(options.kinds) : undefined;
  const scores = score(index, query, false);
  const hits: SearchHit[] = [];
  for (const { doc, score: raw } of scores) {
    const d = index.documents[doc];
    if (!d || (kinds && !kinds.has(d.kind))) continue;
    const rounded = Math.round(raw * 1000) / 1000;
    if (rounded <= 0) continue;
    const hit: SearchHit = { id: d.id, kind: d.kind, title: d.title, text: d.text, score: rounded };
    if (d.tier) hit.tier = d.tier;
    if (d.questionId) hit.questionId = d.questionId;
    hits.push(hit);
    if (hits.length >= limit) break;
  }
  return hits;
}

/**
 * Ids of the questions about the given topic words, best first (all of them,
 * optionally of one tier). Questions whose prompt, keywords, topics or key
 * points match come first; only when none does are questions that merely
 * mention the words in their answer returned.
 */
export function matchQuestions(index: SearchIndex, text: string, options: { tier?: Tier } = {}): string[] {
  const pick = (strong: boolean): string[] =>
    score(index, text, strong)
      .map(({ doc }) => index.documents[doc])
      .filter((d): d is SearchDocument => d !== undefined && d.kind === 'question' && (!options.tier || d.tier === options.tier))
      .map((d) => d.questionId ?? d.id);
  const strong = pick(true);
  return strong.length > 0 ? strong : pick(false);
}

/** Scores every matching document; sorted best first, ties in document order. */
function score(index: SearchIndex, query: string, strongOnly: boolean): { doc: number; score: number }[] {
  const weights = new Map<string, number>();
  for (const t of index.analyzer.tokens(query, index.vocabulary)) {
    weights.set(t.term, Math.max(weights.get(t.term) ?? 0, t.weight));
  }
  if (weights.size === 0) return [];
  const n = index.documents.length;
  // A dense array beats a Map here: at 10k documents common terms touch thousands of them.
  const totals = new Float64Array(n);
  const touched: number[] = [];
  for (const [term, weight] of weights) {
    const p = index.postings.get(term);
    if (!p) continue;
    const idf = Math.log(1 + (n - p.docs.length + 0.5) / (p.docs.length + 0.5));
    const tfs = strongOnly ? p.strongTf : p.tf;
    for (let i = 0; i < p.docs.length; i++) {
      const tf = tfs[i] ?? 0;
      const doc = p.docs[i];
      if (tf <= 0 || doc === undefined) continue;
      const before = totals[doc] ?? 0;
      if (before === 0) touched.push(doc);
      totals[doc] = before + (weight * idf * tf * (K1 + 1)) / (tf + K1);
    }
  }
  return touched.map((doc) => ({ doc, score: totals[doc] ?? 0 })).sort((a, b) => b.score - a.score || a.doc - b.doc);
}
