/**
 * The file store: one JSON file through lowdb, guarded by a lock file.
 *
 * Changes are applied to memory synchronously and written by a single writer
 * loop: however many updates arrive while a write is in flight, the next write
 * serialises the whole state once (lowdb has no partial writes). Writes go
 * through steno, which writes `.<file>.tmp` and renames it over the file, so a
 * killed process leaves either the old or the new file, never half of one.
 * Writes are not fsynced: a power cut may lose the last writes, not the file.
 */
import { mkdir, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { describeIssues, FILE_VERSION, storeFileSchema, type StoreFile } from './file-schema.js';
import { acquireLock, LockHeldError, type HeldLock } from './lock.js';
import { storeOverState, type PanelistStore } from './memory-store.js';
import { StoreState } from './store-state.js';

/** Why the store could not be opened. */
export type StoreOpenErrorCode = 'damaged' | 'locked' | 'unreadable' | 'version';

/**
 * The store file cannot be used; the message names the file and says what is
 * wrong and what to do. The file itself has not been touched.
 */
export class StoreOpenError extends Error {
  override name = 'StoreOpenError';
  constructor(
    readonly code: StoreOpenErrorCode,
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

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
}

/** Default store file name. */
export const DEFAULT_FILE_NAME = 'panelist.json';
const DEFAULT_SESSION_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

function emptyFile(): StoreFile {
  return { version: FILE_VERSION, users: {}, sessions: {}, flags: [] };
}

/** Parses and validates file text; every failure names the file and never falls back to defaults. */
export function parseStoreFile(text: string, file: string): StoreFile {
  const fail = (code: StoreOpenErrorCode, what: string, cause?: unknown): never => {
    throw new StoreOpenError(
      code,
      file,
      `cannot open the database ${file}: ${what}. The file was left untouched; ` +
        `repair it, restore a backup, or move it away to start with an empty database.`,
      { cause },
    );
  };
  if (text.trim() === '') return fail('damaged', 'the file is empty');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail('damaged', `it is not valid JSON (${(error as Error).message})`, error);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return fail('damaged', `it holds ${json === null ? 'null' : Array.isArray(json) ? 'an array' : typeof json}, not a Panelist database object`);
  }
  const version = (json as Record<string, unknown>).version;
  if (version === undefined) return fail('damaged', 'it has no "version" field, so it is not a Panelist database');
  if (version !== FILE_VERSION) {
    const newer = typeof version === 'number' && version > FILE_VERSION;
    return fail(
      'version',
      newer
        ? `it has format version ${version}, written by a newer Panelist; this one reads version ${FILE_VERSION}`
        : `it has unknown format version ${JSON.stringify(version)}; this Panelist reads version ${FILE_VERSION}`,
    );
  }
  const parsed = storeFileSchema.safeParse(json);
  if (!parsed.success) return fail('damaged', `its content has the wrong shape: ${describeIssues(parsed.error)}`);
  // The raw JSON, not zod's copy: it is already proven valid, and JSON.parse keeps
  // odd keys such as `__proto__` as plain own properties. Only `flags` comes from
  // zod, so a file written before flags existed gets its default (an empty list).
  const data = json as StoreFile;
  data.flags = parsed.data.flags;
  return data;
}

/**
 * Opens (or creates) the store file `<dataDir>/<fileName>` and locks it for
 * this process. Throws `StoreOpenError` if the file is damaged, of another
 * version, unreadable, or open elsewhere; a missing file starts empty.
 */
export async function openLowdbStore(options: LowdbStoreOptions): Promise<PanelistStore> {
  const dir = resolve(options.dataDir);
  const file = join(dir, options.fileName ?? DEFAULT_FILE_NAME);
  const lockPath = `${file}.lock`;
  const now = options.now ?? Date.now;

  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new StoreOpenError('unreadable', file, `cannot create the data directory ${dir}: ${(error as Error).message}`, {
      cause: error,
    });
  }

  let lock: HeldLock;
  try {
    lock = await acquireLock(lockPath);
  } catch (error) {
    if (error instanceof LockHeldError) {
      throw new StoreOpenError(
        'locked',
        file,
        `the database ${file} is in use by ${error.holder}. Stop the other Panelist, ` +
          `or delete ${lockPath} if no other Panelist is running.`,
        { cause: error },
      );
    }
    throw new StoreOpenError('unreadable', file, `cannot create the lock file ${lockPath}: ${(error as Error).message}`, {
      cause: error,
    });
  }

  let db: Low<StoreFile>;
  try {
    db = new Low(
      new DataFile<StoreFile>(file, {
        parse: (text) => parseStoreFile(text, file),
        // Compact: half the size and half the time of an indented file.
        stringify: (data) => JSON.stringify(data),
      }),
      emptyFile(),
    );
    try {
      await db.read();
    } catch (error) {
      if (error instanceof StoreOpenError) throw error;
      throw new StoreOpenError('unreadable', file, `cannot read the database ${file}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    // A temp file left by a process killed mid-write; the main file is the last complete write.
    await unlink(join(dirname(file), `.${basename(file)}.tmp`)).catch(() => {});
  } catch (error) {
    await lock.release();
    throw error;
  }

  // Writer loop state: `changes` counts accepted changes, `saved` the count the file reflects.
  let changes = 0;
  let saved = 0;
  let running: Promise<void> | undefined;
  let scheduled = false;
  // Warn once per run of failures, not once per change, while the disk is full or read-only.
  let warned = false;

  const writeLoop = (): Promise<void> => {
    if (running !== undefined) return running;
    if (saved >= changes) return Promise.resolve();
    const loop = (async () => {
      // Yield first so `running` is assigned before the loop can reach its `finally`.
      await null;
      try {
        while (saved < changes) {
          const target = changes;
          db.data = state.toFile();
          await db.write();
          saved = target;
          warned = false;
        }
      } finally {
        running = undefined;
      }
    })();
    running = loop;
    return loop;
  };

  const onChange = (): void => {
    changes++;
    if (running !== undefined || scheduled) return;
    scheduled = true;
    // setImmediate, not a microtask: every update of this turn of the event loop lands in one write.
    setImmediate(() => {
      scheduled = false;
      writeLoop().catch((error: unknown) => {
        // The change stays in memory and is retried by the next change or flush(), which reports the error.
        if (!warned) process.emitWarning(`cannot write the database ${file}: ${(error as Error).message}`);
        warned = true;
      });
    });
  };

  const state = StoreState.fromFile(db.data, onChange);
  const maxAge = options.sessionMaxAgeMs ?? DEFAULT_SESSION_MAX_AGE_MS;
  if (maxAge > 0) state.purgeSessions(now() - maxAge);

  const flush = async (): Promise<void> => {
    const target = changes;
    while (saved < target) {
      try {
        await writeLoop();
      } catch (error) {
        throw new Error(`cannot write the database ${file}: ${(error as Error).message}`, { cause: error });
      }
    }
  };

  return storeOverState(state, {
    label: `database ${file}`,
    flush,
    close: async () => {
      try {
        await flush();
      } finally {
        await lock.release();
      }
    },
  });
}
