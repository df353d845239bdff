/**
 * Discord's HTTP interactions mode: a node:http server Discord POSTs every
 * interaction to (`POST /discord/interactions`), instead of a gateway
 * connection. Stateless per request, so any number of instances can sit
 * behind a load balancer. Each request is checked in order: size (413),
 * signature (401), JSON (400), shape (400); then served, the answer being
 * the HTTP response itself or, past 2 s, a deferral and a webhook call.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REST, type RESTOptions } from '@discordjs/rest';
import type { APIInteractionResponse } from 'discord.js';
import type { Assistant } from '../../src/assistant.js';
import { listenFailure, type Readiness, StartupError } from '../boot.js';
import type { DiscordConfig } from '../discord/config.js';
import { DISCORD_PLATFORM } from '../discord/config.js';
import { createDiscordOutbox } from '../discord/outbox.js';
import type { Logger } from '../logger.js';
import { createOpsHandler, type OpsHandler } from '../ops-http.js';
import type { Running } from '../platform.js';
import { BODY_LIMIT_BYTES, readBody, refuseTooLarge } from './body.js';
import { type DiscordHttpConfig, INTERACTIONS_PATH } from './config.js';
import { createInteractionHandler } from './handler.js';
import { parseInteraction } from './interactions.js';
import type { Exchange } from './respond.js';
import { apologiseOver } from './respond.js';
import { publicKeyFromHex, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from './verify.js';

/** A Discord configuration in HTTP mode. */
export type DiscordHttpAppConfig = DiscordConfig & { http: DiscordHttpConfig };

/** What the server needs; the optional parts exist for tests. */
export interface DiscordHttpOptions {
  assistant: Assistant;
  config: DiscordHttpAppConfig;
  logger: Logger;
  /** Backs GET /readyz. */
  readiness?: () => Promise<Readiness>;
  /** Other routes on the same server; by default the ops endpoints (/healthz, /readyz, /metrics) of adapters/ops-http.ts. */
  extraRoutes?: OpsHandler;
  /** Defer after this long (default 2 s; Discord allows 3). */
  deferAfterMs?: number;
  /** Largest accepted body (default 1 MiB). */
  bodyLimit?: number;
  /** REST options over ours (retries, timeout). */
  rest?: Partial<RESTOptions>;
  /** The clock signatures' timestamps are checked against. */
  now?: () => number;
}

/** A running (or startable) interactions server. */
export interface DiscordHttpServer {
  server: Server;
  /** Listens on the configured host and port; resolves with the address. */
  start(): Promise<AddressInfo>;
  stop(): Promise<void>;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function plain(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...extra }).end(`${text}\n`);
}

/** The HTTP response of one interaction, sent at most once. */
function exchangeOver(res: ServerResponse): Exchange {
  let responded = false;
  return {
    get responded() {
      return responded;
    },
    respond(callback: APIInteractionResponse) {
      if (responded) throw new Error('discord: interaction already answered');
      // Discord gives up after 3 s and closes the request: the answer has nowhere to go.
      if (res.destroyed || res.writableEnded) throw new Error('discord: the interaction request closed before it was answered');
      responded = true;
      const text = JSON.stringify(callback);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
    },
  };
}

