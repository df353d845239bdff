/**
 * Search and grading benchmark: index build time and query latency on the real
 * bank and on generated banks of 1k and 10k questions, search quality on the
 * interviewer queries of tests/search, and grading latency.
 * Run alone with `npx tsx bench/search.ts`, or through the bench runner.
 *
 * The generated banks are recombined from the frozen 22-question bank the
 * search tests use, so their figures compare across runs while the live
 * content changes; the real bank is the live file.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { type Role, roleSchema } from '../src/content/schema.js';
import { gradeAnswer } from '../src/quiz/grade.js';
import { seededRandom } from '../src/random.js';
import { buildSearchIndex, type SearchableQuestion, type SearchableRole, type SearchIndex, searchIndex } from '../src/search/index.js';
import { createAnalyzer } from '../src/search/text.js';
import { loadBank } from '../tests/search/bank.js';
import { EVAL_QUERIES, evaluate } from '../tests/search/eval-queries.js';

const QUERIES = 1000;
const ROLE_URL = new URL('../content/roles/devops-engineer.yaml', import.meta.url);

/** Seeded PRNG, so every run measures the same banks and queries. */
function prng(seed: number): () => number {
  const random = seededRandom(seed);
  return () => random.next();
}

function pickFrom<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

const sentences = (text: string): string[] => text.split(/(?<=[.!?])\s+/).filter((s) => s.length > 0);

/** A bank of `size` questions recombined from the real ones: prompts, answer sentences, keywords and key points. */
function generateRole(base: SearchableRole, size: number, seed: number): SearchableRole {
  const random = prng(seed);
  const answerSentences = base.questions.flatMap((q) => sentences(q.answer));
  const questions: SearchableQuestion[] = [];
  for (let i = 0; i < size; i++) {
    const a = pickFrom(random, base.questions);
    const b = pickFrom(random, base.questions);
    const answer = Array.from({ length: 3 + Math.floor(random() * 4) }, () => pickFrom(random, answerSentences)).join(' ');
    questions.push({
      ...a,
      id: `gen-${i}`,
      prompt: `${pickFrom(random, sentences(a.prompt))} ${pickFrom(random, sentences(b.prompt))}`,
      answer,
      keywords: [...a.keywords.slice(0, 4), ...b.keywords.slice(0, 3)],
      topics: [...new Set([...a.topics, ...b.topics])],
      keyPoints: [...a.keyPoints.slice(0, 3), ...b.keyPoints.slice(0, 2)],
    });
  }
  return { ...base, questions };
}

/** Queries people type: the known phrasings, plus random word pairs with the odd typo. */
function generateQueries(role: SearchableRole, count: number, seed: number): string[] {
  const random = prng(seed);
  const fixed = ['kubernets crashloop', 'k8s network isolation', 'tf state locking', 'otel tracing', 'rotate db creds', 'canary', 'postmortem'];
  const words = [...new Set(role.questions.flatMap((q) => [...q.keywords, ...q.prompt.toLowerCase().split(/\W+/)]))].filter((w) => w.length > 3);
  const typo = (w: string): string => {
    if (w.length < 6) return w;
    const i = 1 + Math.floor(random() * (w.length - 2));
    return w.slice(0, i) + w.slice(i + 1);
  };
  return Array.from({ length: count }, (_, i) => {
    if (i % 4 === 0) return pickFrom(random, fixed);
    const n = 1 + Math.floor(random() * 3);
    return Array.from({ length: n }, () => (random() < 0.2 ? typo(pickFrom(random, words)) : pickFrom(random, words))).join(' ');
  });
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

const ms = (x: number): string => (x < 1 ? `${(x * 1000).toFixed(0)} µs` : `${x.toFixed(2)} ms`);

function latencies(run: (i: number) => void, count: number): { median: number; p99: number } {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    run(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: quantile(times, 0.5), p99: quantile(times, 0.99) };
}

function benchBank(label: string, role: SearchableRole): void {
  const start = performance.now();
  const index: SearchIndex = buildSearchIndex(role);
  const build = performance.now() - start;
  // A first pass over other queries measures a cold process (the JIT still
  // compiling) and warms it; the measured queries are new to the index, so
  // their typo corrections are still computed, not cached.
  const warmUp = generateQueries(role, QUERIES, 8);
  const cold = latencies((i) => void searchIndex(index, warmUp[i] ?? ''), warmUp.length);
  const queries = generateQueries(role, QUERIES, 7);
  let hits = 0;
  const { median, p99 } = latencies((i) => {
    hits += searchIndex(index, queries[i] ?? '').length;
  }, queries.length);
  console.log(
    `search ${label}: ${role.questions.length} questions, ${index.documents.length} documents, build ${ms(build)}; ` +
      `${queries.length} queries median ${ms(median)}, p99 ${ms(p99)} (${(hits / queries.length).toFixed(1)} hits/query; ` +
      `cold first ${QUERIES}: median ${ms(cold.median)}, p99 ${ms(cold.p99)})`,
  );
}

/** Top-1 / top-3 accuracy on the interviewer queries of tests/search/eval-queries.ts, over the frozen bank. */
function benchQuality(): void {
  const index = buildSearchIndex(loadBank());
  const line = (set: 'tuning' | 'held-out'): string => {
    const r = evaluate(
      EVAL_QUERIES.filter((q) => q.set === set),
      (q) => searchIndex(index, q).map((h) => h.questionId ?? h.id),
    );
    return `${set} top-1 ${r.top1}/${r.total}, top-3 ${r.top3}/${r.total}`;
  };
  console.log(`search quality (interviewer queries, frozen bank): ${line('tuning')}; ${line('held-out')}`);
}

/** Runs the benchmark and prints one human-readable line per measurement. */
export async function run(): Promise<void> {
  // The live bank may be mid-edit and fail validation; search is then measured
  // on the frozen snapshot its tests use, and grading (which needs the whole
  // content model) is skipped rather than failing the run.
  const live = roleSchema.safeParse(parse(readFileSync(ROLE_URL, 'utf8')));
  if (!live.success) console.log('(content/roles/devops-engineer.yaml does not validate: search measured on the frozen bank in tests/search/bank)');
  const bank: SearchableRole = live.success ? live.data : loadBank();
  benchBank(live.success ? 'real bank' : 'real bank (frozen)', bank);
  const frozen = loadBank();
  benchBank('generated 1k', generateRole(frozen, 1000, 1));
  benchBank('generated 10k', generateRole(frozen, 10_000, 2));
  benchQuality();
  if (live.success) benchGrade(live.data);
  else console.log('grade: skipped (the live content does not validate)');
}

function benchGrade(role: Role): void {
  const analyzer = createAnalyzer(role.synonyms);
  const random = prng(3);
  const cases = Array.from({ length: QUERIES }, () => {
    const q = pickFrom(random, role.questions);
    return { q, answer: random() < 0.5 ? q.answer : pickFrom(random, role.questions).answer };
  });
  const first = cases[0];
  const coldStart = performance.now();
  if (first) gradeAnswer(first.q, first.answer, analyzer);
  const cold = performance.now() - coldStart;
  const { median, p99 } = latencies((i) => {
    const c = cases[i];
    if (c) gradeAnswer(c.q, c.answer, analyzer);
  }, cases.length);
  console.log(`grade: ${cases.length} answers median ${ms(median)}, p99 ${ms(p99)} (first grade, cold: ${ms(cold)})`);
}

if (process.argv[1]?.endsWith('bench/search.ts')) {
  await run();
}
