import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/search/index.js';
import { type Correction, createVocabulary, editDistance, maxTypoDistance } from '../../src/search/text.js';
import { stemWord } from '../../src/search/tokenize.js';
import { buildTrie } from '../../src/search/trie.js';
import { loadBank } from './bank.js';

/** The correction rule spelt out as a scan of every word: what the trie search must agree with. */
function reference(counts: ReadonlyMap<string, number>): (word: string) => Correction | undefined {
  const stems = new Set([...counts.keys()].map(stemWord));
  const words = [...counts.keys()].filter((w) => !/[0-9]/.test(w)).sort();
  return (word) => referenceCorrect(counts, stems, words, word);
}

function referenceCorrect(counts: ReadonlyMap<string, number>, stems: ReadonlySet<string>, words: readonly string[], word: string): Correction | undefined {
  const max = maxTypoDistance(word.length);
  if (max === 0 || /[0-9]/.test(word) || counts.has(word) || stems.has(stemWord(word))) return undefined;
  const rank = (a: { word: string; dist: number }, b: { word: string; dist: number }) =>
    a.dist - b.dist || (counts.get(b.word) ?? 0) - (counts.get(a.word) ?? 0);
  const typos = words.map((w) => ({ word: w, dist: editDistance(word, w, max) })).filter((c) => c.dist <= max);
  const typo = typos.sort((a, b) => rank(a, b) || a.word.length - b.word.length || (a.word < b.word ? -1 : 1))[0];
  if (typo) return { word: typo.word, kind: 'typo' };
  const starts = words
    .filter((w) => w.length > word.length + 1)
    .map((w) => ({ word: w, dist: editDistance(word, w.slice(0, word.length), max) }))
    .filter((c) => c.dist <= max);
  const prefix = starts.sort((a, b) => rank(a, b) || (a.word < b.word ? -1 : 1))[0];
  return prefix ? { word: prefix.word, kind: 'prefix' } : undefined;
}

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describe('typo correction over the trie', () => {
  const index = buildSearchIndex(loadBank());
  const counts = new Map<string, number>();
  for (const d of index.documents) for (const f of d.fields) for (const w of index.analyzer.words(f.text)) counts.set(w, (counts.get(w) ?? 0) + 1);
  const vocabulary = createVocabulary(counts, stemWord);
  const scan = reference(counts);

  it('agrees with a scan of every word on typos of the real bank’s words', () => {
    const random = lcg(11);
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const edit = (w: string): string => {
      const i = Math.floor(random() * w.length);
      const c = letters[Math.floor(random() * letters.length)] ?? 'x';
      switch (Math.floor(random() * 4)) {
        case 0:
          return w.slice(0, i) + w.slice(i + 1);
        case 1:
          return w.slice(0, i) + c + w.slice(i);
        case 2:
          return w.slice(0, i) + c + w.slice(i + 1);
        default:
          return w.slice(0, i) + (w[i + 1] ?? '') + (w[i] ?? '') + w.slice(i + 2);
      }
    };
    const words = [...counts.keys()].filter((w) => w.length >= 5);
    let corrected = 0;
    for (let k = 0; k < 300; k++) {
      const base = words[Math.floor(random() * words.length)] ?? 'kubernetes';
      let typed = edit(base);
      if (k % 3 === 0) typed = edit(typed);
      if (k % 7 === 0) typed = typed.slice(0, Math.max(5, Math.ceil(typed.length * 0.6)));
      const want = scan(typed);
      if (want) corrected++;
      expect(vocabulary.correct(typed), typed).toEqual(want);
    }
    // The sample exercises corrections, not only misses.
    expect(corrected).toBeGreaterThan(100);
  });

  it('finds words within the distance, transpositions included, and nothing further', () => {
    const trie = buildTrie(['kubernetes', 'terraform', 'canary', 'cannery']);
    expect(trie.near('kuberentes', 2).words).toEqual([{ word: 'kubernetes', dist: 1 }]);
    expect(trie.near('terafrom', 2).words).toEqual([{ word: 'terraform', dist: 2 }]);
    expect(trie.near('cenarr', 1).words).toEqual([]);
    expect(
      trie
        .near('canar', 1)
        .words.map((w) => w.word)
        .sort(),
    ).toEqual(['canary']);
    expect(trie.near('canne', 1).starts.flatMap((s) => s.words())).toEqual(['cannery']);
  });
});
