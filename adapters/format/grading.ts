/**
 * How every renderer words a free-text grade and an interviewer card's extras,
 * so Slack, Discord and the console say the same thing. Returns plain text:
 * each renderer escapes it its own way (user words are quoted inside).
 */
import type { QuestionSource, Rubric } from '../../src/content/schema.js';
import type { AnswerFeedback, PointFeedback } from '../../src/views.js';

/** The mark before a key point's verdict. */
export const POINT_MARK: Readonly<Record<PointFeedback['status'], string>> = {
  covered: '✓',
  missed: '✗',
  negated: '⊘',
  contradicted: '⚠',
};

/** Why a key point counted or not, in one line: "✓ Requests: the minimum — heard “requests reserve…”". */
export function pointLine(p: PointFeedback): string {
  const heard = p.heard ? `“${p.heard}”` : '';
  switch (p.status) {
    case 'covered':
      return `${POINT_MARK.covered} ${p.label}${heard ? ` — heard ${heard}` : ''}`;
    case 'negated':
      return `${POINT_MARK.negated} ${p.label} — you said ${heard || 'it'} in the negative, so it does not count`;
    case 'contradicted':
      return `${POINT_MARK.contradicted} ${p.label} — you said ${heard || 'the opposite'}, which a strong answer rules out`;
    default:
      return `${POINT_MARK.missed} ${p.label} — not mentioned`;
  }
}

/** Every line of a free-text verdict: per point, then the wrong claims, then the cap. */
export function gradeLines(f: Pick<AnswerFeedback, 'keyPoints' | 'covered' | 'missed' | 'contradictions' | 'capped'>): string[] {
  const points = f.keyPoints ?? [
    ...(f.covered ?? []).map((label): PointFeedback => ({ label, status: 'covered' })),
    ...(f.missed ?? []).map((label): PointFeedback => ({ label, status: 'missed' })),
  ];
  const lines = points.map(pointLine);
  for (const c of f.contradictions ?? []) lines.push(`${POINT_MARK.contradicted} ${c.feedback}`);
  if (f.capped) lines.push(`ℹ ${f.capped}`);
  return lines;
}

/** The rubric as three labelled lines. */
export function rubricLines(r: Rubric): string[] {
  return [`Junior: ${r.junior}`, `Mid: ${r.mid}`, `Senior: ${r.senior}`];
}

/** Where a model answer comes from, in words. */
export function sourceLabel(source: QuestionSource): string {
  return source === 'document' ? 'Model answer from the role document' : 'Model answer written for the question bank';
}
