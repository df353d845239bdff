/**
 * Small Block Kit builders that enforce Slack's limits at construction time, so
 * no renderer can produce a block Slack would refuse. The types are narrow
 * subsets of `@slack/types`, structurally compatible with its `KnownBlock`.
 * Text helpers live in blocks-text.ts and the message budget in blocks-fit.ts.
 */
import { clip, defang, oneLine } from './blocks-text.js';

// modal.ts and manifest.ts take their text helpers from here.
export { clip, defang, esc, oneLine } from './blocks-text.js';

/** Block Kit limits we rely on (from `@slack/types` and the Block Kit reference). */
export const LIMITS = {
  blocks: 50,
  modalBlocks: 100,
  sectionText: 3000,
  fieldText: 2000,
  fields: 10,
  header: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  contextElements: 10,
  actionsElements: 25,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  inputMaxLength: 3000,
  inputLabel: 2000,
  placeholder: 150,
  /** Options of a checkbox group, and characters of an option's text, description and value (@slack/types Checkboxes, MrkdwnOption). */
  checkboxOptions: 10,
  optionText: 75,
  optionValue: 75,
  /** Our own cap on a message's visible text: long payloads are refused below the documented sums. */
  messageChars: 12_000,
  /** Notification fallback text; Slack allows far more, but it only feeds notifications. */
  fallbackText: 300,
} as const;

export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}
export interface Mrkdwn {
  type: 'mrkdwn';
  text: string;
  verbatim?: boolean;
}
export interface HeaderBlock {
  type: 'header';
  text: PlainText;
}
export interface SectionBlock {
  type: 'section';
  text?: Mrkdwn;
  fields?: Mrkdwn[];
}
export interface ContextBlock {
  type: 'context';
  elements: Mrkdwn[];
}
export interface DividerBlock {
  type: 'divider';
}
export interface ButtonElement {
  type: 'button';
  action_id: string;
  text: PlainText;
  value?: string;
  style?: 'primary' | 'danger';
}
/** One box of a checkbox group. */
export interface CheckboxOption {
  text: PlainText;
  value: string;
  description?: PlainText;
}
/** A checkbox group: each change sends a block action with the selected options. */
export interface CheckboxesElement {
  type: 'checkboxes';
  action_id: string;
  options: CheckboxOption[];
  /** Must be copies of options; Slack refuses an empty list, so it is left out when nothing is checked. */
  initial_options?: CheckboxOption[];
}
export interface ActionsBlock {
  type: 'actions';
  elements: (ButtonElement | CheckboxesElement)[];
}
/** Buttons and checkboxes count their visible text and what they carry. */
export function elementChars(e: ButtonElement | CheckboxesElement): number {
  if (e.type === 'button') return e.text.text.length + (e.value?.length ?? 0);
  return e.options.reduce((n, o) => n + o.text.text.length + (o.description?.text.length ?? 0) + o.value.length, 0);
}

/** Every block a message may contain. */
export type MessageBlock = HeaderBlock | SectionBlock | ContextBlock | DividerBlock | ActionsBlock;

export function header(text: string): HeaderBlock {
  const t = clip(defang(oneLine(text)), LIMITS.header) || '…';
  return { type: 'header', text: { type: 'plain_text', text: t, emoji: true } };
}

export function divider(): DividerBlock {
  return { type: 'divider' };
}

/**
 * Sections for already-escaped mrkdwn, split at line (or, failing that, word)
 * boundaries so each fits the 3000-character limit. Empty text gives no block.
 */
export function sections(mrkdwn: string, max: number = LIMITS.sectionText): SectionBlock[] {
  const out: SectionBlock[] = [];
  let rest = mrkdwn.trim();
  while (rest.length > 0) {
    let cut = rest.length;
    if (rest.length > max) {
      cut = rest.lastIndexOf('\n', max);
      if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
      if (cut < max / 2) cut = max;
      // Never split an entity such as `&amp;` across two sections.
      const amp = rest.lastIndexOf('&', cut);
      if (amp >= 0 && cut - amp < 5 && rest.indexOf(';', amp) >= cut) cut = amp;
      const code = rest.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    }
    const piece = rest.slice(0, cut).trim();
    if (piece) out.push({ type: 'section', text: { type: 'mrkdwn', text: piece, verbatim: true } });
    rest = rest.slice(cut).trim();
  }
  return out;
}

/** One section holding at most 10 short fields (escaped mrkdwn). */
export function fields(items: string[]): SectionBlock[] {
  const kept = items.filter((s) => s.trim()).map((s) => ({ type: 'mrkdwn' as const, text: clip(s, LIMITS.fieldText), verbatim: true }));
  const out: SectionBlock[] = [];
  for (let i = 0; i < kept.length; i += LIMITS.fields) out.push({ type: 'section', fields: kept.slice(i, i + LIMITS.fields) });
  return out;
}

/** A context line from escaped mrkdwn pieces; at most 10 elements, empty pieces dropped. */
export function context(pieces: string[]): ContextBlock | undefined {
  const kept = pieces.filter((s) => s.trim());
  if (kept.length === 0) return undefined;
  // Over 10 pieces: fold the tail into the last element rather than lose it.
  const head = kept.slice(0, LIMITS.contextElements - 1);
  const tail = kept.slice(LIMITS.contextElements - 1).join(' · ');
  const all = tail ? [...head, tail] : head;
  return { type: 'context', elements: all.map((text) => ({ type: 'mrkdwn', text: clip(text, LIMITS.sectionText), verbatim: true })) };
}

/** What a button carries before it is made to fit. */
export interface ButtonSpec {
  actionId: string;
  label: string;
  value: string;
  style?: 'primary' | 'danger';
}

/**
 * Actions blocks for the buttons, 25 a block, with action ids made unique within
 * the message (Slack refuses duplicates) and every text within limits.
 */
export function buttons(specs: ButtonSpec[], used: Set<string> = new Set()): ActionsBlock[] {
  const elements: ButtonElement[] = specs.map((b) => {
    let id = b.actionId.slice(0, LIMITS.actionId) || 'action';
    for (let n = 2; used.has(id); n++) id = `${b.actionId.slice(0, LIMITS.actionId - 6)}#${n}`;
    used.add(id);
    const el: ButtonElement = {
      type: 'button',
      action_id: id,
      text: { type: 'plain_text', text: clip(defang(oneLine(b.label)), LIMITS.buttonText) || '…', emoji: true },
      value: b.value.slice(0, LIMITS.buttonValue),
    };
    if (b.style) el.style = b.style;
    return el;
  });
  const out: ActionsBlock[] = [];
  for (let i = 0; i < elements.length; i += LIMITS.actionsElements) {
    out.push({ type: 'actions', elements: elements.slice(i, i + LIMITS.actionsElements) });
  }
  return out;
}
