/**
 * The inverted index: for every term, the documents holding it with their
 * BM25F term frequencies (field-weighted, length-normalised per field name).
 */
import type { SearchDocument } from './documents.js';
import type { Analyzer, Vocabulary } from './text.js';

/** BM25 length normalisation: how much a long field is discounted. */
const B = 0.75;

const EMPTY = new Int32Array(0);

/** Postings of one term: parallel arrays of document number and weighted, length-normalised term frequency. */
export interface Postings {
  docs: Int32Array;
  /** Over all fields. */
  tf: Float64Array;
  /** Over the fields that say what a document is about; 0 when the term is only mentioned in passing. */
  strongTf: Float64Array;
}

/** Builds the postings of every term of the documents, and the vocabulary of their words. */
export function buildPostings(documents: readonly SearchDocument[], analyzer: Analyzer): { postings: Map<string, Postings>; vocabulary: Vocabulary } {
  // Terms are numbered so counting runs over typed arrays instead of a Map per
  // field and per document; at 10k documents that was most of the build. The
  // corpus analyses each distinct text once (topics, keywords and key-point
  // terms repeat across documents) and gives each field's term numbers, in
  // field order across all documents.
  const texts: string[] = [];
  // A plain loop: flatMap over 60k fields costs more than it should.
  for (const doc of documents) for (const field of doc.fields) texts.push(field.text);
  const corpus = analyzer.corpus(texts);
  const { names, ids: fieldIds } = corpus;
  // Lengths are needed for the averages before any frequency can be normalised.
  const lengthSum = new Map<string, { total: number; count: number }>();
  let f = 0;
  for (const doc of documents) {
    for (const field of doc.fields) {
      const length = fieldIds[f++]?.length ?? 0;
      const s = lengthSum.get(field.name);
      if (s) {
        s.total += length;
        s.count += 1;
      } else {
        lengthSum.set(field.name, { total: length, count: 1 });
      }
    }
  }
  const avg = new Map([...lengthSum].map(([name, s]) => [name, s.count > 0 && s.total > 0 ? s.total / s.count : 1]));

  // Document number + 1 that last touched a term, so per-document totals need no clearing pass.
  const seenIn = new Int32Array(names.length);
  // Document frequencies first, so each term's postings are allocated once, at their size.
  const df = new Int32Array(names.length);
  f = 0;
  for (let doc = 0; doc < documents.length; doc++) {
    for (let k = documents[doc]?.fields.length ?? 0; k > 0; k--) {
      const ids = fieldIds[f++] ?? EMPTY;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i] ?? 0;
        if (seenIn[id] === doc + 1) continue;
        seenIn[id] = doc + 1;
        df[id] = (df[id] ?? 0) + 1;
      }
    }
  }
  seenIn.fill(0);

  const byId: (Postings | undefined)[] = [];
  const filled = new Int32Array(names.length);
  const postings = new Map<string, Postings>();
  const count = new Int32Array(names.length);
  const all = new Float64Array(names.length);
  const strong = new Float64Array(names.length);
  // Scratch: a field's distinct terms, and a document's in order of first occurrence.
  const inField = new Int32Array(names.length);
  const inDoc = new Int32Array(names.length);
  f = 0;
  for (let doc = 0; doc < documents.length; doc++) {
    let docTerms = 0;
    for (const field of documents[doc]?.fields ?? []) {
      const ids = fieldIds[f++];
      if (!ids || ids.length === 0) continue;
      const norm = 1 - B + (B * ids.length) / (avg.get(field.name) ?? 1);
      let fieldTerms = 0;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i] ?? 0;
        const seen = (count[id] ?? 0) + 1;
        count[id] = seen;
        if (seen === 1) inField[fieldTerms++] = id;
      }
      for (let i = 0; i < fieldTerms; i++) {
        const id = inField[i] ?? 0;
        const add = (field.weight * (count[id] ?? 0)) / norm;
        count[id] = 0;
        if (seenIn[id] !== doc + 1) {
          seenIn[id] = doc + 1;
          all[id] = 0;
          strong[id] = 0;
          inDoc[docTerms++] = id;
        }
        all[id] = (all[id] ?? 0) + add;
        if (field.strong) strong[id] = (strong[id] ?? 0) + add;
      }
    }
    for (let i = 0; i < docTerms; i++) {
      const id = inDoc[i] ?? 0;
      let p = byId[id];
      if (!p) {
        const size = df[id] ?? 0;
        p = { docs: new Int32Array(size), tf: new Float64Array(size), strongTf: new Float64Array(size) };
        byId[id] = p;
        postings.set(names[id] ?? '', p);
      }
      const at = filled[id] ?? 0;
      filled[id] = at + 1;
      p.docs[at] = doc;
      p.tf[at] = all[id] ?? 0;
      p.strongTf[at] = strong[id] ?? 0;
    }
  }

  return { postings, vocabulary: corpus.vocabulary };
}
