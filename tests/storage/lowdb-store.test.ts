import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, rmdir, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataFile } from 'lowdb/node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Store } from '../../src/ports.js';
import { openLowdbStore, StoreOpenError, type StoreOpenErrorCode } from '../../storage/lowdb-store.js';
import { answer, makeSession, makeUser } from './records.js';
import { storeContract } from './store-contract.js';

const CHILD = fileURLToPath(new URL('./fixtures/store-child.ts', import.meta.url));
const SPACE = 'devops-engineer@slack:T123';

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'panelist-store-'));
}

storeContract('lowdb', async () => {
  const dir = await tempDir();
  // The factories date everything near epoch 0; a real clock would purge their sessions as abandoned on reopen.
  const options = { dataDir: dir, now: () => 10_000 };
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
      await rm(dir, { recursive: true, force: true });
    },
  };
});

/** Starts the child fixture; `lines` collects its stdout lines as they come. */
function child(mode: 'hold' | 'try' | 'write', dir: string) {
  const proc: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--import', 'tsx', CHILD, mode, dir], {
    stdio: 'pipe',
  });
  const lines: string[] = [];
  let stderr = '';
  let buffer = '';
  const waiters: (() => void)[] = [];
  proc.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    lines.push(...parts);
    for (const wake of waiters.splice(0)) wake();
  });
  proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  /** Resolves with the first line matching `pattern`. */
  const waitFor = (pattern: RegExp, timeoutMs = 15_000): Promise<string> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`child never printed ${pattern}; stderr: ${stderr}`)), timeoutMs);
      const check = (): void => {
        const hit = lines.find((line) => pattern.test(line));
        if (hit !== undefined) {
          clearTimeout(timer);
          resolve(hit);
        } else waiters.push(check);
      };
      check();
    });
  return { proc, lines, exited, waitFor, stderr: () => stderr };
}

const dirs: string[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});
async function dir(): Promise<string> {
  const made = await tempDir();
  dirs.push(made);
  return made;
}

async function openError(dataDir: string): Promise<StoreOpenError> {
  try {
    const store = await openLowdbStore({ dataDir });
    await store.close();
  } catch (error) {
    if (error instanceof StoreOpenError) return error;
    throw error;
  }
  throw new Error('the store opened');
}

