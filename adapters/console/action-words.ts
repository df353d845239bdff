/**
 * How the console offers buttons: each action is triggered by typing a word of
 * its label. The REPL matches typed lines here; the renderer prints the hints.
 */
import type { Action } from '../../src/views.js';

/** An action as the console offers it: type `word` (or the whole `label`) to trigger it. */
export interface ActionHint {
  /** What to type: the label's first word, or the whole label when that word is shared. */
  word: string;
  /** The label lowercased and stripped of symbols, e.g. `show answer`. */
  label: string;
  action: Action;
}

/** Lowercases a label and keeps letters, digits and inner spaces: `"⬆ Harder"` → `harder`. */
export function normaliseWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The words that trigger a view's actions. The first word of a label is enough
 * unless two labels share it; then only the whole label does.
 */
export function actionHints(actions: readonly Action[]): ActionHint[] {
  const labels = actions.map((action) => ({ action, label: normaliseWords(action.label) })).filter((a) => a.label !== '');
  const firstWord = (label: string) => label.split(' ')[0] ?? label;
  const counts = new Map<string, number>();
  for (const { label } of labels) counts.set(firstWord(label), (counts.get(firstWord(label)) ?? 0) + 1);
  return labels.map(({ action, label }) => ({
    action,
    label,
    word: (counts.get(firstWord(label)) ?? 0) > 1 ? label : firstWord(label),
  }));
}

/**
 * Finds the action a typed line names: its word, its whole label, or any one
 * word of its label that no other action's label has (`stats` for "My stats").
 */
export function matchActionWord(line: string, actions: readonly Action[]): Action | undefined {
  const typed = normaliseWords(line);
  if (typed === '') return undefined;
  const hints = actionHints(actions);
  const exact = hints.find((h) => h.word === typed || h.label === typed);
  if (exact || typed.includes(' ')) return exact?.action;
  const containing = hints.filter((h) => h.label.split(' ').includes(typed));
  return containing.length === 1 ? containing[0]?.action : undefined;
}
