/**
 * Discord benchmark: interactions per second and latency (median, p99) from an
 * INTERACTION_CREATE dispatched on the fake gateway to the interaction callback
 * reaching the fake REST, one at a time and with 50 in flight, for Panelist's
 * bot (real core, memory store and real file store) and, in the same run, for
 * a bare discord.js client that only replies. The ratios show what the core,
 * rendering and our wiring cost over discord.js itself.
 *
 * Run alone with `npx tsx bench/discord.ts`.
 */
import { performance } from 'node:perf_hooks';
import { Client, Events, GatewayIntentBits, MessageFlags } from 'discord.js';
import { contentDir } from '../adapters/boot.js';
import { createDiscordBot } from '../adapters/discord/bot.js';
import { silentLogger } from '../adapters/logger.js';
import { createAssistant } from '../src/assistant.js';
import { loadRoles } from '../src/content/load.js';
import { seededRandom } from '../src/random.js';
import { Driver, type Sent } from '../tests/discord/driver.js';
import { APP_ID, FakeDiscord, type FakePlace, type FakeUser } from '../tests/discord/fake-discord.js';
import { openBenchStore, STORE_KINDS, type StoreKind } from './stores.js';

const PLACE: FakePlace = { guildId: '300000000000000001', channelId: '400000000000000001' };
const USERS: FakeUser[] = Array.from({ length: 50 }, (_, i) => ({ id: String(500000000000000000n + BigInt(i)), username: `user${i}` }));
const WARMUP = 300;
const SEQUENTIAL = 400;
const BURST = 1500;
const IN_FLIGHT = 50;

interface Subject {
  name: string;
  start(fake: FakeDiscord): Promise<{ stop(): Promise<void> }>;
  /** Dispatches one interaction. */
  send(driver: Driver, i: number): Sent;
}

