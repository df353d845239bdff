/**
 * What a user sees of a rendered message, as text and buttons, whatever the
 * platform: Block Kit blocks, Discord embeds and components, or terminal text.
 * `norm` then makes the three comparable with the view's own words.
 */
import { rowButtons, rowSelects } from '../../adapters/discord/components.js';
import type { DiscordMessage } from '../../adapters/discord/render.js';
import type { SlackMessage } from '../../adapters/slack/render.js';
import type { Action } from '../../src/views.js';

/** A button as shown: its label and, where the platform has one, the id a press sends. */
export interface ShownButton {
  label: string;
  id?: string;
}

/**
 * A checklist as shown: its id where the platform sends one, and its boxes,
 * each with the value a tick sends (the console: the number to type) and its tick.
 */
export interface ShownChecklist {
  id?: string;
  items: { value: string; label: string; checked: boolean }[];
}

/** Everything visible in one message. */
export interface Shown {
  text: string;
  buttons: ShownButton[];
  checklists: ShownChecklist[];
}

/**
 * Folds platform markup away so a view's words can be found in what was shown:
 * Slack quotes (`>`) and entities, Discord's backslash escapes, emphasis and code
 * marks, case and every run of whitespace (console wrapping, line breaks).
 */
export function norm(text: string): string {
  return text
    .replace(/^>/gm, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\\(.)/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** A button label as words: lowercase, symbols dropped (`"⬆ Harder"` → `harder`), as the console prints them. */
export function labelWords(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Header, section text and fields, context and button labels; button values are never shown. */
export function slackShown(message: SlackMessage): Shown {
  const text: string[] = [];
  const buttons: ShownButton[] = [];
  const checklists: ShownChecklist[] = [];
  for (const b of message.blocks) {
    if (b.type === 'header') text.push(b.text.text);
    if (b.type === 'section') text.push(b.text?.text ?? '', ...(b.fields ?? []).map((f) => f.text));
    if (b.type === 'context') text.push(...b.elements.map((e) => e.text));
    if (b.type === 'actions') {
      for (const e of b.elements) {
        if (e.type === 'checkboxes') {
          // A label too long for the option text runs on into its description, on the same line.
          const items = e.options.map((o) => ({
            value: o.value,
            label: `${o.text.text} ${o.description?.text ?? ''}`.trim(),
            checked: (e.initial_options ?? []).some((i) => i.value === o.value),
          }));
          text.push(...items.map((i) => i.label));
          checklists.push({ id: e.action_id, items });
          continue;
        }
        text.push(e.text.text);
        buttons.push({ label: e.text.text, id: e.action_id });
      }
    }
  }
  return { text: text.join('\n'), buttons, checklists };
}

/** Content, every embed's author, title, description, fields and footer, and button labels. */
export function discordShown(message: DiscordMessage): Shown {
  const text: string[] = [message.content ?? ''];
  for (const e of message.embeds) {
    text.push(e.author?.name ?? '', e.title ?? '', e.description ?? '');
    for (const f of e.fields ?? []) text.push(f.name, f.value);
    text.push(e.footer?.text ?? '');
  }
  const buttons = rowButtons(message.components).map((b) => ({ label: b.label ?? '', id: b.custom_id }));
  text.push(...buttons.map((b) => b.label));
  const checklists = rowSelects(message.components).map((s) => ({
    id: s.custom_id,
    items: s.options.map((o) => ({ value: o.value, label: `${o.label} ${o.description ?? ''}`.trim(), checked: o.default === true })),
  }));
  return { text: text.join('\n'), buttons, checklists };
}

/**
 * The console's text; its buttons are the `[words]` it tells the user to type.
 * A form action (free-text Answer) has no form there: "Type your answer" offers
 * it, since whatever is typed is the answer, so it counts as shown.
 */
export function consoleShown(text: string, actions: readonly Action[]): Shown {
  const buttons = [...text.matchAll(/\[([^\]\n]+)\]/g)].map((m) => ({ label: m[1] ?? '' }));
  if (/^Type your answer\b/m.test(text)) buttons.push(...actions.filter((a) => a.prompt).map((a) => ({ label: a.label })));
  // Boxes are numbered lines, `☑ 3. label`, numbered on across every checklist of the view.
  const items = [...text.matchAll(/^ *([☑☐]) +(\d+)\. (.*)$/gm)].map((m) => ({ value: m[2] ?? '', label: m[3] ?? '', checked: m[1] === '☑' }));
  return { text, buttons, checklists: items.length > 0 ? [{ items }] : [] };
}
