/**
 * `npm run cli -- import-file [DATA_DIR]`: a lowdb data directory copied into
 * Postgres, everything in it, idempotently, never overwriting what the
 * database already holds; the report says what was copied and what was there.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImportFile } from '../../adapters/console/import-file.js';
import { openLowdbStore } from '../../storage/lowdb-store.js';
import { openPostgresStore } from '../../storage/postgres/postgres-store.js';
import { usePostgresDatabase } from '../helpers/postgres.js';
import { ALICE, BOB, makeInterview, makeScorecard } from '../storage/interview-records.js';
import { answer, makeSession } from '../storage/records.js';
import { runCli, testEnv } from './spawn.js';

const db = usePostgresDatabase();
const SPACE = 'devops-engineer@slack:T123';
const OTHER = 'frontend-developer@discord:G1';
const quiet = { info: () => {}, warn: () => {}, error: () => {} };
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'panelist-import-'));
  const file = await openLowdbStore({ dataDir: dir, logger: quiet, sessionMaxAgeMs: 0 });
  await file.updateUser(SPACE, 'u1', answer('u1', 10));
  await file.updateUser(SPACE, 'u2', answer('u2', 30));
  await file.updateUser(OTHER, 'u1', answer('u1', 5));
  await file.putSession(makeSession(`${SPACE}|C1|u1`));
  await file.addFlag({ roleId: 'devops-engineer', questionId: 'q1', space: SPACE, userId: 'u1', at: 1_000 });
  await file.addFlag({ roleId: 'devops-engineer', questionId: 'q2', space: SPACE, userId: 'u2', at: 2_000 });
  await file.putInterview(makeInterview(ALICE, 'i1'));
  await file.putScorecard(makeScorecard(BOB, 'c1', { finished: 5_000 }));
  await file.putRecord('challenge', 'C1', { question: 'q1' }, { expected: 0 });
  await file.putRecord('challenge', 'C1', { question: 'q2' }, { expected: 1, due: 9_000 });
  // Closed without a clean compaction being required: the import reads snapshot plus journals.
  await file.close();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function io(env: NodeJS.ProcessEnv) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  return { io: { env, stdout, stderr }, out: () => out, err: () => err };
}

describe('import-file', () => {
  it('copies users, sessions, flags, interviews, scorecards and records, and says so', async () => {
    const run = io({ DATABASE_URL: db.url() });
    expect(await runImportFile([dir], run.io)).toBe(0);
    expect(run.out().split('\n').slice(1, -1)).toEqual([
      'users: 3 copied, 0 already there',
      'sessions: 1 copied, 0 already there',
      'flags: 2 copied, 0 already there',
      'interviews: 1 copied, 0 already there',
      'scorecards: 1 copied, 0 already there',
      'records: 1 copied, 0 already there',
    ]);
    expect(run.out()).toMatch(/^import-file: .*panelist\.json -> 127\.0\.0\.1:\d+\/t_/);

    const store = await openPostgresStore({ url: db.url(), logger: quiet, sessionMaxAgeMs: 0 });
    try {
      expect(await store.getUser(SPACE, 'u1')).toEqual(answer('u1', 10)(undefined));
      expect((await store.topUsers(SPACE, { kind: 'all' }, 10)).map((u) => u.userId)).toEqual(['u2', 'u1']);
      expect((await store.getUser(OTHER, 'u1'))?.points).toBe(5);
      expect(await store.getSession(`${SPACE}|C1|u1`)).toEqual(makeSession(`${SPACE}|C1|u1`));
      expect((await store.listFlags()).map((f) => f.questionId)).toEqual(['q2', 'q1']);
      expect(await store.getInterview(ALICE, 'i1')).toEqual(makeInterview(ALICE, 'i1'));
      expect(await store.getScorecard(BOB, 'c1')).toEqual(makeScorecard(BOB, 'c1', { finished: 5_000 }));
      // The version and due time come across as they were, so compare-and-set goes on from there.
      expect(await store.getRecord('challenge', 'C1')).toEqual({ kind: 'challenge', key: 'C1', version: 2, value: { question: 'q2' }, due: 9_000 });
      // A change made in the database since is never overwritten by a later import.
      await store.updateUser(SPACE, 'u1', answer('u1', 1));
    } finally {
      await store.close();
    }
  });

  it('copies nothing new the second time (through the real CLI) and keeps what changed in the database', { timeout: 60_000 }, async () => {
    const run = await runCli(['import-file', dir], testEnv({ DATABASE_URL: db.url(), LOG_LEVEL: 'warn' }));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(1, -1)).toEqual([
      'users: 0 copied, 3 already there',
      'sessions: 0 copied, 1 already there',
      'flags: 0 copied, 2 already there',
      'interviews: 0 copied, 1 already there',
      'scorecards: 0 copied, 1 already there',
      'records: 0 copied, 1 already there',
    ]);
    const store = await openPostgresStore({ url: db.url(), logger: quiet });
    try {
      expect((await store.getUser(SPACE, 'u1'))?.points).toBe(11);
    } finally {
      await store.close();
    }
  });

  it('says what is missing: no DATABASE_URL, or no store file in the directory', async () => {
    const noUrl = io({});
    expect(await runImportFile([dir], noUrl.io)).toBe(1);
    expect(noUrl.err()).toMatch(/set DATABASE_URL=postgres:\/\//);
    const empty = io({ DATABASE_URL: db.url() });
    expect(await runImportFile([join(dir, 'nothing-here')], empty.io)).toBe(1);
    expect(empty.err()).toMatch(/no store file at .*nothing-here/);
  });
});
