/**
 * Reading the neutral views alike in every renderer: the parts any kind may
 * carry (feedback on the last answer, a note, a footnote) are picked out here so
 * each renderer places them once, around whatever the kind itself shows.
 */
import type { AnswerFeedback, View } from '../../src/views.js';

/** The view of one kind: `ViewOf<'card'>`. */
export type ViewOf<K extends View['kind']> = Extract<View, { kind: K }>;

/** Feedback on the answer just given, which a renderer shows first. */
export function feedbackOf(view: View): AnswerFeedback | undefined {
  return 'feedback' in view ? view.feedback : undefined;
}

/**
 * A view's remark for the user ("Already at the hardest tier…"), whichever
 * kind carries one. Read generically so a kind that gains a `note` (search
 * may) is shown by every renderer without touching each of them.
 */
export function noteOf(view: View): string | undefined {
  return textField(view, 'note');
}

/** What a view's figures count ("Correct counts this quiz only…"), shown small below them. */
export function footnoteOf(view: View): string | undefined {
  return textField(view, 'footnote');
}

function textField(view: View, name: 'note' | 'footnote'): string | undefined {
  const value = (view as { [field: string]: unknown })[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
