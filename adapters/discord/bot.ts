/**
 * The Discord bot: a discord.js client on the gateway with only the Guilds
 * intent, turning interactions into core requests and replies into messages.
 * Every fault is caught per interaction, so one bad request never stops the bot.
 */
import { once } from 'node:events';
import type { ClientOptions, Interaction } from 'discord.js';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Assistant } from '../../src/assistant.js';
import type { Outbox } from '../../src/outbox.js';
import type { Request } from '../../src/requests.js';
import type { Reply } from '../../src/views.js';
import { StartupError, withinStartup } from '../boot.js';
import type { Logger } from '../logger.js';
import type { Running } from '../platform.js';
import { requestIds, serveReply } from '../serve.js';
import { promptActionId, viewPrompts } from './components.js';
import { DISCORD_PLATFORM, type DiscordConfig, loadDiscordConfig } from './config.js';
import { buildModal, PromptMemory } from './modal.js';
import { createDiscordOutbox } from './outbox.js';
import { buttonRequest, commandRequest, modalRequest, selectRequest } from './requests.js';
import { apologise, DEFER_AFTER_MS, discordChannel, type Target } from './respond.js';
import { discordStartupError } from './startup.js';

/**
 * How long login may take to reach a ready gateway session. discord.js keeps
 * retrying a gateway it cannot reach, silently; past this, start-up fails.
 */
export const READY_TIMEOUT_MS = 30_000;

/** What the bot needs; `deferAfterMs` and `rest` exist for tests and benchmarks. */
export interface DiscordBotOptions {
  assistant: Assistant;
  config: DiscordConfig;
  logger: Logger;
  /** Defer when the core has not answered after this long (default DEFER_AFTER_MS, 2 s; Discord allows 3 s). */
  deferAfterMs?: number;
  /** Extra REST options (retries, timeout), merged over the defaults. */
  rest?: ClientOptions['rest'];
  /** Give up logging in after this long (default READY_TIMEOUT_MS; tests shorten it). */
  readyTimeoutMs?: number;
}

