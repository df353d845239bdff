/**
 * Store benchmark: what recording one answer costs the user (update plus
 * awaited flush) as the file grows to 1k, 10k and 100k recorded answers over
 * 1000 users, with the file size, a full flush, a 1000-answer burst and a reopen.
 *
 * Run alone with `npx tsx bench/store.ts`.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Tier } from '../src/content/schema.js';
import type { UserRecord } from '../src/ports.js';
import { withSeen } from '../src/questions/pick.js';
import { TIER_POINTS } from '../src/quiz/scoring.js';
import { seededRandom } from '../src/random.js';
import { newUserRecord, recordAnswer } from '../src/stats/record.js';
import { openLowdbStore } from '../storage/lowdb-store.js';

const USERS = 1000;
const SPACE = 'devops-engineer@slack:T123';
const TIERS: Tier[] = ['basic', 'technical', 'advanced'];
const TOPICS = ['networking', 'linux', 'containers', 'kubernetes', 'ci-cd', 'observability', 'terraform', 'security', 'cloud', 'git', 'scripting', 'databases'];
// A pool (role, tier, topic) of 40 questions, of which 25 are served before the seen list is cleared.
const POOL_SIZE = 25;
const POOL_QUESTIONS = 40;

/**
 * One answer as the core records it (the real `recordAnswer`), with a seen list
 * per pool as question picking keeps it, so the file grows as it would in use.
 */
function answerOnce(current: UserRecord | undefined, userId: string, rand: () => number, at: number): UserRecord {
  const record = current ?? newUserRecord(userId, `Engineer ${userId}`, at);
  const tier = TIERS[Math.floor(rand() * TIERS.length)] ?? 'basic';
  const topic = TOPICS[Math.floor(rand() * TOPICS.length)] ?? 'linux';
  const pool = `devops-engineer:quiz:${tier}:${topic}`;
  const questionId = `${topic}-${tier}-${String(Math.floor(rand() * POOL_QUESTIONS)).padStart(2, '0')}`;
  const seen = record.seen[pool] ?? [];
  const correct = rand() < 0.65;
  const answered = recordAnswer(record, { questionId, tier, topics: [topic], correct, points: correct ? TIER_POINTS[tier] : 0, at });
  return { ...answered, seen: withSeen(record.seen, pool, seen.length + 1 >= POOL_SIZE ? [] : [...seen, questionId]) };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const ms = (n: number): string => `${n.toFixed(2)} ms`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/** Prints the store benchmark; takes well under 30 s. */
export async function run(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'panelist-bench-'));
  const file = join(dir, 'panelist.json');
  const random = seededRandom(42);
  const rand = () => random.next();
  let clock = Date.UTC(2026, 2, 2);
  let store = await openLowdbStore({ dataDir: dir, now: () => clock });
  let stored = 0;
  try {
    console.log(`store benchmark: ${USERS} users in one space, answers spread evenly, compact JSON file`);
    for (const target of [1_000, 10_000, 100_000]) {
      // Seed up to `target` answers without timing; one flush at the end.
      const perUser = target / USERS - stored / USERS;
      const seeding: Promise<UserRecord>[] = [];
      for (let u = 0; u < USERS; u++) {
        const userId = `U${String(u).padStart(6, '0')}`;
        seeding.push(
          store.updateUser(SPACE, userId, (current) => {
            let r = current;
            for (let i = 0; i < perUser; i++) r = answerOnce(r, userId, rand, (clock += 1_000));
            return r ?? newUserRecord(userId, `Engineer ${userId}`, clock);
          }),
        );
      }
      await Promise.all(seeding);
      await store.flush();
      stored = target;

      // What a user waits for: one answer recorded and durably written.
      const samples: number[] = [];
      const rounds = target >= 100_000 ? 150 : 300;
      for (let i = 0; i < rounds; i++) {
        const userId = `U${String(Math.floor(rand() * USERS)).padStart(6, '0')}`;
        const start = performance.now();
        await store.updateUser(SPACE, userId, (current) => answerOnce(current, userId, rand, (clock += 1_000)));
        await store.flush();
        samples.push(performance.now() - start);
      }
      stored += rounds;
      samples.sort((a, b) => a - b);

      // A burst: 1000 answers from different users at once, one flush.
      const burstStart = performance.now();
      await Promise.all(
        Array.from({ length: 1000 }, (_, u) => {
          const userId = `U${String(u).padStart(6, '0')}`;
          return store.updateUser(SPACE, userId, (current) => answerOnce(current, userId, rand, (clock += 1)));
        }),
      );
      await store.flush();
      const burst = performance.now() - burstStart;
      stored += 1000;

      // A full flush: serialise and atomically replace the whole file after a one-field change.
      const flushes: number[] = [];
      for (let i = 0; i < 5; i++) {
        await store.updateUser(SPACE, 'U000000', (current) => ({ ...(current ?? newUserRecord('U000000', 'Engineer', 0)), name: `Engineer ${i}` }));
        const start = performance.now();
        await store.flush();
        flushes.push(performance.now() - start);
      }
      flushes.sort((a, b) => a - b);

      const size = (await stat(file)).size;
      const reopenStart = performance.now();
      await store.close();
      store = await openLowdbStore({ dataDir: dir, now: () => clock });
      const reopen = performance.now() - reopenStart;

      console.log(
        [
          `${String(target).padStart(7)} answers`,
          `file ${mb(size)} (${Math.round(size / USERS)} B/user)`,
          `answer+flush median ${ms(percentile(samples, 50))} p99 ${ms(percentile(samples, 99))}`,
          `full flush ${ms(percentile(flushes, 50))}`,
          `1000-answer burst ${ms(burst)}`,
          `close+reopen ${ms(reopen)}`,
        ].join(' | '),
      );
    }
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('bench/store.ts')) {
  await run();
}
