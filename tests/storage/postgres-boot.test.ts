/**
 * The Postgres store as the bot runs it: DATABASE_URL selects it at start-up,
 * a database that cannot be reached is one line naming host:port (never the
 * password) and exit code 1, and a database lost while serving makes the
 * user's reply "not saved" and readiness false until it is back.
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { boot, StartupError } from '../../adapters/boot.js';
import { NOT_SAVED } from '../../src/assistant.js';
import { openPostgresStore } from '../../storage/postgres/postgres-store.js';
import { finished, startTs, testEnv } from '../console/spawn.js';
import { answerRight, correctChoice, devopsRole, devopsSpace, startQuiz, viewOf } from '../core/support.js';
import { act, makeTestAssistant } from '../helpers/assistant.js';
import { adminQuery, truncateAll, usePostgresDatabase } from '../helpers/postgres.js';
import { freePort } from '../setup/embedded.js';

const db = usePostgresDatabase();
const closing: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close().catch(() => undefined);
  await truncateAll(db.url());
});

const PASSWORD = 'hunter2-very-secret';

describe('start-up with DATABASE_URL', () => {
  it('serves from Postgres: a second process on the same database sees what the first saved', async () => {
    const first = await boot({ ...process.env, DATABASE_URL: db.url(), LOG_LEVEL: 'error' });
    closing.push(() => first.close());
    // Booted on Postgres, not the file: the store names its database.
    expect((first.store as { label?: string }).label).toBe(`127.0.0.1:${new URL(db.url()).port}/${db.name()}`);
    const t = await makeTestAssistant({ store: first.store, roles: first.roles });
    await answerRight(t, await startQuiz(t, 'start basic 2'));
    expect(await first.ready()).toEqual({ ok: true });
    const second = await boot({ ...process.env, DATABASE_URL: db.url(), LOG_LEVEL: 'error' });
    closing.push(() => second.close());
    expect((await second.store.getUser(devopsSpace(), 'U1'))?.answered).toBe(1);
  });

  it('rejects with one StartupError line naming host:port, without the password, for a refused database', async () => {
    const port = await freePort();
    const error = await boot({ ...process.env, DATABASE_URL: `postgres://panelist:${PASSWORD}@127.0.0.1:${port}/panelist` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    const message = (error as Error).message;
    expect(message).toContain(`127.0.0.1:${port}`);
    expect(message).toMatch(/DATABASE_URL/);
    expect(message).not.toContain(PASSWORD);
    expect(message.split('\n')).toHaveLength(1);
  });

  it('names the database and not the password when the login is refused', async () => {
    const wrong = new URL(db.url());
    wrong.password = PASSWORD;
    const error = await boot({ ...process.env, DATABASE_URL: wrong.toString() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toMatch(/password authentication failed/);
    expect((error as Error).message).toContain(`127.0.0.1:${wrong.port}`);
    expect((error as Error).message).not.toContain(PASSWORD);
  });

  it('npm start with an unreachable DATABASE_URL prints one line and exits 1', { timeout: 60_000 }, async () => {
    const port = await freePort();
    const env = testEnv({ DATABASE_URL: `postgres://panelist:${PASSWORD}@127.0.0.1:${port}/panelist`, LOG_LEVEL: 'info' });
    const run = await finished(startTs('adapters/main.ts', [], env));
    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('{'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^panelist: cannot connect to the database at 127\\.0\\.0\\.1:${port}`));
    expect(run.stderr + run.stdout).not.toContain(PASSWORD);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a database lost while serving', () => {
  /** Makes the database refuse connections and drops every one it has: a real outage. */
  async function takeDown(name: string): Promise<() => Promise<void>> {
    await adminQuery(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    await adminQuery('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
    return async () => void (await adminQuery(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`));
  }

  it('answers "not saved", reports unhealthy until it is back, then the same button works', { timeout: 60_000 }, async () => {
    const store = await openPostgresStore({ url: db.url(), logger: { info: () => {}, warn: () => {}, error: () => {} }, probeMs: 50 });
    closing.push(() => store.close());
    const t = await makeTestAssistant({ store });
    const first = await startQuiz(t, 'start basic 2');
    const choice = correctChoice(devopsRole(t), first);

    const bringBack = await takeDown(db.name());
    closing.push(bringBack);
    const failed = await t.assistant.handle(act(choice.actionId));
    expect(viewOf(failed, 'error')).toEqual({ kind: 'error', code: 'not-saved', message: NOT_SAVED });
    expect(store.health()).toMatchObject({ ok: false, state: 'failing' });
    expect(store.health().error).toContain('127.0.0.1:');
    // Still down a while later: the probe does not pretend.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(store.health().ok).toBe(false);

    await bringBack();
    // No traffic needed: the background probe notices the database is back.
    const deadline = Date.now() + 10_000;
    while (!store.health().ok && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(store.health()).toEqual({ ok: true, state: 'ok' });
    const retried = viewOf(await t.assistant.handle(act(choice.actionId)), 'quiz-question');
    expect(retried.feedback?.outcome).toBe('correct');
    const client = new pg.Client({ connectionString: db.url() });
    await client.connect();
    const { rows } = await client.query("SELECT record->>'answered' AS answered FROM panelist_users WHERE space = $1", [devopsSpace()]);
    await client.end();
    expect(rows).toEqual([{ answered: '1' }]);
  });
});
