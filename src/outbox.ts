/**
 * Where the bot speaks by itself, not in answer to a request: a channel
 * challenge's questions and reveals, the question of the day. Each platform
 * implements it in its shell (Slack `chat.postMessage`/`chat.update`, Discord
 * REST with no mentions, the console's terminal); the core decides what to post
 * and stores the ids it gets back, so any replica can update the message later.
 */
import type { View } from './views.js';

/** A channel the bot may post in: the platform's workspace (Slack team, Discord guild) and channel ids. */
export interface ChannelRef {
  platform: string;
  /** Slack team id, Discord guild id, `console`. */
  workspace: string;
  channel: string;
}

/** A message the bot posted: where, and the platform's id for it (Slack `ts`, Discord message id). */
export interface MessageRef extends ChannelRef {
  message: string;
  /** The thread it was posted in, if any (as returned by {@link Outbox.openThread}). */
  thread?: string;
}

/** Why a post could not be made, for a clear private reply (not a fault). */
export class OutboxError extends Error {
  override name = 'OutboxError';
  constructor(
    /** `not-in-channel`, `missing-permissions`, `rate-limited`, `gone` (deleted channel or message), `failed`. */
    readonly code: 'not-in-channel' | 'missing-permissions' | 'rate-limited' | 'gone' | 'failed',
    message: string,
    /** For `missing-permissions`: the permissions to grant, by their platform names. */
    readonly missing: readonly string[] = [],
  ) {
    super(message);
  }
}

/** One platform's channel messages. Every method rejects with {@link OutboxError} for a refusal the user should hear about. */
export interface Outbox {
  /** Posts a public view in the channel, in `thread` when given; resolves to the new message. */
  post(channel: ChannelRef, view: View, options?: { thread?: string }): Promise<MessageRef>;
  /** Replaces a posted message's content with `view`. */
  update(message: MessageRef, view: View): Promise<void>;
  /**
   * Opens (or names) a thread under a posted message for the follow-ups and
   * resolves to what `post` takes as `thread`: Slack the message's `ts`, Discord
   * a new thread channel's id. Undefined: threads are not possible here, so
   * follow-ups go to the channel itself.
   */
  openThread(message: MessageRef, name: string): Promise<string | undefined>;
  /**
   * Sends `view` privately to the user behind a request, through the handle
   * the adapter put in that request's context (`RequestContext.privateReply`):
   * how a starter hears that the bot cannot post where they started something.
   * Absent where the platform has no such follow-up (the console prints
   * everything anyway). Rejects when the handle expired or was refused; the
   * rejection never carries the handle.
   */
  tellPrivately?(handle: string, view: View): Promise<void>;
}
