/**
 * Reading the last durable state: the snapshot, then every journal it does not
 * cover yet, oldest first. Used by the writer at start-up and by read-only
 * openings beside a running writer.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { Low } from 'lowdb';
import type { StoreFile } from './file-schema.js';
import { emptyFile, StoreOpenError, type StorePaths } from './files.js';
import { replayJournal } from './journal.js';
import { type SnapshotFile, snapshotId } from './snapshot.js';
import { StoreState } from './store-state.js';

/** What was read. */
export interface Loaded {
  db: Low<StoreFile>;
  snapshot: SnapshotFile;
  state: StoreState;
  /** Journal generations replayed, oldest first, with their sizes in bytes. */
  journals: { gen: number; bytes: number }[];
  /** Journals older than the snapshot: leftovers of a compaction cut short, safe to delete. */
  leftovers: number[];
  /** The first generation no journal uses yet. */
  nextGen: number;
}

/** A journal vanished or the snapshot was replaced while reading: a compaction ran; read again. */
class ReadRace extends Error {}

/** The journal generations present in the store's directory, ascending. */
export async function journalGens(paths: StorePaths): Promise<number[]> {
  const gens: number[] = [];
  const names = await readdir(paths.dir).catch((error: NodeJS.ErrnoException) => {
    // No directory yet (a reader before the first start): no journals.
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  for (const name of names) {
    const gen = paths.journalGen(name);
    if (gen !== undefined) gens.push(gen);
  }
  return gens.sort((a, b) => a - b);
}

async function loadOnce(paths: StorePaths, snapshot: SnapshotFile, checkRace: boolean): Promise<Loaded> {
  const db = new Low<StoreFile>(snapshot, emptyFile());
  await db.read();
  const state = StoreState.fromFile(db.data);
  const covered = db.data.journal ?? 0;
  const gens = await journalGens(paths).catch((error: unknown) => {
    throw new StoreOpenError('unreadable', paths.file, `cannot list the data directory ${paths.dir}: ${(error as Error).message}`, { cause: error });
  });
  const journals: Loaded['journals'] = [];
  for (const gen of gens.filter((g) => g >= covered)) {
    const path = paths.journal(gen);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if (checkRace && (error as NodeJS.ErrnoException).code === 'ENOENT') throw new ReadRace();
      throw new StoreOpenError('unreadable', path, `cannot read the database journal ${path}: ${(error as Error).message}`, { cause: error });
    }
    replayJournal(text, state, path);
    journals.push({ gen, bytes: Buffer.byteLength(text) });
  }
  if (checkRace) {
    // Journals are deleted only after a newer snapshot is in place: if the snapshot is the one read, none we needed went.
    const now = await stat(paths.file).then(snapshotId, () => undefined);
    if (now !== snapshot.lastReadId) throw new ReadRace();
  }
  const nextGen = Math.max(covered, (gens.at(-1) ?? 0) + 1, 1);
  return { db, snapshot, state, journals, leftovers: gens.filter((g) => g < covered), nextGen };
}

/**
 * Reads snapshot and journals into a state. `concurrent`: a writer may be
 * compacting meanwhile, so a read that raced with it is retried.
 */
export async function loadStore(paths: StorePaths, snapshot: SnapshotFile, concurrent: boolean): Promise<Loaded> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await loadOnce(paths, snapshot, concurrent);
    } catch (error) {
      if (!(error instanceof ReadRace)) throw error;
      if (attempt >= 20) {
        throw new StoreOpenError('unreadable', paths.file, `cannot read the database ${paths.file}: it kept changing while being read`);
      }
    }
  }
}
