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
  /** Whether `word` is a stop word; decided once per raw token rather than once per occurrence. */
  stop: boolean;
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

/** Bound on the module-wide caches below, so a long-running bot cannot grow them without limit. */
const CACHE_MAX = 50_000;

/**
 * natural's Porter stemmer runs a dozen regular expressions per word (tens of
 * microseconds each); a stem depends on nothing but the word, so every analyzer
 * shares one cache and a rebuilt index never stems a word twice.
 */
const stemCache = new Map<string, string>();

function stemWord(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = word.length > 2 && !HAS_DIGIT.test(word) ? porter.stem(word) : word;
    if (stemCache.size >= CACHE_MAX) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

/**
 * Calls `visit` with each surface word of the text and its position. The
 * aggressive tokenizer keeps "ci/cd", "pod-to-pod" and "don't" whole; this splits
 * them into their parts and also emits the joined form, so "ci/cd", "ci cd",
 * "cicd" and "post-mortem" / "postmortem" meet. Camel case ("OpenTelemetry",
 * "OOMKilled") is kept whole and also split, so "telemetry" or "oom" find it.
 * A visitor rather than an array: indexing would otherwise copy every word once more.
 */
function eachSurface(text: string, visit: (s: Surface, pos: number) => void): void {
  // natural 6.x may return null for odd input.
  const raw = tokenizer.tokenize(text) ?? [];
  let pos = 0;
  for (const token of raw) {
    let expanded = tokenCache.get(token);
    if (expanded === undefined) {
      expanded = expand(token);
      if (tokenCache.size >= CACHE_MAX) tokenCache.clear();
      tokenCache.set(token, expanded);
    }
    for (const s of expanded.surfaces) visit(s, pos + s.pos);
    pos += expanded.width;
  }
}

function surfaces(text: string): Surface[] {
  const out: Surface[] = [];
  eachSurface(text, (s, pos) => out.push({ ...s, pos }));
  return out;
}

/** The same raw tokens come back again and again; expanding each once halves indexing time. */
const tokenCache = new Map<string, { surfaces: Surface[]; width: number }>();

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
  if (parts.length > 1 && parts.length <= 3) out.push(surface(parts.join(''), 0, 'joined'));
  return { surfaces: out, width: parts.length };
}

function emitWord(part: string, pos: number, out: Surface[]): void {
  out.push(surface(part, pos, 'word'));
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
  const stem = stemWord;
  const isStopWord = (word: string): boolean => STOP_WORDS.has(word);

  const single = new Map<string, string>();
  const synonymWords = new Set<string>();
  // Stop words stay in a member's sequence so "out of memory" needs all three
  // words and does not turn every "memory" into "oom".
  const sequence = (text: string): string[] =>
    surfaces(text)
      .filter((s) => s.source === 'word')
      .map((s) => (s.stop ? s.word : stem(s.word)));

  const analysed = synonyms.map((group) =>
    group.map((member) => {
      const all = surfaces(member);
      for (const s of all) if (!s.stop) synonymWords.add(s.word);
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
  // Indexed by first term, so a text only pays for phrase matching where a phrase can start.
  const phrasesByFirst = new Map<string, Phrase[]>();
  // Terms a phrase continues with: the only ones whose positions phrase matching needs.
  const phraseTails = new Set<string>();
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
      for (const t of terms.slice(1)) phraseTails.add(t);
    }
  });

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

  const isKnown = (vocabulary: Vocabulary, word: string): boolean => synonymWords.has(word) || vocabulary.has(word);

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
      if (!phraseStart && phrasesByFirst.has(term)) phraseStart = true;
      if (!s.stop) out.push({ term, pos, word, weight, source: s.source, span: 1 });
    });
    if (!phraseStart) return out;
    const added = phraseCanonicals(terms, positions, weights);
    if (added.length === 0) return out;
    return [...out, ...added].sort((a, b) => a.pos - b.pos);
  };

  // A phrase's canonical term, wherever all its words stand close together in order.
  const phraseCanonicals = (terms: readonly string[], positions: readonly number[], weights: readonly number[]): Token[] => {
    const at = new Map<string, number[]>();
    terms.forEach((term, i) => {
      if (!phraseTails.has(term)) return;
      const list = at.get(term);
      if (list) list.push(positions[i] ?? 0);
      else at.set(term, [positions[i] ?? 0]);
    });
    const added: Token[] = [];
    const seen = new Set<string>();
    terms.forEach((term, i) => {
      const start = positions[i] ?? 0;
      for (const phrase of phrasesByFirst.get(term) ?? []) {
        let last = start;
        let ok = true;
        for (let k = 1; k < phrase.terms.length; k++) {
          const next = phrase.terms[k] ?? '';
          const hit = (at.get(next) ?? []).find((p) => p > last && p - last <= PHRASE_GAP);
          if (hit === undefined) {
            ok = false;
            break;
          }
          last = hit;
        }
        const key = `${phrase.canonical}@${start}`;
        if (ok && !seen.has(key)) {
          seen.add(key);
          added.push({ term: phrase.canonical, pos: start, word: phrase.text, weight: weights[i] ?? 1, source: 'phrase', span: last - start + 1 });
        }
      }
    });
    return added;
  };

  return {
    tokens,
    terms(text, vocabulary) {
      // Indexing only needs the terms: skip building tokens unless a synonym phrase may start here.
      if (vocabulary === undefined) {
        const terms: string[] = [];
        let phraseStart = false;
        eachSurface(text, (s) => {
          const term = s.stop ? s.word : termOf(s.word);
          if (phrasesByFirst.has(term)) phraseStart = true;
          if (!s.stop) terms.push(term);
        });
        if (!phraseStart) return terms;
      }
      return tokens(text, vocabulary).map((t) => t.term);
    },
    words: (text) => surfaces(text).filter((s) => !s.stop).map((s) => s.word),
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
      for (const w of synonymWords) if (!words.has(w)) words.set(w, 1);
      return createVocabulary(words, stem);
    },
  };
}

