/**
 * The connection pool of the Postgres store: one `pg` Pool per store, bounded
 * in size and in every wait (connecting, a statement, a transaction left idle),
 * so a database that stops answering turns into a fast "not saved" instead of
 * requests piling up. Its settings come from the environment, checked by zod.
 */
import pg from 'pg';
import { z } from 'zod';

/** The pool's settings as read from the environment. */
export interface PoolSettings {
  /** Most connections at once (`PG_POOL_MAX`, default 10). */
  max: number;
  /** How long to wait for a connection, new or from the pool (`PG_CONNECT_TIMEOUT_MS`, default 5 s). */
  connectTimeoutMs: number;
  /** How long any one statement may run, on the server and in the client (`PG_STATEMENT_TIMEOUT_MS`, default 10 s). */
  statementTimeoutMs: number;
  /** How long an unused connection stays open (`PG_IDLE_TIMEOUT_MS`, default 30 s). */
  idleTimeoutMs: number;
}

const whole = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined || text === '') return fallback;
      const n = Number(text);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a whole number ${min}-${max} (got "${text}")` });
        return z.NEVER;
      }
      return n;
    });

const settingsSchema = z.object({
  PG_POOL_MAX: whole('PG_POOL_MAX', 1, 1000, 10),
  PG_CONNECT_TIMEOUT_MS: whole('PG_CONNECT_TIMEOUT_MS', 100, 120_000, 5_000),
  PG_STATEMENT_TIMEOUT_MS: whole('PG_STATEMENT_TIMEOUT_MS', 100, 600_000, 10_000),
  PG_IDLE_TIMEOUT_MS: whole('PG_IDLE_TIMEOUT_MS', 100, 3_600_000, 30_000),
});

/** A bad pool variable: a set-up error (its name ends in ConfigError, so start-up prints one line). */
export class PostgresConfigError extends Error {
  override name = 'PostgresConfigError';
}

/** Reads and checks the pool variables; throws `PostgresConfigError` naming the bad one. */
export function poolSettings(env: NodeJS.ProcessEnv): PoolSettings {
  const parsed = settingsSchema.safeParse({
    PG_POOL_MAX: env.PG_POOL_MAX,
    PG_CONNECT_TIMEOUT_MS: env.PG_CONNECT_TIMEOUT_MS,
    PG_STATEMENT_TIMEOUT_MS: env.PG_STATEMENT_TIMEOUT_MS,
    PG_IDLE_TIMEOUT_MS: env.PG_IDLE_TIMEOUT_MS,
  });
  if (!parsed.success) throw new PostgresConfigError(parsed.error.issues.map((i) => i.message).join('; '));
  const s = parsed.data;
  return { max: s.PG_POOL_MAX, connectTimeoutMs: s.PG_CONNECT_TIMEOUT_MS, statementTimeoutMs: s.PG_STATEMENT_TIMEOUT_MS, idleTimeoutMs: s.PG_IDLE_TIMEOUT_MS };
}

/** Where a database URL points, fit to print: never its password. */
export interface DatabaseTarget {
  host: string;
  port: number;
  database: string;
  /** `host:port/database`. */
  label: string;
  /** The password, only so messages can be scrubbed of it; never print it. */
  secret: string;
}

/** Parses `DATABASE_URL` into what messages may name; throws `PostgresConfigError` for a URL that is not one. */
export function databaseTarget(url: string): DatabaseTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new PostgresConfigError('DATABASE_URL is not a URL: expected postgres://user:password@host:5432/database');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new PostgresConfigError(`DATABASE_URL must start with postgres:// (got ${parsed.protocol}//)`);
  }
  const host = decodeURIComponent(parsed.hostname) || 'localhost';
  const port = parsed.port === '' ? 5432 : Number(parsed.port);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || decodeURIComponent(parsed.username) || 'postgres';
  return { host, port, database, label: `${host}:${port}/${database}`, secret: decodeURIComponent(parsed.password) };
}

/** `text` with the password blanked out, whatever a driver put in a message. */
export function scrub(text: string, target: DatabaseTarget): string {
  return target.secret.length > 0 ? text.split(target.secret).join('[redacted]') : text;
}

/** A bounded pool for `url`. Idle-connection errors are the caller's to listen to (`pool.on('error')`). */
export function createPool(url: string, settings: PoolSettings): pg.Pool {
  return new pg.Pool({
    connectionString: url,
    max: settings.max,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    idleTimeoutMillis: settings.idleTimeoutMs,
    // Server side: a runaway statement is cancelled. Client side: a server that stops answering
    // mid-statement (a dead network) fails the query instead of hanging it.
    statement_timeout: settings.statementTimeoutMs,
    query_timeout: settings.statementTimeoutMs + 1_000,
    // A transaction left open by a bug or a stalled process must not hold row locks for ever.
    idle_in_transaction_session_timeout: Math.max(30_000, settings.statementTimeoutMs * 3),
    application_name: 'panelist',
    // Let a process whose pool is all idle exit (CLI commands, tests).
    allowExitOnIdle: true,
  });
}
