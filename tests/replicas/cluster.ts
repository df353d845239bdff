/**
 * Several real `npm start` processes in Slack HTTP mode on one database, as
 * behind a load balancer: spawning them, a fake Slack on 127.0.0.1 (Web API
 * and response_urls, every reply recorded whole), and signed Slack requests.
 * Shared by the kill test (tests/replicas/) and the benchmark (bench/replicas.ts).
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { type Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { freePort } from '../setup/embedded.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What every replica is configured with. */
export const REPLICA_SECRET = 'replicas-signing-secret';
export const REPLICA_TOKEN = 'xoxb-replicas';

/** One message the bot sent to a response_url. */
export interface SlackReply {
  text: string;
  response_type?: string;
  replace_original?: boolean;
  blocks?: { type: string; elements?: { action_id: string; value?: string; text: { text: string } }[] }[];
}

/** The fake Slack side: Web API answers (auth.test) and response_urls. */
export interface FakeSlack {
  apiUrl: string;
  /** A fresh response_url. */
  nextUrl(): string;
  /** What reached `url` so far. */
  replies(url: string): SlackReply[];
  /** The first reply at `url`, or undefined once `give()` says to stop waiting (polled every 20 ms) or after `timeoutMs`. */
  reply(url: string, timeoutMs: number, give?: () => boolean): Promise<SlackReply | undefined>;
  close(): Promise<void>;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const posted = new Map<string, SlackReply[]>();
  const waiting = new Map<string, () => void>();
  let seq = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      if (path.startsWith('/reply/')) {
        const list = posted.get(path) ?? [];
        list.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as SlackReply);
        posted.set(path, list);
        waiting.get(path)?.();
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'panelist', team: 'Test' }));
    });
  });
  const port = await listen(server);
  const base = `http://127.0.0.1:${port}`;
  return {
    apiUrl: `${base}/api/`,
    nextUrl: () => `${base}/reply/${++seq}`,
    replies: (url) => posted.get(new URL(url).pathname) ?? [],
    reply: (url, timeoutMs, give = () => false) => {
      const path = new URL(url).pathname;
      const now = () => posted.get(path)?.[0];
      if (now()) return Promise.resolve(now());
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          clearInterval(poll);
          waiting.delete(path);
          resolve(now());
        };
        const timer = setTimeout(done, timeoutMs);
        const poll = setInterval(() => give() && done(), 20);
        waiting.set(path, done);
      });
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** One running `npm start` process. */
export interface Replica {
  name: string;
  port: number;
  /** Its events endpoint. */
  url: string;
  proc: ChildProcessWithoutNullStreams;
  /** When it exited (ms since epoch), or undefined while it runs. */
  exitedAt(): number | undefined;
  exited: Promise<void>;
  /** The tail of its stderr, for failure messages. */
  log(): string;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

/** Starts `node --import tsx adapters/main.ts` (what `npm run dev` runs) and waits until GET /readyz answers 200. */
export async function startReplica(name: string, env: { databaseUrl: string; apiUrl: string; extra?: Record<string, string> }): Promise<Replica> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const key of Object.keys(childEnv)) if (/^(SLACK|DISCORD|OPS)_/.test(key) || key === 'DATA_DIR') delete childEnv[key];
  Object.assign(childEnv, {
    DATABASE_URL: env.databaseUrl,
    SLACK_BOT_TOKEN: REPLICA_TOKEN,
    SLACK_SIGNING_SECRET: REPLICA_SECRET,
    SLACK_API_URL: env.apiUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ...env.extra,
  });
  const proc = spawn(process.execPath, ['--import', 'tsx', 'adapters/main.ts'], { cwd: ROOT, env: childEnv });
  let stderr = '';
  let exitedAt: number | undefined;
  proc.stdout.resume();
  proc.stderr.on('data', (c: Buffer) => {
    stderr = (stderr + c.toString('utf8')).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => proc.on('close', () => resolve()));
  void exited.then(() => (exitedAt = Date.now()));
  const base = `http://127.0.0.1:${port}`;
  // A loaded machine takes a while to compile and boot: generous, and failing fast if the process dies.
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exitedAt !== undefined) throw new Error(`replica ${name} exited during start-up: ${stderr.trim()}`);
    const ready = await fetch(`${base}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`replica ${name} not ready after 60 s: ${stderr.trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    name,
    port,
    url: `${base}/slack/events`,
    proc,
    exitedAt: () => exitedAt,
    exited,
    log: () => stderr,
    stop: async () => {
      if (exitedAt === undefined) proc.kill('SIGTERM');
      await exited;
    },
  };
}

/** A Slack user as the requests name them. */
export interface SlackUser {
  id: string;
  name: string;
}

/** A signed slash command body (Slack's form fields). */
export function commandForm(command: string, text: string, user: SlackUser, responseUrl: string): string {
  return new URLSearchParams({
    token: 'legacy',
    team_id: 'T1',
    team_domain: 'test',
    channel_id: 'C1',
    channel_name: 'general',
    user_id: user.id,
    user_name: user.name,
    command: `/${command}`,
    text,
    api_app_id: 'A1',
    response_url: responseUrl,
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
  }).toString();
}

/** A block_actions body for one pressed button, from an ephemeral message in C1. */
export function actionForm(button: { action_id: string; value?: string }, user: SlackUser, responseUrl: string): string {
  const payload = {
    type: 'block_actions',
    team: { id: 'T1', domain: 'test' },
    user: { id: user.id, username: user.name, name: user.name, team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy',
    container: { type: 'message', message_ts: '1.000', channel_id: 'C1', is_ephemeral: true },
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
    channel: { id: 'C1', name: 'general' },
    response_url: responseUrl,
    actions: [{ type: 'button', block_id: 'b', action_id: button.action_id, value: button.value, text: { type: 'plain_text', text: 'x' }, action_ts: '1.0' }],
  };
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Signs and POSTs `body` over `agent` (keep-alive); rejects when the connection fails (a killed replica). */
export function postSigned(url: string, body: string, agent: Agent, secret = REPLICA_SECRET): Promise<{ status: number; body: string }> {
  const ts = Math.floor(Date.now() / 1000);
  const headers = {
    'content-type': 'application/x-www-form-urlencoded',
    'content-length': Buffer.byteLength(body),
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`,
  };
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers, agent, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

/** The A-D choice buttons of a quiz question message. */
export function choiceButtons(reply: SlackReply): { action_id: string; value?: string }[] {
  return (reply.blocks ?? []).flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : [])).filter((e) => /^[A-D]\./.test(e.text.text));
}
