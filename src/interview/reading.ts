/**
 * The level reading rules: what one answer shows, and what a whole interview
 * suggests. Stated as data and small functions so the scorecard can quote the
 * evidence behind every reading.
 *
 * One question: the share of its key points the interviewer ticked gives a band
 * (80% senior, 60% mid, 40% junior, less is below); a basic question can show
 * at most mid, since a textbook answer to a basic question does not show
 * seniority; each red flag heard lowers the reading one step.
 *
 * The interview: the highest level that at least half of the assessed
 * questions read at or above (the median), provided a question hard enough
 * backs it: mid needs a technical or advanced question read mid or higher,
 * senior an advanced question read senior.
 */
import { type Rubric, TIERS, type Tier } from '../content/schema.js';
import { count } from './plan-model.js';

/** A level reading, lowest first. */
export const READINGS = ['below', 'junior', 'mid', 'senior'] as const;
export type Reading = (typeof READINGS)[number];

/** The smallest share of key points ticked for each reading, highest first. */
export const READING_BANDS: readonly { reading: Reading; share: number }[] = [
  { reading: 'senior', share: 0.8 },
  { reading: 'mid', share: 0.6 },
  { reading: 'junior', share: 0.4 },
];

/** The highest reading a question of each tier can give. */
export const TIER_CEILING: Readonly<Record<Tier, Reading>> = { basic: 'mid', technical: 'senior', advanced: 'senior' };

/** The easiest tier that can back an overall suggestion of each level. */
export const BACKING_TIER: Readonly<Record<Exclude<Reading, 'below'>, Tier>> = { junior: 'basic', mid: 'technical', senior: 'advanced' };

export function readingRank(r: Reading): number {
  return READINGS.indexOf(r);
}

/** One question's reading and the sentence that explains it. */
export interface QuestionReading {
  reading: Reading;
  evidence: string;
}

/** Reads one asked question from its ticks, its tier and the red flags heard. */
export function readQuestion(ticked: number, total: number, tier: Tier, redFlags: number): QuestionReading {
  const share = total === 0 ? 0 : ticked / total;
  const band = READING_BANDS.find((b) => share >= b.share)?.reading ?? 'below';
  const ceiling = TIER_CEILING[tier];
  const capped = readingRank(band) > readingRank(ceiling) ? ceiling : band;
  const reading = READINGS[Math.max(0, readingRank(capped) - redFlags)] as Reading;
  const parts = [`${ticked} of ${total} key points (${Math.round(share * 100)}%) → ${band}`];
  if (capped !== band) parts.push(`at most ${ceiling} on a ${tier} question`);
  if (redFlags > 0) parts.push(`${count(redFlags, 'red flag')} heard → ${reading}`);
  return { reading, evidence: parts.join('; ') };
}

/** The rubric line that describes a reading ("below" quotes the junior bar it did not reach). */
export function rubricLine(rubric: Rubric, reading: Reading): string {
  return reading === 'below' ? `Below the junior bar: ${rubric.junior}` : rubric[reading];
}

/** What the overall suggestion is made from: one entry per assessed question. */
export interface ReadQuestion {
  id: string;
  tier: Tier;
  reading: Reading;
}

/** The suggested level for the interview, the questions that support it, and why. */
export interface Suggestion {
  level: Reading;
  supporting: string[];
  evidence: string;
}

/** Applies the interview rule above; undefined when no question was assessed. */
export function suggestLevel(read: readonly ReadQuestion[], redFlags: number): Suggestion | undefined {
  if (read.length === 0) return undefined;
  const atLeast = (level: Reading) => read.filter((q) => readingRank(q.reading) >= readingRank(level));
  const backs = (level: Exclude<Reading, 'below'>) => (q: ReadQuestion) => TIERS.indexOf(q.tier) >= TIERS.indexOf(BACKING_TIER[level]);
  const flags = redFlags > 0 ? `; ${count(redFlags, 'red flag')} heard` : '';
  let higher = '';
  for (const level of ['senior', 'mid', 'junior'] as const) {
    const support = atLeast(level);
    const backing = support.filter(backs(level));
    if (support.length * 2 >= read.length && backing.length > 0) {
      const by = level === 'junior' ? '' : `; backed by ${hardEnough(level)} ${backing.map((q) => q.id).join(', ')}`;
      return {
        level,
        supporting: support.map((q) => q.id),
        evidence: `${support.length} of ${read.length} questions read ${level} or higher (${support.map((q) => q.id).join(', ')})${by}${higher}${flags}.`,
      };
    }
    // Overwritten on each level missed: what is left names the level just above the suggestion.
    higher = `; not ${level}: ${
      support.length * 2 < read.length
        ? `${support.length === 0 ? 'none' : `only ${support.length}`} of ${read.length} read ${level}`
        : `no ${hardEnough(level)} question read ${level}`
    }`;
  }
  return { level: 'below', supporting: [], evidence: `Only ${atLeast('junior').length} of ${read.length} questions reached the junior bar${flags}.` };
}

/** The tiers that can back a level, in words. */
function hardEnough(level: Exclude<Reading, 'below'>): string {
  return level === 'mid' ? 'technical or advanced' : level === 'senior' ? 'advanced' : 'any';
}
