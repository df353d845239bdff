/**
 * A finished interview built by hand, step by step through the real
 * transitions, with numbers worked out in advance for the scorecard tests.
 */
import type { Mistake, Question } from '../../src/content/schema.js';
import { finishInterview, type InterviewSession, nextQuestion, setNote, setRedFlags, setTicked, skipQuestion } from '../../src/interview/session.js';
import { fixedPlan, MIN, must, question, started, T0 } from './support.js';

export const MISTAKES: Mistake[] = [{ id: 'no-rollback-plan', title: 'Automating deploys without a rollback plan', text: 'Risky.' }];

/** b0 4 points; t1 5 points and a red flag; t2 4; a3 5; a4 skipped; t5 not reached. */
export const QUESTIONS: Question[] = [
  question('b0', 'basic', ['t0'], 4),
  question('t1', 'technical', ['t1', 'shared'], 5, ['no-rollback-plan']),
  question('t2', 'technical', ['t2', 'shared'], 4),
  question('a3', 'advanced', ['t3'], 5, ['no-rollback-plan']),
  question('a4', 'advanced', ['t4'], 5),
  question('t5', 'technical', ['t5'], 4),
];

const q = (i: number) => QUESTIONS[i] as Question;

/** The session; `a3Flag` adds a red flag on a3 (which moves the suggestion from senior to mid). */
export function handBuilt(options: { a3Flag?: boolean; note?: string } = {}): InterviewSession {
  let s = started(fixedPlan(QUESTIONS, 'mid'), 'Jordan');
  const on = (i: number, minute: number) => ({ question: q(i), now: T0 + minute * MIN });
  s = must(setTicked(s, on(0, 3), [0, 1, 2, 3]));
  s = must(nextQuestion(s, T0 + 5 * MIN));
  s = must(setTicked(s, on(1, 8), [0, 1, 2]));
  s = must(setRedFlags(s, on(1, 9), ['no-rollback-plan']));
  s = must(setNote(s, on(1, 10), options.note ?? 'Knew the steps; no rollback story.'));
  s = must(nextQuestion(s, T0 + 12 * MIN));
  s = must(setTicked(s, on(2, 15), [0, 1, 2, 3]));
  s = must(nextQuestion(s, T0 + 18 * MIN));
  s = must(setTicked(s, on(3, 20), [0, 1, 2, 4]));
  if (options.a3Flag) s = must(setRedFlags(s, on(3, 21), ['no-rollback-plan']));
  s = must(nextQuestion(s, T0 + 26 * MIN));
  s = must(skipQuestion(s, T0 + 27 * MIN));
  return must(finishInterview(s, T0 + 28 * MIN));
}
