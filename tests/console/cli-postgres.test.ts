/**
 * The read-only CLI commands (`flags`, `disputes`, `scorecards`) on Postgres:
 * with DATABASE_URL set they list what a PostgresStore holds, in exactly the
 * output (text and `--json` lines) the file store gives for the same data,
 * and a database that cannot be reached is one line naming host:port, never
 * the password, exit 1. Real processes against the run's embedded Postgres.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuestionFlag } from '../../src/ports.js';
import { openLowdbStore } from '../../storage/lowdb-store.js';
import { openPostgresStore } from '../../storage/postgres/postgres-store.js';
import { usePostgresDatabase } from '../helpers/postgres.js';
import { ALICE, BOB, makeScorecard } from '../storage/interview-records.js';
import { jsonLines, runCli, testEnv } from './spawn.js';

const db = usePostgresDatabase();
const SPACE = 'devops-engineer@slack:T123';
const OTHER = 'devops-engineer@discord:G1';
const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const NOW = Date.now();
const DAY = 24 * 60 * 60 * 1000;

const FEEDBACK: QuestionFlag[] = [
  { roleId: 'devops-engineer', questionId: 'ci-delivery-vs-deployment', space: SPACE, userId: 'u1', at: NOW - 5 * DAY },
  { roleId: 'devops-engineer', questionId: 'ci-delivery-vs-deployment', space: OTHER, userId: 'u2', at: NOW - 4 * DAY },
  { roleId: 'devops-engineer', questionId: 'blue-green-vs-canary', space: SPACE, userId: 'u3', at: NOW - 3 * DAY },
  {
    roleId: 'devops-engineer',
    questionId: 'pipeline-security',
    space: SPACE,
    userId: 'u4',
    at: NOW - 2 * DAY,
    kind: 'dispute',
    dispute: { answer: 'Pin actions by commit SHA and scope tokens per job.', score: 40, name: 'Dana' },
  },
  {
    roleId: 'devops-engineer',
    questionId: 'blue-green-vs-canary',
    space: OTHER,
    userId: 'u5',
    at: NOW - DAY,
    kind: 'dispute',
    dispute: { answer: 'Canary shifts a share of traffic.', score: 55, name: 'Eli' },
  },
];
const CARDS = [
  makeScorecard(ALICE, 'a1', { finished: NOW - 2 * DAY, candidate: 'Jordan' }),
  makeScorecard(BOB, 'b1', { finished: NOW - DAY }),
  // Past the default retention (90 days): never exported, from either store.
  makeScorecard(BOB, 'old', { finished: NOW - 200 * DAY }),
];

let dir: string;

beforeAll(async () => {
  // The same data in a file store and in Postgres, so the outputs can be compared whole.
  dir = await mkdtemp(join(tmpdir(), 'panelist-cli-pg-'));
  const file = await openLowdbStore({ dataDir: dir, logger: quiet, sessionMaxAgeMs: 0 });
  const pg = await openPostgresStore({ url: db.url(), logger: quiet, sessionMaxAgeMs: 0 });
  try {
    for (const flag of FEEDBACK) {
      await file.addFlag(flag);
      await pg.addFlag(flag);
    }
    for (const card of CARDS) {
      await file.putScorecard(card);
      await pg.putScorecard(card);
    }
  } finally {
    await file.close();
    await pg.close();
  }
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The CLI on Postgres; DATA_DIR points at an empty directory, so nothing can come from a file. */
const onPostgres = (args: string[]) => runCli(args, testEnv({ DATABASE_URL: db.url(), DATA_DIR: join(dir, 'empty'), LOG_LEVEL: 'warn' }));
const onFile = (args: string[]) => runCli(args, testEnv({ DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'warn' }));

/** A TCP port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('read-only CLI commands on Postgres', { timeout: 60_000 }, () => {
  it('flags --json lists the flags written through a PostgresStore, grouped, most-flagged first', async () => {
    const run = await onPostgres(['flags', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(jsonLines(run.stdout)).toEqual([
      { roleId: 'devops-engineer', questionId: 'ci-delivery-vs-deployment', count: 2, spaces: [OTHER, SPACE].sort(), lastAt: NOW - 4 * DAY },
      { roleId: 'devops-engineer', questionId: 'blue-green-vs-canary', count: 1, spaces: [SPACE], lastAt: NOW - 3 * DAY },
    ]);
  });

  it('disputes --json lists the disputes, newest first, every field', async () => {
    const run = await onPostgres(['disputes', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(jsonLines(run.stdout)).toEqual([
      {
        roleId: 'devops-engineer',
        questionId: 'blue-green-vs-canary',
        space: OTHER,
        userId: 'u5',
        name: 'Eli',
        answer: 'Canary shifts a share of traffic.',
        score: 55,
        at: NOW - DAY,
      },
      {
        roleId: 'devops-engineer',
        questionId: 'pipeline-security',
        space: SPACE,
        userId: 'u4',
        name: 'Dana',
        answer: 'Pin actions by commit SHA and scope tokens per job.',
        score: 40,
        at: NOW - 2 * DAY,
      },
    ]);
  });

  it('scorecards --json lists every author, latest first, none past retention; --markdown finds one by id', async () => {
    const run = await onPostgres(['scorecards', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout) as { id: string; author: { id: string }; candidate: string | null }[];
    expect(lines.map((l) => [l.author.id, l.id])).toEqual([
      ['U2', 'b1'],
      ['U1', 'a1'],
    ]);
    expect(lines[1]?.candidate).toBe('Jordan');
    const markdown = await onPostgres(['scorecards', '--markdown', 'a1']);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain('Jordan');
    // An unknown id names the database it looked in (never its password).
    const missing = await onPostgres(['scorecards', '--markdown', 'nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no scorecard "nope" in 127\.0\.0\.1:\d+\/t_/);
  });

  it('prints exactly what the file store prints for the same data, text and --json', async () => {
    for (const args of [['flags'], ['flags', '--json'], ['disputes'], ['disputes', '--json'], ['scorecards', '--json'], ['scorecards', '--markdown', 'b1']]) {
      const [pg, file] = await Promise.all([onPostgres(args), onFile(args)]);
      expect({ args, code: pg.code, stderr: pg.stderr }).toEqual({ args, code: 0, stderr: '' });
      expect(file.code).toBe(0);
      expect(pg.stdout).not.toBe('');
      expect(pg.stdout).toBe(file.stdout);
    }
    // The text reports show the real prompts, so they read the content as the file path does.
    const text = await onPostgres(['flags']);
    expect(text.stdout).toMatch(/^Flagged questions: 2 questions, 3 flags/);
    expect(text.stdout).toContain('DevOps Engineer (devops-engineer)');
  });

  it('an unreachable database is one line naming host:port, never the password, exit 1', async () => {
    const port = await closedPort();
    const password = 'hunter2-very-secret';
    for (const command of [['flags', '--json'], ['disputes'], ['scorecards', '--json']]) {
      const run = await runCli(command, testEnv({ DATABASE_URL: `postgres://panelist:${password}@127.0.0.1:${port}/panelist`, PG_CONNECT_TIMEOUT_MS: '2000' }));
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(new RegExp(`^panelist: .*127\\.0\\.0\\.1:${port}`));
      expect(run.stderr).toContain('DATABASE_URL');
      expect(run.stderr).not.toContain(password);
    }
  });
});
