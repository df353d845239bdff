/**
 * Feedback at its fullest over a real question, for the platform limit tests:
 * every key point with a verdict (statuses in turn) and the words heard, the
 * question's own wrong claims, a cap and the interviewer notes — the longest
 * free-text feedback the quiz can show for that question.
 */
import type { Question } from '../../src/content/schema.js';
import type { AnswerFeedback, PointFeedback } from '../../src/views.js';
import { feedbackFor } from '../helpers/feedback.js';

const STATUSES: readonly PointFeedback['status'][] = ['covered', 'missed', 'negated', 'contradicted'];

/** `feedbackFor(q, outcome, 'both')` plus every free-text part, filled from the question. */
export function fullFeedback(q: Question, outcome: AnswerFeedback['outcome']): AnswerFeedback {
  return {
    ...feedbackFor(q, outcome, 'both'),
    keyPoints: q.keyPoints.map((k, i) => {
      const status = STATUSES[i % STATUSES.length] ?? 'missed';
      return status === 'missed' ? { label: k.point, status } : { label: k.point, status, heard: k.terms.slice(0, 3).join(' ') };
    }),
    contradictions: q.contradictions.map((c) => ({ feedback: c.feedback, heard: c.terms.slice(0, 3).join(' ') })),
    capped: 'Capped at 40: the answer reads as a list of keywords (it would have scored 85). Explain how the pieces fit together to earn the points.',
    ...(q.notes.length > 0 ? { notes: q.notes } : {}),
  };
}
