/**
 * Text for Block Kit: mrkdwn escaping, entity-safe clipping and defanging of
 * mention syntax in plain text. Every string a Slack message shows passes here.
 */
import { clip as clipText, oneLine } from '../format/text.js';

export { oneLine };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Escapes text for mrkdwn. Slack parses `<!channel>`, `<@U…>` and links even in
 * verbatim mrkdwn, so every piece of text (user-typed or content) goes through here.
 */
export function esc(text: string): string {
  return text.replace(/[&<>]/g, (c) => ESCAPES[c] ?? c);
}

// A cut inside `&amp;` would show a broken entity: drop the partial one.
const dropHalfEntity = (cut: string) => cut.replace(/&[a-z]{0,4}$/, '');

/**
 * Shortens `text` to at most `max` characters, ending with "…" when cut. Never
 * leaves half an HTML entity (`&am`) or half a surrogate pair behind.
 */
export function clip(text: string, max: number): string {
  return clipText(text, max, dropHalfEntity);
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
