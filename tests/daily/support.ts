/**
 * Test doubles for the question of the day: an outbox that records posts and
 * updates (and can be told to fail), and a harness of assistants over one
 * memory store with a clock the test sets.
 */
import { type Assistant, createAssistant } from '../../src/assistant.js';
import type { Role } from '../../src/content/schema.js';
import type { ChannelRef, MessageRef, Outbox } from '../../src/outbox.js';
import type { Store } from '../../src/ports.js';
import { seededRandom } from '../../src/random.js';
import type { Reply, View } from '../../src/views.js';
import { act, cmd, ctxFor } from '../helpers/assistant.js';

export type ViewOf<K extends View['kind']> = Extract<View, { kind: K }>;

/** What a fake outbox saw. */
export interface FakeOutbox extends Outbox {
  posts: { channel: ChannelRef; view: View; ref: MessageRef }[];
  updates: { ref: MessageRef; view: View }[];
  /** Makes the next `n` posts reject with `error`. */
  failPosts(error: Error, n?: number): void;
}

export function fakeOutbox(): FakeOutbox {
  let seq = 0;
  const failing: Error[] = [];
  const box: FakeOutbox = {
    posts: [],
    updates: [],
    failPosts(error, n = 1) {
      for (let i = 0; i < n; i++) failing.push(error);
    },
    async post(channel, view) {
      const error = failing.shift();
      if (error) throw error;
      const ref: MessageRef = { ...channel, message: `m${++seq}` };
      box.posts.push({ channel, view, ref });
      return ref;
    },
    async update(ref, view) {
      box.updates.push({ ref, view });
    },
    async openThread() {
      return undefined;
    },
  };
  return box;
}

/** A clock the test sets. */
export interface SetClock {
  now(): number;
  set(t: number): void;
}

export function setClock(start: number): SetClock {
  let t = start;
  return { now: () => t, set: (v) => void (t = v) };
}

/** An assistant (a replica) over `store`. */
export function replica(roles: Role[], store: Store, clock: SetClock, seed = 7, dailyTz?: string): Assistant {
  return createAssistant({ roles, store, clock, random: seededRandom(seed), ...(dailyTz ? { dailyTz } : {}) });
}

/** Runs what is due on the console platform. */
export async function tick(a: Assistant, outbox: Outbox): Promise<number> {
  const outcome = await a.runDue?.('console', outbox);
  if (!outcome) throw new Error('assistant has no runDue');
  if (outcome.problems.length > 0) throw outcome.problems[0]?.error;
  return outcome.handled;
}

/** `/<prefix>-daily <text>` in channel C1 by user U1. */
export function daily(a: Assistant, prefix: string, text: string, user = 'U1'): Promise<Reply> {
  return a.handle(cmd(`${prefix}-daily`, text, ctxFor(user, `User ${user}`, 'C1')));
}

/** Presses a button of a daily post as `user`. */
export function press(a: Assistant, actionId: string, user: string): Promise<Reply> {
  return a.handle(act(actionId, ctxFor(user, `User ${user}`, 'C1')));
}

/** The daily-question view of the n-th post (0-based). */
export function postView(box: FakeOutbox, n: number): ViewOf<'daily-question'> {
  const view = box.posts[n]?.view;
  if (view?.kind !== 'daily-question') throw new Error(`post ${n} is ${view?.kind ?? 'missing'}`);
  return view;
}
