/**
 * Compaction: folds the journals into a new snapshot, in the background.
 *
 * The writer hands over a picture of the state taken at a group cut and moves
 * on to a new journal generation; this writes the picture as the snapshot
 * (time-sliced, fsynced, renamed, so the event loop keeps serving) with
 * `"journal": <new generation>`, then deletes the older journals. A crash at
 * any point leaves a snapshot plus the journals it does not cover yet, and the
 * next start replays them. A compaction that fails loses nothing (the journals
 * stay) and is retried later; it is logged once per streak.
 */
import { readdir, unlink } from 'node:fs/promises';
import type { Low } from 'lowdb';
import type { StoreFile } from './file-schema.js';
import type { StoreLogger, StorePaths } from './files.js';
import { LockLostError } from './lock.js';
import type { SnapshotFile } from './snapshot.js';

/** Below this much journal the snapshot is not rewritten (unless forced or stale). */
const MIN_COMPACT_BYTES = 4 * 1024 * 1024;
/** After a failed compaction, wait this long before the next try. */
const RETRY_AFTER_MS = 30_000;

/** What the compactor needs. */
export interface CompactorOptions {
  paths: StorePaths;
  logger: StoreLogger;
  /** lowdb over the snapshot adapter. */
  db: Low<StoreFile>;
  snapshot: SnapshotFile;
  /** The journal generation the writer appends to now. */
  gen: number;
  /** Journal bytes not in the snapshot yet (replayed at open). */
  unfoldedBytes: number;
  /** True when the snapshot is behind the state for another reason (sessions purged at open). */
  stale: boolean;
  /** Compact once this many journal bytes are not in the snapshot; default the larger of 4 MB and the snapshot's size. */
  compactAfterBytes?: number;
  /** The snapshot's rename was stopped because the lock is not ours. */
  onLockLost: () => void;
}

/** Decides when to compact and runs one compaction at a time. */
export class Compactor {
  /** The journal generation current writes go to. */
  gen: number;
  /** Why the last compaction failed, while it keeps failing. */
  failure: string | undefined;
  /** A compaction was asked for (close, `compact()`) and has not started yet. */
  forced = false;
  private unfolded: number;
  private stale: boolean;
  private running: Promise<void> | undefined;
  private retryAt = 0;

  constructor(private readonly options: CompactorOptions) {
    this.gen = options.gen;
    this.unfolded = options.unfoldedBytes;
    this.stale = options.stale;
  }

  /** A group of `bytes` went into the current journal. */
  grew(bytes: number): void {
    this.unfolded += bytes;
  }

  /** True when the snapshot is behind the journals. */
  needed(): boolean {
    return this.stale || this.unfolded > 0;
  }

  force(): void {
    this.forced = true;
  }

  /** True when the writer should take a picture for a compaction now. */
  due(): boolean {
    if (this.running !== undefined || !this.needed()) return false;
    if (this.forced) return true;
    const threshold = this.options.compactAfterBytes ?? Math.max(MIN_COMPACT_BYTES, this.options.snapshot.bytes);
    return (this.stale || this.unfolded >= threshold) && Date.now() >= this.retryAt;
  }

  /** Resolves once no compaction is running. */
  async idle(): Promise<void> {
    while (this.running !== undefined) await this.running;
  }

  /**
   * Starts writing `picture`, which holds everything in journals up to the
   * current generation; writes from now on go to the next one.
   */
  start(picture: StoreFile): void {
    const folded = this.unfolded;
    const wasStale = this.stale;
    this.gen += 1;
    this.unfolded = 0;
    this.stale = false;
    this.forced = false;
    const covers = this.gen;
    picture.journal = covers;
    this.running = (async () => {
      await null;
      try {
        const { db } = this.options;
        db.data = picture;
        await db.write();
        await this.removeJournalsBelow(covers);
        if (this.failure !== undefined) this.options.logger.warn('database snapshot written again', { file: this.options.paths.file });
        this.failure = undefined;
      } catch (error) {
        if (error instanceof LockLostError) {
          this.options.onLockLost();
          return;
        }
        // Nothing is lost: the older journals stay and fold into the next snapshot.
        this.unfolded += folded;
        this.stale ||= wasStale;
        this.retryAt = Date.now() + RETRY_AFTER_MS;
        const message = error instanceof Error ? error.message : String(error);
        if (this.failure === undefined) {
          this.options.logger.error('cannot rewrite the database snapshot; changes are still saved in its journal and replayed at start-up', {
            file: this.options.paths.file,
            error: message,
          });
        }
        this.failure = message;
      } finally {
        this.running = undefined;
      }
    })();
  }

  private async removeJournalsBelow(gen: number): Promise<void> {
    const { paths } = this.options;
    for (const name of await readdir(paths.dir)) {
      const old = paths.journalGen(name);
      if (old !== undefined && old < gen) await unlink(paths.journal(old)).catch(() => {});
    }
  }
}
