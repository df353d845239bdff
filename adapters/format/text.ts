/**
 * Text shaping every renderer needs: clipping to a limit and folding onto one
 * line. Nothing here escapes: each renderer escapes for its platform after.
 */

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Shortens `text` to at most `max` UTF-16 units, ending with "…" when cut.
 * UTF-16 units are what Slack and Discord count (an emoji counts two, which
 * keeps us under their limits), and a surrogate pair is never split. `tidy`
 * trims the cut further before the ellipsis: Slack drops half an entity (`&am`).
 */
export function clip(text: string, max: number, tidy: (cut: string) => string = (cut) => cut): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max === 1) return '…';
  let cut = text.slice(0, max - 1);
  if (isHighSurrogate(cut.charCodeAt(cut.length - 1))) cut = cut.slice(0, -1);
  return `${tidy(cut).trimEnd()}…`;
}

/** Collapses every run of whitespace (newlines included) to one space: names, titles, list items. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The non-blank lines of `text`, each folded onto one line: usage lines, say. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map(oneLine)
    .filter((line) => line !== '');
}
