import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/content/schema.js';
import { loadRealRole } from '../search/real-role.js';
import { agreement, loadCalibration, overlapScorer, panelistScorer } from './calibration.js';

const role = loadRealRole();
const questions = new Map<string, Question>((role?.questions ?? []).map((q) => [q.id, q]));
const entries = loadCalibration('calibration');

// Floors set a little under the figures measured when the grader last changed
// (see the README's grading section): a change that makes grading worse fails here.
const FLOOR = { pairwiseWithin: 0.95, spearman: 0.88 };

describe.runIf(role)('grading calibration', () => {
  it('is a real set: at least 80 hand-graded answers over at least 15 questions of the bank', () => {
    expect(entries.length).toBeGreaterThanOrEqual(80);
    expect(new Set(entries.map((e) => e.question)).size).toBeGreaterThanOrEqual(15);
    for (const e of entries) expect(questions.has(e.question), e.question).toBe(true);
    for (const grade of [0, 1, 2, 3]) expect(entries.some((e) => e.grade === grade)).toBe(true);
  });

  it('orders answers the way the hand grades do, and beats plain word overlap', () => {
    if (!role) return;
    const ours = agreement(entries, questions, panelistScorer(role));
    const baseline = agreement(entries, questions, overlapScorer(role));
    expect(ours.pairwiseWithin).toBeGreaterThanOrEqual(FLOOR.pairwiseWithin);
    expect(ours.spearman).toBeGreaterThanOrEqual(FLOOR.spearman);
    expect(ours.pairwiseWithin).toBeGreaterThan(baseline.pairwiseWithin + 0.05);
    expect(ours.spearman).toBeGreaterThan(baseline.spearman + 0.05);
  });
});
