/**
 * The query evaluation (eval-queries.ts) as a guard: search must keep finding
 * what interviewers mean at least as well as it does now.
 *
 * On the frozen 22-question bank, top-1 / top-3 (questions and every other kind ranked together):
 *   before related words, coverage, light words and compounds: tuning 21/26, 25/26; held-out 9/14, 11/14
 *   after:                                                       tuning 26/26, 26/26; held-out 13/14, 13/14
 */
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, searchIndex } from '../../src/search/index.js';
import { loadBank } from './bank.js';
import { EVAL_QUERIES, evaluate } from './eval-queries.js';

const index = buildSearchIndex(loadBank());
const search = (query: string): string[] => searchIndex(index, query).map((h) => h.questionId ?? h.id);
const run = (set: 'tuning' | 'held-out') =>
  evaluate(
    EVAL_QUERIES.filter((q) => q.set === set),
    search,
  );

describe('query evaluation on the frozen bank', () => {
  it('has at least 25 queries, each expecting a question of the bank', () => {
    const ids = new Set(loadBank().questions.map((q) => q.id));
    expect(EVAL_QUERIES.length).toBeGreaterThanOrEqual(25);
    for (const q of EVAL_QUERIES) expect(ids.has(q.expected), q.expected).toBe(true);
  });

  it('does not get worse on the tuning queries', () => {
    const r = run('tuning');
    expect(r.misses, JSON.stringify(r.misses)).toEqual([]);
    expect(r.top3).toBe(r.total);
  });

  it('does not get worse on the held-out queries', () => {
    const r = run('held-out');
    expect(r.top1, JSON.stringify(r.misses)).toBeGreaterThanOrEqual(13);
    expect(r.top3, JSON.stringify(r.misses)).toBeGreaterThanOrEqual(13);
  });

  it.each([
    ['reduce cloud spend', 'cloud-cost-optimization'],
    ['survive a whole region going down', 'disaster-recovery-rpo-rto'],
  ])('puts what "%s" means first', (query, id) => {
    expect(search(query)[0]).toBe(id);
  });
});
