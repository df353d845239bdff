/**
 * The Postgres store: the whole `Store` (and `RecordStore`) on a real
 * database, so several Panelist processes can serve one team. Opening it
 * checks the pool settings, connects, and brings the schema up to date
 * (migrate.ts); every fault there is one `StoreOpenError` line naming
 * host:port/database, never the password.
 *
 * Outside `durably` each change is its own transaction, committed before its
 * call resolves. `durably(work)` runs `work` in one transaction on one
 * connection (begun at its first write, or at its first quiz-session read,
 * which locks that session until the commit), so a request's changes commit
 * together or not at all, its reply is built only once they are in, and two
 * requests on one quiz never interleave, whichever replicas serve them.
 */

import type pg from 'pg';
import { createLogger } from '../../adapters/logger.js';
import type { Scorecard } from '../../src/interview/scorecard.js';
import type { InterviewSession } from '../../src/interview/session.js';
import type { QuestionFlag, QuizSession, StoredRecord, UserRecord } from '../../src/ports.js';
import { type StoreLogger, StoreOpenError } from '../files.js';
import { type PanelistStore, StoreClosedError } from '../memory-store.js';
import { type Db, type DbContext, describeFailure, PoolDb, type StoreHooks, TxDb } from './db.js';
import { addFlag, listFlags } from './flags.js';
import { HealthTracker } from './health.js';
import { loadMigrations, type MigrationResult, migrate, SchemaTooNewError } from './migrate.js';
import { allOwned, deleteOwned, getOwned, INTERVIEWS, listOwned, purgeOwned, putOwned, SCORECARDS } from './owned.js';
import { createPool, databaseTarget, poolSettings } from './pool.js';
import { deleteRecord, getRecord, importRecord, listRecords, putRecord } from './records.js';
import { deleteSession, getSession, getUser, purgeSessions, putSession, putUser, topUsers, updateUser } from './users.js';

/** Options of `openPostgresStore`. */
export interface PostgresStoreOptions {
  /** `postgres://user:password@host:5432/database` (DATABASE_URL). */
  url: string;
  /** Where PG_POOL_MAX and the timeouts are read; default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Where faults are reported (once per failure streak); default JSON lines on stderr. */
  logger?: StoreLogger;
  /** Sessions untouched this long are dropped at open, as the file store does; default 30 days, 0 keeps all. */
  sessionMaxAgeMs?: number;
  /** Clock for the session purge; default `Date.now`. */
  now?: () => number;
  /** While failing, how often the health probe runs; default 2 s. */
  probeMs?: number;
  /** Test seams. */
  hooks?: StoreHooks;
}

/** Copies a value in unless one is there already (the import); each resolves to whether it was copied. */
export interface StoreImporter {
  user(space: string, record: UserRecord): Promise<boolean>;
  session(session: QuizSession): Promise<boolean>;
  flag(flag: QuestionFlag): Promise<boolean>;
  interview(session: InterviewSession): Promise<boolean>;
  scorecard(card: Scorecard): Promise<boolean>;
  record(record: StoredRecord): Promise<boolean>;
}

/** The Postgres store: a `PanelistStore` plus what operators' commands need. */
export interface PostgresStore extends PanelistStore {
  /** `host:port/database`, fit to print. */
  readonly label: string;
  /** What the schema migration did at open. */
  readonly migration: MigrationResult;
  /** Insert-if-absent writes for `import-file`. */
  readonly importer: StoreImporter;
  /** Every author's scorecards, latest finished first (the operator's export). */
  allScorecards(): Promise<Scorecard[]>;
}

const DEFAULT_SESSION_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * The Store methods over one `Db`: the pool's, or a `durably` call's
 * transaction (`inTransaction`: a session read there locks the session until the commit).
 */
function storeOver(db: Db, durably: PanelistStore['durably'], health: PanelistStore['health'], inTransaction = false): PanelistStore {
  // Every function called here is async or returns the Db's promise: a refusal is a rejection, never a throw.
  const store: PanelistStore = {
    getUser: (space, userId) => getUser(db, space, userId),
    updateUser: (space, userId, update) => updateUser(db, space, userId, update),
    topUsers: (space, period, limit) => topUsers(db, space, period, limit),
    getSession: (key) => getSession(db, key, inTransaction),
    putSession: async (session) => void (await putSession(db, session)),
    deleteSession: (key) => deleteSession(db, key),
    purgeSessions: (before) => purgeSessions(db, before),
    addFlag: (flag) => addFlag(db, flag),
    listFlags: () => listFlags(db),
    getInterview: (owner, id) => getOwned(db, INTERVIEWS, owner, id),
    listInterviews: (owner, limit) => listOwned(db, INTERVIEWS, owner, limit),
    putInterview: async (session) => void (await putOwned(db, INTERVIEWS, session)),
    deleteInterview: (owner, id) => deleteOwned(db, INTERVIEWS, owner, id),
    purgeInterviews: (cutoff) => purgeOwned(db, INTERVIEWS, cutoff),
    getScorecard: (owner, id) => getOwned(db, SCORECARDS, owner, id),
    listScorecards: (owner, limit) => listOwned(db, SCORECARDS, owner, limit),
    putScorecard: async (card) => void (await putOwned(db, SCORECARDS, card)),
    deleteScorecard: (owner, id) => deleteOwned(db, SCORECARDS, owner, id),
    purgeScorecards: (cutoff) => purgeOwned(db, SCORECARDS, cutoff),
    getRecord: (kind, key) => getRecord(db, kind, key),
    putRecord: (kind, key, value, write) => putRecord(db, kind, key, value, write),
    deleteRecord: (kind, key, expected) => deleteRecord(db, kind, key, expected),
    listRecords: (kind, query) => listRecords(db, kind, query),
    // Every change outside `durably` is committed before its call resolves: a flush only checks the database answers.
    flush: async () => void (await db.read('SELECT 1')),
    durably,
    health,
    // Closing is the opener's: a view handed to `durably` work cannot close the store.
    close: async () => {},
  };
  return store;
}

