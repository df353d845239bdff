/**
 * Text analysis shared by search and grading: tokenize, lowercase, drop stop
 * words, Porter-stem, canonicalise synonyms, and correct small typos against a
 * vocabulary. Search and grading must analyse text the same way, or a word
 * indexed one way would never be found when asked for another.
 */
// Only the submodules used: importing all of natural costs about 0.7 s at start-up.
// Default imports, because natural is CommonJS and named imports crash under tsx.
import tokenizers from 'natural/lib/natural/tokenizers/index.js';
import stemmers from 'natural/lib/natural/stemmers/index.js';
import { STOP_WORDS } from './stop-words.js';
import { editDistance, maxTypoDistance } from './distance.js';

export { editDistance, maxTypoDistance } from './distance.js';

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
}

/** A surface word before stemming. */
interface Surface {
  word: string;
  pos: number;
  /** A derived form (joined compound, camel-case part) emitted beside the words as written. */
  source: Exclude<TokenSource, 'phrase'>;
}

const tokenizer = new tokenizers.AggressiveTokenizer();
const porter = stemmers.PorterStemmer;

/** Weight of derived forms in a query. */
const EXTRA_WEIGHT = 0.6;
/** Weight of a prefix completion in a query: a guess, so it ranks below exact matches. */
const PREFIX_WEIGHT = 0.7;
/** Furthest a synonym phrase's next word may stand (one stop word between is fine). */
const PHRASE_GAP = 2;

const CAMEL = /[a-z][A-Z]|[A-Z][A-Z][a-z]/;
const CAMEL_PARTS = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+/g;
const HAS_DIGIT = /[0-9]/;
const EDGE_PUNCT = /^[-'/]+|[-'/]+$/g;

/**
 * Splits text into surface words with positions. The aggressive tokenizer keeps
 * "ci/cd", "pod-to-pod" and "don't" whole; this splits them into their parts and
 * also emits the joined form, so "ci/cd", "ci cd", "cicd" and "post-mortem" /
 * "postmortem" meet. Camel case ("OpenTelemetry", "OOMKilled") is kept whole and
 * also split, so "telemetry" or "oom" find it.
 */
function surfaces(text: string): Surface[] {
  // natural 6.x may return null for odd input.
  const raw = tokenizer.tokenize(text) ?? [];
  const out: Surface[] = [];
  let pos = 0;
  for (const token of raw) {
    let expanded = tokenCache.get(token);
    if (expanded === undefined) {
      expanded = expand(token);
      if (tokenCache.size >= TOKEN_CACHE_MAX) tokenCache.clear();
      tokenCache.set(token, expanded);
    }
    for (const s of expanded.surfaces) out.push({ word: s.word, pos: pos + s.pos, source: s.source });
    pos += expanded.width;
  }
  return out;
}

/** The same raw tokens come back again and again; expanding each once halves indexing time. */
const tokenCache = new Map<string, { surfaces: Surface[]; width: number }>();
const TOKEN_CACHE_MAX = 50_000;

