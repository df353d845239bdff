import { describe, expect, it } from 'vitest';
import { topK } from '../../src/search/top-k.js';

/** What top-k must equal: every accepted candidate sorted, best first, ties in document order. */
function fullSort(candidates: readonly number[], scores: Float64Array, k: number, accept: (doc: number) => boolean): number[] {
  return candidates
    .filter(accept)
    .sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b)
    .slice(0, Math.max(0, k));
}

function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describe('topK', () => {
  it('equals a full sort, ties included, for any k and filter', () => {
    const random = lcg(5);
    for (let round = 0; round < 200; round++) {
      const n = 1 + Math.floor(random() * 300);
      // Few distinct scores, so ties are common.
      const scores = Float64Array.from({ length: n }, () => Math.floor(random() * 8) / 2);
      const candidates = Array.from({ length: n }, (_, i) => i).filter(() => random() < 0.8);
      // Candidates arrive in the order postings touched them, not document order.
      for (let i = candidates.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [candidates[i], candidates[j]] = [candidates[j] ?? 0, candidates[i] ?? 0];
      }
      const k = Math.floor(random() * 15);
      const accept = (doc: number) => doc % 5 !== 0;
      expect(topK(candidates, scores, k, accept)).toEqual(fullSort(candidates, scores, k, accept));
    }
  });

  it('gives nothing for k <= 0 or no candidates', () => {
    const scores = Float64Array.from([1, 2, 3]);
    expect(topK([0, 1, 2], scores, 0, () => true)).toEqual([]);
    expect(topK([], scores, 5, () => true)).toEqual([]);
  });

  it('asks the filter only about documents that could make the top k', () => {
    const scores = Float64Array.from({ length: 1000 }, (_, i) => i);
    const asked: number[] = [];
    // Ascending order is the worst case for a heap of the best: every document could enter.
    const descending = Array.from({ length: 1000 }, (_, i) => 999 - i);
    expect(topK(descending, scores, 3, (doc) => (asked.push(doc), true))).toEqual([999, 998, 997]);
    expect(asked).toEqual([999, 998, 997]);
  });
});
