/**
 * The Slack adapter: a Bolt app (HTTP or Socket Mode) serving the assistant's
 * commands, buttons and answer forms.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { App, type AppOptions } from '@slack/bolt';
import type { Assistant } from '../../src/assistant.js';
import type { Logger } from '../logger.js';
import { boltLogger } from './bolt-logger.js';
import { parseSlackConfig, type SlackConfig } from './config.js';
import { registerActions } from './listeners/actions.js';
import { registerCommands } from './listeners/commands.js';
import { registerViews } from './listeners/views.js';

/** Liveness endpoint of the HTTP mode, beside `/slack/events`. */
export const HEALTH_PATH = '/healthz';

/** What `createSlackApp` needs. */
export interface SlackAppDeps {
  assistant: Assistant;
  config: SlackConfig;
  logger: Logger;
  /** How long a slash command may take before its reply goes to the response_url (default ACK_DEADLINE_MS; tests shorten it). */
  ackDeadlineMs?: number;
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

/** Bolt options for a configuration; no token ever leaves this object. */
function appOptions(config: SlackConfig, logger: Logger): AppOptions {
  const options: AppOptions = {
    token: config.botToken,
    // auth.test then runs in start(), where a failure is a rejection we can report
    // instead of an unhandled one from the constructor.
    deferInitialization: true,
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
    options.signingSecret = config.signingSecret;
    // For load balancers and orchestrators: unsigned, says nothing but that the process serves.
    options.customRoutes = [
      {
        path: HEALTH_PATH,
        method: ['GET'],
        handler: (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end('ok\n');
        },
      },
    ];
  }
  return options;
}

/** Builds the app and registers one listener per command, one for all buttons and one for the answer form. */
export function createSlackApp({ assistant, config, logger, ackDeadlineMs }: SlackAppDeps): SlackApp {
  const app = new App(appOptions(config, logger));
  const deps = { assistant, logger };
  registerCommands(app, deps, ackDeadlineMs);
  registerActions(app, deps);
  registerViews(app, deps);
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
      await app.init();
      if (config.mode === 'socket') {
        await app.start();
        logger.info('slack: Socket Mode connected', { mode: 'socket', commands: assistant.commands.length });
        return;
      }
      server = await app.start(config.host ? { port: config.port, host: config.host } : { port: config.port });
      const a = server.address();
      logger.info('slack: HTTP mode listening', {
        mode: 'http',
        port: a && typeof a === 'object' ? a.port : config.port,
        path: '/slack/events',
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
}: {
  assistant: Assistant;
  env: NodeJS.ProcessEnv;
  logger: Logger;
}): Promise<{ stop(): Promise<void> } | undefined> {
  const config = parseSlackConfig(env);
  if (!config) return undefined;
  const slack = createSlackApp({ assistant, config, logger });
  await slack.start();
  return { stop: () => slack.stop() };
}
