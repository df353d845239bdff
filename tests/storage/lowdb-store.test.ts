import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Store } from '../../src/ports.js';
import { JournalFile } from '../../storage/journal.js';
import { openLowdbStore, type StoreOpenErrorCode } from '../../storage/lowdb-store.js';
import { tempDir as dir, durablePoints, openError, recordingLogger, SPACE } from './helpers.js';
import { answer, makeSession, makeUser } from './records.js';
import { storeContract } from './store-contract.js';

storeContract('lowdb', async () => {
  const dataDir = await dir();
  // The factories date everything near epoch 0; a real clock would purge their sessions as abandoned on reopen.
  const options = { dataDir, now: () => 10_000 };
  let current: Store = await openLowdbStore(options);
  return {
    store: current,
    reopen: async () => {
      await current.close();
      current = await openLowdbStore(options);
      return current;
    },
    cleanup: async () => {
      await current.close();
    },
  };
});

describe('lowdb store: file and format', () => {
  it('creates a missing directory, starts empty, and leaves one compact versioned JSON file on close', async () => {
    const base = await dir();
    const dataDir = join(base, 'nested', 'data');
    const store = await openLowdbStore({ dataDir });
    expect(await store.getUser(SPACE, 'u1')).toBeUndefined();
    await store.updateUser(SPACE, 'u1', answer('u1', 10));
    await store.putSession(makeSession(`${SPACE}|C1|u1`));
    await store.close();
    // The journal is folded into the snapshot at close: the JSON file alone is the whole database.
    expect(await readdir(dataDir)).toEqual(['panelist.json']);
    const text = await readFile(join(dataDir, 'panelist.json'), 'utf8');
    expect(text).not.toMatch(/\n/);
    const json = JSON.parse(text) as { version: number; users: Record<string, Record<string, { points: number }>>; sessions: object };
    expect(json.version).toBe(1);
    expect(json.users[SPACE]?.u1?.points).toBe(10);
    expect(Object.keys(json.sessions)).toEqual([`${SPACE}|C1|u1`]);
  });

  it('uses the given file name', async () => {
    const dataDir = await dir();
    const store = await openLowdbStore({ dataDir, fileName: 'other.json' });
    await store.updateUser(SPACE, 'u1', answer('u1', 1));
    await store.close();
    expect(existsSync(join(dataDir, 'other.json'))).toBe(true);
    expect(existsSync(join(dataDir, 'panelist.json'))).toBe(false);
  });

  it('writes everything on close without an explicit flush', async () => {
    const dataDir = await dir();
    const store = await openLowdbStore({ dataDir });
    await store.updateUser(SPACE, 'u1', answer('u1', 7));
    await store.close();
    const again = await openLowdbStore({ dataDir });
    expect((await again.getUser(SPACE, 'u1'))?.points).toBe(7);
    await again.close();
  });

  it('has the latest change on disk, for another process to read, as soon as flush resolves', async () => {
    const dataDir = await dir();
    const store = await openLowdbStore({ dataDir });
    for (let i = 1; i <= 5; i++) {
      await store.updateUser(SPACE, 'u1', answer('u1', 1));
      await store.flush();
      expect(await durablePoints(dataDir, 'u1')).toBe(i);
    }
    await store.close();
  });

  it('coalesces 1000 concurrent updates into one or two journal appends (group commit)', async () => {
    const dataDir = await dir();
    const store = await openLowdbStore({ dataDir });
    const append = vi.spyOn(JournalFile.prototype, 'append');
    await Promise.all(Array.from({ length: 1000 }, (_, i) => store.updateUser(SPACE, `u${i}`, answer(`u${i}`, 1))));
    await store.flush();
    expect(append.mock.calls.length).toBeGreaterThanOrEqual(1);
    expect(append.mock.calls.length).toBeLessThanOrEqual(2);
    await store.close();
  });

  it('loses nothing when the snapshot cannot be replaced: the journal keeps it, and the failure is logged once', async () => {
    const dataDir = await dir();
    const logger = recordingLogger();
    const warn = vi.spyOn(process, 'emitWarning');
    const store = await openLowdbStore({ dataDir, logger });
    await store.updateUser(SPACE, 'u1', answer('u1', 1));
    await store.compact();
    // A non-empty directory where the snapshot should be makes every rename over it fail.
    const file = join(dataDir, 'panelist.json');
    await rename(file, `${file}.aside`);
    await mkdir(join(file, 'blocker'), { recursive: true });
    for (let i = 0; i < 3; i++) {
      await store.updateUser(SPACE, 'u2', answer('u2', 2));
      await store.flush();
      await store.compact();
    }
    // Answers are durable in the journal, so the store stays ready; the health says what is wrong.
    expect(store.health()).toMatchObject({ ok: true, state: 'ok', compactionError: expect.stringContaining('panelist.json') });
    await store.close();
    expect(logger.lines.filter((l) => l.msg.startsWith('cannot rewrite the database snapshot'))).toHaveLength(1);
    expect(warn).not.toHaveBeenCalled();
    await rm(file, { recursive: true });
    await rename(`${file}.aside`, file);
    // The old snapshot plus the journals it does not cover: everything is there, and the next close folds it into one file again.
    expect(await durablePoints(dataDir, 'u2')).toBe(6);
    const again = await openLowdbStore({ dataDir });
    expect((await again.getUser(SPACE, 'u1'))?.points).toBe(1);
    expect((await again.getUser(SPACE, 'u2'))?.points).toBe(6);
    await again.close();
    expect(await readdir(dataDir)).toEqual(['panelist.json']);
  });

  it('drops sessions older than the maximum age when it opens', async () => {
    const dataDir = await dir();
    const day = 24 * 60 * 60 * 1000;
    const store = await openLowdbStore({ dataDir, now: () => 100 * day });
    await store.putSession(makeSession('s|c|old', { updatedAt: 50 * day }));
    await store.putSession(makeSession('s|c|recent', { updatedAt: 99 * day }));
    await store.close();
    const again = await openLowdbStore({ dataDir, now: () => 100 * day, sessionMaxAgeMs: 7 * day });
    expect(await again.getSession('s|c|old')).toBeUndefined();
    expect(await again.getSession('s|c|recent')).toBeDefined();
    await again.close();
    const keepAll = await openLowdbStore({ dataDir, now: () => 1_000 * day, sessionMaxAgeMs: 0 });
    expect(await keepAll.getSession('s|c|recent')).toBeDefined();
    await keepAll.close();
  });

  it('opens a version 1 file written before flags existed, with no flags, and adds them on the next write', async () => {
    const dataDir = await dir();
    const file = join(dataDir, 'panelist.json');
    await writeFile(file, JSON.stringify({ version: 1, users: { [SPACE]: { u1: makeUser('u1', { points: 3 }) } }, sessions: {} }));
    const store = await openLowdbStore({ dataDir });
    expect((await store.getUser(SPACE, 'u1'))?.points).toBe(3);
    expect(await store.listFlags()).toEqual([]);
    const flag = { roleId: 'devops-engineer', questionId: 'q1', space: SPACE, userId: 'u1', at: 5 };
    expect(await store.addFlag(flag)).toBe(true);
    await store.close();
    const json = JSON.parse(await readFile(file, 'utf8')) as { version: number; flags: unknown[] };
    expect(json.version).toBe(1);
    expect(json.flags).toEqual([flag]);
  });

  it('deduplicates and caps the flags of a hand-edited file when it opens', async () => {
    const dataDir = await dir();
    const flag = (i: number) => ({ roleId: 'devops-engineer', questionId: 'q1', space: SPACE, userId: `u${i}`, at: i });
    const flags = [flag(0), flag(0), ...Array.from({ length: 1001 }, (_, i) => flag(i + 1))];
    await writeFile(join(dataDir, 'panelist.json'), JSON.stringify({ version: 1, users: {}, sessions: {}, flags }));
    const store = await openLowdbStore({ dataDir });
    const listed = await store.listFlags();
    expect(listed).toHaveLength(1000);
    expect(listed[0]?.userId).toBe('u1001');
    expect(listed.at(-1)?.userId).toBe('u2');
    await store.close();
  });

  it('removes a stray temp file left by a killed write and keeps the intact main file', async () => {
    const dataDir = await dir();
    const store = await openLowdbStore({ dataDir });
    await store.updateUser(SPACE, 'u1', answer('u1', 4));
    await store.close();
    const temp = join(dataDir, '.panelist.json.tmp');
    await writeFile(temp, '{"version":1,"users":{"half');
    const again = await openLowdbStore({ dataDir });
    expect((await again.getUser(SPACE, 'u1'))?.points).toBe(4);
    expect(existsSync(temp)).toBe(false);
    await again.close();
  });
});

