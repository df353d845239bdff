/**
 * Key points and contradictions as claims, and where an answer makes them.
 * A claim is made when one of its evidence terms stands, within one sentence,
 * said of the right subject (the subject mentioned nearest to it), and said in
 * the polarity the claim needs. A term made only of the prompt's words or of
 * generic words of the field is never evidence alone.
 */
import type { Question } from '../content/schema.js';
import { type Analyzer, editDistance, maxTypoDistance, type Token } from '../search/text.js';
import type { AnswerText } from './answer-text.js';
import { ABSENCE_TERM, matchTerm } from './negation.js';

/** One word of a term: matched by analysed term, or by a near spelling of its surface word. */
interface Unit {
  term: string;
  word: string;
  maxTypos: number;
  /** Answer words already compared with `word` (answers share most of their words). */
  near: Map<string, boolean>;
}

/** One way of saying a term: its units, and whether any of them is specific to the point. */
export interface Alternative {
  units: Unit[];
  specific: boolean;
}

/** A claim ready to match: a key point or a contradiction. */
export interface Claim {
  alternatives: Alternative[];
  /** The specific words of a key point's label, one alternative each (empty for contradictions). */
  labelWords: Alternative[];
  /** Subject keys the evidence must be said of; undefined when any subject will do. */
  about?: ReadonlySet<string>;
  negative: boolean;
  /** Either polarity shows the point (see the schema's `either`). */
  either: boolean;
}

/** A subject term of the question (an `about` entry) and its ways of being said. */
export interface Subject {
  key: string;
  alternatives: Alternative[];
}

/** Where an answer says a term: positions of its units, first to last. */
export interface Occurrence {
  start: number;
  end: number;
  positions: number[];
  specific: boolean;
}

/** Extra words allowed inside a multi-word term: "exit code 137" may be "exited with code 137". */
const PROXIMITY_SLACK = 3;
/** Furthest an absence word ("no", "without") may stand before the words it qualifies. */
const ABSENCE_REACH = 3;
/** Most answer words remembered per unit, so a long-running bot cannot grow the memo without bound. */
const NEAR_MEMO_MAX = 5_000;

function isNear(unit: Unit, word: string): boolean {
  let near = unit.near.get(word);
  if (near === undefined) {
    near = word !== unit.word && editDistance(word, unit.word, unit.maxTypos) <= unit.maxTypos;
    if (unit.near.size >= NEAR_MEMO_MAX) unit.near.clear();
    unit.near.set(word, near);
  }
  return near;
}

/** The key for an `about` entry: its analysed terms, so "Limits" and "limit" are one subject. */
export const subjectKey = (entry: string, analyzer: Analyzer): string => analyzer.terms(entry).join(' ');

/**
 * The ways a term can be said: its words as written; a synonym phrase in it
 * replaced by its canonical term ("infrastructure as code" ↔ "iac"); the
 * joined form of a compound ("post-mortem" ↔ "postmortem").
 */
export function alternativesOf(term: string, analyzer: Analyzer, weak: Weak): Alternative[] {
  const tokens = analyzer.tokens(term);
  const unit = (t: Token): Unit => ({
    term: matchTerm(t.word, t.term),
    word: t.word,
    maxTypos: /[0-9]/.test(t.word) || t.source === 'phrase' ? 0 : maxTypoDistance(t.word.length),
    near: new Map(),
  });
  const dedupe = (units: Unit[]): Unit[] => units.filter((u, i) => units.findIndex((v) => v.term === u.term) === i);
  const alt = (units: Unit[]): Alternative => ({ units, specific: isSpecific(units, weak) });
  const words = tokens.filter((t) => t.source === 'word');
  const out: Alternative[] = [];
  if (words.length > 0) out.push(alt(dedupe(words.map(unit))));
  for (const p of tokens.filter((t) => t.source === 'phrase')) {
    const outside = words.filter((w) => w.pos < p.pos || w.pos >= p.pos + p.span);
    out.push(alt(dedupe([unit(p), ...outside.map(unit)])));
  }
  for (const j of tokens.filter((t) => t.source === 'joined')) out.push(alt([unit(j)]));
  return out;
}

/** Finds where terms stand in one answer; positions per unit are computed once. */
export class Locator {
  private readonly at = new Map<string, number[]>();
  private readonly byLength = new Map<number, { word: string; order: number; list: number[] }[]>();
  private readonly seen = new Map<Unit, number[]>();

