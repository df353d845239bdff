/**
 * Fitting a message into Slack's budget: a block count and a character cap
 * below the documented sums (long payloads are refused before those).
 */
import { elementChars, LIMITS, type MessageBlock } from './blocks.js';
import { clip } from './blocks-text.js';

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
      return block.elements.reduce((n, e) => n + elementChars(e), 0);
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
      const size = elementChars(e);
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
