/**
 * The on-disk layout: a lowdb JSON snapshot plus append-only journals. Replay at
 * start-up, torn and damaged journals, compaction that does not stall the event
 * loop, and read-only openings that see the last durable state while a writer runs.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { describe, expect, it } from 'vitest';
import { stallMeter } from '../../bench/store.js';
import type { UserRecord } from '../../src/ports.js';
import type { StoreFile } from '../../storage/file-schema.js';
import { openLowdbStore, openStoreReader, StoreOpenError } from '../../storage/lowdb-store.js';
import { SPACE, tempDir } from './helpers.js';
import { answer, makeSession, makeUser } from './records.js';

const group = (...items: unknown[]): string => `${JSON.stringify({ g: items })}\n`;
const userItem = (record: UserRecord) => ({ t: 'user', space: SPACE, id: record.userId, v: record });

describe('lowdb store: journal replay', () => {
  it('replays journals newer than the snapshot, ignores a torn last line and older leftovers, and folds them in at close', async () => {
    const dataDir = await tempDir();
    const file = join(dataDir, 'panelist.json');
    await writeFile(file, JSON.stringify({ version: 1, journal: 3, users: { [SPACE]: { u1: makeUser('u1', { points: 1 }) } }, sessions: {}, flags: [] }));
    // Gen 2 is older than the snapshot (a compaction cut short before deleting it): already folded in.
    await writeFile(`${file}.journal.2`, group(userItem(makeUser('u1', { points: 999 }))));
    const flag = { roleId: 'devops-engineer', questionId: 'q1', space: SPACE, userId: 'u1', at: 5 };
    await writeFile(
      `${file}.journal.3`,
      group(userItem(makeUser('u1', { points: 2 }))) +
        group({ t: 'session', key: 's|c|u1', v: makeSession('s|c|u1', { updatedAt: 9_000 }) }, { t: 'flag', v: flag }) +
        // A group whose write was cut short by a crash: never acknowledged, so ignored.
        group(userItem(makeUser('u1', { points: 3 }))).slice(0, 40),
    );
    await writeFile(`${file}.journal.4`, group(userItem(makeUser('u2', { points: 7 }))));

    const reader = await openStoreReader({ dataDir });
    expect((await reader.getUser(SPACE, 'u1'))?.points).toBe(2);
    const store = await openLowdbStore({ dataDir, now: () => 10_000 });
    expect((await store.getUser(SPACE, 'u1'))?.points).toBe(2);
    expect((await store.getUser(SPACE, 'u2'))?.points).toBe(7);
    expect(await store.getSession('s|c|u1')).toBeDefined();
    expect(await store.listFlags()).toEqual([flag]);
    await store.close();

    expect(await readdir(dataDir)).toEqual(['panelist.json']);
    // Still a plain lowdb JSON file: lowdb's own adapter reads it.
    const db = new Low<StoreFile>(new JSONFile<StoreFile>(file), { version: 1, users: {}, sessions: {}, flags: [], interviews: [], scorecards: [] });
    await db.read();
    expect(db.data.users[SPACE]?.u1?.points).toBe(2);
    expect(db.data.users[SPACE]?.u2?.points).toBe(7);
    expect(db.data.journal).toBeGreaterThanOrEqual(5);
  });

  it('refuses a journal damaged in the middle, naming the file and line, and leaves everything untouched', async () => {
    const dataDir = await tempDir();
    const journal = join(dataDir, 'panelist.json.journal.1');
    const damaged = '{"g":[{"t":"user","space":5}]}\n';
    const text = `${group(userItem(makeUser('u1')))}${damaged}${group(userItem(makeUser('u2')))}`;
    await writeFile(journal, text);
    const error = await openLowdbStore({ dataDir }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreOpenError);
    expect((error as StoreOpenError).code).toBe('damaged');
    expect((error as StoreOpenError).message).toContain(journal);
    expect((error as StoreOpenError).message).toMatch(/line 2/);
    expect(await readFile(journal, 'utf8')).toBe(text);
    expect(await readdir(dataDir)).toEqual(['panelist.json.journal.1']);
  });
});

/** Records a few KB each, like a user with 100 answers across pools. */
function bulky(userId: string, points: number): UserRecord {
  const seen = Object.fromEntries(
    Array.from({ length: 50 }, (_, p) => [`devops-engineer:quiz:basic:topic-${p}`, Array.from({ length: 20 }, (_, q) => `question-${p}-${q}`)]),
  );
  return makeUser(userId, { points, seen });
}

describe('lowdb store: compaction', () => {
  it('rewrites a 20 MB snapshot without holding the event loop for more than 20 ms at a time', { timeout: 60_000 }, async () => {
    const dataDir = await tempDir();
    const store = await openLowdbStore({ dataDir });
    await Promise.all(Array.from({ length: 1000 }, (_, i) => store.updateUser(SPACE, `u${i}`, () => bulky(`u${i}`, i))));
    await store.flush();
    // Timers every millisecond: the longest gap between two, counted in CPU this process used
    // (so time the machine gave to other processes is not blamed on the store).
    const meter = stallMeter();
    await store.compact();
    const stall = meter.stop();
    const size = (await readFile(join(dataDir, 'panelist.json'))).length;
    expect(size).toBeGreaterThan(15_000_000);
    console.log(`compaction of ${(size / 1e6).toFixed(1)} MB: longest event-loop stall ${stall.cpuMs.toFixed(1)} ms cpu, ${stall.wallMs.toFixed(1)} ms wall`);
    expect(stall.cpuMs).toBeLessThan(20);
    await store.close();
  });

  it('lets a reader beside the writer see every acknowledged change while groups commit and compactions run', { timeout: 60_000 }, async () => {
    const dataDir = await tempDir();
    const store = await openLowdbStore({ dataDir, compactAfterBytes: 8 * 1024 });
    const acked = new Map<string, number>();
    let writing = true;
    const writers = Array.from({ length: 20 }, async (_, c) => {
      const userId = `c${c}`;
      while (writing) {
        const record = await store.durably((s) => s.updateUser(SPACE, userId, answer(userId, 1)));
        acked.set(userId, record.points);
      }
    });
    let reads = 0;
    const started = Date.now();
    while (Date.now() - started < 1_500) {
      const before = new Map(acked);
      const reader = await openStoreReader({ dataDir });
      for (const [userId, points] of before) expect((await reader.getUser(SPACE, userId))?.points ?? 0).toBeGreaterThanOrEqual(points);
      reads++;
    }
    writing = false;
    await Promise.all(writers);
    await store.close();
    expect(reads).toBeGreaterThan(10);
  });
});
