/** nextRun and time zones: wall-clock times across DST changes, weekdays, and zone checking. */
import { describe, expect, it } from 'vitest';
import { dateKey, localDate, nextRun, zonedTime } from '../../src/daily/next-run.js';
import { checkZone, DailyZoneConfigError, dailyZoneFromEnv } from '../../src/daily/zone.js';

const iso = (t: number) => new Date(t).toISOString();

describe('nextRun', () => {
  it('is later today before the time, tomorrow at or after it', () => {
    expect(iso(nextRun(Date.UTC(2026, 11, 2, 8), 9, 0, 'UTC', false))).toBe('2026-12-02T09:00:00.000Z');
    expect(iso(nextRun(Date.UTC(2026, 11, 2, 9), 9, 0, 'UTC', false))).toBe('2026-12-03T09:00:00.000Z');
    expect(iso(nextRun(Date.UTC(2026, 11, 2, 9, 0, 1), 9, 0, 'UTC', false))).toBe('2026-12-03T09:00:00.000Z');
  });

  it('skips Saturday and Sunday on weekdays only, in the zone', () => {
    // Friday 4 December 2026, after 09:00: Monday 7th.
    expect(iso(nextRun(Date.UTC(2026, 11, 4, 10), 9, 0, 'UTC', true))).toBe('2026-12-07T09:00:00.000Z');
    expect(iso(nextRun(Date.UTC(2026, 11, 4, 10), 9, 0, 'UTC', false))).toBe('2026-12-05T09:00:00.000Z');
    // Friday 23:30 in New York is already Saturday in UTC: still Friday there, so the next is Monday 09:00 EST.
    expect(iso(nextRun(Date.UTC(2026, 11, 5, 4, 30), 9, 0, 'America/New_York', true))).toBe('2026-12-07T14:00:00.000Z');
  });

  it('keeps 09:00 local across the spring and autumn changes in London and New York', () => {
    expect(iso(nextRun(Date.UTC(2026, 2, 28, 12), 9, 0, 'Europe/London', false))).toBe('2026-03-29T08:00:00.000Z');
    expect(iso(nextRun(Date.UTC(2026, 2, 27, 12), 9, 0, 'Europe/London', false))).toBe('2026-03-28T09:00:00.000Z');
    expect(iso(nextRun(Date.UTC(2026, 9, 24, 12), 9, 0, 'Europe/London', false))).toBe('2026-10-25T09:00:00.000Z');
    expect(iso(nextRun(Date.UTC(2026, 9, 23, 12), 9, 0, 'Europe/London', false))).toBe('2026-10-24T08:00:00.000Z');
    expect(iso(nextRun(Date.UTC(2026, 2, 7, 20), 9, 0, 'America/New_York', false))).toBe('2026-03-08T13:00:00.000Z');
    expect(iso(nextRun(Date.UTC(2026, 10, 0, 20), 9, 0, 'America/New_York', false))).toBe('2026-11-01T14:00:00.000Z');
  });

  it('moves a time skipped by spring-forward on by the gap, and takes the first of a repeated autumn time', () => {
    expect(iso(zonedTime({ year: 2026, month: 3, day: 29 }, 1, 30, 'Europe/London'))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(zonedTime({ year: 2026, month: 10, day: 25 }, 1, 30, 'Europe/London'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(zonedTime({ year: 2026, month: 3, day: 8 }, 2, 30, 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z');
  });

  it('runs once a day every day through a whole year, at 09:00 local', () => {
    let t = Date.UTC(2026, 0, 1);
    const seen = new Set<string>();
    for (let i = 0; i < 365; i++) {
      t = nextRun(t, 9, 0, 'Europe/London', false);
      const w = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' }).format(t);
      expect(w).toBe('09:00');
      seen.add(dateKey(localDate(t, 'Europe/London')));
    }
    expect(seen.size).toBe(365);
  });
});

describe('time zones', () => {
  it('accepts IANA names in any case, city names, and UTC', () => {
    expect(checkZone('europe/london')).toEqual({ ok: true, zone: 'Europe/London' });
    expect(checkZone('New York')).toEqual({ ok: true, zone: 'America/New_York' });
    expect(checkZone('utc')).toEqual({ ok: true, zone: 'UTC' });
  });

  it('answers an unknown zone with did you mean', () => {
    const typo = checkZone('Europe/Londn');
    expect(typo.ok).toBe(false);
    expect(!typo.ok && typo.message).toContain('did you mean Europe/London?');
    const nothing = checkZone('Mars/Olympus');
    expect(!nothing.ok && nothing.message).toMatch(/^Unknown time zone "Mars\/Olympus"\. Use an IANA name/);
  });

  it('reads DAILY_TZ: UTC when unset, refused at start-up when unknown', () => {
    expect(dailyZoneFromEnv(undefined)).toBe('UTC');
    expect(dailyZoneFromEnv(' Europe/Paris ')).toBe('Europe/Paris');
    expect(() => dailyZoneFromEnv('Europe/Pariss')).toThrow(DailyZoneConfigError);
    expect(() => dailyZoneFromEnv('Europe/Pariss')).toThrow(/DAILY_TZ: .*did you mean Europe\/Paris/);
  });
});