describe('lowdb store: file and format', () => {
  it('creates a missing directory, starts empty, and writes compact versioned JSON on flush', async () => {
    const base = await dir();
    const dataDir = join(base, 'nested', 'data');
    const store = await openLowdbStore({ dataDir });
    expect(await store.getUser(SPACE, 'u1')).toBeUndefined();
    await store.updateUser(SPACE, 'u1', answer('u1', 10));
    await store.putSession(makeSession(`${SPACE}|C1|u1`));
    await store.flush();
    const text = await readFile(join(dataDir, 'panelist.json'), 'utf8');
    expect(text).not.toMatch(/\n/);
    const json = JSON.parse(text) as { version: number; users: Record<string, Record<string, { points: number }>>; sessions: object };
    expect(json.version).toBe(1);
    expect(json.users[SPACE]?.u1?.points).toBe(10);
    expect(Object.keys(json.sessions)).toEqual([`${SPACE}|C1|u1`]);
    await store.close();
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

  it('has the latest change on disk as soon as flush resolves', async () => {
    const dataDir = await dir();
    const store = await openLowdbStore({ dataDir });
    for (let i = 1; i <= 5; i++) {
      await store.updateUser(SPACE, 'u1', answer('u1', 1));
      await store.flush();
      const json = JSON.parse(await readFile(join(dataDir, 'panelist.json'), 'utf8')) as {
        users: Record<string, Record<string, { answered: number }>>;
      };
      expect(json.users[SPACE]?.u1?.answered).toBe(i);
    }
    await store.close();
  });

  it('coalesces 1000 concurrent updates into a few whole-file writes', async () => {
    const dataDir = await dir();
    const store = await openLowdbStore({ dataDir });
    const write = vi.spyOn(DataFile.prototype, 'write');
    await Promise.all(Array.from({ length: 1000 }, (_, i) => store.updateUser(SPACE, `u${i}`, answer(`u${i}`, 1))));
    await store.flush();
    expect(write.mock.calls.length).toBeGreaterThanOrEqual(1);
    expect(write.mock.calls.length).toBeLessThanOrEqual(2);
    await store.close();
  });

  it('reports a failing write from flush, keeps the change, and succeeds once the cause is gone', async () => {
    const dataDir = await dir();
    const store = await openLowdbStore({ dataDir });
    await store.updateUser(SPACE, 'u1', answer('u1', 1));
    await store.flush();
    // A directory where the file should be makes the rename fail.
    const file = join(dataDir, 'panelist.json');
    await rm(file);
    await mkdir(file);
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    await store.updateUser(SPACE, 'u2', answer('u2', 2));
    await expect(store.flush()).rejects.toThrow(file);
    await rmdir(file);
    await store.flush();
    await store.close();
    warn.mockRestore();
    const again = await openLowdbStore({ dataDir });
    expect((await again.getUser(SPACE, 'u2'))?.points).toBe(2);
    await again.close();
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

describe('lowdb store: one process at a time', () => {
  it('refuses a second open in the same process until the first closes', async () => {
    const dataDir = await dir();
    const first = await openLowdbStore({ dataDir });
    const lock = join(dataDir, 'panelist.json.lock');
    expect(existsSync(lock)).toBe(true);
    const error = await openError(dataDir);
    expect(error.code).toBe('locked');
    expect(error.message).toContain(join(dataDir, 'panelist.json'));
    expect(error.message).toContain(lock);
    // The refused open must not have released the holder's lock.
    expect(existsSync(lock)).toBe(true);
    await first.close();
    expect(existsSync(lock)).toBe(false);
    const second = await openLowdbStore({ dataDir });
    await second.close();
  });

  it('refuses a second process while this one holds the store', async () => {
    const dataDir = await dir();
    const store = await openLowdbStore({ dataDir });
    const other = child('try', dataDir);
    expect(await other.waitFor(/^(opened|refused|error)/)).toBe('refused locked');
    await store.close();
    const later = child('try', dataDir);
    expect(await later.waitFor(/^(opened|refused|error)/)).toBe('opened');
  });

  it('is refused while another process holds it, and gets it once that process exits or dies', async () => {
    const dataDir = await dir();
    const holder = child('hold', dataDir);
    await holder.waitFor(/^ready$/);
    const error = await openError(dataDir);
    expect(error.code).toBe('locked');
    expect(error.message).toContain(`pid ${holder.proc.pid}`);
    // The holder exits without closing the store: its exit handler removes the lock.
    holder.proc.stdin.end();
    expect(await holder.exited).toBe(0);
    expect(existsSync(join(dataDir, 'panelist.json.lock'))).toBe(false);

    const killed = child('hold', dataDir);
    await killed.waitFor(/^ready$/);
    killed.proc.kill('SIGKILL');
    await killed.exited;
    // The dead process's lock is still there; it is stale and taken over.
    expect(existsSync(join(dataDir, 'panelist.json.lock'))).toBe(true);
    const store = await openLowdbStore({ dataDir });
    await store.close();
  });

  it('takes over stale locks and respects live ones', async () => {
    const dataDir = await dir();
    const lock = join(dataDir, 'panelist.json.lock');
    const write = (pid: number, host = hostname()) => writeFile(lock, JSON.stringify({ pid, host, token: 't' }));
    const opens = async (): Promise<boolean> => {
      try {
        await (await openLowdbStore({ dataDir })).close();
        return true;
      } catch (error) {
        if (error instanceof StoreOpenError && error.code === 'locked') return false;
        throw error;
      }
    };
    // A pid that is not alive on this host.
    await write(2 ** 22 + 12_345);
    expect(await opens()).toBe(true);
    // Our own pid, not held here: a previous run in a container that restarted as the same pid.
    await write(process.pid);
    expect(await opens()).toBe(true);
    // A live process (our parent) on this host.
    await write(process.ppid);
    expect(await opens()).toBe(false);
    // Another host, recently touched: cannot be checked, so it is respected...
    await write(1, 'some-other-host');
    expect(await opens()).toBe(false);
    // ...until its heartbeat is more than a minute old.
    const old = new Date(Date.now() - 5 * 60_000);
    await utimes(lock, old, old);
    expect(await opens()).toBe(true);
    // Unreadable but fresh: refused rather than guessed at.
    await writeFile(lock, 'garbage');
    expect(await opens()).toBe(false);
  });
});

describe('lowdb store: a process killed mid-write leaves a valid file', () => {
  it('opens cleanly with everything flushed after SIGKILL at random moments', { timeout: 60_000 }, async () => {
    const dataDir = await dir();
    const temp = join(dataDir, '.panelist.json.tmp');
    let caughtMidWrite = 0;
    for (let attempt = 0; attempt < 6; attempt++) {
      const writer = child('write', dataDir);
      await writer.waitFor(/^flushed/);
      if (attempt % 2 === 0) {
        await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 400));
      } else {
        // Aim at a write: kill as soon as the temp file shows up or the main file starts changing
        // (the latter is what a non-atomic writer would show).
        const main = join(dataDir, 'panelist.json');
        const before = await stat(main);
        const changed = async (): Promise<boolean> => {
          const now = await stat(main).catch(() => undefined);
          return now === undefined || now.size !== before.size || now.mtimeMs !== before.mtimeMs;
        };
        const deadline = Date.now() + 5_000;
        while (!existsSync(temp) && !(await changed()) && Date.now() < deadline) {
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      writer.proc.kill('SIGKILL');
      await writer.exited;
      if (existsSync(temp)) caughtMidWrite++;
      const flushed = Math.max(...writer.lines.map((line) => Number(/^flushed (\d+)$/.exec(line)?.[1] ?? 0)));
      const store = await openLowdbStore({ dataDir });
      const users = await store.topUsers('space', { kind: 'all' }, 1_000_000);
      // Everything the child saw flushed is there; a write in flight may add more.
      expect(users.length).toBeGreaterThanOrEqual(flushed);
      await store.close();
    }
    // Otherwise the test proved nothing about interrupted writes.
    expect(caughtMidWrite).toBeGreaterThan(0);
    const size = (await readFile(join(dataDir, 'panelist.json'))).length;
    expect(size).toBeGreaterThan(100_000);
  });
});
