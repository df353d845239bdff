/**
 * The Slack adapter: a Bolt app (HTTP or Socket Mode) serving the assistant's
 * commands, buttons and answer forms.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type AppOptions } from '@slack/bolt';
import type { Assistant } from '../../src/assistant.js';
import type { Outbox } from '../../src/outbox.js';
import type { RecordStore } from '../../src/ports.js';
import { StartupError, withinStartup } from '../boot.js';
import type { Logger } from '../logger.js';
import { createOpsHandler, type ReadinessCheck } from '../ops-http.js';
import type { Running } from '../platform.js';
import { boltLogger } from './bolt-logger.js';
import { parseSlackConfig, type SlackConfig, SlackConfigError } from './config.js';
import { registerActions } from './listeners/actions.js';
import { registerCommands } from './listeners/commands.js';
import { registerViews } from './listeners/views.js';
import { registerInstallEvents } from './oauth/events.js';
import { maskingBoltLogger, oauthReceiverOptions } from './oauth/flow.js';
import { createInstallationStore, isNotInstalled, type PanelistInstallationStore } from './oauth/installation-store.js';
import { type BotTokens, installationTokens, singleWorkspaceTokens } from './oauth/tokens.js';
import { createSlackOutbox } from './outbox.js';
import { createGuardedReceiver, EVENTS_PATH } from './receiver.js';
import { slackStartupError } from './startup.js';

// The probes moved to ops-http.ts (one handler for every HTTP server); re-exported where they were.
export { HEALTH_PATH, READY_PATH, READY_TIMEOUT_MS, type ReadinessCheck } from '../ops-http.js';
/**
 * How long Socket Mode may take to open its WebSocket. Bolt retries a socket
 * it cannot open every few seconds, forever and only logging; past this,
 * start-up fails instead of hanging.
 */
export const SOCKET_TIMEOUT_MS = 30_000;

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
  /** Panelist's database, where OAuth keeps the installations (required with `config.oauth`). */
  records?: RecordStore;
}

/** A configured Bolt app and its lifecycle. */
export interface SlackApp {
  app: App;
  /** Verifies the token (auth.test), then listens (HTTP) or connects (Socket Mode). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The HTTP server's address once started in HTTP mode (tests use the port). */
  address(): AddressInfo | undefined;
  /** The bot token of each workspace, for posts the bot makes by itself (oauth/tokens.ts). */
  tokens: BotTokens;
  /** Where the bot posts by itself (challenges, the question of the day), with each workspace's token. */
  outbox: Outbox;
}

/** Bolt options for a configuration; no token ever leaves this object. */
function appOptions(deps: SlackAppDeps, installs: PanelistInstallationStore | undefined): AppOptions {
  const { config, logger } = deps;
  const clientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    // Trigger ids expire after 3 s: retrying views.open for minutes helps nobody.
    retryConfig: { retries: 1, minTimeout: 100, maxTimeout: 500 },
    timeout: 10_000,
  };
  const options: AppOptions = {
    // OAuth: no token here; Bolt's installer authorises each request from its workspace's installation.
    ...(config.botToken ? { token: config.botToken } : {}),
    // auth.test then runs in start(), where a failure is a rejection we can report
    // instead of an unhandled one from the constructor.
    deferInitialization: true,
    // Bolt's default conversation store loads and saves per-conversation state around every
    // request (about 5% of Bolt's CPU); nothing here reads `context.conversation`.
    convoStore: false,
    logger: boltLogger(logger),
    clientOptions,
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
      boltLogger: config.oauth ? maskingBoltLogger(boltLogger(logger), [config.oauth.clientSecret, config.oauth.stateSecret]) : boltLogger(logger),
      customRoutes: [],
      ops: createOpsHandler({ ...(deps.readiness ? { readiness: deps.readiness } : {}), logger, name: 'slack' }),
      ...(deps.bodyLimit === undefined ? {} : { bodyLimit: deps.bodyLimit }),
      ...(config.oauth && installs ? { oauth: oauthReceiverOptions({ oauth: config.oauth, store: installs, logger, clientOptions, ...helpOf(deps) }) } : {}),
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

/** The help command to name on the install page. */
function helpOf(deps: SlackAppDeps): { helpCommand?: string } {
  const help = deps.assistant.commands.find((c) => c.name.endsWith('-help'));
  return help ? { helpCommand: help.name } : {};
}

/** OAuth's installation store over the database, or undefined for one workspace. */
function installStore(deps: SlackAppDeps): PanelistInstallationStore | undefined {
  const { oauth } = deps.config;
  if (!oauth) return undefined;
  if (!deps.records) throw new SlackConfigError('Slack OAuth needs a database for its installations, and none was given');
  return createInstallationStore({ records: deps.records, key: oauth.tokenKey });
}

/** Builds the app and registers one listener per command, one for all buttons and one for the answer form. */
export function createSlackApp(deps: SlackAppDeps): SlackApp {
  const { assistant, config, logger, ackDeadlineMs } = deps;
  const installs = installStore(deps);
  const app = new App(appOptions(deps, installs));
  const listenerDeps = { assistant, logger };
  registerCommands(app, listenerDeps, ackDeadlineMs);
  registerActions(app, listenerDeps);
  registerViews(app, listenerDeps);
  if (installs) registerInstallEvents(app, installs, logger);
  app.error(async (error) => {
    // A request from a workspace with no installation (never installed, or uninstalled): Bolt acks it and calls
    // no listener. Expected now and then, not a fault.
    if (installs && isNotInstalled(error)) {
      logger.warn('slack: request from a workspace without an installation ignored', { code: error.code });
      return;
    }
    // Listeners catch their own faults; this sees what slips past (middleware, receivers).
    logger.error('slack: unhandled error', { error, code: error.code });
  });
  const tokens = installs ? installationTokens(installs) : singleWorkspaceTokens(config.botToken ?? '');

  let server: Server | undefined;
  return {
    app,
    tokens,
    // Its own Web API client (outbox.ts): a rate-limited post must not pause the slash commands' client.
    outbox: createSlackOutbox({ ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}), tokenFor: (team) => tokens.botTokenFor(team), logger }),
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
        workspaces: installs ? 'many (OAuth: /slack/install)' : 'one (SLACK_BOT_TOKEN)',
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
  records,
}: {
  assistant: Assistant;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  /** Backs `GET /readyz`. */
  readiness?: ReadinessCheck;
  /** The database (OAuth keeps its installations there). */
  records?: RecordStore;
}): Promise<Running | undefined> {
  const config = parseSlackConfig(env);
  if (!config) return undefined;
  const slack = createSlackApp({ assistant, config, logger, ...(readiness ? { readiness } : {}), ...(records ? { records } : {}) });
  await slack.start();
  return { stop: () => slack.stop(), outbox: slack.outbox };
}