/** A running (or startable) bot. */
export interface DiscordBot {
  client: Client;
  /** Where the bot posts by itself (challenges, the question of the day): the client's REST, usable once started. */
  outbox: Outbox;
  /** Logs in and resolves once the gateway session is ready. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Creates the bot; nothing connects until `start()`. */
export function createDiscordBot(options: DiscordBotOptions): DiscordBot {
  const { assistant, config, logger } = options;
  const deferAfterMs = options.deferAfterMs ?? DEFER_AFTER_MS;
  const client = new Client({
    // Slash commands, buttons and modals need no privileged intents; Guilds keeps guild ids resolvable.
    intents: [GatewayIntentBits.Guilds],
    // The default for everything the client sends: echoed user text never pings anyone.
    allowedMentions: { parse: [] },
    rest: { ...(config.apiUrl ? { api: config.apiUrl } : {}), ...options.rest },
  });
  const prompts = new PromptMemory();

  const serveDeps = { platform: DISCORD_PLATFORM, logger };

  // Remembers the forms a reply's buttons open: a modal must be the first response, with no time to ask the core.
  const handle = async (request: Request): Promise<Reply> => {
    const reply = await assistant.handle(request);
    for (const prompt of viewPrompts(reply.view)) prompts.remember(prompt);
    return reply;
  };
  const serveRequest = (interaction: Interaction, target: Target, request: Request) =>
    serveReply(serveDeps, { interactionId: interaction.id, ...requestIds(request) }, () => handle(request), discordChannel(target, deferAfterMs));

  const route = async (interaction: Interaction): Promise<void> => {
    if (interaction.isChatInputCommand()) return serveRequest(interaction, { mode: 'message', interaction }, commandRequest(interaction));
    if (interaction.isButton()) {
      const formId = promptActionId(interaction.customId);
      // A form button opens its modal at once: a modal must be the first response.
      if (formId !== undefined) return interaction.showModal(buildModal(prompts.recall(formId))).then(() => undefined);
      return serveRequest(interaction, { mode: 'component', interaction }, buttonRequest(interaction));
    }
    // A checklist: the whole selection at once, answered by updating the card it is on.
    if (interaction.isStringSelectMenu()) return serveRequest(interaction, { mode: 'component', interaction }, selectRequest(interaction));
    if (!interaction.isModalSubmit()) return;
    const target: Target = interaction.isFromMessage() ? { mode: 'component', interaction } : { mode: 'message', interaction };
    const submitted = modalRequest(interaction);
    if (submitted.ok) return serveRequest(interaction, target, submitted.request);
    // A submit Discord's own limits should have stopped is the user's problem, not a fault.
    logger.warn('discord: form submit refused', { interactionId: interaction.id, problem: submitted.problem });
    return serveReply(serveDeps, { interactionId: interaction.id }, async () => submitted.reply, discordChannel(target, deferAfterMs));
  };

  client.on(Events.InteractionCreate, (interaction) => {
    // The serve loop catches its own faults; this catches what comes before it (reading the options, opening a form).
    route(interaction).catch(async (error: unknown) => {
      logger.error(`${DISCORD_PLATFORM}: request failed`, { interactionId: interaction.id, type: interaction.type, error });
      if (!interaction.isChatInputCommand() && !interaction.isButton() && !interaction.isStringSelectMenu() && !interaction.isModalSubmit()) return;
      const failed = await apologise(interaction);
      if (failed) logger.warn(`${DISCORD_PLATFORM}: could not deliver the apology`, { interactionId: interaction.id, error: failed });
    });
  });
  // Without a listener, an 'error' event (a failed REST call, a gateway fault) would end the process.
  client.on(Events.Error, (error) => logger.error('discord client error', { error }));
  client.on(Events.Warn, (message) => logger.warn('discord client warning', { message }));
  client.on(Events.ShardError, (error, shardId) => logger.error('discord gateway error', { shardId, error }));

  return {
    client,
    // The client's own REST: one token, one set of rate-limit buckets for replies and posts alike.
    outbox: createDiscordOutbox({ rest: client.rest, logger }),
    async start() {
      const abort = new AbortController();
      const ready = once(client, Events.ClientReady, { signal: abort.signal });
      // Observed below; this keeps a failed login from leaving an unhandled rejection behind.
      ready.catch(() => undefined);
      const waitMs = options.readyTimeoutMs ?? READY_TIMEOUT_MS;
      const message = `Discord's gateway did not answer within ${Math.round(waitMs / 1000)} s: check the network connection (a WebSocket to the gateway), any proxy or firewall`;
      try {
        await withinStartup(
          client.login(config.token).then(() => ready),
          waitMs,
          message,
        );
      } catch (error) {
        abort.abort();
        await client.destroy().catch(() => undefined);
        throw error instanceof StartupError ? error : discordStartupError(error, 'login', config);
      }
      logger.info('discord connected', { user: client.user?.tag, applicationId: config.applicationId, guilds: client.guilds.cache.size });
    },
    async stop() {
      await client.destroy();
    },
  };
}

/** What `adapters/main.ts` needs to start Discord beside the other platforms. */
export interface StartDiscordOptions {
  assistant: Assistant;
  env: NodeJS.ProcessEnv;
  logger: Logger;
}

/**
 * Starts the Discord bot when DISCORD_* is configured. Resolves `undefined`
 * when it is not; throws (naming the variable) when it is half set.
 */
export async function startDiscord(options: StartDiscordOptions): Promise<Running | undefined> {
  const config = loadDiscordConfig(options.env);
  if (!config) return undefined;
  const bot = createDiscordBot({ assistant: options.assistant, config, logger: options.logger });
  await bot.start();
  return { stop: () => bot.stop(), outbox: bot.outbox };
}
