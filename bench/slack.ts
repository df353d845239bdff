/**
 * Slack adapter throughput: signed slash commands over loopback, many in
 * flight, against this app (real content, memory store) and, in the same run,
 * a bare Bolt app whose only listener acks. Prints commands/s, ack latency
 * (median, p99), time until every reply reached its response_url, and the ratio.
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

/** Answers every Web API call ok, and counts POSTs to response_urls. */
async function startFakes(): Promise<{ apiUrl: string; replyUrl: string; replies: () => number; close(): Promise<void> }> {
  let replies = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url?.startsWith('/reply')) replies += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' }));
    });
  });
  const port = await listen(server);
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    replyUrl: `http://127.0.0.1:${port}/reply`,
    replies: () => replies,
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
}

// node:http with a keep-alive agent: cheaper per request than fetch, so the
// load generator (same process) steals less CPU from the apps it measures.
function post(url: string, headers: Record<string, string>, body: string, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) }, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function load(url: string, replyUrl: string, requests: number, concurrency: number): Promise<Result> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < requests) {
      const i = next++;
      const [command, text] = MIX[i % MIX.length]!;
      const { body, headers } = signedBody(command, text, i % 100, replyUrl);
      const t0 = performance.now();
      const status = await post(url, headers, body, agent);
      latencies.push(performance.now() - t0);
      if (status !== 200) failed += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { seconds, perSecond: requests / seconds, median: at(0.5), p99: at(0.99), failed };
}

async function waitFor(probe: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 5));
  }
  return true;
}

const fmt = (r: Result) =>
  `${r.perSecond.toFixed(0).padStart(6)} cmd/s   ack median ${r.median.toFixed(2)} ms   p99 ${r.p99.toFixed(2)} ms   ${r.failed} failed`;

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
    await load(bareUrl, fakes.replyUrl, 200, concurrency);
    await load(oursUrl, fakes.replyUrl, 200, concurrency);
    await waitFor(() => fakes.replies() >= 200, 10_000);

    const bareResult = await load(bareUrl, fakes.replyUrl, requests, concurrency);
    const before = fakes.replies();
    const t0 = performance.now();
    const oursResult = await load(oursUrl, fakes.replyUrl, requests, concurrency);
    const allReplied = await waitFor(() => fakes.replies() - before >= requests, 20_000);
    const replySeconds = (performance.now() - t0) / 1000;

    process.stdout.write(`Slack adapter: ${requests} signed slash commands, ${concurrency} in flight, loopback\n`);
    process.stdout.write(`  bare Bolt (ack only)   ${fmt(bareResult)}\n`);
    process.stdout.write(`  Panelist (ack)         ${fmt(oursResult)}\n`);
    process.stdout.write(
      `  Panelist (replies)     ${(requests / replySeconds).toFixed(0).padStart(6)} cmd/s   every reply at its response_url in ${replySeconds.toFixed(2)} s${allReplied ? '' : ' (NOT all arrived)'}\n`,
    );
    process.stdout.write(`  ratio Panelist/bare (acked cmd/s): ${(oursResult.perSecond / bareResult.perSecond).toFixed(2)}\n`);
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
