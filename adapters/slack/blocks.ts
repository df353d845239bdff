/**
 * Small Block Kit builders that enforce Slack's limits at construction time, so
 * no renderer can produce a block Slack would refuse. The types are narrow
 * subsets of `@slack/types`, structurally compatible with its `KnownBlock`.
 */

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
export interface ActionsBlock {
  type: 'actions';
  elements: ButtonElement[];
}
/** Every block a message may contain. */
export type MessageBlock = HeaderBlock | SectionBlock | ContextBlock | DividerBlock | ActionsBlock;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Escapes text for mrkdwn. Slack parses `<!channel>`, `<@U…>` and links even in
 * verbatim mrkdwn, so every piece of text (user-typed or content) goes through here.
 */
export function esc(text: string): string {
  return text.replace(/[&<>]/g, (c) => ESCAPES[c] ?? c);
}

/**
 * Shortens `text` to at most `max` characters, ending with "…" when cut. Never
 * leaves half an HTML entity (`&am`) or half a surrogate pair behind.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  let cut = text.slice(0, max - 1);
  // A cut inside `&amp;` would show a broken entity; drop the partial one.
  cut = cut.replace(/&[a-z]{0,4}$/, '');
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut.trimEnd() + '…';
}

/** Escapes, then clips: the usual way to put a value into mrkdwn. */
export function escClip(text: string, max: number): string {
  return clip(esc(text), max);
}

/**
 * Plain text parses no mentions, but mention syntax there still reads like one
 * and is one copy-paste from pinging: swap its `<` for a look-alike.
 */
export function defang(text: string): string {
  return text.replace(/<(?=[!@#])/g, '‹');
}

/** Collapses whitespace, for text shown on one line (names, titles, snippets). */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

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

/** Visible characters of a block, for the message budget. */
export function blockChars(block: MessageBlock): number {
  switch (block.type) {
    case 'header':
      return block.text.text.length;
    case 'section':
      return (block.text?.text.length ?? 0) + (block.fields ?? []).reduce((n, f) => n + f.text.length, 0);
    case 'context':
      return block.elements.reduce((n, e) => n + e.text.length, 0);
    case 'actions':
      return block.elements.reduce((n, e) => n + e.text.text.length + (e.value?.length ?? 0), 0);
    case 'divider':
      return 0;
  }
}

/**
 * Fits a message: `body` is cut to what the block count and character budget
 * allow after `footer` (the buttons, always kept); a cut is marked with "…".
 */
export function fit(
  body: MessageBlock[],
  footer: MessageBlock[],
  limits: { blocks: number; chars: number } = { blocks: LIMITS.blocks, chars: LIMITS.messageChars },
): MessageBlock[] {
  // Buttons may take at most half the budget; a view with more is unusable anyway.
  let footChars = 0;
  const foot: MessageBlock[] = [];
  for (const block of footer.slice(0, Math.max(0, limits.blocks - 1))) {
    if (block.type !== 'actions') {
      foot.push(block);
      footChars += blockChars(block);
      continue;
    }
    const elements = block.elements.filter((e) => {
      const size = e.text.text.length + (e.value?.length ?? 0);
      if (footChars + size > limits.chars / 2) return false;
      footChars += size;
      return true;
    });
    if (elements.length > 0) foot.push({ ...block, elements });
  }
  let blocksLeft = limits.blocks - foot.length;
  let charsLeft = limits.chars - foot.reduce((n, b) => n + blockChars(b), 0);
  const kept: MessageBlock[] = [];
  for (let i = 0; i < body.length; i++) {
    const block = body[i]!;
    const size = blockChars(block);
    const isLast = i === body.length - 1;
    // Keep one block free for the "shortened" note unless this is the last block.
    const roomBlocks = isLast ? blocksLeft : blocksLeft - 1;
    if (roomBlocks >= 1 && size <= charsLeft - (isLast ? 0 : 40)) {
      kept.push(block);
      blocksLeft -= 1;
      charsLeft -= size;
      continue;
    }
    // Out of room: shorten this section if worthwhile, then note the cut.
    if (block.type === 'section' && block.text && roomBlocks >= 1 && charsLeft > 240) {
      kept.push({ ...block, text: { ...block.text, text: clip(block.text.text, charsLeft - 60) } });
      blocksLeft -= 1;
    }
    if (blocksLeft >= 1) {
      kept.push({ type: 'context', elements: [{ type: 'mrkdwn', text: '_…shortened to fit in Slack._', verbatim: true }] });
    }
    break;
  }
  // A trailing divider right before the buttons or at the end looks broken.
  while (kept.length > 0 && kept[kept.length - 1]!.type === 'divider') kept.pop();
  return [...kept, ...foot];
}
