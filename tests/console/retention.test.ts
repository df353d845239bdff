/** INTERVIEW_RETENTION_DAYS: read at start-up, old interview data purged at boot and then daily. */
import { describe, expect, it, vi } from 'vitest';
import { boot, isSetupError } from '../../adapters/boot.js';
import { purgeExpired, RetentionConfigError, retentionDays, startRetention } from '../../adapters/retention.js';
import { openLowdbStore } from '../../storage/lowdb-store.js';
import { createMemoryStore } from '../../storage/memory-store.js';
import { tempDir } from '../storage/helpers.js';
import { ALICE, BOB, makeInterview, makeScorecard } from '../storage/interview-records.js';

const DAY = 24 * 60 * 60 * 1000;
const NOW = 400 * DAY;
const quiet = () => ({ info: vi.fn(), warn: vi.fn() });

async function storeWithAges() {
  const store = createMemoryStore({ validate: true });
  await store.putScorecard(makeScorecard(ALICE, 'old', { finished: NOW - 90 * DAY }));
  await store.putScorecard(makeScorecard(BOB, 'recent', { finished: NOW - 89 * DAY }));
  await store.putInterview(makeInterview(ALICE, 'abandoned', { updatedAt: NOW - 100 * DAY }));
  await store.putInterview(makeInterview(BOB, 'running', { updatedAt: NOW - DAY }));
  return store;
}

describe('INTERVIEW_RETENTION_DAYS', () => {
  it('is 90 days unless set, and a bad value is a set-up error naming the variable', () => {
    expect(retentionDays({})).toBe(90);
    expect(retentionDays({ INTERVIEW_RETENTION_DAYS: ' ' })).toBe(90);
    expect(retentionDays({ INTERVIEW_RETENTION_DAYS: '30' })).toBe(30);
    for (const raw of ['0', '-1', '1.5', 'ninety', '3651']) {
      let error: unknown;
      try {
        retentionDays({ INTERVIEW_RETENTION_DAYS: raw });
      } catch (e) {
        error = e;
      }
      expect(error, raw).toBeInstanceOf(RetentionConfigError);
      expect(isSetupError(error)).toBe(true);
      expect(String(error)).toContain('INTERVIEW_RETENTION_DAYS');
    }
  });
});

describe('the retention purge', () => {
  it('deletes scorecards finished and interviews touched that many days ago or more, of every author', async () => {
    const store = await storeWithAges();
    expect(await purgeExpired(store, NOW, 90)).toEqual({ scorecards: 1, interviews: 1 });
    expect(await store.getScorecard(ALICE, 'old')).toBeUndefined();
    expect(await store.getScorecard(BOB, 'recent')).toBeDefined();
    expect(await store.listInterviews(ALICE, 10)).toEqual([]);
    expect(await store.listInterviews(BOB, 10)).toHaveLength(1);
  });

  it('runs at start and then on its interval, logs what went, and a failure only until the next run', async () => {
    const store = await storeWithAges();
    let now = NOW;
    const logger = quiet();
    const retention = await startRetention({ store, days: 90, clock: { now: () => now }, logger, intervalMs: 20 });
    try {
      expect(await store.getScorecard(ALICE, 'old')).toBeUndefined();
      expect(logger.info).toHaveBeenCalledWith('interview retention: deleted old interview data', { days: 90, scorecards: 1, interviews: 1 });
      now += 2 * DAY;
      await vi.waitFor(async () => expect(await store.getScorecard(BOB, 'recent')).toBeUndefined());
    } finally {
      retention.stop();
    }
    await store.close();
    expect(await retention.purge()).toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(expect.stringMatching(/could not delete/), expect.objectContaining({ days: 90 }));
  });

  it('boot purges the file store at start-up and refuses a bad INTERVIEW_RETENTION_DAYS before opening it', async () => {
    const dataDir = await tempDir();
    const store = await openLowdbStore({ dataDir });
    await store.putScorecard(makeScorecard(ALICE, 'ancient', { finished: Date.now() - 10 * DAY }));
    await store.putScorecard(makeScorecard(ALICE, 'fresh', { finished: Date.now() - DAY }));
    await store.close();
    await expect(boot({ DATA_DIR: dataDir, INTERVIEW_RETENTION_DAYS: 'x', LOG_LEVEL: 'error' })).rejects.toBeInstanceOf(RetentionConfigError);
    const booted = await boot({ DATA_DIR: dataDir, INTERVIEW_RETENTION_DAYS: '7', LOG_LEVEL: 'error' });
    try {
      expect((await booted.store.listScorecards(ALICE, 10)).map((c) => c.id)).toEqual(['fresh']);
    } finally {
      await booted.close();
    }
  });
});
