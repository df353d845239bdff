/**
 * A neutral checklist as Block Kit: its label, a checkbox group in an actions
 * block, and a small line for whatever the boxes could not hold. Checkbox
 * options take at most 75 characters of text and 75 of description
 * (@slack/types MrkdwnOption / PlainTextOption), and a group at most 10
 * options (Checkboxes): a long label runs on into the description, and
 * anything still cut, or any box past the tenth, is written out under the group.
 */
import type { Checklist, ChecklistItem } from '../../src/views.js';
import { itemText, splitText } from '../format/interview.js';
import { type CheckboxesElement, type CheckboxOption, context, LIMITS, type MessageBlock, type PlainText, sections } from './blocks.js';
import { clip, defang, escClip, oneLine } from './blocks-text.js';

const plain = (text: string): PlainText => ({ type: 'plain_text', text: text || '…', emoji: true });

/** An item as a checkbox option, and whether the option shows all of its label and detail. */
function option(item: ChecklistItem): { option: CheckboxOption; whole: boolean } {
  const [head, tail] = splitText(defang(oneLine(item.label)), LIMITS.optionText, Number.MAX_SAFE_INTEGER);
  // The description continues a long label; otherwise it holds the detail (or the hint, which may be dropped).
  const extra = tail || defang(oneLine(item.detail ?? item.hint ?? ''));
  const description = clip(extra, LIMITS.optionText);
  const whole = description === extra && !(tail !== '' && item.detail !== undefined);
  return { option: { text: plain(head), value: item.value, ...(description ? { description: plain(description) } : {}) }, whole };
}

/**
 * The blocks of one checklist. `used` holds the message's action ids so far
 * (Slack refuses duplicates); the group's id is made unique within it.
 */
export function checklistBlocks(list: Checklist, used: Set<string>): MessageBlock[] {
  const boxes: { item: ChecklistItem; option: CheckboxOption }[] = [];
  const spelled: ChecklistItem[] = [];
  const values = new Set<string>();
  for (const item of list.items) {
    // A value Slack would refuse, a repeated one, or a box past the tenth cannot be a checkbox: write it out instead.
    if (item.value === '' || item.value.length > LIMITS.optionValue || values.has(item.value) || boxes.length >= LIMITS.checkboxOptions) {
      spelled.push(item);
      continue;
    }
    values.add(item.value);
    const made = option(item);
    boxes.push({ item, option: made.option });
    if (!made.whole) spelled.push(item);
  }
  const out: MessageBlock[] = sections(`*${escClip(oneLine(list.label), 300)}*${list.max !== undefined ? `  _(at most ${list.max})_` : ''}`);
  if (boxes.length > 0) {
    let id = list.id.slice(0, LIMITS.actionId) || 'checklist';
    for (let n = 2; used.has(id); n++) id = `${list.id.slice(0, LIMITS.actionId - 6)}#${n}`;
    used.add(id);
    const element: CheckboxesElement = { type: 'checkboxes', action_id: id, options: boxes.map((b) => b.option) };
    const initial = boxes.filter((b) => b.item.checked).map((b) => b.option);
    if (initial.length > 0) element.initial_options = initial;
    out.push({ type: 'actions', elements: [element] });
  }
  const line = (item: ChecklistItem) => `${item.checked ? '☑' : '☐'} ${escClip(oneLine(itemText(item)), 600)}`;
  const more = context([clip(spelled.map(line).join('\n'), 2900)]);
  if (more) out.push(more);
  return out;
}
