/**
 * A lock file beside the store file, so a second process (or a second open in
 * this one) cannot write over the first one's data.
 *
 * The lock holds `{ pid, host, token }` and is created atomically with its
 * content (write a private temp file, then `link` it to the lock path: `link`
 * fails if the lock exists, and nobody ever sees an empty lock). The holder
 * touches it every few seconds, so a lock left by a process on another host
 * can still be recognised as stale.
 *
 * A lock whose pid is alive on this host is never stale, however old: a process
 * frozen for a while (SIGSTOP, a debugger, a suspended VM) is still the writer,
 * and taking its lock would give the file two writers. Age only decides for
 * locks we cannot check (another host, unreadable content). Because a lock can
 * still be lost (deleted by hand, taken over from another host), the holder
 * checks `verify()` before each write and stops writing when it fails.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { type FileHandle, link, open, readFile, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';

/** Content of a lock file. */
interface LockInfo {
  pid: number;
  host: string;
  token: string;
}

/** A lock this process holds. */
export interface HeldLock {
  readonly path: string;
  /**
   * True while the lock file is still ours (our token); false once it is gone
   * or another process's. Throws only when the file cannot be read at all.
   */
  verify(): Promise<boolean>;
  /** Removes the lock file if it is still ours; safe to call twice. */
  release(): Promise<void>;
}

/** Options of `acquireLock`. */
export interface LockOptions {
  /** Called once when the heartbeat finds the lock is no longer ours. */
  onLost?: () => void;
}

/** The lock file is no longer ours: whoever held it must stop writing. */
export class LockLostError extends Error {
  override name = 'LockLostError';
}

/** Why a lock could not be taken; `holder` describes the other process when known. */
export class LockHeldError extends Error {
  override name = 'LockHeldError';
  constructor(
    readonly lockPath: string,
    readonly holder: string,
  ) {
    super(`${lockPath} is held by ${holder}`);
  }
}

/** How often the holder touches its lock file. */
const HEARTBEAT_MS = 10_000;
/** A lock we cannot check (another host, unreadable) untouched for this long is stale. */
const STALE_AFTER_MS = 60_000;

// Locks held by this process: a second open here is refused even though the pid is alive (it is us).
const heldHere = new Set<string>();

function parseLock(text: string): LockInfo | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const { pid, host, token } = value as Record<string, unknown>;
    if (typeof pid !== 'number' || typeof host !== 'string' || typeof token !== 'string') return undefined;
    return { pid, host, token };
  } catch {
    return undefined;
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Undefined when the lock may be taken over, else a description of its live holder. */
function liveHolder(info: LockInfo | undefined, ageMs: number, lockPath: string): string | undefined {
  const fresh = ageMs <= STALE_AFTER_MS;
  // Unreadable content: a writer we cannot identify; respect it until its heartbeat is long gone.
  if (info === undefined) return fresh ? 'an unknown process (unreadable lock file)' : undefined;
  // Another host's pid cannot be checked from here: only the heartbeat tells.
  if (info.host !== hostname()) return fresh ? `pid ${info.pid} on host ${info.host}` : undefined;
  // Our own pid but not held here: a previous incarnation (containers restart as pid 1).
  if (info.pid === process.pid && !heldHere.has(lockPath)) return undefined;
  if (info.pid === process.pid) return 'this process (the store is already open)';
  // Alive on this host: never stale, whatever the age (it may only be frozen).
  return pidAlive(info.pid) ? `pid ${info.pid}${fresh ? '' : ' (alive, though its lock has not been touched for over a minute)'}` : undefined;
}

/**
 * Takes the lock at `lockPath` or throws `LockHeldError`. A stale lock (dead
 * pid on this host; another host's or an unreadable one untouched for a minute)
 * is taken over.
 */
export async function acquireLock(lockPath: string, options: LockOptions = {}): Promise<HeldLock> {
  if (heldHere.has(lockPath)) throw new LockHeldError(lockPath, 'this process (the store is already open)');
  const info: LockInfo = { pid: process.pid, host: hostname(), token: randomUUID() };
  const tempPath = `${lockPath}.${info.token}`;
  await writeFile(tempPath, JSON.stringify(info), { flag: 'wx' });
  // Held open for as long as the lock is: while it is open its inode cannot be reused, so
  // "the lock path still has our inode" proves the lock is ours with one stat.
  const handle: FileHandle = await open(tempPath, 'r');
  let own: { dev: number; ino: number };
  try {
    own = await handle.stat();
    // Two rounds: the first may find a stale lock and remove it.
    for (let attempt = 0; ; attempt++) {
      try {
        await link(tempPath, lockPath);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const [text, stats] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath)]).catch((error: NodeJS.ErrnoException) => {
        // Gone between link and read: its holder just released it; try again.
        if (error.code === 'ENOENT') return [undefined, undefined] as const;
        throw error;
      });
      if (text === undefined || stats === undefined) continue;
      const holder = liveHolder(parseLock(text), Date.now() - stats.mtimeMs, lockPath);
      if (holder !== undefined || attempt >= 2) throw new LockHeldError(lockPath, holder ?? 'a process that keeps replacing it');
      // Re-read right before removing, so a lock another process just took over is not deleted.
      const again = await readFile(lockPath, 'utf8').catch(() => undefined);
      if (again === text) await unlink(lockPath).catch(() => {});
    }
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  } finally {
    await unlink(tempPath).catch(() => {});
  }
  heldHere.add(lockPath);

  const stillOurs = (text: string | undefined): boolean => text !== undefined && parseLock(text)?.token === info.token;
  // One stat before every write: cheap enough to never skip.
  const verify = async (): Promise<boolean> => {
    try {
      const now = await stat(lockPath);
      return now.ino === own.ino && now.dev === own.dev;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  };
  let lost = false;
  const heartbeat = setInterval(() => {
    // Check (inode and content) before touching: refreshing another process's lock would keep it from ever going stale.
    verify()
      .then(async (ours) => ours && stillOurs(await readFile(lockPath, 'utf8').catch(() => undefined)))
      .then((ours) => {
        if (ours) {
          const now = new Date();
          return utimes(lockPath, now, now);
        }
        if (!lost) {
          lost = true;
          clearInterval(heartbeat);
          options.onLost?.();
        }
        return undefined;
      })
      .catch(() => {});
  }, HEARTBEAT_MS);
  heartbeat.unref();
  // `exit` runs on process.exit() and a normal end, not on a fatal signal: the stale rules cover that.
  const onExit = (): void => {
    try {
      if (stillOurs(readFileSync(lockPath, 'utf8'))) unlinkSync(lockPath);
    } catch {
      // Nothing useful to do while exiting.
    }
  };
  process.on('exit', onExit);

  let released = false;
  return {
    path: lockPath,
    verify,
    async release() {
      if (released) return;
      released = true;
      clearInterval(heartbeat);
      process.off('exit', onExit);
      heldHere.delete(lockPath);
      const text = await readFile(lockPath, 'utf8').catch(() => undefined);
      if (stillOurs(text) && (await verify().catch(() => false))) await unlink(lockPath).catch(() => {});
      await handle.close().catch(() => {});
    },
  };
}
