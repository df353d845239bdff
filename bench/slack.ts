/**
 * Slack adapter throughput: signed slash commands over loopback, many in
 * flight, against this app (real content, memory store) and, in the same run,
 * a bare Bolt app whose only listener acks. A Panelist command counts as done
 * when its reply is received: in the HTTP response (the ack) when it was ready
 * by the deadline, else when it reaches its response_url. Prints commands/s,
 * latency (median, p99), where the replies came from, and the ratio.
 *
 *   npx tsx bench/slack.ts            (REQUESTS=2000 CONCURRENCY=50 to change)
 */
import { createHmac } from 'node:crypto';
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App } from '@slack/bolt';
import { createSlackApp } from '../adapters/slack/app.js';
import { boltLogger } from '../adapters/slack/bolt-logger.js';
import { silentLogger } from '../adapters/logger.js';
import { contentDir } from '../adapters/boot.js';
import { createAssistant } from '../src/assistant.js';
import { commandInfos } from '../src/commands/info.js';
import { loadRoles } from '../src/content/load.js';
import { seededRandom } from '../src/random.js';
import { createMemoryStore } from '../storage/memory-store.js';

const SECRET = 'bench-signing-secret';
const TOKEN = 'xoxb-bench';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

interface Fakes {
  apiUrl: string;
  /** Base for response_urls; each command gets its own path below it. */
  replyUrl: string;
  /** Resolves when a reply reaches `url` (false after `timeoutMs`). */
  reply(url: string, timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}

/** Answers every Web API call ok, and records POSTs to response_urls. */
async function startFakes(): Promise<Fakes> {
  const arrived = new Set<string>();
  const waiting = new Map<string, () => void>();
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const path = req.url ?? '';
      if (path.startsWith('/reply/')) {
        arrived.add(path);
        waiting.get(path)?.();
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' }));
    });
  });
  const port = await listen(server);
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    replyUrl: `http://127.0.0.1:${port}/reply`,
    reply: (url, timeoutMs) => {
      const path = new URL(url).pathname;
      if (arrived.has(path)) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        waiting.set(path, () => {
          clearTimeout(timer);
          waiting.delete(path);
          resolve(true);
        });
      });
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

function signedBody(command: string, text: string, user: number, replyUrl: string): { body: string; headers: Record<string, string> } {
  const body = new URLSearchParams({
    team_id: 'T1',
    channel_id: 'C1',
    user_id: `U${user}`,
    user_name: `user${user}`,
    command: `/${command}`,
    text,
    response_url: replyUrl,
    trigger_id: 't',
    api_app_id: 'A1',
  }).toString();
  const ts = Math.floor(Date.now() / 1000);
  const sig = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return { body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sig } };
}

// A mix of what users do: role summary, cards, searches, stats.
const MIX: [string, string][] = [
  ['devops-question', ''],
  ['devops-question', 'technical kubernetes'],
  ['devops-search', 'terraform state'],
  ['devops-role', ''],
  ['devops-quiz', 'stats'],
];

interface Result {
  seconds: number;
  perSecond: number;
  median: number;
  p99: number;
  failed: number;
  /** Replies received in the HTTP response (the ack) and at the response_url. */
  inAck: number;
  late: number;
}

// node:http with a keep-alive agent: cheaper per request than fetch, so the
// load generator (same process) steals less CPU from the apps it measures.
function post(url: string, headers: Record<string, string>, body: string, agent: Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) }, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Runs `requests` commands, `concurrency` at a time. With `expectReply`, a
 * command is done when its reply arrives (in the ack body or at its own
 * response_url) and only then frees its slot; without, at the ack.
 */
async function load(url: string, fakes: Fakes, tag: string, requests: number, concurrency: number, expectReply: boolean): Promise<Result> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;
  let inAck = 0;
  let late = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < requests) {
      const i = next++;
      const [command, text] = MIX[i % MIX.length]!;
      const replyUrl = `${fakes.replyUrl}/${tag}-${i}`;
      const { body, headers } = signedBody(command, text, i % 100, replyUrl);
      const t0 = performance.now();
      const res = await post(url, headers, body, agent);
      let ok = res.status === 200;
      if (ok && expectReply) {
        if (res.body.includes('"text"')) inAck += 1;
        else if ((ok = await fakes.reply(replyUrl, 20_000))) late += 1;
      }
      latencies.push(performance.now() - t0);
      if (!ok) failed += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { seconds, perSecond: requests / seconds, median: at(0.5), p99: at(0.99), failed, inAck, late };
}

const fmt = (r: Result, what: string) =>
  `${r.perSecond.toFixed(0).padStart(6)} cmd/s   ${what} median ${r.median.toFixed(2)} ms   p99 ${r.p99.toFixed(2)} ms   ${r.failed} failed`;

/** Runs the benchmark and prints the figures. */
export async function run(): Promise<void> {
  const requests = Number(process.env.REQUESTS ?? 2000);
  const concurrency = Number(process.env.CONCURRENCY ?? 50);
  const fakes = await startFakes();
  const roles = await loadRoles(contentDir(process.env));
  const assistant = createAssistant({ roles, store: createMemoryStore(), clock: { now: () => Date.now() }, random: seededRandom(7) });

  const ours = createSlackApp({
    assistant,
    logger: silentLogger,
    config: { mode: 'http', botToken: TOKEN, signingSecret: SECRET, port: 0, host: '127.0.0.1', apiUrl: fakes.apiUrl },
  });
  await ours.start();

  const bare = new App({
    token: TOKEN,
    signingSecret: SECRET,
    botId: 'BBOT',
    botUserId: 'UBOT',
    logger: boltLogger(silentLogger),
    clientOptions: { slackApiUrl: fakes.apiUrl },
  });
  for (const c of commandInfos(roles)) bare.command(`/${c.name}`, async ({ ack }) => ack());
  const bareServer = await bare.start({ port: 0, host: '127.0.0.1' });
  const bareUrl = `http://127.0.0.1:${(bareServer.address() as AddressInfo).port}/slack/events`;
  const oursUrl = `http://127.0.0.1:${ours.address()!.port}/slack/events`;

  try {
    // Warm both up (JIT, keep-alive sockets) before measuring.
    await load(bareUrl, fakes, 'warm-bare', 200, concurrency, false);
    await load(oursUrl, fakes, 'warm-ours', 200, concurrency, true);

    const bareResult = await load(bareUrl, fakes, 'bare', requests, concurrency, false);
    const oursResult = await load(oursUrl, fakes, 'ours', requests, concurrency, true);

    process.stdout.write(`Slack adapter: ${requests} signed slash commands, ${concurrency} in flight, loopback\n`);
    process.stdout.write(`  bare Bolt (ack only)   ${fmt(bareResult, 'ack  ')}\n`);
    process.stdout.write(`  Panelist (replied)     ${fmt(oursResult, 'reply')}\n`);
    process.stdout.write(`  Panelist replies: ${oursResult.inAck} in the ack, ${oursResult.late} at the response_url\n`);
    process.stdout.write(`  ratio Panelist (replied cmd/s) / bare (acked cmd/s): ${(oursResult.perSecond / bareResult.perSecond).toFixed(2)}\n`);
  } finally {
    await ours.stop();
    await bare.stop();
    await fakes.close();
  }
}

if (process.argv[1]?.endsWith('bench/slack.ts')) {
  run().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
