/**
 * The store the read-only commands (`flags`, `disputes`, `scorecards`) read:
 * the Postgres database when DATABASE_URL is set, as the bot itself chooses
 * (adapters/boot.ts), else the lowdb file in DATA_DIR read without its lock.
 * Either way it works beside a running bot and sees what that bot has saved.
 */
import type { Scorecard } from '../../src/interview/scorecard.js';
import type { QuestionFlag } from '../../src/ports.js';
import { openStoreReader } from '../../storage/lowdb-store.js';
import { dataDir } from '../boot.js';
import { createLogger } from '../logger.js';

/** What the read-only commands need of a store. */
export interface ReadOnlyStore {
  /** Where it reads, fit to print: the data directory, or `host:port/database` (never a password). */
  readonly label: string;
  /** Every kept flag and dispute, newest first. */
  listFlags(): Promise<QuestionFlag[]>;
  /** Every author's scorecards, latest finished first. */
  allScorecards(): Promise<Scorecard[]>;
  close(): Promise<void>;
}

/**
 * Opens the store of `env` for reading. A database that cannot be reached
 * throws `StoreOpenError` (one line naming host:port, never the password),
 * which the CLI prints as its one set-up line and exit code 1.
 */
export async function openReadOnlyStore(env: NodeJS.ProcessEnv): Promise<ReadOnlyStore> {
  const url = env.DATABASE_URL?.trim();
  if (!url) {
    const dir = dataDir(env);
    const reader = await openStoreReader({ dataDir: dir });
    return { label: dir, listFlags: () => reader.listFlags(), allScorecards: () => reader.allScorecards(), close: () => reader.close() };
  }
  // Loaded only when used, as boot.ts does: reading the file never pays for the pg driver.
  const { openPostgresStore } = await import('../../storage/postgres/postgres-store.js');
  // sessionMaxAgeMs 0: a read-only command never purges the bot's quiz sessions.
  const store = await openPostgresStore({ url, env, logger: createLogger({ level: 'error', base: { component: 'store' } }), sessionMaxAgeMs: 0 });
  return { label: store.label, listFlags: () => store.listFlags(), allScorecards: () => store.allScorecards(), close: () => store.close() };
}

/** Runs `read` on the store of `env` and closes it whatever happens (a pool left open would hold the process). */
export async function withReadOnlyStore<T>(env: NodeJS.ProcessEnv, read: (store: ReadOnlyStore) => Promise<T>): Promise<T> {
  const store = await openReadOnlyStore(env);
  try {
    return await read(store);
  } finally {
    await store.close();
  }
}
