/**
 * Local fakes for Slack: a Web API server that records calls, a response_url
 * server that records replies, and signed-request helpers. All on 127.0.0.1.
 */
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from '../helpers/http.js';

export const SIGNING_SECRET = 'test-signing-secret';
export const BOT_TOKEN = 'xoxb-test-token';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** One recorded Web API call; JSON-string arguments (`view`, `blocks`) are parsed. */
export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  authorization: string | undefined;
}

export interface FakeSlackApi {
  /** Base URL ending in `/api/`, for `slackApiUrl`. */
  url: string;
  calls: ApiCall[];
  /** Answer for apps.connections.open (Socket Mode). */
  socketUrl?: string;
  /** More answers (oauth.v2.access, auth.test by token, an error): merged over the default `{ ok: true, ... }`. */
  answers?: (call: ApiCall) => Record<string, unknown> | undefined;
  /** An HTTP-level answer instead of the JSON one (a 429 with Retry-After): status, headers, body. */
  http?: (call: ApiCall) => { status: number; headers?: Record<string, string>; body?: string } | undefined;
  /** Waits until a call of `method` beyond the first `after` arrives. */
  waitFor(method: string, after?: number): Promise<ApiCall>;
  close(): Promise<void>;
}

/** Polls `probe` until it returns a value; throws after `timeoutMs`. */
export async function until<T>(probe: () => T | undefined, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: ApiCall[] = [];
  const api: FakeSlackApi = {
    url: '',
    calls,
    waitFor: (method, after = 0) => until(() => calls.filter((c) => c.method === method)[after], `Web API ${method}`),
    close: () => close(server),
  };
  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0] ?? '';
    const args: Record<string, unknown> = {};
    const type = req.headers['content-type'] ?? '';
    if (type.includes('json')) Object.assign(args, JSON.parse(raw || '{}'));
    else
      for (const [k, v] of new URLSearchParams(raw)) {
        try {
          args[k] = v.startsWith('{') || v.startsWith('[') ? JSON.parse(v) : v;
        } catch {
          args[k] = v;
        }
      }
    const call: ApiCall = { method, args, authorization: req.headers.authorization };
    calls.push(call);
    const http = api.http?.(call);
    if (http) {
      res.writeHead(http.status, http.headers ?? {});
      res.end(http.body ?? '');
      return;
    }
    const body: Record<string, unknown> = { ok: true };
    if (method === 'auth.test') Object.assign(body, { user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'panelist', team: 'Test' });
    if (method === 'views.open') Object.assign(body, { view: { id: `V${calls.length}` } });
    if (method === 'chat.postMessage') Object.assign(body, { ts: '1.000', channel: args.channel });
    if (method === 'apps.connections.open') Object.assign(body, { url: api.socketUrl });
    Object.assign(body, api.answers?.(call));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  const port = await listen(server);
  api.url = `http://127.0.0.1:${port}/api/`;
  return api;
}

/** A message sent to a response_url. */
export interface Posted {
  response_type?: string;
  replace_original?: boolean;
  text: string;
  blocks?: Record<string, unknown>[];
}

export interface ResponseServer {
  /** A fresh response_url. */
  next(): string;
  /** Waits for the `n`-th (0-based) message posted to `url`. */
  message(url: string, n?: number): Promise<Posted>;
  all(url: string): Posted[];
  /** Answer POSTs with this status (e.g. 404 for an expired url). */
  status: number;
  close(): Promise<void>;
}

export async function startResponseServer(): Promise<ResponseServer> {
  const posted = new Map<string, Posted[]>();
  let seq = 0;
  let base = '';
  const rs: ResponseServer = {
    status: 200,
    next: () => `${base}/r/${++seq}`,
    message: (url, n = 0) => until(() => posted.get(new URL(url).pathname)?.[n], `a message at ${url} (#${n})`),
    all: (url) => posted.get(new URL(url).pathname) ?? [],
    close: () => close(server),
  };
  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const list = posted.get(req.url ?? '') ?? [];
    list.push(JSON.parse(raw) as Posted);
    posted.set(req.url ?? '', list);
    res.writeHead(rs.status, { 'content-type': 'text/plain' });
    res.end(rs.status === 200 ? 'ok' : 'expired_url');
  });
  base = `http://127.0.0.1:${await listen(server)}`;
  return rs;
}

/** Slack's request signature over `v0:{timestamp}:{body}`. */
export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** POSTs a form body to the events endpoint, signed unless told otherwise. */
export async function postSigned(
  url: string,
  body: string,
  options: { secret?: string; timestamp?: number; omitHeaders?: boolean } = {},
): Promise<{ status: number; text: string; contentType: string }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (!options.omitHeaders) {
    headers['x-slack-request-timestamp'] = String(timestamp);
    headers['x-slack-signature'] = sign(body, timestamp, options.secret);
  }
  const res = await fetch(url, { method: 'POST', headers, body });
  return { status: res.status, text: await res.text(), contentType: res.headers.get('content-type') ?? '' };
}

/** A user as the tests name them. */
export interface TestUser {
  id: string;
  name: string;
}
export const ADA: TestUser = { id: 'U1', name: 'ada' };
export const BOB: TestUser = { id: 'U2', name: 'bob' };

/** A slash-command form body. */
export function commandBody(command: string, text: string, responseUrl: string, user: TestUser = ADA, channel = 'C1'): string {
  return new URLSearchParams({
    token: 'legacy',
    team_id: 'T1',
    team_domain: 'test',
    channel_id: channel,
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

/** A block_actions payload body for one pressed button. */
export function actionBody(button: { action_id: string; value?: string }, responseUrl: string, user: TestUser = ADA, channel = 'C1'): string {
  const payload = {
    type: 'block_actions',
    team: { id: 'T1', domain: 'test' },
    user: { id: user.id, username: user.name, name: user.name, team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy',
    container: { type: 'message', message_ts: '1.000', channel_id: channel, is_ephemeral: true },
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
    channel: { id: channel, name: 'general' },
    response_url: responseUrl,
    actions: [{ type: 'button', block_id: 'b', action_id: button.action_id, value: button.value, text: { type: 'plain_text', text: 'x' }, action_ts: '1.0' }],
  };
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** A view_submission payload body for a modal opened by the app. */
export function submitBody(view: { callback_id: string; private_metadata: string }, text: string, user: TestUser = ADA): string {
  const payload = {
    type: 'view_submission',
    team: { id: 'T1', domain: 'test' },
    user: { id: user.id, username: user.name, name: user.name, team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy',
    trigger_id: 'trigger-submit',
    view: {
      id: 'V1',
      type: 'modal',
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state: { values: { answer: { answer: { type: 'plain_text_input', value: text } } } },
    },
  };
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Every button of a posted message. */
export function buttonsOf(message: Posted): { action_id: string; value?: string; text: { text: string } }[] {
  return (message.blocks ?? []).flatMap((b) => (b.type === 'actions' ? (b.elements as { action_id: string; value?: string; text: { text: string } }[]) : []));
}

/** All text of a posted message, for assertions. */
export function textOf(message: Posted): string {
  return JSON.stringify(message);
}
