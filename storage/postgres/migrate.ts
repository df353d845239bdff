/**
 * Schema migrations of the Postgres store: files `NNN_name.sql` in
 * `migrations/`, applied in order at start-up. All of them run in one
 * transaction under a transaction-scoped advisory lock, so replicas starting
 * together take turns (the second finds the work done) and a migration that
 * fails leaves the database as it was. `panelist_schema` records each version
 * applied. A database whose schema is newer than this code knows refuses to
 * start: older code writing into a newer schema could lose data.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

/** One migration file. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** What `migrate` did. */
export interface MigrationResult {
  /** The schema version before (0: an empty database). */
  from: number;
  /** The schema version now. */
  to: number;
  applied: number[];
}

/** The database's schema is newer than every migration this code has. */
export class SchemaTooNewError extends Error {
  override name = 'SchemaTooNewError';
  constructor(
    readonly database: number,
    readonly code: number,
  ) {
    super(
      `the database schema is version ${database}, newer than this Panelist knows (version ${code}): ` +
        'run the newer Panelist that migrated it, or point DATABASE_URL at another database',
    );
  }
}

// Any constant pair will do; it only has to be the same in every replica. 0x70616e65 is "pane".
const LOCK_CLASS = 0x70616e65;
const LOCK_MIGRATE = 1;
const FILE_NAME = /^(\d{3})_([a-z0-9_]+)\.sql$/;

/**
 * Where the migration files are: beside this module when run from source, or
 * in the source tree when run compiled from dist/ (the build copies only .js).
 */
export function migrationsDir(): string {
  const here = fileURLToPath(new URL('./migrations/', import.meta.url));
  if (existsSync(here)) return here;
  return fileURLToPath(new URL('../../../storage/postgres/migrations/', import.meta.url));
}

/** Reads `NNN_name.sql` files in version order; refuses gaps and duplicates, which would be a packaging mistake. */
export async function loadMigrations(dir = migrationsDir()): Promise<Migration[]> {
  const migrations: Migration[] = [];
  for (const file of (await readdir(dir)).sort()) {
    const match = FILE_NAME.exec(file);
    if (!match) continue;
    migrations.push({ version: Number(match[1]), name: match[2] ?? file, sql: await readFile(join(dir, file), 'utf8') });
  }
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration files in ${dir} must be numbered 001, 002, ... without gaps (found ${m.version} at place ${i + 1})`);
  });
  if (migrations.length === 0) throw new Error(`no migration files in ${dir}`);
  return migrations;
}

/**
 * Brings the database's schema up to date on `client` (a dedicated
 * connection). Throws `SchemaTooNewError` for a newer database, and whatever
 * the database raised for a failed migration (nothing of it is kept).
 */
export async function migrate(client: pg.ClientBase, migrations: readonly Migration[]): Promise<MigrationResult> {
  const latest = migrations.at(-1)?.version ?? 0;
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_CLASS, LOCK_MIGRATE]);
    await client.query(`CREATE TABLE IF NOT EXISTS panelist_schema (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const rows = await client.query<{ version: number }>('SELECT version FROM panelist_schema ORDER BY version');
    const done = new Set(rows.rows.map((r) => r.version));
    const from = Math.max(0, ...done);
    if (from > latest) throw new SchemaTooNewError(from, latest);
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO panelist_schema (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    await client.query('COMMIT');
    return { from, to: Math.max(from, latest), applied };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
