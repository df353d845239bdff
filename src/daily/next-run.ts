/**
 * When the question of the day is next due: wall-clock time in an IANA zone,
 * computed from the zone's UTC offsets as Intl reports them, so it stays right
 * across daylight-saving changes with no time-zone library. Pure: `now` is given.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** A calendar day in some zone. */
export interface LocalDate {
  year: number;
  /** 1..12. */
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

// One formatter per zone: building one is far costlier than using it.
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** The wall-clock parts of `epochMs` in `tz`. */
function wallClock(epochMs: number, tz: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(epochMs)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    // Some engines write midnight as 24 even with h23.
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** How far `tz`'s wall clock is ahead of UTC at `epochMs`, in ms (London in summer: +3 600 000). */
export function zoneOffset(epochMs: number, tz: string): number {
  const w = wallClock(epochMs, tz);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (epochMs - (((epochMs % 1000) + 1000) % 1000));
}

/** The calendar day `epochMs` falls on in `tz`. */
export function localDate(epochMs: number, tz: string): LocalDate {
  const w = wallClock(epochMs, tz);
  return { year: w.year, month: w.month, day: w.day };
}

/** `2026-12-02`: the day in store keys and button ids. */
export function dateKey(d: LocalDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** The day `days` after `d` (negative: before), by the calendar. */
export function addDays(d: LocalDate, days: number): LocalDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day) + days * DAY_MS);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(d: LocalDate): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

/** Whether `d` is a Saturday or a Sunday. */
export function isWeekend(d: LocalDate): boolean {
  const w = weekday(d);
  return w === 0 || w === 6;
}

/**
 * The instant the wall clock in `tz` reads `hh:mm` on day `d`. A time skipped
 * by a spring-forward change (01:30 in London on the last Sunday of March) is
 * moved on by the gap (02:30 BST); a time that occurs twice in the autumn is
 * its first occurrence — the "compatible" rule of Temporal and of cron.
 */
export function zonedTime(d: LocalDate, hh: number, mm: number, tz: string): number {
  const wall = Date.UTC(d.year, d.month - 1, d.day, hh, mm);
  const before = zoneOffset(wall - DAY_MS, tz);
  const after = zoneOffset(wall + DAY_MS, tz);
  const valid = [...new Set([before, after])].map((o) => wall - o).filter((t) => zoneOffset(t, tz) === wall - t);
  if (valid.length > 0) return Math.min(...valid);
  // In the gap: read the wall time with the offset in force before it, which lands after the gap.
  return wall - before;
}

/**
 * The next instant strictly after `now` when the wall clock in `tz` reads
 * `hh:mm`, on any day or on weekdays only (Monday to Friday, in `tz`).
 */
export function nextRun(now: number, hh: number, mm: number, tz: string, weekdaysOnly: boolean): number {
  const today = localDate(now, tz);
  // A week and a day always holds a weekday strictly after now, however the offsets move.
  for (let i = 0; i <= 8; i++) {
    const d = addDays(today, i);
    if (weekdaysOnly && isWeekend(d)) continue;
    const t = zonedTime(d, hh, mm, tz);
    if (t > now) return t;
  }
  throw new Error(`nextRun: no run found after ${now} for ${hh}:${mm} in ${tz}`);
}