  constructor(private readonly text: AnswerText) {
    const words = new Map<string, number[]>();
    for (const t of text.tokens) {
      const list = this.at.get(t.term);
      if (list) list.push(t.pos);
      else this.at.set(t.term, [t.pos]);
      if (t.source === 'phrase') continue;
      const same = words.get(t.word);
      if (same) {
        same.push(t.pos);
        continue;
      }
      const entry = { word: t.word, order: words.size, list: [t.pos] };
      words.set(t.word, entry.list);
      const bucket = this.byLength.get(t.word.length);
      if (bucket) bucket.push(entry);
      else this.byLength.set(t.word.length, [entry]);
    }
  }

  /** Positions of a unit: its exact term, and near spellings of its word. */
  private positions(unit: Unit): number[] {
    const exact = this.at.get(unit.term) ?? [];
    if (unit.maxTypos === 0) return exact;
    const known = this.seen.get(unit);
    if (known) return known;
    const close: { order: number; list: number[] }[] = [];
    for (let len = unit.word.length - unit.maxTypos; len <= unit.word.length + unit.maxTypos; len++) {
      if (maxTypoDistance(len) === 0) continue;
      for (const w of this.byLength.get(len) ?? []) if (isNear(unit, w.word)) close.push(w);
    }
    close.sort((a, b) => a.order - b.order);
    const near = [...exact];
    for (const w of close) near.push(...w.list);
    this.seen.set(unit, near);
    return near;
  }

  /** Every place the answer says one of the alternatives, each within one sentence. */
  occurrences(alternatives: readonly Alternative[]): Occurrence[] {
    const out: Occurrence[] = [];
    for (const alt of alternatives) {
      const lists = alt.units.map((u) => this.positions(u));
      if (lists.some((l) => l.length === 0)) continue;
      const [first, ...rest] = lists;
      const window = alt.units.length - 1 + PROXIMITY_SLACK;
      for (const anchor of first ?? []) {
        const sentence = this.text.sentenceOf(anchor);
        const positions = [anchor];
        for (const list of rest) {
          let best: number | undefined;
          for (const p of list) {
            if (this.text.sentenceOf(p) !== sentence) continue;
            if (best === undefined || Math.abs(p - anchor) < Math.abs(best - anchor)) best = p;
          }
          if (best === undefined) break;
          positions.push(best);
        }
        if (positions.length !== lists.length) continue;
        const start = Math.min(...positions);
        const end = Math.max(...positions);
        if (end - start > window) continue;
        // An absence word qualifies what follows it: "no limits", never "limits ... not".
        const absent = alt.units.findIndex((u) => u.term === ABSENCE_TERM);
        if (absent >= 0) {
          const at = positions[absent] ?? 0;
          if (positions.some((p, i) => i !== absent && (p < at || p - at > ABSENCE_REACH))) continue;
        }
        out.push({ start, end, positions, specific: alt.specific });
      }
    }
    return out.sort((a, b) => a.start - b.start);
  }
}

/** How a claim stands at one occurrence. */
export interface Reading {
  /** Said in the negative (a cue outside the term covers one of its words). */
  negated: boolean;
  /** Right after a rejecting verb ("avoid hardcoding"). */
  rejected: boolean;
}

/** Reads an occurrence's polarity. */
export function readOccurrence(text: AnswerText, occ: Occurrence): Reading {
  // A cue that is itself one of the term's words ("without human approval") is the term, not a negation of it.
  const negated = occ.positions.some((p) => {
    const cue = text.negatedBy.get(p);
    return cue !== undefined && !occ.positions.includes(cue);
  });
  return { negated, rejected: text.rejected.has(occ.start) };
}

/**
 * What is never evidence alone: the prompt's own terms and the role's generic
 * words, as single terms; and generic phrases ("state file", "every service")
 * as wholes, so "state" in "stateful" still counts while "state file" does not.
 */
export interface Weak {
  terms: ReadonlySet<string>;
  phrases: readonly ReadonlySet<string>[];
}

export function weakTerms(question: Question, generic: readonly string[], analyzer: Analyzer): Weak {
  const terms = new Set(analyzer.terms(question.prompt));
  const phrases: Set<string>[] = [];
  for (const g of generic) {
    const t = analyzer.terms(g);
    if (t.length === 1 && t[0]) terms.add(t[0]);
    else if (t.length > 1) phrases.push(new Set(t));
  }
  return { terms, phrases };
}

/** Whether a way of saying a term carries something beyond the prompt and the field's generic words. */
function isSpecific(units: readonly Unit[], weak: Weak): boolean {
  if (!units.some((u) => !weak.terms.has(u.term))) return false;
  return !weak.phrases.some((phrase) => units.every((u) => phrase.has(u.term)));
}
