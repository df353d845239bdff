/**
 * Pieces shared by the view renderers: buttons from neutral actions, tier and
 * topic labels, bullet lists and quotes — all escaping their text.
 */
import type { Tier } from '../../src/content/schema.js';
import type { Action } from '../../src/views.js';
import { buttons, clip, esc, oneLine, type ActionsBlock } from './blocks.js';
import { encodePromptButton } from './modal.js';

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

const TIER_LABEL: Record<Tier, string> = { basic: 'Basic', technical: 'Technical', advanced: 'Advanced' };

/** "Advanced" */
export function tierLabel(tier: Tier): string {
  return TIER_LABEL[tier];
}

/** Escaped "a, b, c" of at most `max` topics, "+n more" after. */
export function topicList(topics: readonly string[], max = 5): string {
  const shown = topics.slice(0, max).map((t) => esc(t)).join(', ');
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

/** "75%" from the core's whole-percentage accuracy (0..100). */
export function percent(accuracy: number): string {
  return `${Math.round(accuracy)}%`;
}

/** Plural helper: "1 point", "3 points". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
