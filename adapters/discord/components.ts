/**
 * Buttons for a view: multiple-choice letters first, then the view's actions.
 * An action with a form gets a marked custom id so a press opens the modal
 * (even after a restart) instead of going to the core.
 */

import type { APIActionRowComponent, APIButtonComponentWithCustomId, APIStringSelectComponent } from 'discord.js';
import { ButtonStyle, ComponentType } from 'discord.js';
import type { Action, View } from '../../src/views.js';
import { checklistsOf } from '../format/interview.js';
import { clip, LIMITS } from './limits.js';
import { type SelectRow, selectRow } from './select.js';

/** A row of buttons as Discord JSON. */
export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;
/** What a message's rows hold: buttons, or one select menu (a checklist). */
export type ComponentRow = ButtonRow | SelectRow;
export type { SelectRow } from './select.js';

/** Every button of some rows (select menus left out). */
export function rowButtons(rows: readonly ComponentRow[]): APIButtonComponentWithCustomId[] {
  return rows.flatMap((row) => row.components.filter((c): c is APIButtonComponentWithCustomId => c.type === ComponentType.Button));
}

/** Every select menu of some rows. */
export function rowSelects(rows: readonly ComponentRow[]): APIStringSelectComponent[] {
  return rows.flatMap((row) => row.components.filter((c): c is APIStringSelectComponent => c.type === ComponentType.StringSelect));
}

/** Custom ids starting with this open a form; the rest is the form's `actionId`. */
export const PROMPT_MARK = '!';

/** The custom id for a button: the action id, or the form mark plus the form's action id. */
export function customIdFor(action: Action): string | undefined {
  const id = action.prompt ? PROMPT_MARK + action.prompt.actionId : action.id;
  // An id Discord would refuse cannot be shortened without breaking it: leave the button out.
  return id.length >= 1 && id.length <= LIMITS.customId ? id : undefined;
}

/** The form action id a pressed custom id asks for, if it is a form button. */
export function promptActionId(customId: string): string | undefined {
  return customId.startsWith(PROMPT_MARK) && customId.length > PROMPT_MARK.length ? customId.slice(PROMPT_MARK.length) : undefined;
}

function button(label: string, customId: string, style: ButtonStyle): APIButtonComponentWithCustomId {
  return { type: ComponentType.Button, style, label: clip(label.trim() || '…', LIMITS.buttonLabel), custom_id: customId } as APIButtonComponentWithCustomId;
}

const STYLE: Record<NonNullable<Action['style']> | 'default', ButtonStyle> = {
  primary: ButtonStyle.Primary,
  danger: ButtonStyle.Danger,
  default: ButtonStyle.Secondary,
};

function rows(buttons: APIButtonComponentWithCustomId[], maxRows: number): ButtonRow[] {
  const out: ButtonRow[] = [];
  for (let i = 0; i < buttons.length && out.length < maxRows; i += LIMITS.buttonsPerRow) {
    out.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + LIMITS.buttonsPerRow) });
  }
  return out;
}

/**
 * Rows for a view, within 5 and with unique custom ids: a checklist's select
 * menu first (one row each, as Discord requires), then multiple-choice
 * letters, then the actions; a row is always left for the actions.
 */
export function viewComponents(view: View): ComponentRow[] {
  const seen = new Set<string>();
  const unique = (b: APIButtonComponentWithCustomId | undefined): b is APIButtonComponentWithCustomId => {
    // Discord refuses a message whose buttons share a custom id.
    if (!b || seen.has(b.custom_id)) return false;
    seen.add(b.custom_id);
    return true;
  };
  const choiceButtons =
    view.kind === 'quiz-question'
      ? view.choices
          .map((c) => (c.actionId.length <= LIMITS.customId ? button(`${c.letter}. ${c.text}`, c.actionId, ButtonStyle.Secondary) : undefined))
          .filter(unique)
      : [];
  const actions = 'actions' in view ? view.actions : [];
  const actionButtons = actions
    .map((a) => {
      const id = customIdFor(a);
      return id ? button(a.label, id, STYLE[a.style ?? 'default']) : undefined;
    })
    .filter(unique);
  const reserve = actionButtons.length ? 1 : 0;
  const selects = checklistsOf(view)
    .filter((list) => !seen.has(list.id) && seen.add(list.id))
    .flatMap((list) => selectRow(list) ?? [])
    .slice(0, LIMITS.rows - reserve);
  const choiceRows = rows(choiceButtons, LIMITS.rows - selects.length - reserve);
  return [...selects, ...choiceRows, ...rows(actionButtons, LIMITS.rows - selects.length - choiceRows.length)];
}

/** Every form reachable from a view's buttons, to remember their titles and labels. */
export function viewPrompts(view: View): NonNullable<Action['prompt']>[] {
  const actions = 'actions' in view ? view.actions : [];
  return actions.flatMap((a) => (a.prompt ? [a.prompt] : []));
}
