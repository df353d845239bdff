/**
 * How the Postgres store's operations reach the database. An operation sees a
 * `Db`: `read` for one statement, `atomic` for statements that must apply
 * together. On the pool (`PoolDb`) each `atomic` is its own transaction on a
 * borrowed connection. Inside `durably` (`TxDb`) everything runs in the one
 * transaction of that call, begun on its first write and committed at its
 * end, so a request's changes commit together or not at all.
 *
 * Any database failure (refused or lost connection, timeout, failed commit)
 * becomes a `StoreWriteError` naming host:port/database, never the password,
 * and turns health `failing`; errors of the caller's own code (an `update`
 * that throws, a refused value) pass through unchanged.
 */
import type pg from 'pg';
import { StoreWriteError } from '../../src/ports.js';
import { StoreClosedError } from '../memory-store.js';
import type { HealthTracker } from './health.js';
import { type DatabaseTarget, scrub } from './pool.js';

/** The rows of one statement. */
export interface Rows<R> {
  rows: R[];
  rowCount: number;
}

/** Runs one statement. */
export type Sql = <R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: readonly unknown[]) => Promise<Rows<R>>;

/** What an operation runs its statements on. */
export interface Db {
  read: Sql;
  /** Statements applied together (their own transaction, or the running one). */
  atomic<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
}

/** Test seams; production passes none. */
export interface StoreHooks {
  /** Runs on the transaction's connection just before each COMMIT (a test may kill the connection here). */
  beforeCommit?: (sql: Sql) => Promise<void>;
}

/** What every Db of one store shares. */
export interface DbContext {
  pool: pg.Pool;
  target: DatabaseTarget;
  health: HealthTracker;
  hooks: StoreHooks;
}

/** The one line a database failure becomes: what failed and why, without secrets. */
export function describeFailure(error: unknown, target: DatabaseTarget): string {
  const e = error as { code?: unknown; message?: unknown } | null;
  const message = typeof e?.message === 'string' && e.message !== '' ? e.message : String(error);
  const code = typeof e?.code === 'string' && !message.includes(e.code) ? ` (${e.code})` : '';
  return scrub(`${message.split('\n')[0]}${code}`, target);
}

/** Marks health failing and returns the error the caller sees. */
function fault(ctx: DbContext, error: unknown): StoreWriteError {
  if (error instanceof StoreWriteError) return error;
  const message = describeFailure(error, ctx.target);
  ctx.health.failed(message);
  return new StoreWriteError(`database ${ctx.target.label}: ${message}`);
}

function open(ctx: DbContext): void {
  if (ctx.health.closed) throw new StoreClosedError(`the Postgres store ${ctx.target.label} is closed`);
}

/** A statement on `client`, mapped as above; `onFail` hears of a failure first. */
function sqlOn(ctx: DbContext, client: pg.ClientBase, onFail: () => void = () => {}): Sql {
  return async <R extends pg.QueryResultRow>(text: string, values?: readonly unknown[]) => {
    try {
      const result = await client.query<R>(text, values as unknown[] | undefined);
      ctx.health.succeeded();
      return { rows: result.rows, rowCount: result.rowCount ?? 0 };
    } catch (error) {
      onFail();
      throw fault(ctx, error);
    }
  };
}

/** A dedicated connection; a connection that dies while held must not crash the process. */
async function borrow(ctx: DbContext): Promise<{ client: pg.PoolClient; done: (broken: boolean) => void }> {
  let client: pg.PoolClient;
  try {
    client = await ctx.pool.connect();
  } catch (error) {
    throw fault(ctx, error);
  }
  const onError = (error: Error) => ctx.health.failed(describeFailure(error, ctx.target));
  client.on('error', onError);
  return {
    client,
    done: (broken) => {
      client.removeListener('error', onError);
      // A broken connection is destroyed, not returned to the pool.
      client.release(broken ? true : undefined);
    },
  };
}

/** Statements straight on the pool; each `atomic` is its own transaction. */
export class PoolDb implements Db {
  constructor(private readonly ctx: DbContext) {}

