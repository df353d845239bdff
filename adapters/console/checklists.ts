/**
 * Checklists in the console: their boxes are numbered lines, counted on
 * across every checklist of a view (key points 1–5, then red flags 6–7), and
 * the user ticks them by typing `tick 1 3` or `untick 2`. The renderer numbers
 * them here and the REPL reads the typed line here, so the two always agree.
 */
import type { Checklist, ChecklistItem } from '../../src/views.js';

/** One numbered box. */
export interface NumberedItem {
  /** What to type after `tick`, 1-based across the view. */
  n: number;
  checklist: Checklist;
  item: ChecklistItem;
}

/** Every box of the view's checklists, numbered from 1 in the order shown. */
export function numberedItems(checklists: readonly Checklist[]): NumberedItem[] {
  let n = 0;
  return checklists.flatMap((checklist) => checklist.items.map((item) => ({ n: ++n, checklist, item })));
}

/** What a typed tick line asks: set each changed checklist's selection (action `id`, `text` the checked values). */
export type TickResult = { ok: true; changes: { id: string; text: string }[] } | { ok: false; message: string };

const TICK = /^\s*(tick|untick)\b(.*)$/i;

/** Whether a typed line is a tick command at all (`tick …` / `untick …`). */
export function isTickLine(line: string): boolean {
  return TICK.test(line);
}

/**
 * Reads `tick 1 3` or `untick 2` (numbers separated by spaces or commas)
 * against the checklists last shown. A checklist's `max` is kept: ticking past
 * it says so instead of dropping a box. Undefined when the line is not a tick.
 */
export function parseTickLine(line: string, checklists: readonly Checklist[]): TickResult | undefined {
  const match = TICK.exec(line);
  if (!match) return undefined;
  const on = (match[1] ?? '').toLowerCase() === 'tick';
  const items = numberedItems(checklists);
  if (items.length === 0) return { ok: false, message: 'There is nothing to tick here.' };
  const words = (match[2] ?? '').split(/[\s,]+/).filter((w) => w !== '');
  const usage = `Type ${on ? 'tick' : 'untick'} and numbers from 1 to ${items.length}, e.g. ${on ? 'tick' : 'untick'} 1 3.`;
  if (words.length === 0) return { ok: false, message: usage };
  const picked = new Set<number>();
  for (const word of words) {
    const n = /^\d{1,3}$/.test(word) ? Number(word) : Number.NaN;
    if (!(n >= 1 && n <= items.length)) return { ok: false, message: `There is no box ${word}. ${usage}` };
    picked.add(n);
  }
  const changes: { id: string; text: string }[] = [];
  for (const checklist of checklists) {
    const mine = items.filter((i) => i.checklist === checklist);
    if (!mine.some((i) => picked.has(i.n))) continue;
    const checked = mine.filter((i) => (picked.has(i.n) ? on : i.item.checked)).map((i) => i.item.value);
    if (checklist.max !== undefined && checked.length > checklist.max) {
      return { ok: false, message: `${checklist.label}: at most ${checklist.max} may be ticked.` };
    }
    changes.push({ id: checklist.id, text: checked.join(' ') });
  }
  return { ok: true, changes };
}
