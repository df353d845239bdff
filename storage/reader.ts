/**
 * A read-only opening of the file store, for commands that run beside a live
 * bot (`flags`, `disputes`, `scorecards`): it takes no lock, writes nothing, and sees the last
 * durable state, the snapshot plus every journal not folded into it yet.
 */
import type { Scorecard } from '../src/interview/scorecard.js';
import type { Period, QuestionFlag, QuizSession, RecordStore, UserRecord } from '../src/ports.js';
import { storePaths } from './files.js';
import { loadStore } from './load.js';
import { SnapshotFile } from './snapshot.js';

/** What a read-only opening offers: the `Store` reads, as of the moment it was opened. */
export interface StoreReader {
  getUser(space: string, userId: string): Promise<UserRecord | undefined>;
  /** As `Store.topUsers`. */
  topUsers(space: string, period: Period, limit: number): Promise<UserRecord[]>;
  getSession(key: string): Promise<QuizSession | undefined>;
  /** Every kept flag, newest first (copies). */
  listFlags(): Promise<QuestionFlag[]>;
  /** As `Store.getRecord`. */
  getRecord: RecordStore['getRecord'];
  /** As `Store.listRecords`. */
  listRecords: RecordStore['listRecords'];
  /**
   * Every author's scorecards, latest finished first (copies): for the
   * operator's export (`scorecards --json`), who holds the file anyway. The
   * `Store` port offers only an owner's own.
   */
  allScorecards(): Promise<Scorecard[]>;
  /** Nothing to release (no lock, no open file); there for symmetry with `Store`. */
  close(): Promise<void>;
}

/** Options of `openStoreReader`: the same location options as `openLowdbStore`. */
export interface StoreReaderOptions {
  dataDir: string;
  fileName?: string;
}

/**
 * Reads the store `<dataDir>/<fileName>` once, without the lock, so it works
 * while a bot holds the database. A missing directory or file reads as empty.
 * Throws `StoreOpenError` for a damaged or unreadable file, as `openLowdbStore` does.
 */
export async function openStoreReader(options: StoreReaderOptions): Promise<StoreReader> {
  const paths = storePaths(options.dataDir, options.fileName);
  // Concurrent: the writer may be compacting while this reads, which is detected and retried.
  const { state } = await loadStore(paths, new SnapshotFile(paths), true);
  return {
    getUser: async (space, userId) => state.getUser(space, userId),
    topUsers: async (space, period, limit) => state.topUsers(space, period, limit),
    getSession: async (key) => state.getSession(key),
    listFlags: async () => state.listFlags(),
    getRecord: async (kind, key) => state.records.get(kind, key),
    listRecords: async (kind, query) => state.records.list(kind, query),
    allScorecards: async () => state.interviews.allScorecards(),
    close: async () => {},
  };
}
