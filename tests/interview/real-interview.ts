/**
 * A whole interview over the real DevOps role, driven through the public
 * functions the way the handlers will: plan, start, paste answers, tick,
 * flag, note, skip, finish. Used by the end-to-end test and to print a sample.
 */
import type { Role } from '../../src/content/schema.js';
import { buildPlan } from '../../src/interview/plan.js';
import { buildScorecard, type Scorecard } from '../../src/interview/scorecard.js';
import {
  createSession,
  finishInterview,
  type InterviewSession,
  nextQuestion,
  pasteAnswer,
  setNote,
  setRedFlags,
  skipQuestion,
  startInterview,
  tickPoint,
} from '../../src/interview/session.js';
import { seededRandom } from '../../src/random.js';
import { createAnalyzer } from '../../src/search/text.js';
import { ALICE, MIN, must, nth, T0 } from './support.js';

/** Runs a 45-minute mid interview; returns the finished session and its scorecard. */
export function realInterview(role: Role): { session: InterviewSession; card: Scorecard } {
  const analyzer = createAnalyzer(role.synonyms);
  const plan = must(buildPlan({ questions: role.questions, level: 'mid', minutes: 45, random: seededRandom(42) }));
  let s = must(startInterview(createSession({ id: 'k3v9x2qa', roleId: role.id, author: ALICE, candidate: 'Candidate 7 <@U0CAND>', plan, now: T0 - MIN }), T0));
  let clock = T0;
  const questionAt = (i: number) =>
    nth(
      role.questions.filter((q) => q.id === s.questions[i]?.questionId),
      0,
    );
  for (let i = 0; i < s.questions.length; i++) {
    const q = questionAt(i);
    clock += (plan.items[i]?.minutes ?? 5) * MIN;
    const on = { question: q, now: clock };
    if (i === 4) {
      s = must(skipQuestion(s, clock));
      continue;
    }
    // The candidate says the model answer, or only its first two sentences: the grade pre-ticks what they cover.
    const said =
      i % 2 === 0
        ? q.answer
        : q.answer
            .split(/(?<=\.)\s+/)
            .slice(0, 2)
            .join(' ');
    s = must(pasteAnswer(s, on, said, analyzer, { genericTerms: role.genericTerms }));
    if (i === 1) s = must(tickPoint(s, on, q.keyPoints.length - 1, true));
    if (i === 2 && q.redFlags[0]) s = must(setRedFlags(s, on, [q.redFlags[0]]));
    if (i === 2) s = must(setNote(s, on, 'Strong on the mechanics; hesitated on trade-offs. cc @here'));
    s = i === s.questions.length - 1 ? must(finishInterview(s, clock)) : must(nextQuestion(s, clock));
  }
  return { session: s, card: must(buildScorecard(s, role)) };
}
