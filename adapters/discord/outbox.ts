/**
 * The bot posting by itself on Discord (channel challenges, the question of
 * the day) over plain REST, so it works the same under the gateway bot and the
 * HTTP interactions mode. Every message carries `allowed_mentions: { parse: [] }`:
 * whatever text a view echoes, nobody is pinged. Refusals the user can fix
 * (permissions, a deleted channel) become an {@link OutboxError} naming what to
 * grant; @discordjs/rest waits out 429s itself.
 */
import { DiscordAPIError, RateLimitError, REST } from '@discordjs/rest';
import { RESTJSONErrorCodes, Routes } from 'discord-api-types/v10';
import { z } from 'zod';
import { type ChannelRef, type MessageRef, type Outbox, OutboxError } from '../../src/outbox.js';
import type { PrivateReplyHandle } from '../../src/requests.js';
import type { View } from '../../src/views.js';
import type { Logger } from '../logger.js';
import { renderReply } from './render.js';
import { DEFAULT_DISCORD_API_URL } from './startup.js';

/** Discord's thread name limit. */
export const THREAD_NAME_MAX = 100;
/** Minutes of silence before a challenge thread archives itself (Discord's shortest choice). */
export const THREAD_ARCHIVE_MINUTES = 60;
/** A rate limit longer than this is reported (`rate-limited`) instead of waited out: a scheduled post should not hang for minutes. */
export const MAX_RATE_LIMIT_WAIT_MS = 60_000;

/** The permission names Discord shows in Server Settings, for the messages users read. */
export const DISCORD_PERMISSIONS = {
  view: 'View Channel',
  send: 'Send Messages',
  sendInThreads: 'Send Messages in Threads',
  embed: 'Embed Links',
  createThreads: 'Create Public Threads',
} as const;

/** How long Discord honours an interaction's token for follow-ups. */
export const INTERACTION_TOKEN_MS = 15 * 60 * 1000;

// `<application id>:<interaction token>`: both are path segments of the follow-up webhook.
const HANDLE = /^(\d{1,25}):([\w.-]{1,500})$/;

/**
 * A request's private-reply handle on Discord: the application id and the
 * interaction token (a credential: it lets anyone answer that user), the same
 * over the gateway and over HTTP interactions.
 */
export function discordPrivateReply(applicationId: string, token: string): PrivateReplyHandle | undefined {
  const handle = `${applicationId}:${token}`;
  return HANDLE.test(handle) ? { token: handle, validMs: INTERACTION_TOKEN_MS } : undefined;
}

/** What {@link createDiscordOutbox} needs: a REST client with its token, or a token to make one. */
export interface DiscordOutboxOptions {
  /** A REST client whose token is set (the gateway bot passes `client.rest`, sharing its rate-limit buckets). */
  rest?: REST;
  /** Bot token, for a REST client of our own (when `rest` is not given). Never logged. */
  token?: string;
  /** REST base without `/v10` (DISCORD_API_URL); default Discord's. */
  apiUrl?: string;
  logger: Logger;
}

// Only what we read back; zod because it is a network answer.
const messageAnswer = z.object({ id: z.string().min(1), channel_id: z.string().min(1) });
const threadAnswer = z.object({ id: z.string().min(1) });

/** Our own REST client: a few retries for 5xx and network faults, a bounded wait, long rate limits reported. */
export function outboxRest(token: string, apiUrl?: string): REST {
  return new REST({
    api: apiUrl ?? DEFAULT_DISCORD_API_URL,
    retries: 2,
    timeout: 10_000,
    rejectOnRateLimit: (limit) => limit.retryAfter > MAX_RATE_LIMIT_WAIT_MS,
  }).setToken(token);
}

/** The message body for a view: the public rendering, never a ping. */
function body(view: View): Record<string, unknown> {
  const { embeds, components } = renderReply({ visibility: 'public', view });
  return { embeds, components, allowed_mentions: { parse: [] } };
}

/** A thread name Discord accepts: one line, 1..100 characters. */
export function threadName(name: string): string {
  const line = name.replace(/\s+/g, ' ').trim() || 'Answers';
  const chars = [...line];
  return chars.length <= THREAD_NAME_MAX ? line : `${chars.slice(0, THREAD_NAME_MAX - 1).join('')}…`;
}

type Operation = 'post' | 'post-in-thread' | 'update';

/** The permissions an operation needs, by Discord's names: exactly those, so the message says what to grant. */
function needed(operation: Operation, code: number): string[] {
  const p = DISCORD_PERMISSIONS;
  // Missing Access: the bot cannot see the channel at all.
  const view = code === RESTJSONErrorCodes.MissingAccess ? [p.view] : [];
  if (operation === 'update') return [...view, p.embed];
  return [...view, operation === 'post' ? p.send : p.sendInThreads, p.embed];
}

/**
 * A Discord API refusal's code and status. discord.js (CommonJS) loads
 * @discordjs/rest's CommonJS build while this file gets its ESM one: two copies
 * of each error class, so `instanceof` misses the gateway client's errors
 * (a 50013 there read as "could not reach Discord"). Recognised by shape too.
 */
export function apiErrorOf(error: unknown): { code: number; status: number } | undefined {
  if (error instanceof DiscordAPIError) return { code: Number(error.code), status: error.status };
  if (!(error instanceof Error) || !error.name.startsWith('DiscordAPIError')) return undefined;
  const e = error as Error & { code?: unknown; status?: unknown };
  return typeof e.status === 'number' ? { code: Number(e.code), status: e.status } : undefined;
}

