/**
 * The Slack adapter: a Bolt app (HTTP or Socket Mode) serving the assistant's
 * commands, buttons and answer forms.
 */
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type AppOptions, type CustomRoute } from '@slack/bolt';
import type { Assistant } from '../../src/assistant.js';
import { type Readiness, StartupError, withinStartup } from '../boot.js';
import type { Logger } from '../logger.js';
import { boltLogger } from './bolt-logger.js';
import { parseSlackConfig, type SlackConfig, SlackConfigError } from './config.js';
import { registerActions } from './listeners/actions.js';
import { registerCommands } from './listeners/commands.js';
import { registerViews } from './listeners/views.js';
import { createGuardedReceiver, EVENTS_PATH } from './receiver.js';
import { slackStartupError } from './startup.js';

/** Liveness endpoint of the HTTP mode, beside `/slack/events`. */
export const HEALTH_PATH = '/healthz';
/** Readiness endpoint of the HTTP mode: 200 when the store is healthy and content is loaded, 503 otherwise. */
export const READY_PATH = '/readyz';
/** A readiness check slower than this counts as not ready: probes must not pile up. */
export const READY_TIMEOUT_MS = 2000;
/**
 * How long Socket Mode may take to open its WebSocket. Bolt retries a socket
 * it cannot open every few seconds, forever and only logging; past this,
 * start-up fails instead of hanging.
 */
export const SOCKET_TIMEOUT_MS = 30_000;

/** Reports whether the process can serve; the default (none given) is always ready. */
export type ReadinessCheck = () => Readiness | Promise<Readiness>;

/** What `createSlackApp` needs. */
export interface SlackAppDeps {
  assistant: Assistant;
  config: SlackConfig;
  logger: Logger;
  /** How long a slash command may take before its reply goes to the response_url (default ACK_DEADLINE_MS; tests shorten it). */
  ackDeadlineMs?: number;
  /** Backs `GET /readyz` (HTTP mode); without one the route always answers ready. */
  readiness?: ReadinessCheck;
  /** Largest accepted request body in bytes (default BODY_LIMIT_BYTES; tests lower it). */
  bodyLimit?: number;
  /** Give up opening Socket Mode after this long (default SOCKET_TIMEOUT_MS; tests shorten it). */
  socketTimeoutMs?: number;
}

