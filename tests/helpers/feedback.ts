/** Answer feedback built from a real question, for renderer tests of every platform. */
import type { Question } from '../../src/content/schema.js';
import type { AnswerFeedback } from '../../src/views.js';

/**
 * Feedback on `q`: `choice` carries the correct choice, `text` a grade with
 * covered and missed points, `both` everything at once (the longest message).
 */
export function feedbackFor(q: Question, outcome: AnswerFeedback['outcome'], mode: 'choice' | 'text' | 'both'): AnswerFeedback {
  const text = mode !== 'choice';
  return {
    questionId: q.id,
    prompt: q.prompt,
    outcome,
    points: outcome === 'correct' ? 300 : 0,
    bonus: outcome === 'correct' ? 50 : 0,
    given: text ? q.answer : (q.choices.wrong[0] ?? ''),
    ...(mode !== 'text' ? { correctChoice: q.choices.correct } : {}),
    ...(text ? { score: 62, covered: q.keyPoints.slice(0, 2).map((k) => k.point), missed: q.keyPoints.slice(2).map((k) => k.point) } : {}),
    modelAnswer: q.answer,
  };
}