interface Figures {
  name: string;
  /** One interaction at a time. */
  median: number;
  p99: number;
  /** With IN_FLIGHT interactions in flight. */
  loadedMedian: number;
  loadedP99: number;
  perSecond: number;
  /** Callbacks that were apologies or error views: a fast wrong answer is no answer. */
  failed: number;
  total: number;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

/** Dispatch-to-callback timing, matched by interaction id. */
class Stopwatch {
  private readonly pending = new Map<string, { at: number; done: (ms: number) => void }>();
  constructor(fake: FakeDiscord) {
    fake.onCall((call) => {
      const m = call.path.match(/^\/interactions\/(\d+)\//);
      const entry = m ? this.pending.get(m[1]!) : undefined;
      if (!m || !entry) return;
      this.pending.delete(m[1]!);
      entry.done(call.at - entry.at);
    });
  }
  time(send: () => Sent): Promise<number> {
    return new Promise((done) => {
      const at = performance.now();
      const sent = send();
      this.pending.set(sent.id, { at, done });
    });
  }
}

async function measure(subject: Subject): Promise<Figures> {
  const fake = await new FakeDiscord().start();
  fake.record = false;
  const running = await subject.start(fake);
  const driver = new Driver(fake);
  const watch = new Stopwatch(fake);
  let failed = 0;
  let total = 0;
  fake.onCall((call) => {
    if (!call.path.endsWith('/callback')) return;
    total += 1;
    if (/Sorry, something went wrong|"title":"⚠️/.test(JSON.stringify(call.body))) failed += 1;
  });
  let n = 0;
  const one = () => watch.time(() => subject.send(driver, n++));
  for (let i = 0; i < WARMUP; i += 1) await one();
  const latencies: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i += 1) latencies.push(await one());
  latencies.sort((a, b) => a - b);
  const started = performance.now();
  let issued = 0;
  const loaded: number[] = [];
  const worker = async () => {
    while (issued < BURST) {
      issued += 1;
      loaded.push(await one());
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const perSecond = BURST / ((performance.now() - started) / 1000);
  loaded.sort((a, b) => a - b);
  await running.stop();
  await fake.stop();
  return {
    name: subject.name,
    median: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    loadedMedian: quantile(loaded, 0.5),
    loadedP99: quantile(loaded, 0.99),
    perSecond,
    failed,
    total,
  };
}

const bare: Subject = {
  name: 'bare discord.js (reply only)',
  async start(fake) {
    const client = new Client({ intents: [GatewayIntentBits.Guilds], allowedMentions: { parse: [] }, rest: { api: fake.apiUrl, retries: 0 } });
    client.on(Events.InteractionCreate, (interaction) => {
      if (interaction.isChatInputCommand()) void interaction.reply({ content: 'pong', flags: MessageFlags.Ephemeral }).catch(() => undefined);
    });
    const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
    await client.login('bench-token');
    await ready;
    return { stop: () => client.destroy() };
  },
  send: (driver, i) => driver.command(USERS[i % USERS.length]!, PLACE, 'ping'),
};

// A mix of what users do most: interviewer cards, searches and quiz starts.
const COMMANDS: [string, { subcommand?: string; options?: Record<string, string | number> }][] = [
  ['devops-question', { options: { tier: 'technical' } }],
  ['devops-search', { options: { query: 'kubernetes pod crashloop' } }],
  ['devops-quiz', { subcommand: 'start', options: { count: 3 } }],
  ['devops-role', {}],
];

function panelist(kind: StoreKind): Subject {
  return {
    name: `Panelist bot, ${kind} store`,
    async start(fake) {
      const roles = await loadRoles(contentDir(process.env));
      const opened = await openBenchStore(kind);
      const assistant = createAssistant({ roles, store: opened.store, clock: { now: () => Date.now() }, random: seededRandom(42) });
      const bot = createDiscordBot({
        assistant,
        config: { token: 'bench-token', applicationId: APP_ID, apiUrl: fake.apiUrl },
        logger: silentLogger,
        rest: { retries: 0 },
      });
      await bot.start();
      return {
        stop: async () => {
          await bot.stop();
          await opened.close();
        },
      };
    },
    send(driver, i) {
      const [name, opts] = COMMANDS[i % COMMANDS.length]!;
      // Distinct users per quiz start, so no "a quiz is already running" shortcut.
      return driver.command(USERS[i % USERS.length]!, { ...PLACE, channelId: String(400000000000000000n + BigInt(i)) }, name, opts);
    },
  };
}

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
const ROUNDS = 2;

function best(all: Figures[]): Figures {
  const [first, ...rest] = all;
  if (!first) throw new Error('no rounds');
  return rest.reduce(
    (a, b) => ({
      ...a,
      median: Math.min(a.median, b.median),
      p99: Math.min(a.p99, b.p99),
      loadedMedian: Math.min(a.loadedMedian, b.loadedMedian),
      loadedP99: Math.min(a.loadedP99, b.loadedP99),
      perSecond: Math.max(a.perSecond, b.perSecond),
      failed: a.failed + b.failed,
      total: a.total + b.total,
    }),
    first,
  );
}

const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;

/** Runs every subject and prints the figures and the ratios. */
export async function run(): Promise<void> {
  const subjects = [bare, ...STORE_KINDS.map(panelist)];
  // Alternating rounds, best of each: one run on a shared machine is too noisy to compare.
  const rounds = new Map<Subject, Figures[]>(subjects.map((s) => [s, []]));
  for (let r = 0; r < ROUNDS; r += 1) for (const s of subjects) rounds.get(s)!.push(await measure(s));
  const [base, ...ours] = subjects.map((s) => best(rounds.get(s)!));
  for (const f of [base!, ...ours]) {
    process.stdout.write(
      `${f.name.padEnd(30)} ${f.perSecond.toFixed(0).padStart(6)} interactions/s   one at a time: median ${fmt(f.median)}, p99 ${fmt(f.p99)}   ` +
        `${IN_FLIGHT} in flight: median ${fmt(f.loadedMedian)}, p99 ${fmt(f.loadedP99)}   (${f.failed} of ${f.total} answers were errors)\n`,
    );
  }
  for (const f of ours) {
    const b = base!;
    process.stdout.write(
      `ratio (${f.name} / bare): throughput ${ratio(f.perSecond, b.perSecond)}, median ${ratio(f.median, b.median)} (one at a time), ` +
        `${ratio(f.loadedMedian, b.loadedMedian)} (${IN_FLIGHT} in flight), p99 ${ratio(f.p99, b.p99)} / ${ratio(f.loadedP99, b.loadedP99)}\n`,
    );
  }
  process.stdout.write(
    `(best of ${ROUNDS} alternating rounds; ${SEQUENTIAL} sequential interactions, then ${BURST} with ${IN_FLIGHT} in flight; the fake gateway + REST share this process, so every figure includes its cost)\n`,
  );
}

if (process.argv[1]?.endsWith('bench/discord.ts')) {
  await run();
}
