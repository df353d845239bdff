/**
 * Tokenizing: text into positioned surface words, and words into Porter stems.
 * Everything downstream (index terms, phrase matching, grading's distances and
 * negation checks) relies on the positions given here, so there is exactly one
 * place that decides what a word and a position are.
 */
// Only the submodule used: importing all of natural costs about 0.7 s at start-up.
// A default import, because natural is CommonJS and named imports crash under tsx.
import stemmers from 'natural/lib/natural/stemmers/index.js';
import { STOP_WORDS } from './stop-words.js';
import { createTokenTable } from './token-table.js';

/** One analysed term and where it stood in the text. */
export interface Token {
  /** The index term: a Porter stem, or a synonym group's canonical term. */
  term: string;
  /** Word position in the text, stop words included, so distances are real distances. */
  pos: number;
  /** The lowercase surface word (after typo correction) the term came from. */
  word: string;
  /**
   * Query weight: 1 for what was typed; less for derived forms (the joined
   * form of "ci/cd", a prefix completion) so they help without dominating.
   */
  weight: number;
  /**
   * Where the term came from: a word as written, the joined form of a compound
   * ("ci/cd" → "cicd"), a part of a camel-case word ("OOMKilled" → "oom"), or
   * a synonym phrase's canonical term.
   */
  source: TokenSource;
  /** Word positions the token covers: more than 1 only for a synonym phrase. */
  span: number;
}

/** See {@link Token.source}. */
export type TokenSource = 'word' | 'joined' | 'camel' | 'phrase';

/** A surface word before stemming. */
export interface Surface {
  word: string;
  pos: number;
  /** A derived form (joined compound, camel-case part) emitted beside the words as written. */
  source: Exclude<TokenSource, 'phrase'>;
  /** Whether `word` is a stop word; decided once per raw token rather than once per occurrence. */
  stop: boolean;
  /** For `source: 'word'`: the lowercase part as written, apostrophe kept ("don't" for the word "don"). */
  raw?: string;
}

/** A word as written, stop words included; see {@link rawWords}. */
export interface RawWord {
  /** The cleaned word, as tokens see it: "don" for "don't", "team" for "team's". */
  word: string;
  /** The lowercase word as written, apostrophe kept: "don't", "isn't", "team's". */
  raw: string;
  /** The same position {@link Token.pos} gives. */
  pos: number;
}

const porter = stemmers.PorterStemmer;

const CAMEL = /[a-z][A-Z]|[A-Z][A-Z][a-z]/;
const CAMEL_PARTS = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+/g;
/** Whether a word holds a digit: such words are names ("k8s", "p99"), never stemmed or typo-corrected. */
export const HAS_DIGIT = /[0-9]/;
const EDGE_PUNCT = /^[-'/]+|[-'/]+$/g;

/** Longest compound ("pod-to-pod") whose parts are also joined into one word. */
const JOIN_MAX_PARTS = 3;
/**
 * How far a word's position can fall below an earlier word's, in text order:
 * a joined form comes after its parts, at its first part's position. Phrase
 * matching relies on it to scan a window instead of the whole text.
 */
export const MAX_POSITION_DROP = JOIN_MAX_PARTS - 1;

/** Bound on the module-wide caches, so a long-running bot cannot grow them without limit. */
export const CACHE_MAX = 50_000;

/**
 * natural's Porter stemmer runs a dozen regular expressions per word (tens of
 * microseconds each); a stem depends on nothing but the word, so every analyzer
 * shares one cache and a rebuilt index never stems a word twice.
 */
const stemCache = new Map<string, string>();

