/**
 * How long scorecards are kept, and the candidate label: candidate details are
 * personal data, so they are short, inert text and they expire.
 */
import { stripMentions } from './mentions.js';
import { fail, ok, type Result } from './result.js';

/** Days a scorecard is kept when INTERVIEW_RETENTION_DAYS is not set. */
export const DEFAULT_RETENTION_DAYS = 90;
/** A bound on the setting, so a typo cannot keep candidate data for ever. */
export const MAX_RETENTION_DAYS = 3650;
/** The longest candidate label kept. */
export const CANDIDATE_MAX = 80;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Reads INTERVIEW_RETENTION_DAYS: a whole number of days, 1 to 3650; 90 when unset or blank. */
export function parseRetentionDays(raw: string | undefined): Result<number> {
  if (raw === undefined || raw.trim() === '') return ok(DEFAULT_RETENTION_DAYS);
  const days = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || days < 1 || days > MAX_RETENTION_DAYS) {
    return fail('bad-retention', `INTERVIEW_RETENTION_DAYS must be a whole number of days from 1 to ${MAX_RETENTION_DAYS}, not "${raw}".`);
  }
  return ok(days);
}

/**
 * The instant `days` days before `now`: what finished (or was last touched) at
 * or before it has expired. The store's `purgeScorecards` and `purgeInterviews`
 * take it, so they delete exactly what {@link expired} and {@link abandoned} name.
 */
export function retentionCutoff(now: number, days: number): number {
  return now - days * DAY_MS;
}

/** The scorecards finished `days` days or more before `now`: the ones to delete. */
export function expired<T extends { readonly finished: number }>(scorecards: readonly T[], now: number, days: number): T[] {
  const cutoff = retentionCutoff(now, days);
  return scorecards.filter((s) => s.finished <= cutoff);
}

/** Interviews never finished and untouched for `days` days: abandoned, and deleted like scorecards. */
export function abandoned<T extends { readonly phase: string; readonly updatedAt: number }>(sessions: readonly T[], now: number, days: number): T[] {
  const cutoff = retentionCutoff(now, days);
  return sessions.filter((s) => s.phase !== 'finished' && s.updatedAt <= cutoff);
}

/**
 * The candidate label as kept: mention syntax stripped (`<@U123>`, `<!here>`,
 * `<#C123>`, `@everyone`), control characters and runs of white space made one
 * space, trimmed, and cut to 80 characters. May come out empty.
 */
export function sanitiseCandidate(raw: string): string {
  // Format characters (zero-width spaces, bidi overrides) could hide a mention or reorder the text: dropped;
  // control characters (newlines, tabs) would break a one-line label: made spaces.
  const plain = stripMentions(raw.replace(/\p{Cf}/gu, '').replace(/[\p{Cc}\u2028\u2029]/gu, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  return [...plain].slice(0, CANDIDATE_MAX).join('').trim();
}
