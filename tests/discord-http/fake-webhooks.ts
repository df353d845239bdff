/**
 * A small fake of Discord's side of HTTP interactions: what Discord does with
 * an interaction response (the client hands it over with `acknowledge`) and
 * the webhook REST endpoints late answers use (edit, delete @original; follow
 * up). It keeps messages so tests can press the buttons the bot rendered.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from '../helpers/http.js';

/** A webhook REST call as the fake saw it. */
export interface WebhookCall {
  method: string;
  /** Path after `/api/v10`, decoded (`@original` arrives as `%40original`). */
  path: string;
  query: URLSearchParams;
  body: unknown;
  auth: string | undefined;
  at: number;
}

/** A message the bot created or updated. */
export interface Message {
  id: string;
  token: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  flags: number;
  deleted?: boolean;
}

type Handler = (call: WebhookCall, res: ServerResponse) => boolean;

let next = 700000000000000000n;
/** A fresh snowflake-looking id. */
export function snowflake(): string {
  next += 1n;
  return next.toString();
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) return void res.writeHead(status).end();
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
}

export class FakeWebhooks {
  readonly calls: WebhookCall[] = [];
  readonly messages = new Map<string, Message>();
  /** The original message of each acknowledged interaction token. */
  private readonly originals = new Map<string, string>();
  private readonly interceptors: Handler[] = [];
  private readonly waiters: { match: (c: WebhookCall) => boolean; resolve: (c: WebhookCall) => void }[] = [];
  private server!: Server;
  port = 0;

  /** Base for DISCORD_API_URL (the REST client appends `/v10`). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.onRequest(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Answer matching calls yourself (return true when handled). */
  intercept(handler: Handler): () => void {
    this.interceptors.push(handler);
    return () => void this.interceptors.splice(this.interceptors.indexOf(handler), 1);
  }

  /** The first call (seen or future) matching. */
  waitFor(match: (c: WebhookCall) => boolean, timeoutMs = 5000): Promise<WebhookCall> {
    const seen = this.calls.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`fake webhooks: no matching call; saw ${this.calls.map((c) => `${c.method} ${c.path}`).join(', ')}`)),
        timeoutMs,
      );
      this.waiters.push({ match, resolve: (c) => (clearTimeout(timer), resolve(c)) });
    });
  }

  /** Calls made with one interaction's token. */
  callsOf(token: string): WebhookCall[] {
    return this.calls.filter((c) => c.path.split('/')[3] === token);
  }

  /**
   * What Discord does with an interaction response: a reply or its deferred
   * placeholder becomes the original message; an update edits the message the
   * component is on, which then is the original. Returns the message now showing the answer.
   */
  acknowledge(token: string, response: unknown, pressed?: Message): Message | undefined {
    const { type, data } = record(response);
    const d = record(data);
    if (type === 4 || type === 5) {
      const message = this.create(token, type === 5 ? { flags: d.flags ?? 0 } : d);
      this.originals.set(token, message.id);
      return message;
    }
    if ((type === 6 || type === 7) && pressed) {
      this.originals.set(token, pressed.id);
      if (type === 7) this.edit(pressed, d);
      return pressed;
    }
    return undefined;
  }

  private create(token: string, data: Record<string, unknown>): Message {
    const message: Message = {
      id: snowflake(),
      token,
      content: typeof data.content === 'string' ? data.content : '',
      embeds: Array.isArray(data.embeds) ? data.embeds : [],
      components: Array.isArray(data.components) ? data.components : [],
      flags: typeof data.flags === 'number' ? data.flags : 0,
    };
    this.messages.set(message.id, message);
    return message;
  }

  private edit(message: Message, data: Record<string, unknown>): void {
    if (typeof data.content === 'string') message.content = data.content;
    if (Array.isArray(data.embeds)) message.embeds = data.embeds;
    if (Array.isArray(data.components)) message.components = data.components;
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    const call: WebhookCall = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname.replace(/^\/api\/v10/, '')),
      query: url.searchParams,
      body: raw ? JSON.parse(raw) : undefined,
      auth: req.headers.authorization,
      at: performance.now(),
    };
    this.calls.push(call);
    for (const w of [...this.waiters]) if (w.match(call)) w.resolve(this.waiters.splice(this.waiters.indexOf(w), 1) && call);
    for (const intercept of this.interceptors) if (intercept(call, res)) return;
    this.route(call, res);
  }

  private route(call: WebhookCall, res: ServerResponse): void {
    const m = call.path.match(/^\/webhooks\/\d+\/([^/]+)(?:\/messages\/([^/]+))?$/);
    const token = m?.[1];
    // Discord knows a token only once its interaction was acknowledged.
    if (!m || !token || !this.originals.has(token)) return send(res, 404, { message: 'Unknown Webhook', code: 10015 });
    if (!m[2]) {
      if (call.method !== 'POST') return send(res, 405, { message: 'Method Not Allowed', code: 0 });
      const message = this.create(token, record(call.body));
      return send(res, 200, { id: message.id, channel_id: '1', content: message.content, embeds: message.embeds, components: message.components });
    }
    const message = this.messages.get(m[2] === '@original' ? (this.originals.get(token) ?? '') : m[2]);
    if (!message || message.deleted) return send(res, 404, { message: 'Unknown Message', code: 10008 });
    if (call.method === 'DELETE') {
      message.deleted = true;
      return send(res, 204);
    }
    if (call.method !== 'PATCH') return send(res, 405, { message: 'Method Not Allowed', code: 0 });
    this.edit(message, record(call.body));
    return send(res, 200, { id: message.id, channel_id: '1', content: message.content, embeds: message.embeds, components: message.components });
  }
}
