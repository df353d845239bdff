/**
 * The bot posting by itself on Slack (channel challenges, the question of the
 * day): `chat.postMessage` and `chat.update` with the pure renderer's blocks and
 * escaped fallback text, so nothing posted pings anyone. Posts to one channel
 * go one at a time through the per-channel queue, which also waits out
 * `ratelimited` answers; refusals the user can fix (the bot not invited, a
 * missing scope) become an {@link OutboxError} saying what to do.
 */
import { webApi } from '@slack/bolt';
import { z } from 'zod';
import { type ChannelRef, type MessageRef, type Outbox, OutboxError } from '../../src/outbox.js';
import type { PrivateReplyHandle } from '../../src/requests.js';
import type { View } from '../../src/views.js';
import type { Logger } from '../logger.js';
import { createPostQueue } from './post-queue.js';
import { renderView } from './render.js';
import { DEFAULT_SLACK_API_URL } from './startup.js';

/** How long Slack honours a slash command's or a button's response_url (up to five uses). */
export const RESPONSE_URL_MS = 30 * 60 * 1000;

/** A request's private-reply handle on Slack: its response_url (a credential: it lets anyone answer that user). */
export function slackPrivateReply(responseUrl: string): PrivateReplyHandle {
  return { token: responseUrl, validMs: RESPONSE_URL_MS };
}

// A stored handle is read back before use: an http(s) URL, nothing else.
const responseUrl = z.url({ protocol: /^https?$/ });

/** Runs one channel's posts in order, spaced and retried on rate limits (adapters/slack/post-queue.ts). */
export interface ChannelQueue {
  run<T>(channel: string, fn: () => Promise<T>): Promise<T>;
}

/** What {@link createSlackOutbox} needs. */
export interface SlackOutboxOptions {
  /**
   * A Web API client. Make it with `rejectRateLimitedCalls: true` (as
   * {@link outboxClient} does) so a 429 reaches the queue: a client that waits
   * out rate limits itself pauses every call it makes, slash commands' included.
   */
  client?: webApi.WebClient;
  /** Web API base (SLACK_API_URL) for a client of our own, when `client` is not given. */
  apiUrl?: string;
  /**
   * The bot token of a workspace (team id), undefined when the app is not
   * installed there (oauth/tokens.ts `botTokenFor`); default SLACK_BOT_TOKEN for
   * every workspace. Never logged.
   */
  tokenFor?: (workspace: string) => Promise<string | undefined>;
  /** Per-channel posting queue; default one with Slack's pace (about a message a second a channel). */
  queue?: ChannelQueue;
  logger: Logger;
  /** Where the default token comes from (tests); default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/**
 * A client for background posts: no hidden waiting on 429 (the queue does it) and no
 * retry of its own: a post that reached Slack but timed out must not go out twice.
 * The challenge and daily runners retry a failed step themselves, visibly.
 */
export function outboxClient(apiUrl?: string): webApi.WebClient {
  return new webApi.WebClient(undefined, {
    slackApiUrl: apiUrl ?? DEFAULT_SLACK_API_URL,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: 10_000,
  });
}

// Only what we read back; zod because it is a network answer.
const postAnswer = z.object({ ts: z.string().min(1), channel: z.string().min(1).optional() });

const INVITE = 'invite it with `/invite @Panelist`';
const NOT_IN_CHANNEL: Record<string, string> = {
  not_in_channel: `Panelist is not in this channel: ${INVITE}, or add the chat:write.public scope to the app so it can post in public channels it was not invited to.`,
  channel_not_found: `Panelist cannot see this channel: ${INVITE} (private channels need an invitation).`,
  is_archived: 'This channel is archived: Panelist cannot post in it. Unarchive it, or use another channel.',
};
const REFUSED_TOKEN = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'team_access_not_granted']);

function slackAnswer(error: unknown): { code?: string; answer?: string; needed?: string; retryAfter?: number } {
  if (error === null || typeof error !== 'object') return {};
  const e = error as { code?: unknown; data?: { error?: unknown; needed?: unknown }; retryAfter?: unknown };
  return {
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(typeof e.data?.error === 'string' ? { answer: e.data.error } : {}),
    ...(typeof e.data?.needed === 'string' ? { needed: e.data.needed } : {}),
    ...(typeof e.retryAfter === 'number' ? { retryAfter: e.retryAfter } : {}),
  };
}

