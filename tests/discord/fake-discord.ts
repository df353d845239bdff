/**
 * A fake Discord for tests and benchmarks: REST and gateway on one loopback
 * port, enough for real discord.js to log in, receive interactions and answer
 * them. It records every REST call and keeps the messages the bot created, so
 * a test can press the buttons the bot actually rendered.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { readBody } from '../helpers/http.js';

/** One REST call as the fake saw it. */
export interface RecordedCall {
  method: string;
  /** Path after `/api/v10`, decoded (`@original` arrives as `%40original`). */
  path: string;
  query: URLSearchParams;
  body: unknown;
  auth: string | undefined;
  at: number;
}

/** A message the bot sent, kept so its buttons can be pressed. */
export interface FakeMessage {
  id: string;
  channel_id: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  flags: number;
  /** The interaction token whose reply or follow-up created it. */
  token: string;
  deleted?: boolean;
}

/** A user in a fake interaction. */
export interface FakeUser {
  id: string;
  username: string;
  global_name?: string | null;
}

/** Where an interaction happens: a guild channel, or a DM when `guildId` is absent. */
export interface FakePlace {
  guildId?: string;
  channelId: string;
}

type Handler = (call: RecordedCall, res: ServerResponse) => boolean | void;

export const APP_ID = '100000000000000001';
export const BOT_USER = { id: '100000000000000001', username: 'panelist', discriminator: '0', bot: true, global_name: null, avatar: null };

let nextSnowflake = 200000000000000000n;
/** A fresh snowflake-looking id. */
export function snowflake(): string {
  nextSnowflake += 1n;
  return nextSnowflake.toString();
}