/**
 * A vocabulary over word counts. The lookup structures are built on first use:
 * an index is built at every start, but most processes never correct a word.
 * Corrections are cached: the same typo is asked again and again, and the scan
 * is the only costly part of a query.
 */
export function createVocabulary(counts: ReadonlyMap<string, number>, stem: (word: string) => string): Vocabulary {
  let stems: Set<string> | undefined;
  let candidates: Candidates | undefined;
  const cache = new Map<string, Correction | undefined>();
  const has = (word: string): boolean => {
    if (counts.has(word)) return true;
    stems ??= new Set(Array.from(counts.keys(), stem));
    return stems.has(stem(word));
  };
  const better = (word: string, dist: number, best: { word: string; dist: number } | undefined): boolean =>
    best === undefined ||
    dist < best.dist ||
    (dist === best.dist && (counts.get(word) ?? 0) > (counts.get(best.word) ?? 0));

  const lookup = (word: string): Correction | undefined => {
    const max = maxTypoDistance(word.length);
    if (max === 0 || HAS_DIGIT.test(word) || has(word)) return undefined;
    candidates ??= candidatesOf(counts.keys());
    let best: { word: string; dist: number } | undefined;
    for (let len = word.length - max; len <= word.length + max; len++) {
      for (const candidate of candidates.byLength.get(len) ?? []) {
        const dist = editDistance(word, candidate, max);
        if (dist <= max && better(candidate, dist, best)) best = { word: candidate, dist };
      }
    }
    if (best) return { word: best.word, kind: 'typo' };
    // A word typed as the start of a longer one, allowing the same typos in that start.
    for (const candidate of candidates.sorted) {
      if (candidate.length <= word.length + 1) continue;
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

/** Words a typo may be corrected to: none with digits (names like "k8s", "p99" are never a typo's target). */
interface Candidates {
  /** Sorted, so ties between equally near words break the same way every run. */
  sorted: string[];
  /** The same, by length: a word within n edits is within n letters of the typo's length. */
  byLength: Map<number, string[]>;
}

function candidatesOf(words: Iterable<string>): Candidates {
  const sorted = [...words].filter((w) => !HAS_DIGIT.test(w)).sort();
  const byLength = new Map<number, string[]>();
  for (const word of sorted) {
    const list = byLength.get(word.length);
    if (list) list.push(word);
    else byLength.set(word.length, [word]);
  }
  return { sorted, byLength };
}