/** Turns a Web API failure into the OutboxError the user hears about. */
export function slackOutboxError(error: unknown, method: 'chat.postMessage' | 'chat.update'): OutboxError {
  if (error instanceof OutboxError) return error;
  const wrap = (e: OutboxError) => Object.assign(e, { cause: error });
  const { code, answer, needed, retryAfter } = slackAnswer(error);
  if (code === webApi.ErrorCode.RateLimitedError || answer === 'ratelimited') {
    const wait = retryAfter === undefined ? 'a minute' : `${retryAfter} s`;
    return wrap(new OutboxError('rate-limited', `Slack asks Panelist to slow down: try again in ${wait}.`));
  }
  if (code !== webApi.ErrorCode.PlatformError || answer === undefined) return wrap(new OutboxError('failed', 'Could not reach Slack.'));
  const notIn = NOT_IN_CHANNEL[answer];
  if (notIn) return wrap(new OutboxError('not-in-channel', notIn));
  if (answer === 'missing_scope') {
    // Slack names the scope it wanted in `needed` (sometimes several, comma-separated).
    const scopes = (needed ?? 'chat:write')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    return wrap(
      new OutboxError(
        'missing-permissions',
        `Panelist's Slack app lacks the ${scopes.join(', ')} scope: add it under OAuth & Permissions and reinstall the app.`,
        scopes,
      ),
    );
  }
  if (answer.startsWith('restricted_action')) {
    return wrap(new OutboxError('missing-permissions', "This channel's posting settings do not let Panelist post here: ask an admin, or use another channel."));
  }
  if (answer === 'message_not_found') return wrap(new OutboxError('gone', 'That message was deleted.'));
  if (REFUSED_TOKEN.has(answer)) return wrap(new OutboxError('failed', "Slack refused Panelist's token for this workspace: reinstall the app."));
  return wrap(new OutboxError('failed', `Slack refused ${method} (${answer}).`));
}

/** Slack's outbox over the Web API. */
export function createSlackOutbox(options: SlackOutboxOptions): Outbox {
  const client = options.client ?? outboxClient(options.apiUrl);
  const queue: ChannelQueue = options.queue ?? createPostQueue({});
  const env = options.env ?? process.env;
  const lookup = options.tokenFor ?? (async () => env.SLACK_BOT_TOKEN?.trim() || undefined);
  const tokenFor = async (workspace: string): Promise<string> => {
    const token = await lookup(workspace);
    if (!token) throw new OutboxError('failed', 'Panelist is not installed in this Slack workspace: install the app again.');
    return token;
  };

  // The message fields both methods send: blocks plus the escaped fallback, no parsing of names or links.
  const message = (view: View) => {
    const { text, blocks } = renderView(view);
    return { text, blocks, parse: 'none' as const, link_names: false };
  };

  return {
    async post(channel: ChannelRef, view: View, opts?: { thread?: string }): Promise<MessageRef> {
      const thread = opts?.thread;
      const token = await tokenFor(channel.workspace);
      try {
        const answer = await queue.run(`${channel.workspace}/${channel.channel}`, () =>
          client.chat.postMessage({
            token,
            channel: channel.channel,
            ...message(view),
            ...(thread ? { thread_ts: thread } : {}),
            unfurl_links: false,
            unfurl_media: false,
          }),
        );
        const { ts, channel: id } = postAnswer.parse(answer);
        // Slack answers with the conversation's id: a post "to" a user id lands in the DM's D… id.
        return { ...channel, channel: id ?? channel.channel, message: ts, ...(thread ? { thread } : {}) };
      } catch (error) {
        const refused = slackOutboxError(error, 'chat.postMessage');
        options.logger.warn('slack: post refused', { team: channel.workspace, channel: channel.channel, code: refused.code });
        throw refused;
      }
    },

    async update(ref: MessageRef, view: View): Promise<void> {
      const token = await tokenFor(ref.workspace);
      try {
        await queue.run(`${ref.workspace}/${ref.channel}`, () => client.chat.update({ token, channel: ref.channel, ts: ref.message, ...message(view) }));
      } catch (error) {
        const refused = slackOutboxError(error, 'chat.update');
        options.logger.warn('slack: update refused', { team: ref.workspace, channel: ref.channel, code: refused.code });
        throw refused;
      }
    },

    // Slack threads need no creating: replies name the parent's ts. A reply's own thread is its parent's.
    async openThread(ref: MessageRef): Promise<string | undefined> {
      return ref.thread ?? ref.message;
    },

    // An ephemeral message through the response_url: it reaches the user where the bot itself may not post.
    async tellPrivately(handle: string, view: View): Promise<void> {
      const url = responseUrl.safeParse(handle);
      if (!url.success) throw new OutboxError('failed', 'That private reply cannot be sent: it has no usable address.');
      const { text, blocks } = renderView(view);
      let status: number;
      try {
        const res = await fetch(url.data, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          // Never replace the message a button was on (a challenge's standings): a new message, for this user only.
          body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text, blocks }),
          signal: AbortSignal.timeout(10_000),
        });
        status = res.status;
        await res.body?.cancel();
      } catch {
        // The error would quote the URL, a credential: only that it failed is said.
        throw new OutboxError('failed', 'Could not reach Slack.');
      }
      if (status < 200 || status >= 300) {
        // 404 `expired_url` / `used_url`: past its 30 minutes or its five uses.
        options.logger.warn('slack: private reply refused', { status });
        throw new OutboxError('gone', 'That private reply has expired.');
      }
    },
  };
}
