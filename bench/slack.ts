/**
 * Slack adapter throughput: signed slash commands over loopback, many in
 * flight, against this app (real content) serving from the memory store and
 * from the real file store, and, in the same run, a bare Bolt app whose only
 * listener acks. A Panelist command counts as done when its reply is received:
 * in the HTTP response (the ack) when it was ready by the deadline, else when
 * it reaches its response_url. Prints commands/s, latency (median, p99), where
 * the replies came from, and the ratios to bare Bolt.
 *
 *   npx tsx bench/slack.ts            (REQUESTS=2000 CONCURRENCY=50 ROUNDS=3 to change)
 */
import type { AddressInfo } from 'node:net';
import { App } from '@slack/bolt';
import { contentDir } from '../adapters/boot.js';
import { silentLogger } from '../adapters/logger.js';
import { createSlackApp } from '../adapters/slack/app.js';
import { boltLogger } from '../adapters/slack/bolt-logger.js';
import { createAssistant } from '../src/assistant.js';
import { commandInfos } from '../src/commands/info.js';
import { loadRoles } from '../src/content/load.js';
import type { Role } from '../src/content/schema.js';
import { seededRandom } from '../src/random.js';
import { type Fakes, fmt, load, type Result, SECRET, startFakes, TOKEN } from './slack-load.js';
import { openBenchStore, STORE_KINDS, type StoreKind } from './stores.js';

/** An app under load: where to send commands, whether it replies, and how to stop it. */
interface Subject {
  name: string;
  url: string;
  /** Bare Bolt only acks; Panelist's command is done when its reply arrives. */
  replies: boolean;
  stop(): Promise<void>;
}

async function startPanelist(roles: Role[], fakes: Fakes, kind: StoreKind): Promise<Subject> {
  const opened = await openBenchStore(kind);
  const assistant = createAssistant({ roles, store: opened.store, clock: { now: () => Date.now() }, random: seededRandom(7) });
  const app = createSlackApp({
    assistant,
    logger: silentLogger,
    config: { mode: 'http', botToken: TOKEN, signingSecret: SECRET, port: 0, host: '127.0.0.1', apiUrl: fakes.apiUrl },
  });
  await app.start();
  return {
    name: `Panelist, ${kind} store`,
    url: `http://127.0.0.1:${app.address()!.port}/slack/events`,
    replies: true,
    stop: async () => {
      await app.stop();
      await opened.close();
    },
  };
}

async function startBare(roles: Role[], fakes: Fakes): Promise<Subject> {
  const bare = new App({
    token: TOKEN,
    signingSecret: SECRET,
    botId: 'BBOT',
    botUserId: 'UBOT',
    logger: boltLogger(silentLogger),
    clientOptions: { slackApiUrl: fakes.apiUrl },
  });
  for (const c of commandInfos(roles)) bare.command(`/${c.name}`, async ({ ack }) => ack());
  const server = await bare.start({ port: 0, host: '127.0.0.1' });
  return {
    name: 'bare Bolt (ack only)',
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`,
    replies: false,
    stop: async () => {
      await bare.stop();
    },
  };
}

/** Best of the rounds: interference from a shared machine only ever slows a round down. */
function best(results: Result[]): Result {
  const [first, ...rest] = results;
  if (!first) throw new Error('no rounds');
  return rest.reduce(
    (a, b) => ({
      ...a,
      median: Math.min(a.median, b.median),
      p99: Math.min(a.p99, b.p99),
      perSecond: Math.max(a.perSecond, b.perSecond),
      failed: a.failed + b.failed,
      inAck: a.inAck + b.inAck,
      late: a.late + b.late,
    }),
    first,
  );
}

/** Runs the benchmark and prints the figures. */
export async function run(): Promise<void> {
  const requests = Number(process.env.REQUESTS ?? 2000);
  const concurrency = Number(process.env.CONCURRENCY ?? 50);
  const rounds = Number(process.env.ROUNDS ?? 3);
  const fakes = await startFakes();
  const roles = await loadRoles(contentDir(process.env));
  const subjects: Subject[] = [await startBare(roles, fakes)];
  try {
    for (const kind of STORE_KINDS) subjects.push(await startPanelist(roles, fakes, kind));
    // Warm every app up (JIT, keep-alive sockets) before measuring.
    for (const s of subjects) await load(s.url, fakes, `warm-${s.name}`, 300, concurrency, s.replies);
    const results = new Map<Subject, Result[]>(subjects.map((s) => [s, []]));
    // Alternating rounds, so a burst of load from elsewhere hits every subject alike.
    for (let r = 0; r < rounds; r += 1) {
      for (const s of subjects) results.get(s)!.push(await load(s.url, fakes, `r${r}-${s.name}`, requests, concurrency, s.replies));
    }
    const [bare, ...ours] = subjects.map((s) => ({ s, r: best(results.get(s)!) }));
    process.stdout.write(`Slack adapter: ${requests} signed slash commands, ${concurrency} in flight, loopback; best of ${rounds} alternating rounds\n`);
    for (const { s, r } of [bare!, ...ours]) process.stdout.write(`  ${s.name.padEnd(24)} ${fmt(r, s.replies ? 'reply' : 'ack  ')}\n`);
    for (const { s, r } of ours) {
      const b = bare!.r;
      process.stdout.write(
        `  ${s.name}: ${r.inAck} replies in the ack, ${r.late} at the response_url; vs bare Bolt: median ${(r.median / b.median).toFixed(2)}x, ` +
          `p99 ${(r.p99 / b.p99).toFixed(2)}x, throughput ${(r.perSecond / b.perSecond).toFixed(2)}x\n`,
      );
    }
  } finally {
    for (const s of subjects) await s.stop();
    await fakes.close();
  }
}

if (process.argv[1]?.endsWith('bench/slack.ts')) {
  run().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
