/**
 * A neutral checklist as a Discord string select menu with multiple choice:
 * its options are the boxes, `default` marks the ticked ones, and closing the
 * menu sends the whole selection. Limits from discord-api-types
 * (APIBaseSelectMenuComponent, APIStringSelectComponent, APISelectMenuOption):
 * custom_id ≤ 100, placeholder ≤ 150, min_values 0..25, max_values ≤ 25, at most
 * 25 options, label, value and description ≤ 100 each. The embed lists every
 * box in full, so an option only needs to be recognisable.
 */

import type { APIActionRowComponent, APISelectMenuOption, APIStringSelectComponent } from 'discord.js';
import { ComponentType } from 'discord.js';
import type { Checklist } from '../../src/views.js';
import { splitText } from '../format/interview.js';
import { oneLine } from '../format/text.js';
import { clip } from './limits.js';

/** A row holding one select menu, as Discord JSON. */
export type SelectRow = APIActionRowComponent<APIStringSelectComponent>;

/** Select menu limits (characters unless noted). */
export const SELECT_LIMITS = { options: 25, label: 100, value: 100, description: 100, placeholder: 150, customId: 100 } as const;

/** The select row of a checklist; undefined when Discord could not take it (an id too long, no usable box). */
export function selectRow(list: Checklist): SelectRow | undefined {
  if (list.id.length < 1 || list.id.length > SELECT_LIMITS.customId) return undefined;
  const values = new Set<string>();
  const options: APISelectMenuOption[] = [];
  for (const item of list.items) {
    // A value Discord would refuse or a repeated one cannot be an option; the embed still lists the box.
    if (item.value === '' || item.value.length > SELECT_LIMITS.value || values.has(item.value) || options.length >= SELECT_LIMITS.options) continue;
    values.add(item.value);
    const [label, tail] = splitText(oneLine(item.label), SELECT_LIMITS.label, SELECT_LIMITS.description);
    const description = tail || clip(oneLine(item.detail ?? item.hint ?? ''), SELECT_LIMITS.description);
    options.push({ label: label || '…', value: item.value, ...(description ? { description } : {}), default: item.checked });
  }
  if (options.length === 0) return undefined;
  const max = Math.max(1, Math.min(list.max ?? options.length, options.length, SELECT_LIMITS.options));
  // Discord refuses more defaults than max_values: a checklist over its max shows only the first ones ticked.
  let defaults = max;
  for (const o of options) if (o.default) o.default = defaults-- > 0;
  const select: APIStringSelectComponent = {
    type: ComponentType.StringSelect,
    custom_id: list.id,
    placeholder: clip(`${oneLine(list.label)}: none ticked`, SELECT_LIMITS.placeholder),
    // Zero allowed: unticking everything is a choice too.
    min_values: 0,
    max_values: max,
    options,
  };
  return { type: ComponentType.ActionRow, components: [select] };
}