/** A configured Bolt app and its lifecycle. */
export interface SlackApp {
  app: App;
  /** Verifies the token (auth.test), then listens (HTTP) or connects (Socket Mode). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The HTTP server's address once started in HTTP mode (tests use the port). */
  address(): AddressInfo | undefined;
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

/** The readiness verdict, never slower than READY_TIMEOUT_MS and never a throw. */
async function checkReadiness(check: ReadinessCheck): Promise<Readiness> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<Readiness>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: 'readiness check timed out' }), READY_TIMEOUT_MS);
  });
  try {
    return await Promise.race([Promise.resolve().then(check), timeout]);
  } catch (error) {
    return { ok: false, reason: `readiness check failed: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    clearTimeout(timer);
  }
}

/** The unsigned probe routes: liveness and readiness, for load balancers and orchestrators. */
function probeRoutes(readiness: ReadinessCheck | undefined, logger: Logger): CustomRoute[] {
  return [
    // Says nothing but that the process serves HTTP.
    { path: HEALTH_PATH, method: ['GET'], handler: (_req, res) => plain(res, 200, 'ok\n') },
    {
      path: READY_PATH,
      method: ['GET'],
      handler: (_req, res) => {
        void checkReadiness(readiness ?? (() => ({ ok: true }))).then((r) => {
          if (!r.ok) logger.warn('slack: not ready', { reason: r.reason });
          plain(res, r.ok ? 200 : 503, r.ok ? 'ready\n' : `not ready: ${r.reason ?? 'unknown'}\n`);
        });
      },
    },
  ];
}

/** Bolt options for a configuration; no token ever leaves this object. */
function appOptions(deps: SlackAppDeps): AppOptions {
  const { config, logger } = deps;
  const options: AppOptions = {
    token: config.botToken,
    // auth.test then runs in start(), where a failure is a rejection we can report
    // instead of an unhandled one from the constructor.
    deferInitialization: true,
    // Bolt's default conversation store loads and saves per-conversation state around every
    // request (about 5% of Bolt's CPU); nothing here reads `context.conversation`.
    convoStore: false,
    logger: boltLogger(logger),
    clientOptions: {
      ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
      // Trigger ids expire after 3 s: retrying views.open for minutes helps nobody.
      retryConfig: { retries: 1, minTimeout: 100, maxTimeout: 500 },
      timeout: 10_000,
    },
  };
  if (config.mode === 'socket') {
    options.socketMode = true;
    options.appToken = config.appToken;
  } else {
    if (!config.signingSecret) throw new SlackConfigError('Slack HTTP mode needs SLACK_SIGNING_SECRET');
    // Our own receiver: Bolt's App does not pass a body limit through to its default one.
    options.receiver = createGuardedReceiver({
      signingSecret: config.signingSecret,
      logger,
      boltLogger: boltLogger(logger),
      customRoutes: probeRoutes(deps.readiness, logger),
      ...(deps.bodyLimit === undefined ? {} : { bodyLimit: deps.bodyLimit }),
    });
  }
  return options;
}

/** Starts Socket Mode within `timeoutMs`, or stops it and throws a StartupError naming what to check. */
async function openSocket(app: App, config: SlackConfig, timeoutMs: number): Promise<void> {
  const message = `Slack's Socket Mode connection did not open within ${Math.round(timeoutMs / 1000)} s: check the network connection (a WebSocket to Slack), any proxy or firewall`;
  try {
    await withinStartup(app.start(), timeoutMs, message);
  } catch (error) {
    await app.stop().catch(() => undefined);
    throw error instanceof StartupError ? error : slackStartupError(error, 'socket', config);
  }
}

/** Builds the app and registers one listener per command, one for all buttons and one for the answer form. */
export function createSlackApp(deps: SlackAppDeps): SlackApp {
  const { assistant, config, logger, ackDeadlineMs } = deps;
  const app = new App(appOptions(deps));
  const listenerDeps = { assistant, logger };
  registerCommands(app, listenerDeps, ackDeadlineMs);
  registerActions(app, listenerDeps);
  registerViews(app, listenerDeps);
  app.error(async (error) => {
    // Listeners catch their own faults; this sees what slips past (middleware, receivers).
    logger.error('slack: unhandled error', { error, code: error.code });
  });

  let server: Server | undefined;
  return {
    app,
    address: () => {
      const a = server?.address();
      return a && typeof a === 'object' ? a : undefined;
    },
    async start() {
      // Each step's faults name their own variable: the bot token, the app token, PORT/HOST.
      await app.init().catch((error: unknown) => {
        throw slackStartupError(error, 'auth', config);
      });
      if (config.mode === 'socket') {
        await openSocket(app, config, deps.socketTimeoutMs ?? SOCKET_TIMEOUT_MS);
        logger.info('slack: Socket Mode connected', { mode: 'socket', commands: assistant.commands.length });
        return;
      }
      server = await app.start({ port: config.port, host: config.host }).catch((error: unknown) => {
        throw slackStartupError(error, 'listen', config);
      });
      const a = server.address();
      logger.info('slack: HTTP mode listening', {
        mode: 'http',
        host: a && typeof a === 'object' ? a.address : config.host,
        port: a && typeof a === 'object' ? a.port : config.port,
        path: EVENTS_PATH,
        commands: assistant.commands.length,
      });
    },
    async stop() {
      await app.stop();
      server = undefined;
    },
  };
}

/**
 * Starts Slack when the environment configures it: undefined when no Slack
 * variable is set; throws on a half-set configuration (naming what is missing).
 */
export async function startSlack({
  assistant,
  env,
  logger,
  readiness,
}: {
  assistant: Assistant;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  /** Backs `GET /readyz`. */
  readiness?: ReadinessCheck;
}): Promise<{ stop(): Promise<void> } | undefined> {
  const config = parseSlackConfig(env);
  if (!config) return undefined;
  const slack = createSlackApp({ assistant, config, logger, ...(readiness ? { readiness } : {}) });
  await slack.start();
  return { stop: () => slack.stop() };
}
