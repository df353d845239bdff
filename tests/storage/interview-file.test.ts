/**
 * Interviews and scorecards in the file store: journalled like every other
 * record, folded into the snapshot, read by the read-only opening, undone when
 * a write fails, and absent from data files written before they existed.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { StoreWriteError } from '../../src/ports.js';
import { JournalFile } from '../../storage/journal.js';
import { openLowdbStore, openStoreReader, StoreOpenError } from '../../storage/lowdb-store.js';
import { recordingLogger, SPACE, tempDir } from './helpers.js';
import { ALICE, BOB, makeInterview, makeScorecard } from './interview-records.js';
import { makeUser } from './records.js';

const group = (...items: unknown[]): string => `${JSON.stringify({ g: items })}\n`;

describe('lowdb store: interviews and scorecards on disk', () => {
  it('opens a data file written before interviews existed, and writes them into the snapshot at close', async () => {
    const dataDir = await tempDir();
    const file = join(dataDir, 'panelist.json');
    await writeFile(file, JSON.stringify({ version: 1, users: { [SPACE]: { u1: makeUser('u1', { points: 4 }) } }, sessions: {}, flags: [] }));
    const store = await openLowdbStore({ dataDir, now: () => 10_000 });
    expect((await store.getUser(SPACE, 'u1'))?.points).toBe(4);
    expect(await store.listScorecards(ALICE, 10)).toEqual([]);
    await store.putInterview(makeInterview(ALICE, 'i1'));
    await store.putScorecard(makeScorecard(ALICE, 'c1'));
    await store.close();
    const json = JSON.parse(await readFile(file, 'utf8')) as { interviews: { id: string }[]; scorecards: { id: string }[]; users: object };
    expect(json.interviews.map((s) => s.id)).toEqual(['i1']);
    expect(json.scorecards.map((c) => c.id)).toEqual(['c1']);
    expect(Object.keys(json.users)).toEqual([SPACE]);
  });

  it('has a confirmed scorecard in the journal, for the read-only opening to see, before any compaction', async () => {
    const dataDir = await tempDir();
    const store = await openLowdbStore({ dataDir });
    await store.durably((s) => s.putScorecard(makeScorecard(ALICE, 'c1', { finished: 2_000 })));
    await store.durably((s) => s.putScorecard(makeScorecard(BOB, 'c2', { finished: 3_000 })));
    await store.durably(async (s) => void (await s.deleteScorecard(BOB, 'c2')));
    await store.durably((s) => s.putScorecard(makeScorecard(BOB, 'c3', { finished: 1_000 })));
    const reader = await openStoreReader({ dataDir });
    expect((await reader.allScorecards()).map((c) => [c.author.id, c.id])).toEqual([
      ['U1', 'c1'],
      ['U2', 'c3'],
    ]);
    await store.close();
  });

  it('replays interview and scorecard records from a journal, deletions included', async () => {
    const dataDir = await tempDir();
    const file = join(dataDir, 'panelist.json');
    const key = (id: string) => ['slack', 'U1', id];
    await writeFile(
      `${file}.journal.1`,
      group({ t: 'interview', key: key('i1'), v: makeInterview(ALICE, 'i1') }, { t: 'scorecard', key: key('c1'), v: makeScorecard(ALICE, 'c1') }) +
        group({ t: 'interview', key: key('i1'), v: null }, { t: 'interview', key: key('i2'), v: makeInterview(ALICE, 'i2') }),
    );
    const store = await openLowdbStore({ dataDir });
    expect((await store.listInterviews(ALICE, 10)).map((s) => s.id)).toEqual(['i2']);
    expect((await store.getScorecard(ALICE, 'c1'))?.id).toBe('c1');
    await store.close();
  });

  it('refuses a file holding a malformed scorecard, naming the file and the field', async () => {
    const dataDir = await tempDir();
    const file = join(dataDir, 'panelist.json');
    const bad = { ...makeScorecard(ALICE, 'c1'), finished: 'yesterday' };
    await writeFile(file, JSON.stringify({ version: 1, users: {}, sessions: {}, flags: [], scorecards: [bad] }));
    const error = await openLowdbStore({ dataDir }).then(
      async (s) => s.close(),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreOpenError);
    expect(String(error)).toContain(file);
    expect(String(error)).toMatch(/scorecards\.0\.finished/);
  });

  it('undoes an interview change whose write failed, so the next try starts from what is on disk', async () => {
    const dataDir = await tempDir();
    const store = await openLowdbStore({ dataDir, retryMs: 60_000, logger: recordingLogger() });
    await store.durably((s) => s.putInterview(makeInterview(ALICE, 'i1', { index: 0 })));
    const append = vi.spyOn(JournalFile.prototype, 'append').mockRejectedValue(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
    const step = store.durably(async (s) => {
      await s.putInterview(makeInterview(ALICE, 'i1', { index: 1 }));
      await s.putScorecard(makeScorecard(ALICE, 'i1'));
      await s.deleteInterview(ALICE, 'i1');
    });
    await expect(step).rejects.toBeInstanceOf(StoreWriteError);
    expect((await store.getInterview(ALICE, 'i1'))?.index).toBe(0);
    expect(await store.getScorecard(ALICE, 'i1')).toBeUndefined();
    append.mockRestore();
    await store.close().catch(() => {});
    const again = await openLowdbStore({ dataDir });
    expect((await again.getInterview(ALICE, 'i1'))?.index).toBe(0);
    await again.close();
  });
});
