/**
 * The file store: a lowdb JSON snapshot plus an append-only journal, guarded by
 * a lock file.
 *
 * Changes are applied to memory synchronously and made durable by group commit
 * into the journal (`writer.ts`): one fdatasync'd append per group, whatever
 * the size of the database. The journal is folded into the snapshot in the
 * background, at start-up and at close (`compactor.ts`), so after a clean stop
 * `panelist.json` alone holds everything and is the file to read and back up.
 * While the bot runs, the last durable state is the snapshot plus the journals
 * beside it (`openStoreReader` reads it without taking the lock).
 */
import { mkdir, unlink } from 'node:fs/promises';
import { createLogger } from '../adapters/logger.js';
import { type StoreLogger, StoreOpenError, storePaths } from './files.js';
import { loadStore } from './load.js';
import { acquireLock, type HeldLock, LockHeldError, LockLostError } from './lock.js';
import { type PanelistStore, storeOverState } from './memory-store.js';
import { SnapshotFile } from './snapshot.js';
import { Writer } from './writer.js';

export { DEFAULT_FILE_NAME, parseStoreFile, StoreOpenError, type StoreOpenErrorCode } from './files.js';
export { openStoreReader, type StoreReader } from './reader.js';

/** Options of `openLowdbStore`. */
export interface LowdbStoreOptions {
  /** Directory of the store file; created if missing. */
  dataDir: string;
  /** File name inside `dataDir`; default `panelist.json`. */
  fileName?: string;
  /**
   * Sessions not updated for this long are dropped when the store opens, so
   * abandoned quizzes do not pile up across restarts. Default 30 days; 0 keeps all.
   */
  sessionMaxAgeMs?: number;
  /** Clock for the session purge; default `Date.now`. */
  now?: () => number;
  /** Where write faults and a lost lock are reported (once per streak); default JSON lines on stderr. */
  logger?: StoreLogger;
  /** Fold the journal into the snapshot once it holds this many bytes; default max(4 MB, snapshot size). */
  compactAfterBytes?: number;
  /** While writes fail, how often to try again; default 1 s. */
  retryMs?: number;
}

/** The file store: a `PanelistStore` that can also be compacted on demand. */
export interface LowdbStore extends PanelistStore {
  /** Folds the journal into the snapshot now (benchmarks, tests); never needed for correctness. */
  compact(): Promise<void>;
}

const DEFAULT_SESSION_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Opens (or creates) the store `<dataDir>/<fileName>` and locks it for this
 * process. Throws `StoreOpenError` if the snapshot or a journal is damaged, of
 * another version, unreadable, or open elsewhere; a missing file starts empty.
 */
export async function openLowdbStore(options: LowdbStoreOptions): Promise<LowdbStore> {
  const paths = storePaths(options.dataDir, options.fileName);
  const { file } = paths;
  const now = options.now ?? Date.now;
  const logger = options.logger ?? createLogger({ base: { component: 'store' } });

  try {
    await mkdir(paths.dir, { recursive: true });
  } catch (error) {
    throw new StoreOpenError('unreadable', file, `cannot create the data directory ${paths.dir}: ${(error as Error).message}`, {
      cause: error,
    });
  }

  let writer: Writer | undefined;
  let lock: HeldLock;
  try {
    lock = await acquireLock(paths.lock, { onLost: () => writer?.lockLost() });
  } catch (error) {
    if (error instanceof LockHeldError) {
      throw new StoreOpenError(
        'locked',
        file,
        `the database ${file} is in use by ${error.holder}. Stop the other Panelist, ` +
          `or delete ${paths.lock} if no other Panelist is running. (Read-only commands such as flags do not need it.)`,
        { cause: error },
      );
    }
    throw new StoreOpenError('unreadable', file, `cannot create the lock file ${paths.lock}: ${(error as Error).message}`, {
      cause: error,
    });
  }

  try {
    const snapshot = new SnapshotFile(paths, async () => {
      // The last moment before the snapshot changes: never replace it for another writer.
      if (!(await lock.verify())) throw new LockLostError(`the lock ${paths.lock} is gone or held by another process`);
    });
    const loaded = await loadStore(paths, snapshot, false);
    // A temp file left by a process killed mid-compaction; the snapshot is the last complete one.
    await unlink(paths.temp).catch(() => {});
    for (const gen of loaded.leftovers) await unlink(paths.journal(gen)).catch(() => {});
    const maxAge = options.sessionMaxAgeMs ?? DEFAULT_SESSION_MAX_AGE_MS;
    // Purged before the writer listens: the purge is redone at every start, so it need not be journalled.
    const purged = maxAge > 0 ? loaded.state.purgeSessions(now() - maxAge) : 0;
    writer = new Writer({
      state: loaded.state,
      lock,
      paths,
      logger,
      db: loaded.db,
      snapshot,
      gen: loaded.nextGen,
      unfoldedBytes: loaded.journals.reduce((sum, j) => sum + j.bytes, 0),
      // Journals replayed or sessions purged: fold them into the snapshot soon, in the background.
      stale: loaded.journals.length > 0 || purged > 0,
      ...(options.compactAfterBytes !== undefined ? { compactAfterBytes: options.compactAfterBytes } : {}),
      retryMs: options.retryMs ?? 1_000,
    });
    const live = writer;
    loaded.state.listen((change) => live.record(change));
    const store = storeOverState(loaded.state, {
      label: live.label,
      admit: (epoch) => live.admit(epoch),
      mark: () => live.mark(),
      waitFor: (seqs) => live.waitFor(seqs),
      flush: () => live.flush(),
      health: () => live.health(),
      close: async () => {
        try {
          await live.close();
        } finally {
          await lock.release();
        }
      },
    });
    return { ...store, compact: () => live.compact() };
  } catch (error) {
    await lock.release();
    throw error;
  }
}
