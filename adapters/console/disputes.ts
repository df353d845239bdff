/**
 * `disputes`: free-text grades users think were wrong ("I think I was
 * right"), newest first, for whoever maintains the content, beside `flags`.
 * `disputes --json` gives one line per dispute; its field names are a public interface.
 */
import type { Role } from '../../src/content/schema.js';
import type { QuestionFlag } from '../../src/ports.js';
import { clip, oneLine } from '../format/text.js';

/** `disputes --json`: one line per disputed grade. */
export interface DisputeLine {
  roleId: string;
  questionId: string;
  /** Store space it was raised in (`<role>@<platform>:<team or guild>`). */
  space: string;
  userId: string;
  /** Display name as plain text; never a mention. */
  name: string;
  answer: string;
  score: number;
  at: number;
}

/** The disputes among the store's feedback, newest first. */
export function disputeLines(feedback: readonly QuestionFlag[]): DisputeLine[] {
  return feedback
    .flatMap((f) =>
      f.kind === 'dispute' && f.dispute
        ? [
            {
              roleId: f.roleId,
              questionId: f.questionId,
              space: f.space,
              userId: f.userId,
              name: f.dispute.name,
              answer: f.dispute.answer,
              score: f.dispute.score,
              at: f.at,
            },
          ]
        : [],
    )
    .sort((a, b) => b.at - a.at);
}

/** The text report: each dispute with the question's prompt, the grade and the answer. */
export function disputeReport(lines: readonly DisputeLine[], roles: readonly Role[]): string {
  if (lines.length === 0) return 'No disputed grades.';
  const out = [`Disputed grades: ${lines.length}`];
  for (const line of lines) {
    const question = roles.find((r) => r.id === line.roleId)?.questions.find((q) => q.id === line.questionId);
    out.push(
      '',
      `${line.roleId} · ${line.questionId} · graded ${line.score}/100 · ${new Date(line.at).toISOString().slice(0, 16).replace('T', ' ')} UTC · ${oneLine(line.name)} in ${line.space}`,
    );
    out.push(`  Q: ${question ? clip(oneLine(question.prompt), 100) : '(no longer in the question bank)'}`);
    out.push(`  A: ${clip(oneLine(line.answer), 400)}`);
  }
  return out.join('\n');
}
