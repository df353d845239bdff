/**
 * What the cant-post tests share: an outbox on a pretend platform whose posts
 * can be refused and which records every private follow-up, and request
 * contexts that carry a private-reply handle as the Slack and Discord adapters
 * put one there.
 */
import { type ChannelRef, type MessageRef, type Outbox, OutboxError } from '../../src/outbox.js';
import type { RequestContext } from '../../src/requests.js';
import type { View } from '../../src/views.js';
import { ctxFor } from '../helpers/assistant.js';

/** A handle as a platform would give it; its value must never show up in a log. */
export const HANDLE = 'https://hooks.example.test/commands/T1/1234/s3cr3t-reply-handle';

/** What a telling outbox saw. */
export interface TellingOutbox extends Outbox {
  posts: { channel: ChannelRef; view: View }[];
  told: { handle: string; view: View }[];
  /** Posts reject with these, in order; once empty, posts succeed. */
  refusals: Error[];
  /** Makes every follow-up reject (an expired handle). */
  tellFails: boolean;
}

export function tellingOutbox(): TellingOutbox {
  let seq = 0;
  const box: TellingOutbox = {
    posts: [],
    told: [],
    refusals: [],
    tellFails: false,
    async post(channel, view, opts) {
      const refusal = box.refusals.shift();
      if (refusal) throw refusal;
      box.posts.push({ channel, view });
      return { ...channel, message: `m${++seq}`, ...(opts?.thread ? { thread: opts.thread } : {}) } satisfies MessageRef;
    },
    async update() {},
    async openThread(ref) {
      return `t-${ref.message}`;
    },
    async tellPrivately(handle, view) {
      if (box.tellFails) throw new OutboxError('gone', 'That private reply has expired.');
      box.told.push({ handle, view });
    },
  };
  return box;
}

/** Ada in channel C1, with a handle valid for `validMs` (Discord's 15 minutes by default). */
export function withHandle(validMs = 15 * 60 * 1000, conversation = 'C1'): RequestContext {
  return { ...ctxFor('U1', 'Ada', conversation), privateReply: { token: HANDLE, validMs } };
}

export const notInChannel = () =>
  new OutboxError('not-in-channel', 'Panelist is not in this channel: invite it with `/invite @Panelist`, or add the chat:write.public scope.');
export const missingPermissions = () =>
  new OutboxError('missing-permissions', 'Panelist needs Send Messages, Embed Links in this channel: grant them to its role.', [
    'Send Messages',
    'Embed Links',
  ]);

/** The text of a notice view (what the starter reads). */
export function noticeText(view: View | undefined): string {
  if (view?.kind !== 'notice') throw new Error(`expected a notice, got ${view?.kind}`);
  return `${view.title}\n${view.text}`;
}
