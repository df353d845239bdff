/**
 * What the Postgres store adds beyond the shared contracts: updates that stay
 * atomic across processes (two pools), leaderboards served by an index at
 * scale, migrations that are versioned, race-free and refuse a newer schema,
 * settings checked at start, and values jsonb cannot hold refused cleanly.
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreWriteError } from '../../src/ports.js';
import { StoreOpenError } from '../../storage/files.js';
import { PostgresConfigError, poolSettings } from '../../storage/postgres/pool.js';
import { openPostgresStore, type PostgresStore } from '../../storage/postgres/postgres-store.js';
import { TOP_ALL_TIME, TOP_WEEK } from '../../storage/postgres/users.js';
import { createDatabase, truncateAll, usePostgresDatabase } from '../helpers/postgres.js';
import { freePort } from '../setup/embedded.js';
import { answer, makeSession } from './records.js';

const db = usePostgresDatabase();
const SPACE = 'devops-engineer@slack:T123';
const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const opened: PostgresStore[] = [];

async function open(url = db.url(), extra: Partial<Parameters<typeof openPostgresStore>[0]> = {}): Promise<PostgresStore> {
  const store = await openPostgresStore({ url, logger: quiet, sessionMaxAgeMs: 0, ...extra });
  opened.push(store);
  return store;
}

async function query<R extends pg.QueryResultRow>(text: string, values?: unknown[], url = db.url()): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  await truncateAll(db.url());
});

describe('Postgres store: atomic across processes', () => {
  it('keeps every one of 50 concurrent increments made through two separate pools', async () => {
    const a = await open();
    const b = await open();
    await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? a : b).updateUser(SPACE, 'u1', answer('u1', 1))));
    expect((await a.getUser(SPACE, 'u1'))?.answered).toBe(50);
    // Also when the user does not exist yet and both pools race to create them, inside durably.
    await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? a : b).durably((s) => s.updateUser(SPACE, 'fresh', answer('fresh', 2)))));
    expect((await b.getUser(SPACE, 'fresh'))?.points).toBe(100);
  });

  it('commits all of a durably call or none of it, and a failed one leaves the row unlocked', async () => {
    const store = await open();
    await expect(
      store.durably(async (s) => {
        await s.updateUser(SPACE, 'u1', answer('u1', 10));
        await s.putSession(makeSession(`${SPACE}|C1|u1`));
        throw new Error('renderer bug');
      }),
    ).rejects.toThrow('renderer bug');
    expect(await store.getUser(SPACE, 'u1')).toBeUndefined();
    expect(await store.getSession(`${SPACE}|C1|u1`)).toBeUndefined();
    // Nested durably joins the outer transaction; its changes are seen inside and kept together.
    const points = await store.durably(async (s) => {
      await s.durably((inner) => inner.updateUser(SPACE, 'u1', answer('u1', 5)));
      return (await s.getUser(SPACE, 'u1'))?.points;
    });
    expect(points).toBe(5);
    expect((await store.getUser(SPACE, 'u1'))?.points).toBe(5);
  });

  it('rejects with StoreWriteError and keeps nothing when the connection dies at COMMIT', async () => {
    let kill = false;
    const store = await open(db.url(), {
      probeMs: 50,
      hooks: { beforeCommit: async (sql) => void (kill && (await sql('SELECT pg_terminate_backend(pg_backend_pid())'))) },
    });
    await store.updateUser(SPACE, 'u1', answer('u1', 10));
    kill = true;
    const lost = store.durably(async (s) => {
      await s.updateUser(SPACE, 'u1', answer('u1', 5));
      await s.putSession(makeSession(`${SPACE}|C1|u1`));
      return 'Correct! +5';
    });
    await expect(lost).rejects.toBeInstanceOf(StoreWriteError);
    expect(store.health()).toMatchObject({ ok: false, state: 'failing' });
    kill = false;
    // The next statement that works ends the streak; nothing of the lost transaction is there.
    expect((await store.getUser(SPACE, 'u1'))?.points).toBe(10);
    expect(await store.getSession(`${SPACE}|C1|u1`)).toBeUndefined();
    expect(store.health()).toEqual({ ok: true, state: 'ok' });
  });
});

describe('Postgres store: leaderboards at scale', () => {
  it('reads the top 10 of 20k users (all-time and weekly) by index, never a Seq Scan', { timeout: 60_000 }, async () => {
    const store = await open();
    // Filled by SQL (generate_series), not 20k round trips; three spaces so the index has to pick one.
    await query(`
      INSERT INTO panelist_users (space, user_id, record, points, correct, updated_at, week_id, week_points, week_correct)
      SELECT s.space, 'U' || g, jsonb_build_object('userId', 'U' || g), (g * 7919) % 5000, (g * 31) % 200, g,
             CASE WHEN g % 3 = 0 THEN '2026-W10' ELSE '2026-W09' END, (g * 13) % 700, g % 50
      FROM generate_series(1, 20000) AS g, (VALUES ('${SPACE}'), ('other@slack:T1'), ('third@discord:G1')) AS s(space)`);
    await query('ANALYZE panelist_users');
    for (const [sql, values] of [
      [TOP_ALL_TIME, [SPACE, 10]],
      [TOP_WEEK, [SPACE, 10, '2026-W10']],
    ] as const) {
      const plan = (await query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, [...values])).map((r) => r['QUERY PLAN']).join('\n');
      expect(plan).not.toMatch(/Seq Scan/);
      expect(plan).toMatch(/Index Scan using panelist_users_(all_time|weekly)/);
    }
    const top = await store.topUsers(SPACE, { kind: 'all' }, 10);
    expect(top).toHaveLength(10);
    const best = await query<{ user_id: string }>(
      'SELECT user_id FROM panelist_users WHERE space = $1 ORDER BY points DESC, correct DESC, updated_at, user_id LIMIT 1',
      [SPACE],
    );
    expect(top[0]?.userId).toBe(best[0]?.user_id);
    expect(await store.topUsers(SPACE, { kind: 'week', week: '2026-W10' }, 10)).toHaveLength(10);
  });
});

describe('Postgres store: migrations', () => {
  it('applies the schema once, records its version, and lets replicas starting together race safely', async () => {
    const fresh = await createDatabase();
    try {
      const stores = await Promise.all([open(fresh.url), open(fresh.url), open(fresh.url)]);
      expect(stores.filter((s) => s.migration.applied.length > 0)).toHaveLength(1);
      expect(stores.every((s) => s.migration.to === 1)).toBe(true);
      const again = await open(fresh.url);
      expect(again.migration).toEqual({ from: 1, to: 1, applied: [] });
      expect(await query('SELECT version, name FROM panelist_schema', [], fresh.url)).toEqual([{ version: 1, name: 'initial' }]);
      for (const s of [...stores, again]) await s.close();
    } finally {
      await fresh.drop();
    }
  });

  it('refuses a database whose schema is newer than the code, naming both versions', async () => {
    const fresh = await createDatabase();
    try {
      await (await open(fresh.url)).close();
      await query("INSERT INTO panelist_schema (version, name) VALUES (7, 'from_the_future')", [], fresh.url);
      const error = await open(fresh.url).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreOpenError);
      expect((error as StoreOpenError).code).toBe('version');
      expect((error as Error).message).toMatch(/schema is version 7, newer than this Panelist knows \(version 1\)/);
      expect((error as Error).message).not.toContain('\n');
    } finally {
      await fresh.drop();
    }
  });
});

describe('Postgres store: set-up and refusals', () => {
  it('checks PG_POOL_MAX and the timeouts, with defaults', () => {
    expect(poolSettings({})).toEqual({ max: 10, connectTimeoutMs: 5_000, statementTimeoutMs: 10_000, idleTimeoutMs: 30_000 });
    expect(poolSettings({ PG_POOL_MAX: ' 25 ' }).max).toBe(25);
    for (const bad of ['0', 'ten', '2.5', '-1', '5000']) expect(() => poolSettings({ PG_POOL_MAX: bad })).toThrow(PostgresConfigError);
    expect(() => poolSettings({ PG_STATEMENT_TIMEOUT_MS: 'soon' })).toThrow(/PG_STATEMENT_TIMEOUT_MS/);
  });

  it('fails to open a refused database with one line naming host:port, never the password', async () => {
    const port = await freePort();
    const error = await openPostgresStore({ url: `postgres://bot:hunter2-secret@127.0.0.1:${port}/panelist`, logger: quiet }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreOpenError);
    const message = (error as Error).message;
    expect(message).toContain(`127.0.0.1:${port}`);
    expect(message).toMatch(/ECONNREFUSED/);
    expect(message).not.toContain('hunter2');
    expect(message).not.toContain('\n');
  });

  it('drops sessions untouched for the maximum age when it opens', async () => {
    const store = await open();
    await store.putSession(makeSession('s|c|old', { updatedAt: 1_000 }));
    await store.putSession(makeSession('s|c|new', { updatedAt: 9_000 }));
    const later = await open(db.url(), { sessionMaxAgeMs: 5_000, now: () => 10_000 });
    expect(await later.getSession('s|c|old')).toBeUndefined();
    expect(await later.getSession('s|c|new')).toBeDefined();
  });

  it('refuses text jsonb cannot hold (NUL, a lone surrogate) as a value error, and stays healthy', async () => {
    const store = await open();
    await expect(store.updateUser(SPACE, 'u1', (c) => ({ ...answer('u1', 1)(c), name: 'a\u0000b' }))).rejects.toThrow(/NUL/);
    await expect(store.putRecord('note', 'k', { text: 'x\ud800' }, { expected: 0 })).rejects.toThrow(/surrogate/);
    // An escaped backslash before "u0000" is ordinary text, and paired surrogates are fine.
    await store.putRecord('note', 'k', { text: '\\u0000 🚀' }, { expected: 0 });
    expect((await store.getRecord('note', 'k'))?.value).toEqual({ text: '\\u0000 🚀' });
    expect(store.health()).toMatchObject({ ok: true });
  });
});