describe('lowdb store: damaged files are refused and never overwritten', () => {
  const validUser = makeUser('u1');
  const cases: [string, string, StoreOpenErrorCode, RegExp][] = [
    ['bad JSON', '{"version":1,"users":{', 'damaged', /not valid JSON/],
    ['an empty file', '', 'damaged', /empty/],
    ['null', 'null', 'damaged', /null/],
    ['an array', '[]', 'damaged', /array/],
    ['no version', '{"users":{},"sessions":{}}', 'damaged', /version/],
    ['users of the wrong type', '{"version":1,"users":5,"sessions":{}}', 'damaged', /users/],
    [
      'a record with a wrong field',
      JSON.stringify({ version: 1, users: { [SPACE]: { u1: { ...validUser, points: 'many' } } }, sessions: {} }),
      'damaged',
      /points/,
    ],
    ['flags that are not a list', '{"version":1,"users":{},"sessions":{},"flags":{}}', 'damaged', /flags/],
    [
      'a flag with a wrong field',
      JSON.stringify({ version: 1, users: {}, sessions: {}, flags: [{ roleId: 'r', questionId: 'q', space: 's', userId: 'u', at: 'now' }] }),
      'damaged',
      /flags\.0\.at/,
    ],
    ['a newer version', '{"version":2,"users":{},"sessions":{}}', 'version', /newer/],
    ['a nonsense version', '{"version":"one","users":{},"sessions":{}}', 'version', /unknown format version "one"/],
  ];

  it.each(cases)('refuses %s with a clear error naming the file', async (_label, content, code, detail) => {
    const dataDir = await dir();
    const file = join(dataDir, 'panelist.json');
    await writeFile(file, content);
    const before = await readFile(file);
    const error = await openError(dataDir);
    expect(error.code).toBe(code);
    expect(error.file).toBe(file);
    expect(error.message).toContain(file);
    expect(error.message).toMatch(detail);
    expect((await readFile(file)).equals(before)).toBe(true);
    // The failed open let go of the lock and wrote nothing beside the file.
    expect(await readdir(dataDir)).toEqual(['panelist.json']);
  });

  it('refuses a path it cannot read as a file', async () => {
    const dataDir = await dir();
    await mkdir(join(dataDir, 'panelist.json'));
    const error = await openError(dataDir);
    expect(error.code).toBe('unreadable');
    expect(error.message).toContain(join(dataDir, 'panelist.json'));
  });

  it('refuses a data directory that is a file', async () => {
    const base = await dir();
    await writeFile(join(base, 'data'), 'not a directory');
    const error = await openError(join(base, 'data'));
    expect(error.code).toBe('unreadable');
    expect(error.message).toContain(join(base, 'data'));
  });
});
