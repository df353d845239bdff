/**
 * How every renderer words the small things — tiers, counts, points,
 * percentages, ranks, usage lines and the apology — so Slack, Discord and the
 * console say them alike. Plain text: each renderer escapes it its own way.
 */
import type { Tier } from '../../src/content/schema.js';
import { lines } from './text.js';

const TIER_LABELS: Readonly<Record<Tier, string>> = { basic: 'Basic', technical: 'Technical', advanced: 'Advanced' };

/** "Advanced". */
export function tierLabel(tier: Tier): string {
  return TIER_LABELS[tier];
}

/** "75%" from the core's whole-percentage accuracy (0..100). */
export function percent(accuracy: number): string {
  return `${Math.round(accuracy)}%`;
}

/** "1 point", "1,234 points": the count grouped, the word singular only for exactly one. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** "1 pt", "1,234 pts": points where room is short (buttons, footers, tables). */
export function pts(points: number): string {
  return plural(points, 'pt');
}

const MEDALS = ['🥇', '🥈', '🥉'] as const;

/** The medal of the first three ranks; undefined from fourth place on. */
export function medal(rank: number): string | undefined {
  return MEDALS[rank - 1];
}

/**
 * A command's usage as lines, each starting with the command once. The core
 * gives either the arguments (`[tier] [topic]`) or whole lines, one per
 * subcommand (`/devops-quiz start …`), which must not be prefixed again.
 */
export function usageLines(name: string, usage: string): string[] {
  const bare = name.trim().replace(/^\//, '');
  const given = lines(usage);
  if (given.length === 0) return [`/${bare}`];
  return given.map((line) => (line.startsWith('/') ? line : `/${bare} ${line}`));
}

/** What a user sees when serving their request broke on our side. */
export const APOLOGY = 'Sorry, something went wrong on our side. Please try again in a moment.';