/** Creates the server; nothing listens until `start()`. */
export function createDiscordHttpServer(options: DiscordHttpOptions): DiscordHttpServer {
  const { config, logger } = options;
  const key = publicKeyFromHex(config.http.publicKey);
  const limit = options.bodyLimit ?? BODY_LIMIT_BYTES;
  const now = options.now ?? Date.now;
  // Interaction webhooks are authorised by their token; the bot token is set for any other call and never logged.
  const rest = new REST({ ...(config.apiUrl ? { api: config.apiUrl } : {}), retries: 2, timeout: 10_000, ...options.rest }).setToken(config.token);
  rest.on('rateLimited', (info) => logger.warn('discord: rate limited', { route: info.route, retryAfter: info.retryAfter, global: info.global }));
  const handler = createInteractionHandler({
    assistant: options.assistant,
    logger,
    rest,
    ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
  });
  const extra = options.extraRoutes ?? createOpsHandler({ ...(options.readiness ? { readiness: options.readiness } : {}), logger, name: DISCORD_PLATFORM });

  const interaction = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const read = await readBody(req, limit);
    if (!read.ok) {
      if (read.why === 'gone') return;
      logger.warn('discord: request body too large', { limit });
      return refuseTooLarge(req, res);
    }
    const problem = verifySignature(key, { signature: header(req, SIGNATURE_HEADER), timestamp: header(req, TIMESTAMP_HEADER), body: read.body }, now());
    if (problem) {
      // Discord sends badly signed requests on purpose to check this; nothing more to log than why.
      logger.warn('discord: request not verified', { problem });
      return plain(res, 401, 'invalid request signature');
    }
    let json: unknown;
    try {
      json = JSON.parse(read.body.toString('utf8'));
    } catch {
      logger.warn('discord: request body is not JSON');
      return plain(res, 400, 'body is not JSON');
    }
    const parsed = parseInteraction(json);
    if (!parsed.ok) {
      logger.warn('discord: interaction refused', { problem: parsed.problem });
      return plain(res, 400, 'not an interaction this app serves');
    }
    const { incoming } = parsed;
    const exchange = exchangeOver(res);
    try {
      await handler(incoming, exchange);
    } catch (error) {
      // The serve loop catches its own faults; this catches what comes before it (opening a form).
      logger.error(`${DISCORD_PLATFORM}: request failed`, { ...('meta' in incoming ? { interactionId: incoming.meta.id } : {}), error });
      if ('meta' in incoming) await apologiseOver(exchange, { rest, meta: incoming.meta }).catch(() => undefined);
    }
    if (!exchange.responded) plain(res, 500, 'no answer');
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === INTERACTIONS_PATH) {
      if (req.method !== 'POST') return plain(res, 405, 'POST only', { allow: 'POST' });
      void interaction(req, res).catch((error: unknown) => {
        logger.error('discord: request failed', { error });
        plain(res, 500, 'internal error');
      });
      return;
    }
    if (!extra(req, res)) plain(res, 404, 'not found');
  });
  // A client that trickles its request is cut off; Discord sends its few kilobytes at once.
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;

  return {
    server,
    start: () =>
      new Promise<AddressInfo>((resolve, reject) => {
        const { port, host } = config.http;
        const onError = (error: unknown) => {
          server.off('listening', onListening);
          reject(listenError(error, config.http));
        };
        const onListening = () => {
          server.off('error', onError);
          resolve(server.address() as AddressInfo);
        };
        server.once('error', onError);
        server.once('listening', onListening);
        server.listen(port, host);
      }),
    stop: async () => {
      if (!server.listening) return;
      server.closeIdleConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The start-up line for a failed listen, naming the variable that chose the port. */
function listenError(error: unknown, http: DiscordHttpConfig): unknown {
  const failure = listenFailure(error, http.port, http.host);
  if (!failure) return error;
  return http.portSource === 'DISCORD_PORT' ? new StartupError(failure.message.replace(/\bset PORT\b/, 'set DISCORD_PORT')) : failure;
}

/** Starts serving interactions over HTTP; what the discord platform runs when DISCORD_PUBLIC_KEY is set. */
export async function startDiscordHttp(options: Omit<DiscordHttpOptions, 'extraRoutes'>): Promise<Running> {
  const app = createDiscordHttpServer(options);
  const address = await app.start();
  options.logger.info('discord listening', {
    mode: 'http',
    host: address.address,
    port: address.port,
    path: INTERACTIONS_PATH,
    applicationId: options.config.applicationId,
  });
  const { config, logger } = options;
  // The bot posting by itself (challenges, the question of the day) is plain REST: the same under either mode.
  const outbox = createDiscordOutbox({ token: config.token, ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}), logger });
  return { stop: () => app.stop(), outbox };
}