/** Connects and migrates; every failure is one `StoreOpenError` line. */
async function prepare(ctx: Pick<DbContext, 'pool' | 'target'>): Promise<MigrationResult> {
  const { pool, target } = ctx;
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw new StoreOpenError(
      'unreadable',
      target.label,
      `cannot connect to the database at ${target.host}:${target.port} (database ${target.database}): ${describeFailure(error, target)}. ` +
        'Check DATABASE_URL and that Postgres is running and reachable.',
      { cause: error },
    );
  }
  const onError = () => {};
  client.on('error', onError);
  try {
    return await migrate(client, await loadMigrations());
  } catch (error) {
    if (error instanceof SchemaTooNewError) throw new StoreOpenError('version', target.label, `database ${target.label}: ${error.message}`, { cause: error });
    throw new StoreOpenError('unreadable', target.label, `database ${target.label}: the schema migration failed: ${describeFailure(error, target)}`, {
      cause: error,
    });
  } finally {
    client.removeListener('error', onError);
    client.release();
  }
}

/**
 * Opens the store at `options.url`: checks PG_POOL_MAX and the timeouts,
 * connects, migrates. Throws `PostgresConfigError` for a bad setting and
 * `StoreOpenError` for a database that cannot be reached, refuses the
 * login, is newer than this code, or fails the migration.
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  const settings = poolSettings(options.env ?? process.env);
  const target = databaseTarget(options.url);
  const logger = options.logger ?? createLogger({ base: { component: 'store' } });
  const pool = createPool(options.url, settings);
  const health = new HealthTracker(target.label, logger, () => poolDb.read('SELECT 1'), options.probeMs);
  const ctx: DbContext = { pool, target, health, hooks: options.hooks ?? {} };
  const poolDb = new PoolDb(ctx);
  // An idle connection the server dropped: the pool discards it; a probe tells whether the database is still there.
  pool.on('error', (error) => {
    logger.warn('postgres store: an idle connection failed', { database: target.label, error: describeFailure(error, target) });
    void poolDb.read('SELECT 1').catch(() => undefined);
  });

  let migration: MigrationResult;
  try {
    migration = await prepare(ctx);
    const maxAge = options.sessionMaxAgeMs ?? DEFAULT_SESSION_MAX_AGE_MS;
    if (maxAge > 0) await purgeSessions(poolDb, (options.now ?? Date.now)() - maxAge);
  } catch (error) {
    await pool.end().catch(() => undefined);
    if (error instanceof StoreOpenError) throw error;
    throw new StoreOpenError('unreadable', target.label, `database ${target.label}: ${describeFailure(error, target)}`, { cause: error });
  }

  const durably: PanelistStore['durably'] = async (work) => {
    if (health.closed) throw new StoreClosedError(`the Postgres store ${target.label} is closed`);
    const tx = new TxDb(ctx, poolDb);
    // Nested `durably` inside the work joins this transaction.
    const inner: PanelistStore = storeOver(
      tx,
      async (nested) => nested(inner),
      () => health.health(),
      true,
    );
    let result: Awaited<ReturnType<typeof work>>;
    try {
      result = await work(inner);
    } catch (error) {
      await tx.finish(false).catch(() => undefined);
      throw error;
    }
    await tx.finish(true);
    return result;
  };
  const outer = storeOver(poolDb, durably, () => health.health());
  const importer: StoreImporter = {
    user: (space, record) => putUser(poolDb, space, record, false),
    session: (session) => putSession(poolDb, session, false),
    flag: (flag) => addFlag(poolDb, flag),
    interview: (session) => putOwned(poolDb, INTERVIEWS, session, false),
    scorecard: (card) => putOwned(poolDb, SCORECARDS, card, false),
    record: (record) => importRecord(poolDb, record),
  };
  return {
    ...outer,
    label: target.label,
    migration,
    importer,
    allScorecards: () => allOwned(poolDb, SCORECARDS),
    health: () => health.health(),
    close: async () => {
      if (health.closed) return;
      health.close();
      await pool.end();
    },
  };
}
