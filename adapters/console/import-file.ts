/**
 * `npm run cli -- import-file [DATA_DIR]`: copies a lowdb data directory into
 * the Postgres database of DATABASE_URL, for moving a single-machine bot onto
 * Postgres. The file is read as the read-only commands read it (snapshot plus
 * journals, no lock), so it works beside a running bot; every value goes in
 * only if nothing is there under its key yet, so running it twice copies
 * nothing new the second time and never overwrites what the database has.
 */
import { existsSync } from 'node:fs';
import type { StoreFile } from '../../storage/file-schema.js';
import { storePaths } from '../../storage/files.js';
import { loadStore } from '../../storage/load.js';
import { openPostgresStore, type StoreImporter } from '../../storage/postgres/postgres-store.js';
import { SnapshotFile } from '../../storage/snapshot.js';
import { dataDir } from '../boot.js';
import { createLogger } from '../logger.js';

/** Standard streams and environment, as the CLI passes them. */
export interface ImportIo {
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** How many of one kind were copied, and how many were there already. */
export interface Tally {
  copied: number;
  already: number;
}

/** What an import did, by kind. */
export type ImportReport = Record<'users' | 'sessions' | 'flags' | 'interviews' | 'scorecards' | 'records', Tally>;

// Enough in flight to fill a default pool of 10, few enough not to queue for its connection timeout.
const IN_FLIGHT = 8;

/** Runs `copy` over `items`, `IN_FLIGHT` at a time (or one by one with `ordered`), counting what it returned. */
async function copyAll<T>(items: readonly T[], copy: (item: T) => Promise<boolean>, ordered = false): Promise<Tally> {
  const tally: Tally = { copied: 0, already: 0 };
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      if (await copy(item)) tally.copied++;
      else tally.already++;
    }
  };
  await Promise.all(Array.from({ length: ordered ? 1 : IN_FLIGHT }, worker));
  return tally;
}

/** Copies everything in `file` through `importer`; what went in and what was there. */
export async function importStoreFile(file: StoreFile, importer: StoreImporter): Promise<ImportReport> {
  const users = Object.entries(file.users).flatMap(([space, byUser]) => Object.values(byUser).map((record) => ({ space, record })));
  return {
    users: await copyAll(users, (u) => importer.user(u.space, u.record)),
    sessions: await copyAll(Object.values(file.sessions), (s) => importer.session(s)),
    // Oldest first and one at a time, as the file holds them: arrival order breaks ties of equal times.
    flags: await copyAll(file.flags, (f) => importer.flag(f), true),
    interviews: await copyAll(file.interviews, (i) => importer.interview(i)),
    scorecards: await copyAll(file.scorecards, (c) => importer.scorecard(c)),
    records: await copyAll(file.records ?? [], (r) => importer.record(r)),
  };
}

/** The report as lines: `users: 3 copied, 1 already there`. */
export function reportLines(report: ImportReport): string[] {
  return Object.entries(report).map(([kind, t]) => `${kind}: ${t.copied} copied, ${t.already} already there`);
}

function write(stream: NodeJS.WritableStream, text: string): void {
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** The command: 0 when everything was copied or already there, 1 for a set-up problem. */
export async function runImportFile(args: readonly string[], io: ImportIo): Promise<number> {
  const url = io.env.DATABASE_URL?.trim();
  if (!url) {
    write(io.stderr, 'panelist: import-file copies into Postgres: set DATABASE_URL=postgres://user:password@host:5432/database');
    return 1;
  }
  const dir = args[0]?.trim() ? args[0].trim() : dataDir(io.env);
  const paths = storePaths(dir);
  if (!existsSync(paths.file)) {
    write(io.stderr, `panelist: no store file at ${paths.file}: pass the data directory to copy (default DATA_DIR, ./data)`);
    return 1;
  }
  // Read-only, as `flags` reads: no lock, so a bot may still be running on the file.
  const { state } = await loadStore(paths, new SnapshotFile(paths), true);
  const store = await openPostgresStore({ url, env: io.env, logger: createLogger({ level: 'warn', base: { component: 'store' } }), sessionMaxAgeMs: 0 });
  try {
    write(io.stdout, `import-file: ${paths.file} -> ${store.label}`);
    const report = await importStoreFile(state.toFile(), store.importer);
    for (const line of reportLines(report)) write(io.stdout, line);
    return 0;
  } finally {
    await store.close();
  }
}
