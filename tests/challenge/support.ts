/**
 * Test doubles for challenges: an outbox that records what the bot posted and
 * updated (and can be told to fail), and helpers to start, answer and run
 * challenges against a real assistant on the memory store.
 */
import { expect } from 'vitest';
import { type Assistant, createAssistant } from '../../src/assistant.js';
import type { Role } from '../../src/content/schema.js';
import { type ChannelRef, type MessageRef, type Outbox, OutboxError } from '../../src/outbox.js';
import type { Store } from '../../src/ports.js';
import { seededRandom } from '../../src/random.js';
import type { RequestContext } from '../../src/requests.js';
import type { View } from '../../src/views.js';
import { act, ctxFor, type TestClock } from '../helpers/assistant.js';

export type ViewOf<K extends View['kind']> = Extract<View, { kind: K }>;

/** What a fake outbox saw. */
export interface FakeOutbox extends Outbox {
  posts: { channel: ChannelRef; view: View; thread?: string; ref: MessageRef }[];
  updates: { ref: MessageRef; view: View }[];
  threads: MessageRef[];
  /** Makes the next `n` calls of `method` reject with this error. */
  failNext(method: 'post' | 'update' | 'openThread', error: Error, n?: number): void;
}

/** An outbox on a pretend platform: messages get ids m1, m2…; threads open under a message unless `threads` is false. */
export function fakeOutbox(options: { threads?: boolean } = {}): FakeOutbox {
  let seq = 0;
  const failing = { post: [] as Error[], update: [] as Error[], openThread: [] as Error[] };
  const fail = (method: keyof typeof failing) => {
    const error = failing[method].shift();
    if (error) throw error;
  };
  const box: FakeOutbox = {
    posts: [],
    updates: [],
    threads: [],
    failNext(method, error, n = 1) {
      for (let i = 0; i < n; i++) failing[method].push(error);
    },
    async post(channel, view, opts) {
      fail('post');
      const ref: MessageRef = { ...channel, message: `m${++seq}`, ...(opts?.thread ? { thread: opts.thread } : {}) };
      box.posts.push({ channel, view, ...(opts?.thread ? { thread: opts.thread } : {}), ref });
      return ref;
    },
    async update(ref, view) {
      fail('update');
      box.updates.push({ ref, view });
    },
    async openThread(ref) {
      fail('openThread');
      box.threads.push(ref);
      return options.threads === false ? undefined : `t-${ref.message}`;
    },
  };
  return box;
}

export const outboxError = (code: OutboxError['code']) => new OutboxError(code, `fake ${code}`);

/** A second assistant on the same store and clock: another replica, or the same process after a restart. */
export function replica(roles: Role[], store: Store, clock: TestClock, seed = 7): Assistant {
  return createAssistant({ roles, store, clock, random: seededRandom(seed) });
}

/** Runs what is due on the console platform and fails on any reported problem. */
export async function tick(assistant: Assistant, outbox: Outbox): Promise<void> {
  const outcome = await assistant.runDue?.('console', outbox);
  expect(outcome?.problems ?? [], 'problems').toEqual([]);
}

/** The view of a post, asserting its kind. */
export function asKind<K extends View['kind']>(view: View | undefined, kind: K): ViewOf<K> {
  if (view?.kind !== kind) throw new Error(`expected ${kind}, got ${JSON.stringify(view).slice(0, 300)}`);
  return view as ViewOf<K>;
}

/** The A–D button of a question whose choice text is (or is not) the correct one. */
export function button(role: Role, view: ViewOf<'challenge-question'>, right: boolean): string {
  const q = role.questions.find((x) => x.id === view.question.id);
  if (!q) throw new Error(`no question ${view.question.id}`);
  const at = view.choices.findIndex((c) => (c.text === q.choices.correct) === right);
  const id = view.actions[at]?.id;
  if (!id) throw new Error('no such button');
  return id;
}

/** Players of the tests, all in channel C1 of space T1. */
export const ADA = ctxFor('U1', 'Ada');
export const GRACE = ctxFor('U2', 'Grace');
export const LINUS = ctxFor('U3', 'Linus');

/** A press of `id` by `who`. */
export const press = (id: string, who: RequestContext) => act(id, who);
