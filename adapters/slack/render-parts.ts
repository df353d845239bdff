/**
 * Pieces shared by the view renderers: what a rendered view is made of, buttons
 * from neutral actions, the note line, topic and bullet lists and quotes — all
 * escaping their text.
 */
import type { Action } from '../../src/views.js';
import { type ActionsBlock, buttons, context, type MessageBlock, sections } from './blocks.js';
import { clip, esc, escClip, oneLine } from './blocks-text.js';
import { encodePromptButton } from './modal.js';

/** A rendered view before fitting: body, footer (buttons, always kept) and notification text. */
export interface Parts {
  body: MessageBlock[];
  footer: MessageBlock[];
  fallback: string;
}

/** Buttons for neutral actions; a prompt button carries its prompt (and the question) in its value. */
export function actionButtons(actions: readonly Action[], used: Set<string>, question?: string): ActionsBlock[] {
  return buttons(
    actions.map((a) => ({
      actionId: a.id,
      label: a.label,
      value: a.prompt ? encodePromptButton(a.prompt, question) : a.id,
      ...(a.style ? { style: a.style } : {}),
    })),
    used,
  );
}

/** The view's remark ("Already at the hardest tier…") as one section; none without a note. */
export function noteBlocks(note: string | undefined): MessageBlock[] {
  return note ? sections(`:information_source: ${escClip(oneLine(note), 500)}`) : [];
}

/** What the figures count, small under them; none without a footnote. */
export function footnoteBlocks(footnote: string | undefined): MessageBlock[] {
  const block = footnote ? context([escClip(oneLine(footnote), 1000)]) : undefined;
  return block ? [block] : [];
}

/** Escaped "a, b, c" of at most `max` topics, "+n more" after. */
export function topicList(topics: readonly string[], max = 5): string {
  const shown = topics
    .slice(0, max)
    .map((t) => esc(t))
    .join(', ');
  return topics.length > max ? `${shown} +${topics.length - max} more` : shown;
}

/** Escaped bullet lines, each clipped to `each` characters. */
export function bulletList(items: readonly string[], each = 600): string {
  return items.map((s) => `•  ${clip(esc(oneLine(s)), each)}`).join('\n');
}

/** Escaped block quote of (possibly multi-line) text clipped to `max`. */
export function quote(text: string, max: number): string {
  return clip(esc(text.trim()), max)
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
}
