/**
 * Telling whoever started something in a channel (a challenge, the question of
 * the day) that the bot cannot post there. The start itself only stores a
 * record; the post comes from a tick moments later, after the start's reply
 * went out. So the start keeps the request's short-lived private-reply handle
 * in its record, and the runner spends it once, on the first post: cleared
 * when that post is made, used (then cleared) when it is refused.
 *
 * The handle is a credential (a Slack response_url, a Discord interaction
 * token): it is stored under the key `token`, which the logger masks, and no
 * error raised here ever quotes it.
 */
import { z } from 'zod';
import type { Outbox } from './outbox.js';
import { OutboxError } from './outbox.js';
import type { RequestContext } from './requests.js';
import type { View } from './views.js';

/**
 * Stop using a handle this long before the platform would: a follow-up sent
 * in the last seconds could arrive after it expired.
 */
export const HANDLE_MARGIN_MS = 60_000;

/** A stored private-reply handle and until when (epoch ms) it may be used. */
export const storedReplySchema = z.object({ token: z.string().min(1).max(4000), until: z.number().int() });
export type StoredReply = z.infer<typeof storedReplySchema>;

/** The request's handle as it is stored, or undefined when the platform gave none. */
export function keepReply(ctx: RequestContext, now: number): StoredReply | undefined {
  const handle = ctx.privateReply;
  if (!handle || handle.validMs <= HANDLE_MARGIN_MS) return undefined;
  return { token: handle.token, until: now + handle.validMs - HANDLE_MARGIN_MS };
}

/** Whether a refusal will not go away by trying again (the bot is not in the channel, lacks permission, the channel is gone). */
export function isRefusal(error: unknown): error is OutboxError {
  return error instanceof OutboxError && (error.code === 'not-in-channel' || error.code === 'missing-permissions' || error.code === 'gone');
}

/** What the platform said, or a plain sentence for a fault (never its details). */
function reason(error: unknown): string {
  return error instanceof OutboxError ? error.message : 'The platform did not take the post (it kept failing or could not be reached).';
}

/** The private notice for a challenge whose first question could not be posted. */
export function challengeRefusedView(error: unknown, command: string): View {
  const threads =
    error instanceof OutboxError && error.code === 'missing-permissions'
      ? ' A challenge also opens a thread under its first question for the rest: allow that too (Create Public Threads, Send Messages in Threads on Discord), or they go to the channel.'
      : '';
  return {
    kind: 'notice',
    title: "Panelist can't post in this channel",
    text: `${reason(error)}${threads} Your challenge was called off, so the channel is free: run ${command} again once that is fixed.`,
    actions: [],
  };
}

/** The private notice for a question of the day that could not be posted. */
export function dailyRefusedView(error: unknown, command: string, next: string): View {
  return {
    kind: 'notice',
    title: "Panelist can't post the question of the day here",
    text: `${reason(error)} The schedule stays: the next post is tried ${next}. ${command} status shows how the latest post went; ${command} stop ends it.`,
    actions: [],
  };
}

/**
 * Sends `view` through a stored handle, when it is still valid and the
 * platform's outbox can. Resolves to whether it was sent; a failure rejects
 * with an error that names neither the handle nor the platform's answer body.
 */
export async function tellPrivately(outbox: Outbox, reply: StoredReply | undefined, view: View, now: number): Promise<boolean> {
  if (!reply || !outbox.tellPrivately || now >= reply.until) return false;
  try {
    await outbox.tellPrivately(reply.token, view);
    return true;
  } catch (error) {
    const code = error instanceof OutboxError ? error.code : 'failed';
    throw new Error(`the private follow-up to the starter was not delivered (${code})`);
  }
}
