/**
 * Grading calibration: how well Panelist's grades order hand-graded answers
 * (tests/grading), beside a plain word-overlap baseline, plus grading speed.
 */
import type { Question } from '../src/content/schema.js';
import { gradeAnswer } from '../src/quiz/grade.js';
import { createAnalyzer } from '../src/search/text.js';
import { type Agreement, agreement, loadCalibration, overlapScorer, panelistScorer } from '../tests/grading/calibration.js';
import { loadRealRole } from '../tests/search/real-role.js';

const fmt = (a: Agreement): string =>
  `pairwise within question ${a.pairwiseWithin.toFixed(3)}, pairwise overall ${a.pairwiseAll.toFixed(3)}, Spearman ${a.spearman.toFixed(3)}, pass/fail agreement ${a.passAgreement.toFixed(3)} (n=${a.n})`;

export async function run(): Promise<void> {
  const role = loadRealRole();
  if (!role) throw new Error('no role file');
  const questions = new Map<string, Question>(role.questions.map((q) => [q.id, q]));
  for (const set of ['calibration', 'holdout'] as const) {
    const entries = loadCalibration(set);
    process.stdout.write(`${set}:\n  panelist: ${fmt(agreement(entries, questions, panelistScorer(role)))}\n`);
    process.stdout.write(`  word overlap baseline: ${fmt(agreement(entries, questions, overlapScorer(role)))}\n`);
  }
  const analyzer = createAnalyzer(role.synonyms);
  const entries = loadCalibration('calibration');
  const times: number[] = [];
  let cold = 0;
  // Round 0 prepares each question once (analysis is cached): reported apart from the warm rounds.
  for (let round = 0; round < 6; round++) {
    for (const e of entries) {
      const q = questions.get(e.question);
      if (!q) continue;
      const t0 = performance.now();
      gradeAnswer(q, e.answer, analyzer, { genericTerms: role.genericTerms });
      if (round === 0) cold += performance.now() - t0;
      else times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => (times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0) * 1000;
  process.stdout.write(
    `grading speed over ${times.length} warm gradings: median ${at(0.5).toFixed(0)} µs, p99 ${at(0.99).toFixed(0)} µs; first round (preparing ${questions.size > 0 ? new Set(entries.map((e) => e.question)).size : 0} questions) ${cold.toFixed(0)} ms\n`,
  );
}