/** Porter stem of one lowercase word (cached); short words and words with digits are kept as they are. */
export function stemWord(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = word.length > 2 && !HAS_DIGIT.test(word) ? porter.stem(word) : word;
    if (stemCache.size >= CACHE_MAX) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

/** The surface words of one raw token, positioned from 0, and how many positions the token takes. */
export interface Expanded {
  /** The token as written, lowercase, without edge punctuation ("ci/cd", "don't", "team's"). */
  text: string;
  surfaces: readonly Surface[];
  width: number;
}

/**
 * Calls `visit` with each raw token of the text (natural's AggressiveTokenizer
 * rule, see token-table.ts), its expansion into surface words and its first
 * position. The same raw tokens come back again and again, so expansions are
 * cached: callers can cache their own per-token work keyed by the expansion
 * object, which hashes far faster than the token string.
 */
export function eachToken(text: string, visit: (expanded: Expanded, pos: number) => void): void {
  let pos = 0;
  tokenTable.each(text, (expanded) => {
    visit(expanded, pos);
    pos += expanded.width;
  });
}

/**
 * Calls `visit` with each surface word of the text and its position. The
 * aggressive tokenizer keeps "ci/cd", "pod-to-pod" and "don't" whole; this splits
 * them into their parts and also emits the joined form, so "ci/cd", "ci cd",
 * "cicd" and "post-mortem" / "postmortem" meet. Camel case ("OpenTelemetry",
 * "OOMKilled") is kept whole and also split, so "telemetry" or "oom" find it.
 * A visitor rather than an array: indexing would otherwise copy every word once more.
 */
export function eachSurface(text: string, visit: (s: Surface, pos: number) => void): void {
  eachToken(text, (expanded, pos) => {
    for (const s of expanded.surfaces) visit(s, pos + s.pos);
  });
}

/** Every surface word of a text, with its position. */
export function surfaces(text: string): Surface[] {
  const out: Surface[] = [];
  eachSurface(text, (s, pos) => out.push({ ...s, pos }));
  return out;
}

/**
 * Every word of the text as written, stop words included, lowercase, at the
 * positions {@link Token.pos} gives: so a grader can find "not", "never" or
 * "don't" (which tokens drop as stop words) and measure how far they stand from
 * a token. Derived forms (joined compounds, camel-case parts) are not words
 * as written and are left out.
 */
export function rawWords(text: string): RawWord[] {
  const out: RawWord[] = [];
  eachSurface(text, (s, pos) => {
    if (s.source === 'word') out.push({ word: s.word, raw: s.raw ?? s.word, pos });
  });
  return out;
}

/** The same raw tokens come back again and again; expanding each once halves indexing time. */
const tokenTable = createTokenTable(expand, CACHE_MAX);

/** Surface words of one raw token, positioned from 0, and how many positions it takes. */
function expand(token: string): Expanded {
  const out: Surface[] = [];
  const trimmed = token.replace(EDGE_PUNCT, '');
  const cleaned = trimmed.replace(/'s$/i, '');
  const text = trimmed.toLowerCase();
  if (cleaned === '') return { text, surfaces: out, width: 0 };
  // Split on the possessive-free text (positions must not change), but remember
  // each part as written so rawWords can give "team's" and "don't" back whole.
  const written = trimmed.split(/[-/]+/);
  // Contractions: keep the stem part ("weren't" → "weren"), a stop word anyway.
  const parts = cleaned
    .split(/[-/]+/)
    .map((p, i) => ({ word: p.split("'")[0] ?? '', raw: written[i] ?? p }))
    .filter((p) => p.word !== '');
  parts.forEach((part, i) => emitWord(part.word, part.raw, i, out));
  // Joined forms of long chains ("pod-to-pod") would only be noise.
  if (parts.length > 1 && parts.length <= JOIN_MAX_PARTS) out.push(surface(parts.map((p) => p.word).join(''), 0, 'joined'));
  return { text, surfaces: out, width: parts.length };
}

function emitWord(part: string, raw: string, pos: number, out: Surface[]): void {
  out.push({ ...surface(part, pos, 'word'), raw: raw.toLowerCase() });
  if (!HAS_DIGIT.test(part) && CAMEL.test(part)) {
    const pieces = part.match(CAMEL_PARTS) ?? [];
    // "IaC" or "mTLS" would split into a stray letter: keep those whole only.
    if (pieces.length > 1 && pieces.every((p) => p.length > 1)) {
      for (const piece of pieces) out.push(surface(piece, pos, 'camel'));
    }
  }
}

function surface(text: string, pos: number, source: Surface['source']): Surface {
  const word = text.toLowerCase();
  return { word, pos, source, stop: STOP_WORDS.has(word) };
}
