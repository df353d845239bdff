/**
 * A role's synonym groups, compiled for matching: single-word members map onto
 * one canonical term; multi-word members ("infrastructure as code") are phrases
 * that add the canonical term wherever their words stand close together.
 */
import { MAX_POSITION_DROP, surfaces, type Token } from './tokenize.js';

/** Furthest a synonym phrase's next word may stand (one stop word between is fine). */
const PHRASE_GAP = 2;

/** A multi-word synonym member and the canonical term it stands for. */
interface Phrase {
  terms: string[];
  canonical: string;
  text: string;
}

/** Compiled synonym groups; see {@link compileSynonyms}. */
export interface Synonyms {
  /** The canonical term of a synonym group member's single term, or the term itself. */
  canonical(term: string): string;
  /** Content words of every member: always known words, never "corrected" as typos. */
  readonly words: ReadonlySet<string>;
  /** Whether a synonym phrase may start with this term: the only texts that pay for phrase matching. */
  startsPhrase(term: string): boolean;
  /** Whether a synonym phrase goes on with this term: a text without one holds no phrase. */
  continuesPhrase(term: string): boolean;
  /**
   * Tokens for the phrases found in a text, given every word's term (stop
   * words as themselves), position and query weight, in text order.
   */
  phraseTokens(terms: readonly string[], positions: readonly number[], weights: readonly number[]): Token[];
}

/**
 * Compiles synonym groups. Every member of a group maps to one canonical term:
 * the group's first single-word member, or the first member's content stems
 * joined by "_" when no member is a single word. Single-word members are
 * replaced by it; multi-word members add it beside their words, so "iac" and
 * the phrase find each other both ways while "infrastructure" alone still
 * matches. A word in two groups keeps its first group.
 */
export function compileSynonyms(groups: readonly (readonly string[])[], stem: (word: string) => string, isStopWord: (word: string) => boolean): Synonyms {
  const single = new Map<string, string>();
  const words = new Set<string>();
  // Stop words stay in a member's sequence so "out of memory" needs all three
  // words and does not turn every "memory" into "oom".
  const sequence = (text: string): string[] =>
    surfaces(text)
      .filter((s) => s.source === 'word')
      .map((s) => (s.stop ? s.word : stem(s.word)));

  const analysed = groups.map((group) =>
    group.map((member) => {
      const all = surfaces(member);
      for (const s of all) if (!s.stop) words.add(s.word);
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

  // A phrase's canonical term, wherever all its words stand close together in order.
  const phraseTokens = (terms: readonly string[], positions: readonly number[], weights: readonly number[]): Token[] => {
    const added: Token[] = [];
    for (let i = 0; i < terms.length; i++) {
      const phrases = phrasesByFirst.get(terms[i] ?? '');
      if (phrases === undefined) continue;
      const start = positions[i] ?? 0;
      for (const phrase of phrases) {
        const last = phraseEnd(phrase, i, terms, positions);
        // Two members of one group may match at one place ("crash loop", "crash loop backoff"): one token.
        if (last !== undefined && !added.some((t) => t.pos === start && t.term === phrase.canonical)) {
          added.push({ term: phrase.canonical, pos: start, word: phrase.text, weight: weights[i] ?? 1, source: 'phrase', span: last - start + 1 });
        }
      }
    }
    return added;
  };

  return { canonical, words, startsPhrase: (term) => phrasesByFirst.has(term), continuesPhrase: (term) => phraseTails.has(term), phraseTokens };
}

/**
 * Position of a phrase's last word when all its words follow the word at
 * index `first` closely, in order; else undefined. Each next word is its first
 * occurrence in text order within reach. Words stand in text order with
 * positions that never fall more than MAX_POSITION_DROP below an earlier one,
 * so only a window around the phrase needs looking at.
 */
function phraseEnd(phrase: Phrase, first: number, terms: readonly string[], positions: readonly number[]): number | undefined {
  const start = positions[first] ?? 0;
  // Words before `from` all stand at or before `start`: none can continue the phrase.
  let from = first;
  while (from > 0 && (positions[from - 1] ?? 0) >= start - MAX_POSITION_DROP) from--;
  let last = start;
  for (let k = 1; k < phrase.terms.length; k++) {
    const next = phrase.terms[k];
    let hit = -1;
    for (let j = from; j < terms.length; j++) {
      const p = positions[j] ?? 0;
      // From here on every word stands beyond reach.
      if (p > last + PHRASE_GAP + MAX_POSITION_DROP) break;
      if (terms[j] === next && p > last && p - last <= PHRASE_GAP) {
        hit = p;
        break;
      }
    }
    if (hit < 0) return undefined;
    last = hit;
  }
  return last;
}
