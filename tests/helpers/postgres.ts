/**
 * Postgres for a test file: the run's server (tests/setup/postgres.ts) and a
 * fresh database per file, dropped after it. If the server could not start
 * the tests fail with the reason; they are never skipped.
 */
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';

let admin: Promise<string> | undefined;

/** The admin URL of the run's server, once it is up. */
export function adminUrl(timeoutMs = 120_000): Promise<string> {
  admin ??= (async () => {
    const file = inject('postgresStatusFile');
    if (!file) throw new Error('no Postgres server: vitest.config.ts must list tests/setup/postgres.ts in globalSetup');
    const end = Date.now() + timeoutMs;
    for (;;) {
      const text = await readFile(file, 'utf8').catch(() => '');
      if (text.startsWith('ready ')) return text.slice('ready '.length);
      if (text.startsWith('failed ')) throw new Error(`the test Postgres server did not start: ${text.slice('failed '.length)}`);
      if (Date.now() > end) throw new Error(`the test Postgres server was not up after ${timeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return admin;
}

/** `url` pointing at database `name`. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs one statement as the admin (CREATE DATABASE and the like). */
export async function adminQuery(text: string, values?: unknown[]): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: await adminUrl() });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

let counter = 0;

/** Creates an empty database; resolves to its URL and a function dropping it (closing any connection left). */
export async function createDatabase(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `t_${process.pid}_${Date.now().toString(36)}_${++counter}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  return {
    name,
    url: withDatabase(await adminUrl(), name),
    drop: async () => void (await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

/**
 * One fresh database for this test file: created before its tests, dropped
 * after. `url()` is its connection URL (valid inside tests and hooks).
 */
export function usePostgresDatabase(): { url(): string; name(): string } {
  let db: Awaited<ReturnType<typeof createDatabase>> | undefined;
  beforeAll(async () => {
    db = await createDatabase();
  }, 130_000);
  afterAll(async () => {
    await db?.drop();
  });
  const get = () => {
    if (!db) throw new Error('the test database is not created yet (use url() inside a test or hook)');
    return db;
  };
  return { url: () => get().url, name: () => get().name };
}

/** Empties every Panelist table of `url` (between tests sharing one database). */
export async function truncateAll(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'panelist_schema'",
    );
    if (rows.length > 0) await client.query(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(', ')} RESTART IDENTITY`);
  } finally {
    await client.end();
  }
}
