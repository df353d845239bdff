import { existsSync } from 'node:fs';
import { readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreWriteError } from '../../src/ports.js';
import { storePaths } from '../../storage/files.js';
import { journalGens } from '../../storage/load.js';
import { openLowdbStore, StoreOpenError } from '../../storage/lowdb-store.js';
import { child, tempDir as dir, durablePoints, openError, recordingLogger, SPACE } from './helpers.js';
import { answer } from './records.js';

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

describe('lowdb store: the lock is never taken from a live process', () => {
  it('refuses a lock held by a live process on this host however old it is (a holder frozen for over a minute)', { timeout: 30_000 }, async () => {
    const dataDir = await dir();
    const holder = child('hold', dataDir);
    await holder.waitFor(/^ready$/);
    const lock = join(dataDir, 'panelist.json.lock');
    // What 65 s of SIGSTOP looks like from outside: a live pid whose heartbeat stopped long ago.
    holder.proc.kill('SIGSTOP');
    const old = new Date(Date.now() - 5 * 60_000);
    await utimes(lock, old, old);
    try {
      const error = await openError(dataDir);
      expect(error.code).toBe('locked');
      expect(error.message).toContain(`pid ${holder.proc.pid}`);
      expect(JSON.parse(await readFile(lock, 'utf8'))).toMatchObject({ pid: holder.proc.pid });
    } finally {
      holder.proc.kill('SIGCONT');
    }
    holder.proc.stdin.end();
    expect(await holder.exited).toBe(0);
    expect(existsSync(lock)).toBe(false);
  });

  it('stops writing, says so once, and answers "not saved" once its lock file is no longer its own', async () => {
    const dataDir = await dir();
    const logger = recordingLogger();
    const paths = storePaths(dataDir);
    const store = await openLowdbStore({ dataDir, logger });
    await store.durably((s) => s.updateUser(SPACE, 'u1', answer('u1', 5)));
    const [gen] = await journalGens(paths);
    const journal = paths.journal(gen ?? 0);
    const journalSize = (await stat(journal)).size;
    // Someone deleted the lock and another process took it (or it was taken from another host).
    const foreign = JSON.stringify({ pid: process.ppid, host: hostname(), token: 'another-writer' });
    await rm(paths.lock);
    await writeFile(paths.lock, foreign);

    await expect(store.durably((s) => s.updateUser(SPACE, 'u1', answer('u1', 5)))).rejects.toBeInstanceOf(StoreWriteError);
    await expect(store.durably((s) => s.updateUser(SPACE, 'u2', answer('u2', 1)))).rejects.toBeInstanceOf(StoreWriteError);
    await expect(store.flush()).rejects.toThrow(/lock/);
    expect(store.health()).toMatchObject({ ok: false, state: 'lock-lost', error: expect.stringContaining('lock') });
    // Nothing was written after the loss, and memory went back to what is durable.
    expect((await stat(journal)).size).toBe(journalSize);
    expect((await store.getUser(SPACE, 'u1'))?.points).toBe(5);
    expect(logger.lines.filter((l) => l.level === 'error' && /lock lost/.test(l.msg))).toHaveLength(1);
    // Close reports the failure (so the process exits non-zero) and leaves the other writer's lock and files alone.
    await expect(store.close()).rejects.toBeInstanceOf(StoreWriteError);
    expect(await readFile(paths.lock, 'utf8')).toBe(foreign);
    expect(existsSync(paths.file)).toBe(false);
    expect(await durablePoints(dataDir, 'u1')).toBe(5);
  });
});
