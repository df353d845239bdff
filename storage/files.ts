/**
 * Where the store's files live and how they are read: the snapshot (the lowdb
 * JSON file users read and back up), its journals, lock and temp file, and the
 * one error every opening problem becomes.
 */
import { open } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { describeIssues, FILE_VERSION, type StoreFile, storeFileSchema } from './file-schema.js';

/** Where the store reports faults: the adapters' JSON logger fits. */
export interface StoreLogger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** Default store file name. */
export const DEFAULT_FILE_NAME = 'panelist.json';

/** Every path of one store. */
export interface StorePaths {
  dir: string;
  /** The snapshot, `<dir>/panelist.json`. */
  file: string;
  lock: string;
  /** Where a new snapshot is written before it is renamed over `file`. */
  temp: string;
  /** `<file>.journal.<gen>`: changes since the snapshot, one generation per run or compaction. */
  journal(gen: number): string;
  /** The generation of a journal file name in `dir`, or undefined for any other name. */
  journalGen(name: string): number | undefined;
}

/** The paths of the store `<dataDir>/<fileName>`. */
export function storePaths(dataDir: string, fileName = DEFAULT_FILE_NAME): StorePaths {
  const dir = resolve(dataDir);
  const file = join(dir, fileName);
  const base = basename(file);
  const prefix = `${base}.journal.`;
  return {
    dir,
    file,
    lock: `${file}.lock`,
    // The name steno used, so a temp file left by an older version is cleaned up too.
    temp: join(dirname(file), `.${base}.tmp`),
    journal: (gen) => `${file}.journal.${gen}`,
    journalGen: (name) => (name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length)) ? Number(name.slice(prefix.length)) : undefined),
  };
}

/** fsyncs a directory, so a file just created or renamed in it survives a power cut. */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

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

/** An empty version 1 file. */
export function emptyFile(): StoreFile {
  return { version: FILE_VERSION, users: {}, sessions: {}, flags: [], interviews: [], scorecards: [], records: [] };
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
  // odd keys such as `__proto__` as plain own properties. Only the lists that came
  // later come from zod, so a file written before them gets their default (empty).
  const data = json as StoreFile;
  data.flags = parsed.data.flags;
  data.interviews = parsed.data.interviews;
  data.scorecards = parsed.data.scorecards;
  return data;
}