/** A rate limit's wait in ms, however @discordjs/rest was loaded (see {@link apiErrorOf}). */
function retryAfterOf(error: unknown): number | undefined {
  if (error instanceof RateLimitError) return error.retryAfter;
  if (!(error instanceof Error) || !error.name.startsWith('RateLimitError')) return undefined;
  const wait = (error as Error & { retryAfter?: unknown }).retryAfter;
  return typeof wait === 'number' ? wait : undefined;
}

/** Turns a REST failure into the OutboxError the user hears about. */
export function discordOutboxError(error: unknown, operation: Operation): OutboxError {
  const wrap = (e: OutboxError) => Object.assign(e, { cause: error });
  const retryAfter = retryAfterOf(error);
  if (retryAfter !== undefined) {
    return wrap(new OutboxError('rate-limited', `Discord asks Panelist to wait ${Math.ceil(retryAfter / 1000)} s before posting here again.`));
  }
  const refused = apiErrorOf(error);
  if (refused) {
    const code = refused.code;
    if (code === RESTJSONErrorCodes.MissingAccess || code === RESTJSONErrorCodes.MissingPermissions) {
      const missing = needed(operation, code);
      return wrap(new OutboxError('missing-permissions', `Panelist needs ${missing.join(', ')} in this channel: grant them to its role.`, missing));
    }
    if (code === RESTJSONErrorCodes.UnknownChannel) return wrap(new OutboxError('gone', 'That channel no longer exists.'));
    if (code === RESTJSONErrorCodes.UnknownMessage) return wrap(new OutboxError('gone', 'That message was deleted.'));
    if (code === RESTJSONErrorCodes.ThreadLocked || code === RESTJSONErrorCodes.InvalidActionOnArchivedThread) {
      return wrap(new OutboxError('gone', 'That thread is locked or archived.'));
    }
    return wrap(new OutboxError('failed', `Discord refused the message (${code || refused.status}).`));
  }
  return wrap(new OutboxError('failed', 'Could not reach Discord.'));
}

// Thread creation refusals that mean "no thread here", not a fault: follow-ups go to the channel.
const NO_THREAD = new Set<number>([
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
  RESTJSONErrorCodes.CannotExecuteActionOnThisChannelType,
  RESTJSONErrorCodes.CannotExecuteActionOnDMChannel,
  RESTJSONErrorCodes.MaximumActiveThreads,
]);

function restOf(options: DiscordOutboxOptions): REST {
  if (options.rest) return options.rest;
  if (options.token) return outboxRest(options.token, options.apiUrl);
  throw new Error('discord outbox: give a REST client or a token');
}

/** Discord's outbox over REST. */
export function createDiscordOutbox(options: DiscordOutboxOptions): Outbox {
  const { logger } = options;
  const rest = restOf(options);

  async function send(channelId: string, view: View, operation: Operation): Promise<z.infer<typeof messageAnswer>> {
    try {
      return messageAnswer.parse(await rest.post(Routes.channelMessages(channelId), { body: body(view) }));
    } catch (error) {
      throw discordOutboxError(error, operation);
    }
  }

  return {
    async post(channel: ChannelRef, view: View, opts?: { thread?: string }): Promise<MessageRef> {
      const thread = opts?.thread;
      const sent = await send(thread ?? channel.channel, view, thread ? 'post-in-thread' : 'post');
      return { ...channel, message: sent.id, ...(thread ? { thread } : {}) };
    },

    async update(message: MessageRef, view: View): Promise<void> {
      try {
        await rest.patch(Routes.channelMessage(message.thread ?? message.channel, message.message), { body: body(view) });
      } catch (error) {
        throw discordOutboxError(error, 'update');
      }
    },

    // An ephemeral follow-up on the interaction's webhook: it needs no channel permission, only the token.
    async tellPrivately(handle: string, view: View): Promise<void> {
      const parts = HANDLE.exec(handle);
      if (!parts?.[1] || !parts[2]) throw new OutboxError('failed', 'That private reply cannot be sent: it has no usable address.');
      const { embeds, components, flags } = renderReply({ visibility: 'private', view });
      try {
        await rest.post(Routes.webhook(parts[1], parts[2]), { body: { embeds, components, flags, allowed_mentions: { parse: [] } }, auth: false });
      } catch (error) {
        // Never the error itself: its URL holds the token.
        const refused = apiErrorOf(error);
        const code = refused ? refused.code || refused.status : 'network';
        logger.warn('discord: private follow-up refused', { code });
        throw new OutboxError(code === RESTJSONErrorCodes.UnknownWebhook ? 'gone' : 'failed', 'The private follow-up could not be sent.');
      }
    },

    async openThread(message: MessageRef, name: string): Promise<string | undefined> {
      // A message inside a thread cannot have its own: its follow-ups stay in that thread.
      if (message.thread) return message.thread;
      try {
        const created = await rest.post(Routes.threads(message.channel, message.message), {
          body: { name: threadName(name), auto_archive_duration: THREAD_ARCHIVE_MINUTES },
        });
        return threadAnswer.parse(created).id;
      } catch (error) {
        const code = apiErrorOf(error)?.code ?? Number.NaN;
        // Discord gives a message's thread the message's own id.
        if (code === RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage) return message.message;
        if (NO_THREAD.has(code)) {
          logger.warn('discord: no thread for a post; follow-ups go to the channel', {
            guild: message.workspace,
            channel: message.channel,
            code,
            missing: [DISCORD_PERMISSIONS.createThreads, DISCORD_PERMISSIONS.sendInThreads],
          });
          return undefined;
        }
        throw discordOutboxError(error, 'post');
      }
    },
  };
}