  read: Sql = async <R extends pg.QueryResultRow>(text: string, values?: readonly unknown[]) => {
    open(this.ctx);
    try {
      const result = await this.ctx.pool.query<R>(text, values as unknown[] | undefined);
      this.ctx.health.succeeded();
      return { rows: result.rows, rowCount: result.rowCount ?? 0 };
    } catch (error) {
      throw fault(this.ctx, error);
    }
  };

  async atomic<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    open(this.ctx);
    const { client, done } = await borrow(this.ctx);
    let broken = false;
    const sql = sqlOn(this.ctx, client, () => {
      broken = true;
    });
    try {
      await sql('BEGIN');
      const result = await work(sql);
      await this.ctx.hooks.beforeCommit?.(sql);
      await sql('COMMIT');
      return result;
    } catch (error) {
      if (!broken) await client.query('ROLLBACK').catch(() => (broken = true));
      throw error;
    } finally {
      done(broken);
    }
  }
}

/** The connection of a begun transaction. */
interface Begun {
  sql: Sql;
  client: pg.PoolClient;
  done: (broken: boolean) => void;
}

/**
 * The transaction of one `durably` call. Operations run one at a time (a
 * read-modify-write must not interleave with another on the same connection);
 * reads before the first write (or lock: a quiz-session read takes one) go to
 * the pool, so work that only reads never holds a connection or a transaction.
 */
export class TxDb implements Db {
  #begun: Promise<Begun> | undefined;
  #failed = false;
  #tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly ctx: DbContext,
    private readonly pool: PoolDb,
  ) {}

  /** Runs `op` after every operation queued before it. */
  #serial<T>(op: () => Promise<T>): Promise<T> {
    const run = this.#tail.then(op, op);
    this.#tail = run.catch(() => undefined);
    return run;
  }

  #begin(): Promise<Begun> {
    this.#begun ??= (async () => {
      const { client, done } = await borrow(this.ctx);
      const sql = sqlOn(this.ctx, client, () => {
        this.#failed = true;
      });
      try {
        await sql('BEGIN');
      } catch (error) {
        done(true);
        throw error;
      }
      return { sql, done, client };
    })();
    return this.#begun;
  }

  #check(): void {
    open(this.ctx);
    // Once a statement failed the transaction is lost: nothing more is tried, and the call rejects.
    if (this.#failed) throw new StoreWriteError(`database ${this.ctx.target.label}: the transaction failed earlier`);
  }

  read: Sql = (text, values) =>
    this.#serial(async () => {
      this.#check();
      if (this.#begun === undefined) return this.pool.read(text, values);
      return (await this.#begun).sql(text, values);
    });

  atomic<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    return this.#serial(async () => {
      this.#check();
      let begun: Begun;
      try {
        begun = await this.#begin();
      } catch (error) {
        this.#failed = true;
        throw error;
      }
      return work(begun.sql);
    });
  }

  /**
   * Ends the transaction once the work is over: COMMIT when it succeeded
   * (resolving only after the server confirmed it), ROLLBACK otherwise.
   * Rejects with `StoreWriteError` when any statement or the commit failed.
   */
  async finish(succeeded: boolean): Promise<void> {
    await this.#tail;
    if (this.#begun === undefined) {
      if (this.#failed && succeeded) throw new StoreWriteError(`database ${this.ctx.target.label}: could not start the transaction`);
      return;
    }
    let begun: Begun;
    try {
      begun = await this.#begun;
    } catch (error) {
      if (succeeded) throw fault(this.ctx, error);
      return;
    }
    let broken = this.#failed;
    try {
      if (this.#failed || !succeeded) {
        await begun.client.query('ROLLBACK').catch(() => (broken = true));
        if (this.#failed && succeeded) throw new StoreWriteError(`database ${this.ctx.target.label}: a statement failed, nothing was saved`);
        return;
      }
      try {
        await this.ctx.hooks.beforeCommit?.(begun.sql);
        await begun.sql('COMMIT');
      } catch (error) {
        broken = true;
        throw fault(this.ctx, error);
      }
    } finally {
      begun.done(broken);
    }
  }
}
