/**
 * The k best of many scored documents without sorting them all: a 10k-question
 * bank spent 90% of a query sorting every matching document to show ten.
 */

/**
 * The `k` best of `candidates` that `accept` lets through, best first: higher
 * score first, ties in document order, exactly as a full sort would give.
 * O(n log k): a heap holds the k best so far, worst on top.
 */
export function topK(candidates: readonly number[], scores: Float64Array, k: number, accept: (doc: number) => boolean): number[] {
  if (k <= 0) return [];
  // `a` ranks after `b`: lower score, or the same score and a later document.
  const worse = (a: number, b: number): boolean => {
    const sa = scores[a] ?? 0;
    const sb = scores[b] ?? 0;
    return sa < sb || (sa === sb && a > b);
  };
  const heap: number[] = [];
  for (const doc of candidates) {
    if (heap.length === k && !worse(heap[0] ?? 0, doc)) continue;
    if (!accept(doc)) continue;
    if (heap.length < k) {
      heap.push(doc);
      siftUp(heap, heap.length - 1, worse);
    } else {
      heap[0] = doc;
      siftDown(heap, 0, worse);
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}

function siftUp(heap: number[], i: number, worse: (a: number, b: number) => boolean): void {
  const item = heap[i] ?? 0;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = heap[parent] ?? 0;
    if (!worse(item, p)) break;
    heap[i] = p;
    i = parent;
  }
  heap[i] = item;
}

function siftDown(heap: number[], i: number, worse: (a: number, b: number) => boolean): void {
  const item = heap[i] ?? 0;
  const n = heap.length;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= n) break;
    const right = child + 1;
    if (right < n && worse(heap[right] ?? 0, heap[child] ?? 0)) child = right;
    const c = heap[child] ?? 0;
    if (!worse(c, item)) break;
    heap[i] = c;
    i = child;
  }
  heap[i] = item;
}
