/**
 * Discord's message limits and the helpers that keep text inside them. Every
 * renderer output passes through here, so a limit is enforced in one place.
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import { clip } from '../format/text.js';

// Discord counts UTF-16 units, as the shared clip does; commands.ts, modal.ts
// and components.ts take it from here with the limits it is used against.
export { clip };

/** Documented Discord limits (characters unless noted). */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  embedTotal: 6000,
  rows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  modalTitle: 45,
  modalLabel: 45,
  modalPlaceholder: 100,
  modalValue: 4000,
} as const;

/** Discord rejects empty field names and values; this renders as nothing. */
export const BLANK = '\u200b';

/**
 * Splits long text into pieces of at most `size`, preferring line breaks, then
 * spaces, so a long answer can span several fields instead of being cut.
 */
export function chunk(text: string, size: number, maxChunks: number): string[] {
  const out: string[] = [];
  let rest = text.trim();
  while (rest.length > 0 && out.length < maxChunks) {
    if (rest.length <= size || out.length === maxChunks - 1) {
      out.push(clip(rest, size));
      break;
    }
    const window = rest.slice(0, size);
    let cut = window.lastIndexOf('\n');
    if (cut < size / 2) cut = window.lastIndexOf(' ');
    if (cut < size / 2) cut = size;
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    out.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  return out;
}

// A field shorter than this is not worth showing: drop it instead.
const MIN_USEFUL = 40;

/**
 * Makes a list of embeds valid: per-part limits, at most 25 fields and 10
 * embeds, and the 6000 total across all of them. Earlier content wins: titles,
 * footers and descriptions are kept before fields, first embeds before later ones.
 */
export function fitEmbeds(embeds: readonly APIEmbed[]): APIEmbed[] {
  let budget: number = LIMITS.embedTotal;
  const out: APIEmbed[] = [];
  const take = (text: string | undefined, max: number): string | undefined => {
    if (text === undefined || text.length === 0) return undefined;
    const room = Math.min(max, budget);
    if (room <= 0) return undefined;
    const fitted = clip(text, room);
    budget -= fitted.length;
    return fitted;
  };
  for (const source of embeds.slice(0, LIMITS.embeds)) {
    if (budget < MIN_USEFUL) break;
    const embed: APIEmbed = {};
    if (source.color !== undefined) embed.color = source.color;
    if (source.url !== undefined) embed.url = source.url;
    const author = take(source.author?.name, Math.min(LIMITS.authorName, 120));
    if (author) embed.author = { name: author };
    const title = take(source.title, LIMITS.embedTitle);
    if (title) embed.title = title;
    // Room for a footnote (what the figures count) beside the usual one-line footer.
    const footer = take(source.footer?.text, Math.min(LIMITS.footer, 600));
    if (footer) embed.footer = { text: footer };
    // Leave room for at least a little of each field that follows.
    const fieldReserve = Math.min((source.fields?.length ?? 0) * MIN_USEFUL, 600);
    const descRoom = Math.max(MIN_USEFUL, budget - fieldReserve);
    const description = take(source.description, Math.min(LIMITS.embedDescription, descRoom));
    if (description) embed.description = description;
    const fields: APIEmbedField[] = [];
    for (const f of (source.fields ?? []).slice(0, LIMITS.embedFields)) {
      const name = clip(f.name.trim() || BLANK, LIMITS.fieldName);
      if (budget - name.length < MIN_USEFUL) break;
      budget -= name.length;
      const value = clip(f.value.trim() || BLANK, Math.min(LIMITS.fieldValue, budget));
      budget -= value.length;
      fields.push(f.inline ? { name, value, inline: true } : { name, value });
    }
    if (fields.length > 0) embed.fields = fields;
    if (embed.title || embed.description || embed.fields || embed.author) out.push(embed);
  }
  return out;
}
