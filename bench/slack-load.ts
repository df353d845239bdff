/**
 * The Slack benchmark's load generator: a fake Web API and response_url
 * endpoint, signed slash commands, and a closed loop of `concurrency` clients
 * over keep-alive sockets that times each command until its reply arrives.
 */
import { createHmac } from 'node:crypto';
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What every app under test is configured with. */
export const SECRET = 'bench-signing-secret';
export const TOKEN = 'xoxb-bench';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

/** The fake Slack side: Web API and response_urls. */
export interface Fakes {
  apiUrl: string;
  /** Base for response_urls; each command gets its own path below it. */
  replyUrl: string;
  /** Resolves when a reply reaches `url` (false after `timeoutMs`). */
  reply(url: string, timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}

/** Answers every Web API call ok, and records POSTs to response_urls. */
export async function startFakes(): Promise<Fakes> {
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

/** One measured load. */
export interface Result {
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
export async function load(url: string, fakes: Fakes, tag: string, requests: number, concurrency: number, expectReply: boolean): Promise<Result> {
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

/** One result as a line. */
export const fmt = (r: Result, what: string): string =>
  `${r.perSecond.toFixed(0).padStart(6)} cmd/s   ${what} median ${r.median.toFixed(2)} ms   p99 ${r.p99.toFixed(2)} ms   ${r.failed} failed`;
