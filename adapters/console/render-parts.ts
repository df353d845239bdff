/**
 * Pieces shared by the console's view renderers: headings, paragraphs, bullet
 * lists, the note and footnote, and the line of action words. Every string is
 * neutralised and wrapped by text.ts on its way through.
 */
import type { Action } from '../../src/views.js';
import { actionHints } from './action-words.js';
import { type Styles, wrap } from './text.js';

/** What every view renderer draws with: the styles (colour or not) and the width. */
export interface Ctx {
  s: Styles;
  width: number;
}

/** A cyan bold title, wrapped. */
export function heading(c: Ctx, text: string): string[] {
  return wrap(text, c.width).map((l) => c.s.bold(c.s.cyan(l)));
}

/** A wrapped paragraph, every line after `indent`. */
export function para(c: Ctx, text: string, indent = ''): string[] {
  return wrap(text, c.width, indent);
}

/** Items each on its own hanging-indented line after `mark`. */
export function bullets(c: Ctx, items: readonly string[], mark = '•', indent = '  '): string[] {
  return items.flatMap((item) => wrap(item, c.width, `${indent}${mark} `, `${indent}${' '.repeat([...mark].length + 1)}`));
}

/** A bold label: a section name or a figure. */
export function label(c: Ctx, name: string): string {
  return c.s.bold(name);
}

/** A titled section, or nothing when it has no items. */
export function section(c: Ctx, title: string, items: readonly string[], mark = '•'): string[] {
  return items.length > 0 ? ['', label(c, title), ...bullets(c, items, mark)] : [];
}

/** The view's remark, in yellow so it is read before the rest. */
export function noteLines(c: Ctx, note: string | undefined): string[] {
  return note ? para(c, note).map((l) => c.s.yellow(l)) : [];
}

/** What the figures count, dim under them. */
export function footnoteLines(c: Ctx, footnote: string | undefined): string[] {
  return footnote ? ['', ...para(c, footnote).map((l) => c.s.dim(l))] : [];
}

/** `Type: [another] [harder] [show answer]`, wrapped. */
export function hintLines(c: Ctx, actions: readonly Action[], lead = 'Type'): string[] {
  const hints = actionHints(actions);
  if (hints.length === 0) return [];
  const parts = hints.map((h) => `[${h.label}]`);
  return wrap(`${lead}: ${parts.join(' ')}`, c.width, '', '  ').map((l) => c.s.dim(l));
}
