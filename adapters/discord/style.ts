/**
 * Shared look of Panelist's Discord messages: colours and the escaping applied
 * to anything a user typed. Wording shared with the other platforms (tiers,
 * points, percentages) is in adapters/format/words.ts.
 */
import type { Tier } from '../../src/content/schema.js';
import { oneLine } from '../format/text.js';
import { clip, LIMITS } from './limits.js';

/** Embed colours; tiers read as a traffic-light-ish scale of difficulty. */
export const COLOURS = {
  basic: 0x2ecc71,
  technical: 0x3498db,
  advanced: 0x9b59b6,
  brand: 0x5865f2,
  correct: 0x2ecc71,
  wrong: 0xe74c3c,
  skipped: 0x95a5a6,
  gold: 0xf1c40f,
  error: 0xe74c3c,
  neutral: 0x99aab5,
} as const;

/** Embed colour of a question of this tier. */
export function tierColour(tier: Tier): number {
  return COLOURS[tier];
}

/**
 * Neutralises user-typed text for embeds and content: markdown is escaped so a
 * pasted `**` or "```" cannot restyle the message. Mentions never ping anyway
 * (allowedMentions parse: [] on the client), so they are left readable.
 * Clipped first: nothing longer than a field is ever shown, and escaping is
 * then cheap (discord.js's escapeMarkdown is quadratic on long input).
 */
export function userText(text: string, max: number = LIMITS.fieldValue): string {
  const line = clip(oneLine(text), max);
  // Quotes, headings and lists only start a line; everything else styles anywhere.
  return line.replace(/[\\*_~`|[\]]/g, '\\$&').replace(/^([#>-])/, '\\$1');
}

/** A bulleted list, one line per item. */
export function bullets(items: readonly string[]): string {
  return items.map((i) => `• ${i}`).join('\n');
}

/** `topic-a, topic-b` as readable words. */
export function topicList(topics: readonly string[]): string {
  return topics.map((t) => t.replace(/-/g, ' ')).join(', ');
}
