/**
 * Store benchmark: what an acknowledged answer costs (the update plus the
 * durable write it waits for, through `durably` as the assistant does) at 1k,
 * 10k and 100k stored answers over 1000 users in one space, alone and with 50
 * concurrent clients (group commit), and the longest event-loop stall that
 * writes and a compaction cause.
 *
 * Stalls are reported two ways: the longest wall-clock gap between two turns
 * of the event loop, and the CPU the main thread ran in that gap (the time the
 * loop was really held). On a shared machine the wall-clock figure includes
 * time the process was preempted by others; the noise line shows what an idle
 * loop and a loop doing 4 ms slices see here.
 *
 * Run alone with `npx tsx bench/store.ts`.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Tier } from '../src/content/schema.js';
import type { UserRecord } from '../src/ports.js';
import { withSeen } from '../src/questions/pick.js';
import { TIER_POINTS } from '../src/quiz/scoring.js';
import { seededRandom } from '../src/random.js';
import { newUserRecord, recordAnswer } from '../src/stats/record.js';
import { type LowdbStore, openLowdbStore } from '../storage/lowdb-store.js';

const USERS = 1000;
const CLIENTS = 50;
const SPACE = 'devops-engineer@slack:T123';
const TIERS: Tier[] = ['basic', 'technical', 'advanced'];
const TOPICS = ['networking', 'linux', 'containers', 'kubernetes', 'ci-cd', 'observability', 'terraform', 'security', 'cloud', 'git', 'scripting', 'databases'];
// A pool (role, tier, topic) of 40 questions, of which 25 are served before the seen list is cleared.
const POOL_SIZE = 25;
const POOL_QUESTIONS = 40;

/** Longest stall while it runs: wall-clock gap between loop turns, and the main thread's CPU in it. */
export interface Stall {
  wallMs: number;
  cpuMs: number;
}

const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;

/**
 * CPU milliseconds the main thread (the event loop) has run: Linux's schedstat
 * is per thread and in nanoseconds, so the thread pool's writes and time the
 * machine gave to other processes do not count. Elsewhere, the whole process's CPU.
 */
function loopCpuMs(): number {
  try {
    return Number(readFileSync(SCHEDSTAT, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  }
}

/** Measures event-loop stalls with a 1 ms timer until `stop()`. */
export function stallMeter(): { stop(): Stall } {
  let last = performance.now();
  let lastCpu = loopCpuMs();
  const worst: Stall = { wallMs: 0, cpuMs: 0 };
  const timer = setInterval(() => {
    const now = performance.now();
    const cpu = loopCpuMs();
    const gap = now - last;
    worst.wallMs = Math.max(worst.wallMs, gap);
    worst.cpuMs = Math.max(worst.cpuMs, Math.min(gap, cpu - lastCpu));
    last = now;
    lastCpu = cpu;
  }, 1);
  return {
    stop: () => {
      clearInterval(timer);
      return worst;
    },
  };
}

/** Runs `work` under a stall meter. */
async function metered<T>(work: () => Promise<T>): Promise<[T, Stall]> {
  const meter = stallMeter();
  const result = await work();
  return [result, meter.stop()];
}

/**
 * One answer as the core records it (the real `recordAnswer`), with a seen list
 * per pool as question picking keeps it, so records grow as they would in use.
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

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const ms = (n: number): string => `${n.toFixed(2)} ms`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const stalls = (s: Stall): string => `stall ${s.cpuMs.toFixed(1)} ms cpu / ${s.wallMs.toFixed(1)} ms wall`;
const user = (u: number): string => `U${String(u).padStart(6, '0')}`;

/** What an idle loop and a loop of 4 ms slices see on this machine: the floor under every stall figure. */
async function noise(): Promise<string> {
  const [, idle] = await metered(() => new Promise((resolve) => setTimeout(resolve, 300)));
  const [, sliced] = await metered(async () => {
    const end = performance.now() + 300;
    while (performance.now() < end) {
      const start = performance.now();
      while (performance.now() - start < 4) {
        // Busy: a 4 ms slice, as compaction runs.
      }
      await nextTurn();
    }
  });
  return `noise floor here: idle loop ${stalls(idle)}; loop of 4 ms slices ${stalls(sliced)}`;
}

/** Acknowledged-answer latencies of `count` answers, one at a time. */
async function sequential(store: LowdbStore, count: number, rand: () => number, tick: () => number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const userId = user(Math.floor(rand() * USERS));
    const start = performance.now();
    await store.durably((s) => s.updateUser(SPACE, userId, (current) => answerOnce(current, userId, rand, tick())));
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b);
}

/** `CLIENTS` clients answering `each` times one after another, all at once: latencies of every answer. */
async function concurrent(store: LowdbStore, each: number, rand: () => number, tick: () => number): Promise<number[]> {
  const samples: number[] = [];
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      const userId = user(c * Math.floor(USERS / CLIENTS));
      for (let i = 0; i < each; i++) {
        const start = performance.now();
        await store.durably((s) => s.updateUser(SPACE, userId, (current) => answerOnce(current, userId, rand, tick())));
        samples.push(performance.now() - start);
      }
    }),
  );
  return samples.sort((a, b) => a - b);
}

