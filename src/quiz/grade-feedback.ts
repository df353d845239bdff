/** A grade as the quiz's feedback shows it: every point's verdict, wrong claims, and any cap, said in words. */
import type { AnswerFeedback } from '../views.js';
import type { Grade } from './grade.js';

/** The feedback fields of a free-text grade. */
export function gradeFeedback(grade: Grade): Pick<AnswerFeedback, 'score' | 'covered' | 'missed' | 'keyPoints' | 'contradictions' | 'capped'> {
  return {
    score: grade.score,
    covered: [...grade.covered],
    missed: [...grade.missed],
    keyPoints: grade.points.map((p) => ({ label: p.label, status: p.status, ...(p.heard ? { heard: p.heard } : {}) })),
    ...(grade.contradictions.length > 0 ? { contradictions: grade.contradictions.map((c) => ({ ...c })) } : {}),
    ...(grade.capped ? { capped: cappedText(grade.capped) } : {}),
  };
}

/** Why a grade was capped, for the user. */
export function cappedText(capped: NonNullable<Grade['capped']>): string {
  return `Capped at ${capped.cap}: the answer reads as a list of keywords (it would have scored ${capped.uncapped}). Explain how the pieces fit together to earn the points.`;
}
