/**
 * An answer analysed for grading: its sentences, its tokens at answer-wide
 * positions, and which positions a negation covers. Claims are matched within
 * one sentence, so the answer is split first; positions are offset per
 * sentence so that no multi-word term can straddle two sentences.
 */
import { type Analyzer, rawWords, type Token } from '../search/text.js';
import { matchTerm, negationScopes, REJECTING, type SentenceWord } from './negation.js';

/** Gap left between sentences' positions: wider than any term's proximity window. */
const SENTENCE_GAP = 50;

/** A grading view of one answer. */
export interface AnswerText {
  tokens: Token[];
  /** Raw words at their answer-wide positions, stop words included. */
  words: Map<number, SentenceWord>;
  /** Sentence index of a position. */
  sentenceOf(pos: number): number;
  /** For a negated position, the position of the cue that negates it. */
  negatedBy: Map<number, number>;
  /** Positions right after a rejecting verb ("avoid", "prevent"), within three words. */
  rejected: Set<number>;
}

// Abbreviations whose dot does not end a sentence.
const ABBREVIATIONS = /\b(e\.g|i\.e|etc|vs|approx|incl)\./gi;

/** Sentences of an answer: split at . ! ? ; and line breaks, keeping "v1.10" and "e.g." whole. */
export function sentences(answer: string): string[] {
  return answer
    .replace(ABBREVIATIONS, (m) => m.replace(/\./g, ' '))
    .split(/[.!?]+(?=\s|$)|[;\n\r]+|\s[-–—]\s/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Analyses `answer` once for every claim of a question. */
export function analyseAnswer(answer: string, analyzer: Analyzer): AnswerText {
  const tokens: Token[] = [];
  const words = new Map<number, SentenceWord>();
  const negatedBy = new Map<number, number>();
  const rejected = new Set<number>();
  const starts: number[] = [];
  const rejecting = new Set([...REJECTING].map((w) => analyzer.stem(w)));
  let offset = 0;
  // Phones and word processors type curly apostrophes: "don’t" must read as "don't".
  for (const sentence of sentences(answer.replace(/[’‘ʼ]/g, "'"))) {
    starts.push(offset);
    const local: SentenceWord[] = [];
    let pieceOffset = 0;
    sentence.split(/[,:()]+/).forEach((piece, p) => {
      let width = 0;
      for (const w of rawWords(piece)) {
        local.push({ word: w.word, raw: w.raw, pos: offset + pieceOffset + w.pos, piece: p });
        width = Math.max(width, w.pos + 1);
      }
      pieceOffset += width;
    });
    for (const w of local) words.set(w.pos, w);
    for (const [pos, cue] of negationScopes(local)) negatedBy.set(pos, cue);
    for (const w of local) {
      if (!rejecting.has(analyzer.stem(w.word))) continue;
      for (let k = 1; k <= 3; k++) rejected.add(w.pos + k);
    }
    for (const t of analyzer.tokens(sentence)) tokens.push({ ...t, term: matchTerm(t.word, t.term), pos: t.pos + offset });
    offset += pieceOffset + SENTENCE_GAP;
  }
  const sentenceOf = (pos: number): number => {
    let i = starts.length - 1;
    while (i > 0 && (starts[i] ?? 0) > pos) i--;
    return i;
  };
  return { tokens, words, sentenceOf, negatedBy, rejected };
}

/** The answer's words from `start` to `end`, for quoting back in feedback. */
export function quote(text: AnswerText, start: number, end: number, max = 60): string {
  const out: string[] = [];
  for (let p = start; p <= end; p++) {
    const w = text.words.get(p);
    if (w) out.push(w.raw);
  }
  const joined = out.join(' ');
  return joined.length > max ? `${joined.slice(0, max - 1)}…` : joined;
}