function sendJSON(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

/** A running fake Discord. */
export class FakeDiscord {
  readonly calls: RecordedCall[] = [];
  readonly messages = new Map<string, FakeMessage>();
  /** Registered commands by route (`applications/x/commands` or `.../guilds/y/commands`). */
  readonly commands = new Map<string, unknown[]>();
  private readonly originals = new Map<string, string>();
  private readonly sockets = new Set<WebSocket>();
  private readonly waiters: { match: (c: RecordedCall) => boolean; resolve: (c: RecordedCall) => void }[] = [];
  private readonly interceptors: Handler[] = [];
  private readonly listeners = new Set<(c: RecordedCall) => void>();
  /** Keep calls in `calls` (off for long benchmarks, which listen instead). */
  record = true;
  private seq = 0;
  private identified: (() => void)[] = [];
  private server!: Server;
  private wss!: WebSocketServer;
  port = 0;

  /** Base for `rest.api` (discord.js appends `/v10`). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.onRequest(req, res));
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req, socket, head) => this.wss.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws)));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Answer matching calls yourself (return true when handled): faults, delays. */
  intercept(handler: Handler): () => void {
    this.interceptors.push(handler);
    return () => {
      const i = this.interceptors.indexOf(handler);
      if (i >= 0) this.interceptors.splice(i, 1);
    };
  }

  /** Calls `listener` with every REST call as it arrives; returns an unsubscribe. */
  onCall(listener: (c: RecordedCall) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves with the first call (already seen or future) matching. */
  waitFor(match: (c: RecordedCall) => boolean, timeoutMs = 5000): Promise<RecordedCall> {
    const seen = this.calls.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`fake discord: no matching call within ${timeoutMs} ms; saw ${this.calls.map((c) => `${c.method} ${c.path}`).join(', ')}`)),
        timeoutMs,
      );
      this.waiters.push({
        match,
        resolve: (c) => {
          clearTimeout(timer);
          resolve(c);
        },
      });
    });
  }

  /** Calls that belong to one interaction (callback, edits and follow-ups of its token). */
  callsFor(interaction: { id: string; token: string }): RecordedCall[] {
    return this.calls.filter((c) => c.path.includes(`/interactions/${interaction.id}/`) || c.path.includes(`/webhooks/${APP_ID}/${interaction.token}`));
  }

  /** Resolves once the gateway has a READY session. */
  whenIdentified(): Promise<void> {
    return new Promise((resolve) => this.identified.push(resolve));
  }

  /** Sends a gateway dispatch to every connected client. */
  dispatch(t: string, d: unknown): void {
    this.seq += 1;
    const frame = JSON.stringify({ op: 0, t, s: this.seq, d });
    for (const ws of this.sockets) ws.send(frame);
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45000 } }));
    ws.on('message', (raw) => {
      const frame = asRecord(JSON.parse(String(raw)));
      if (frame.op === 1) ws.send(JSON.stringify({ op: 11 }));
      if (frame.op === 2) {
        this.seq += 1;
        ws.send(
          JSON.stringify({
            op: 0,
            t: 'READY',
            s: this.seq,
            d: {
              v: 10,
              user: BOT_USER,
              guilds: [],
              session_id: 'fake-session',
              resume_gateway_url: `ws://127.0.0.1:${this.port}`,
              shard: [0, 1],
              application: { id: APP_ID, flags: 0 },
            },
          }),
        );
        const waiting = this.identified;
        this.identified = [];
        for (const w of waiting) w();
      }
    });
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${this.port}`);
    const raw = await readBody(req);
    let body: unknown;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const call: RecordedCall = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname.replace(/^\/api\/v10/, '')),
      query: url.searchParams,
      body,
      auth: req.headers.authorization,
      at: performance.now(),
    };
    if (this.record) this.calls.push(call);
    for (const listener of this.listeners) listener(call);
    for (const w of [...this.waiters]) {
      if (w.match(call)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(call);
      }
    }
    for (const intercept of this.interceptors) if (intercept(call, res)) return;
    this.route(call, res);
  }

  private route(call: RecordedCall, res: ServerResponse): void {
    const { method, path } = call;
    let m: RegExpMatchArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      return sendJSON(res, 200, {
        url: `ws://127.0.0.1:${this.port}`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (method === 'POST' && (m = path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/))) {
      return this.callback(m[2]!, asRecord(call.body), res);
    }
    if ((m = path.match(/^\/webhooks\/\d+\/([^/]+)\/messages\/([^/]+)$/))) {
      const token = m[1]!;
      const id = m[2] === '@original' ? this.originals.get(token) : m[2];
      const message = id ? this.messages.get(id) : undefined;
      if (!message) return sendJSON(res, 404, { message: 'Unknown Message', code: 10008 });
      if (method === 'DELETE') {
        message.deleted = true;
        return sendJSON(res, 204);
      }
      if (method === 'PATCH') this.applyEdit(message, asRecord(call.body));
      return sendJSON(res, 200, this.messageJSON(message));
    }
    if (method === 'POST' && (m = path.match(/^\/webhooks\/\d+\/([^/]+)$/))) {
      const token = m[1]!;
      if (!this.originals.has(token)) return sendJSON(res, 404, { message: 'Unknown Webhook', code: 10015 });
      const message = this.createMessage(token, asRecord(call.body));
      return sendJSON(res, 200, this.messageJSON(message));
    }
    if ((m = path.match(/^\/applications\/\d+(?:\/guilds\/\d+)?\/commands$/))) {
      if (method === 'GET') return sendJSON(res, 200, this.commands.get(path) ?? []);
      if (method === 'PUT') {
        // Discord answers with the stored commands, defaults filled in.
        const stored = (Array.isArray(call.body) ? call.body : []).map((c) => ({
          id: snowflake(),
          application_id: APP_ID,
          version: snowflake(),
          default_member_permissions: null,
          nsfw: false,
          name_localizations: null,
          description_localizations: null,
          ...asRecord(c),
        }));
        this.commands.set(path, stored);
        return sendJSON(res, 200, stored);
      }
    }
    // Channel messages the bot posts by itself (adapters/discord/outbox.ts) and the threads under them.
    if (method === 'POST' && (m = path.match(/^\/channels\/(\d+)\/messages$/))) {
      const message = this.createMessage('', asRecord(call.body));
      message.channel_id = m[1]!;
      return sendJSON(res, 200, this.messageJSON(message));
    }
    if (method === 'PATCH' && (m = path.match(/^\/channels\/(\d+)\/messages\/(\d+)$/))) {
      const message = this.messages.get(m[2]!);
      if (!message || message.channel_id !== m[1]) return sendJSON(res, 404, { message: 'Unknown Message', code: 10008 });
      this.applyEdit(message, asRecord(call.body));
      return sendJSON(res, 200, this.messageJSON(message));
    }
    if (method === 'POST' && (m = path.match(/^\/channels\/(\d+)\/messages\/(\d+)\/threads$/))) {
      const parent = this.messages.get(m[2]!);
      if (!parent || parent.channel_id !== m[1]) return sendJSON(res, 404, { message: 'Unknown Message', code: 10008 });
      // Discord gives a message's thread the message's own id.
      return sendJSON(res, 201, { id: parent.id, type: 11, parent_id: m[1], name: asRecord(call.body).name, guild_id: '0' });
    }
    sendJSON(res, 404, { message: `fake discord: no route for ${method} ${path}`, code: 0 });
  }

  private callback(token: string, body: Record<string, unknown>, res: ServerResponse): void {
    const type = body.type;
    const data = asRecord(body.data);
    if (this.originals.has(token) && type !== 7) {
      return sendJSON(res, 400, { message: 'Interaction has already been acknowledged.', code: 40060 });
    }
    if (type === 4 || type === 5) {
      // A reply (or its deferred placeholder) becomes the interaction's original message.
      const message = this.createMessage(token, type === 5 ? { flags: data.flags ?? 0, content: '' } : data);
      this.originals.set(token, message.id);
    } else if (type === 6 || type === 7 || type === 9) {
      // Updates edit the message the component is on; the test registered it under the token.
      const pending = this.pendingComponent.get(token);
      if (pending) {
        this.originals.set(token, pending);
        const message = this.messages.get(pending);
        if (type === 7 && message) this.applyEdit(message, data);
      } else {
        this.originals.set(token, '');
      }
    }
    sendJSON(res, 204);
  }

  /** Message ids a component interaction (by token) was pressed on. */
  readonly pendingComponent = new Map<string, string>();
  /** Channel of each interaction token, for the messages its replies create. */
  readonly tokenChannel = new Map<string, string>();

  private createMessage(token: string, data: Record<string, unknown>): FakeMessage {
    const message: FakeMessage = {
      id: snowflake(),
      channel_id: this.tokenChannel.get(token) ?? '0',
      content: typeof data.content === 'string' ? data.content : '',
      embeds: Array.isArray(data.embeds) ? data.embeds : [],
      components: Array.isArray(data.components) ? data.components : [],
      flags: typeof data.flags === 'number' ? data.flags : 0,
      token,
    };
    this.messages.set(message.id, message);
    return message;
  }

  private applyEdit(message: FakeMessage, data: Record<string, unknown>): void {
    if (typeof data.content === 'string') message.content = data.content;
    if (Array.isArray(data.embeds)) message.embeds = data.embeds;
    if (Array.isArray(data.components)) message.components = data.components;
  }

  /** The message as Discord would send it inside an interaction or REST answer. */
  messageJSON(message: FakeMessage): Record<string, unknown> {
    return {
      id: message.id,
      type: 0,
      channel_id: message.channel_id,
      author: BOT_USER,
      content: message.content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: message.embeds,
      components: message.components,
      pinned: false,
      flags: message.flags,
      application_id: APP_ID,
      webhook_id: APP_ID,
    };
  }
}
