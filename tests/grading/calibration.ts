/**
 * The grading calibration sets: hand-graded answers (0-3) and the agreement
 * between a grader's scores and those grades. Used by the calibration test,
 * which keeps the grader from getting worse, and by `npm run bench`, which
 * prints the figures beside a plain word-overlap baseline.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Question, Role } from '../../src/content/schema.js';
import { gradeAnswer } from '../../src/quiz/grade.js';
import { type Analyzer, createAnalyzer } from '../../src/search/text.js';

const entrySchema = z.strictObject({
  question: z.string(),
  grade: z.number().int().min(0).max(3),
  kind: z.string(),
  answer: z.string().min(1),
  why: z.string(),
});
export type CalibrationEntry = z.infer<typeof entrySchema>;

/** Reads a calibration file under tests/grading. */
export function loadCalibration(name: 'calibration' | 'holdout'): CalibrationEntry[] {
  const url = new URL(`./${name}.yaml`, import.meta.url);
  return z.array(entrySchema).parse(parse(readFileSync(url, 'utf8')));
}

/** A grader under test: a score for an answer to a question. */
export type Scorer = (question: Question, answer: string) => number;

/** Panelist's grader for a role. */
export function panelistScorer(role: Role): Scorer {
  const analyzer = createAnalyzer(role.synonyms);
  return (q, a) => gradeAnswer(q, a, analyzer, { genericTerms: role.genericTerms }).score;
}

/** The baseline: share of the model answer's content terms that the answer uses. */
export function overlapScorer(role: Role): Scorer {
  const analyzer: Analyzer = createAnalyzer(role.synonyms);
  return (q, a) => {
    const model = new Set(analyzer.terms(q.answer));
    const said = new Set(analyzer.terms(a));
    let shared = 0;
    for (const t of model) if (said.has(t)) shared += 1;
    return (100 * shared) / Math.max(1, model.size);
  };
}

/** Agreement figures of a scorer over a set. */
export interface Agreement {
  /** Pairs of answers to the same question with different grades, ordered as the grades are (ties count half). */
  pairwiseWithin: number;
  /** The same over all pairs of the set. */
  pairwiseAll: number;
  spearman: number;
  /** Share of answers graded 2-3 that pass (>= 60) plus those graded 0-1 that fail, over all. */
  passAgreement: number;
  n: number;
}

function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const out = new Array<number>(values.length).fill(0);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]?.v === order[i]?.v) j++;
    for (let k = i; k <= j; k++) out[order[k]?.i ?? 0] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

function pearson(x: readonly number[], y: readonly number[]): number {
  const mean = (v: readonly number[]) => v.reduce((s, a) => s + a, 0) / v.length;
  const mx = mean(x);
  const my = mean(y);
  let num = 0;
  let dx = 0;
  let dy = 0;
  x.forEach((xi, i) => {
    const yi = y[i] ?? 0;
    num += (xi - mx) * (yi - my);
    dx += (xi - mx) ** 2;
    dy += (yi - my) ** 2;
  });
  return dx === 0 || dy === 0 ? 0 : num / Math.sqrt(dx * dy);
}

function pairwise(items: readonly { grade: number; score: number; question: string }[], within: boolean): number {
  let agree = 0;
  let total = 0;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i];
      const b = items[j];
      if (!a || !b || a.grade === b.grade || (within && a.question !== b.question)) continue;
      total += 1;
      const s = Math.sign(a.score - b.score) * Math.sign(a.grade - b.grade);
      agree += s > 0 ? 1 : s === 0 ? 0.5 : 0;
    }
  }
  return total === 0 ? 1 : agree / total;
}

/** Scores every entry and measures agreement with the hand grades. */
export function agreement(entries: readonly CalibrationEntry[], questions: ReadonlyMap<string, Question>, scorer: Scorer): Agreement {
  const items = entries.map((e) => {
    const q = questions.get(e.question);
    if (!q) throw new Error(`calibration: unknown question ${e.question}`);
    return { grade: e.grade, score: scorer(q, e.answer), question: e.question };
  });
  const pass = items.filter((i) => i.grade >= 2 === i.score >= 60).length;
  return {
    pairwiseWithin: pairwise(items, true),
    pairwiseAll: pairwise(items, false),
    spearman: pearson(ranks(items.map((i) => i.grade)), ranks(items.map((i) => i.score))),
    passAgreement: pass / Math.max(1, items.length),
    n: items.length,
  };
}