async function journalBytes(dir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(dir)) if (name.includes('.journal.')) total += (await stat(join(dir, name))).size;
  return total;
}

/** Prints the store benchmark; takes well under a minute. */
export async function run(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'panelist-bench-'));
  const file = join(dir, 'panelist.json');
  const random = seededRandom(42);
  const rand = () => random.next();
  let clock = Date.UTC(2026, 2, 2);
  const tick = () => (clock += 1_000);
  let store = await openLowdbStore({ dataDir: dir, now: () => clock });
  let stored = 0;
  try {
    console.log(`store benchmark: ${USERS} users in one space; acknowledged answer = update + durable journal write (group commit, fdatasync)`);
    console.log(await noise());
    for (const target of [1_000, 10_000, 100_000]) {
      // Seed up to `target` answers without timing, then fold them into the snapshot as a long-running store would have.
      const perUser = Math.max(0, Math.round((target - stored) / USERS));
      await Promise.all(
        Array.from({ length: USERS }, (_, u) =>
          store.updateUser(SPACE, user(u), (current) => {
            let r = current;
            for (let i = 0; i < perUser; i++) r = answerOnce(r, user(u), rand, tick());
            return r ?? newUserRecord(user(u), `Engineer ${user(u)}`, clock);
          }),
        ),
      );
      await store.compact();
      stored = target;

      const [alone, aloneStall] = await metered(() => sequential(store, target >= 100_000 ? 200 : 300, rand, tick));
      const [crowd, crowdStall] = await metered(() => concurrent(store, 10, rand, tick));
      stored += alone.length + crowd.length;
      const journal = await journalBytes(dir);
      const compactStart = performance.now();
      const [, compactStall] = await metered(() => store.compact());
      const compactMs = performance.now() - compactStart;
      const size = (await stat(file)).size;

      // What every flush cost before the journal: serialising the whole file on the event loop.
      const whole = JSON.parse(await readFile(file, 'utf8')) as unknown;
      const stringifyStart = performance.now();
      JSON.stringify(whole);
      const stringifyMs = performance.now() - stringifyStart;

      const reopenStart = performance.now();
      await store.close();
      store = await openLowdbStore({ dataDir: dir, now: () => clock });
      const reopen = performance.now() - reopenStart;

      console.log(
        [
          `${String(target).padStart(7)} answers: snapshot ${mb(size)} (${Math.round(size / USERS)} B/user), journal ${mb(journal)} before compaction`,
          `  1 client:   ack median ${ms(percentile(alone, 50))} p99 ${ms(percentile(alone, 99))} max ${ms(alone.at(-1) ?? 0)} | ${stalls(aloneStall)}`,
          `  ${CLIENTS} clients: ack median ${ms(percentile(crowd, 50))} p99 ${ms(percentile(crowd, 99))} max ${ms(crowd.at(-1) ?? 0)} | ${stalls(crowdStall)}`,
          `  compaction ${ms(compactMs)} in the background | ${stalls(compactStall)} | (old per-flush cost: JSON.stringify of the whole file ${ms(stringifyMs)} on the loop)`,
          `  close+reopen ${ms(reopen)}`,
        ].join('\n'),
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