/** Surface words of one raw token, positioned from 0, and how many positions it takes. */
function expand(token: string): { surfaces: Surface[]; width: number } {
  const out: Surface[] = [];
  const cleaned = token.replace(EDGE_PUNCT, '').replace(/'s$/i, '');
  if (cleaned === '') return { surfaces: out, width: 0 };
  // Contractions: keep the stem part ("weren't" → "weren"), a stop word anyway.
  const parts = cleaned
    .split(/[-/]+/)
    .map((p) => p.split("'")[0] ?? '')
    .filter((p) => p !== '');
  parts.forEach((part, i) => emitWord(part, i, out));
  // Joined forms of long chains ("pod-to-pod") would only be noise.
  if (parts.length > 1 && parts.length <= 3) {
    out.push({ word: parts.join('').toLowerCase(), pos: 0, source: 'joined' });
  }
  return { surfaces: out, width: parts.length };
}

function emitWord(part: string, pos: number, out: Surface[]): void {
  out.push({ word: part.toLowerCase(), pos, source: 'word' });
  if (!HAS_DIGIT.test(part) && CAMEL.test(part)) {
    const pieces = part.match(CAMEL_PARTS) ?? [];
    // "IaC" or "mTLS" would split into a stray letter: keep those whole only.
    if (pieces.length > 1 && pieces.every((p) => p.length > 1)) {
      for (const piece of pieces) out.push({ word: piece.toLowerCase(), pos, source: 'camel' });
    }
  }
}

/** A multi-word synonym member and the canonical term it stands for. */
interface Phrase {
  terms: string[];
  canonical: string;
  text: string;
}

/**
 * Creates an analyzer for a role's synonym groups. Every member of a group maps
 * to one canonical term: the group's first single-word member, or the first
 * member's content stems joined by "_" when no member is a single word. Single-word
 * members are replaced by it; multi-word members ("infrastructure as code")
 * add it beside their words, so "iac" and the phrase find each other both ways
 * while "infrastructure" alone still matches. A word in two groups keeps its
 * first group.
 */
export function createAnalyzer(synonyms: readonly (readonly string[])[] = []): Analyzer {
  const stemCache = new Map<string, string>();
  const stem = (word: string): string => {
    let s = stemCache.get(word);
    if (s === undefined) {
      s = word.length > 2 && !HAS_DIGIT.test(word) ? porter.stem(word) : word;
      stemCache.set(word, s);
    }
    return s;
  };
  const isStopWord = (word: string): boolean => STOP_WORDS.has(word);

  const single = new Map<string, string>();
  const synonymWords = new Set<string>();
  // Stop words stay in a member's sequence so "out of memory" needs all three
  // words and does not turn every "memory" into "oom".
  const sequence = (text: string): string[] =>
    surfaces(text)
      .filter((s) => s.source === 'word')
      .map((s) => (isStopWord(s.word) ? s.word : stem(s.word)));

  const analysed = synonyms.map((group) =>
    group.map((member) => {
      const all = surfaces(member);
      for (const s of all) if (!isStopWord(s.word)) synonymWords.add(s.word);
      const seq = sequence(member);
      const content = seq.filter((t) => !isStopWord(t));
      const joined = all.find((s) => s.source === 'joined' && s.pos === 0);
      return { text: member, seq, content, joined: joined ? stem(joined.word) : undefined };
    }),
  );
  const canonicals = analysed.map((members) => {
    const one = members.find((m) => m.seq.length === 1 && m.content.length === 1);
    return one?.content[0] ?? members.find((m) => m.content.length > 0)?.content.join('_');
  });
  analysed.forEach((members, g) => {
    const target = canonicals[g];
    if (target === undefined) return;
    for (const m of members) {
      const only = m.seq.length === 1 ? m.content[0] : undefined;
      for (const term of [only, m.joined]) {
        if (term !== undefined && term !== target && !single.has(term)) single.set(term, target);
      }
    }
  });
  const canonical = (term: string): string => single.get(term) ?? term;
  const phrasesByFirst = new Map<string, Phrase[]>();
  analysed.forEach((members, g) => {
    const target = canonicals[g];
    if (target === undefined) return;
    for (const m of members) {
      const first = m.seq[0];
      if (m.seq.length < 2 || m.content.length === 0 || first === undefined) continue;
      const terms = m.seq.map((t) => (isStopWord(t) ? t : canonical(t)));
      const list = phrasesByFirst.get(canonical(first)) ?? [];
      list.push({ terms, canonical: target, text: m.text });
      phrasesByFirst.set(canonical(first), list);
    }
  });

  const isKnown = (vocabulary: Vocabulary, word: string): boolean => synonymWords.has(word) || vocabulary.has(word);

  const tokens = (text: string, vocabulary?: Vocabulary): Token[] => {
    const all: (Token & { stop: boolean })[] = [];
    for (const s of surfaces(text)) {
      const stop = isStopWord(s.word);
      let word = s.word;
      let weight = s.source === 'word' ? 1 : EXTRA_WEIGHT;
      if (!stop && vocabulary && !isKnown(vocabulary, word)) {
        const fix = vocabulary.correct(word);
        if (fix) {
          word = fix.word;
          if (fix.kind === 'prefix') weight *= PREFIX_WEIGHT;
        }
      }
      all.push({ term: stop ? word : canonical(stem(word)), pos: s.pos, word, weight, source: s.source, span: 1, stop });
    }
    const out: Token[] = all.filter((t) => !t.stop).map(({ stop: _stop, ...t }) => t);
    if (phrasesByFirst.size === 0) return out;
    const added = phraseCanonicals(all);
    if (added.length === 0) return out;
    return [...out, ...added].sort((a, b) => a.pos - b.pos);
  };

  // A phrase's canonical term, wherever all its words stand close together in order.
  const phraseCanonicals = (all: readonly Token[]): Token[] => {
    const at = new Map<string, number[]>();
    for (const t of all) {
      const list = at.get(t.term) ?? [];
      list.push(t.pos);
      at.set(t.term, list);
    }
    const added: Token[] = [];
    const seen = new Set<string>();
    for (const t of all) {
      for (const phrase of phrasesByFirst.get(t.term) ?? []) {
        let last = t.pos;
        let ok = true;
        for (const next of phrase.terms.slice(1)) {
          const hit = (at.get(next) ?? []).find((p) => p > last && p - last <= PHRASE_GAP);
          if (hit === undefined) {
            ok = false;
            break;
          }
          last = hit;
        }
        const key = `${phrase.canonical}@${t.pos}`;
        if (ok && !seen.has(key)) {
          seen.add(key);
          added.push({ term: phrase.canonical, pos: t.pos, word: phrase.text, weight: t.weight, source: 'phrase', span: last - t.pos + 1 });
        }
      }
    }
    return added;
  };

  return {
    tokens,
    terms: (text, vocabulary) => tokens(text, vocabulary).map((t) => t.term),
    words: (text) => surfaces(text).map((s) => s.word).filter((w) => !isStopWord(w)),
    stem,
    canonical,
    isStopWord,
    vocabulary(texts) {
      const words = new Map<string, number>();
      for (const text of texts) {
        for (const s of surfaces(text)) {
          if (!isStopWord(s.word)) words.set(s.word, (words.get(s.word) ?? 0) + 1);
        }
      }
      for (const w of synonymWords) if (!words.has(w)) words.set(w, 1);
      return createVocabulary(words, stem);
    },
  };
}

/**
 * A vocabulary over word counts. Corrections are cached: the same typo is
 * asked again and again, and the scan is the only costly part of a query.
 */
export function createVocabulary(counts: ReadonlyMap<string, number>, stem: (word: string) => string): Vocabulary {
  const stems = new Set<string>();
  const byLength = new Map<number, string[]>();
  for (const word of counts.keys()) {
    stems.add(stem(word));
    const list = byLength.get(word.length) ?? [];
    list.push(word);
    byLength.set(word.length, list);
  }
  // Sorted so ties between equally near words break the same way every run.
  const sorted = [...counts.keys()].sort();
  for (const list of byLength.values()) list.sort();
  const cache = new Map<string, Correction | undefined>();
  const has = (word: string): boolean => counts.has(word) || stems.has(stem(word));
  const better = (word: string, dist: number, best: { word: string; dist: number } | undefined): boolean =>
    best === undefined ||
    dist < best.dist ||
    (dist === best.dist && (counts.get(word) ?? 0) > (counts.get(best.word) ?? 0));

  const lookup = (word: string): Correction | undefined => {
    const max = maxTypoDistance(word.length);
    if (max === 0 || HAS_DIGIT.test(word) || has(word)) return undefined;
    let best: { word: string; dist: number } | undefined;
    for (let len = word.length - max; len <= word.length + max; len++) {
      for (const candidate of byLength.get(len) ?? []) {
        if (HAS_DIGIT.test(candidate)) continue;
        const dist = editDistance(word, candidate, max);
        if (dist <= max && better(candidate, dist, best)) best = { word: candidate, dist };
      }
    }
    if (best) return { word: best.word, kind: 'typo' };
    // A word typed as the start of a longer one, allowing the same typos in that start.
    for (const candidate of sorted) {
      if (candidate.length <= word.length + 1 || HAS_DIGIT.test(candidate)) continue;
      const dist = editDistance(word, candidate.slice(0, word.length), max);
      if (dist <= max && better(candidate, dist, best)) best = { word: candidate, dist };
    }
    return best ? { word: best.word, kind: 'prefix' } : undefined;
  };

  return {
    has,
    size: counts.size,
    correct(word) {
      if (cache.has(word)) return cache.get(word);
      const fix = lookup(word);
      cache.set(word, fix);
      return fix;
    },
  };
}
