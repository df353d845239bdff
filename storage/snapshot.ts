/**
 * The snapshot: the whole database as one compact JSON file, read and written
 * through lowdb (`Low` over this adapter), so it stays the plain file users can
 * read, copy and back up.
 *
 * lowdb's own `DataFile` stringifies the whole database in one synchronous call
 * (about 80 ms at 100k answers) and never fsyncs. This adapter writes the same
 * JSON record by record, yielding to the event loop every few milliseconds,
 * into a temp file that is fsynced, renamed over the snapshot, and made durable
 * with an fsync of the directory: a crash at any point leaves either the old or
 * the new snapshot, complete.
 */
import { type FileHandle, open, rename, unlink } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import type { StoreFile } from './file-schema.js';
import { parseStoreFile, StoreOpenError, type StorePaths, syncDir } from './files.js';
import { slicer } from './slices.js';

/** Text is handed to the file in pieces of about this size. */
const CHUNK_CHARS = 1 << 18;

/** Identifies one version of the snapshot file (a rename replaces the inode). */
export type SnapshotId = string;

/** The lowdb adapter of the snapshot file. */
export class SnapshotFile implements Adapter<StoreFile> {
  /** Identity of the file last read (undefined: there was none). */
  lastReadId: SnapshotId | undefined;
  /** Size in bytes of the snapshot last read or written. */
  bytes = 0;

  /** `beforeReplace` runs right before the rename and may throw to stop it (the lock check). */
  constructor(
    private readonly paths: StorePaths,
    private readonly beforeReplace: () => Promise<void> = async () => {},
  ) {}

  /** The validated file, or null when there is none yet (lowdb then keeps its default). */
  async read(): Promise<StoreFile | null> {
    let handle: FileHandle;
    try {
      handle = await open(this.paths.file, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        this.lastReadId = undefined;
        this.bytes = 0;
        return null;
      }
      throw unreadable(this.paths.file, error);
    }
    try {
      const stats = await handle.stat();
      const text = await handle.readFile('utf8').catch((error: unknown) => {
        throw unreadable(this.paths.file, error);
      });
      this.lastReadId = snapshotId(stats);
      this.bytes = stats.size;
      return parseStoreFile(text, this.paths.file);
    } finally {
      await handle.close();
    }
  }

  /** Writes `data` as the new snapshot, durably and atomically. */
  async write(data: StoreFile): Promise<void> {
    let written = 0;
    try {
      const handle = await open(this.paths.temp, 'w');
      try {
        let buffer = '';
        for await (const piece of jsonPieces(data)) {
          buffer += piece;
          if (buffer.length < CHUNK_CHARS) continue;
          written += await writeAll(handle, buffer);
          buffer = '';
        }
        written += await writeAll(handle, buffer);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await this.beforeReplace();
      await rename(this.paths.temp, this.paths.file);
    } catch (error) {
      // The old snapshot is untouched; do not leave a half-written copy beside it.
      await unlink(this.paths.temp).catch(() => {});
      throw error;
    }
    await syncDir(this.paths.dir);
    this.bytes = written;
  }
}

/** The identity of a file version from its stats. */
export function snapshotId(stats: { ino: number; mtimeMs: number; size: number }): SnapshotId {
  return `${stats.ino}:${stats.mtimeMs}:${stats.size}`;
}

function unreadable(file: string, error: unknown): StoreOpenError {
  return new StoreOpenError('unreadable', file, `cannot read the database ${file}: ${(error as Error).message}`, { cause: error });
}

async function writeAll(handle: FileHandle, text: string): Promise<number> {
  const bytes = Buffer.from(text);
  let done = 0;
  while (done < bytes.length) done += (await handle.write(bytes, done, bytes.length - done)).bytesWritten;
  return bytes.length;
}

/**
 * The text of `JSON.stringify(data)`, one record at a time, pausing once a slice
 * of work has piled up. Records are never mutated in place, so `data` (which
 * shares them with the live state) stays consistent while this runs.
 */
async function* jsonPieces(data: StoreFile): AsyncGenerator<string> {
  const pause = slicer();
  const key = (k: string): string => JSON.stringify(k);
  yield `{"version":${JSON.stringify(data.version)}`;
  if (data.journal !== undefined) yield `,"journal":${JSON.stringify(data.journal)}`;
  yield ',"users":{';
  let firstSpace = true;
  for (const space of Object.keys(data.users)) {
    const users = data.users[space] ?? {};
    yield `${firstSpace ? '' : ','}${key(space)}:{`;
    firstSpace = false;
    let first = true;
    for (const userId of Object.keys(users)) {
      yield `${first ? '' : ','}${key(userId)}:${JSON.stringify(users[userId])}`;
      first = false;
      await pause();
    }
    yield '}';
  }
  yield '},"sessions":{';
  let first = true;
  for (const sessionKey of Object.keys(data.sessions)) {
    yield `${first ? '' : ','}${key(sessionKey)}:${JSON.stringify(data.sessions[sessionKey])}`;
    first = false;
    await pause();
  }
  yield `},"flags":${JSON.stringify(data.flags)}`;
  for (const name of ['interviews', 'scorecards', 'records'] as const) {
    yield `,${key(name)}:[`;
    for (const [i, record] of (data[name] ?? []).entries()) {
      yield `${i === 0 ? '' : ','}${JSON.stringify(record)}`;
      await pause();
    }
    yield ']';
  }
  yield '}';
}
