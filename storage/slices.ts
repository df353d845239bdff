/**
 * Cooperative time slicing: long serialising work (a snapshot, a big group of
 * changes) gives the event loop a turn every few milliseconds, so replies keep
 * flowing while it runs.
 */
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** How much synchronous work piles up before yielding; well under the 20 ms stall budget. */
export const SLICE_MS = 4;

/**
 * A function to call between small pieces of work: it resolves at once until
 * `budgetMs` have passed since the last yield, then lets the event loop run.
 */
export function slicer(budgetMs = SLICE_MS): () => Promise<void> {
  let started = performance.now();
  return async () => {
    if (performance.now() - started < budgetMs) return;
    await nextTurn();
    started = performance.now();
  };
}
