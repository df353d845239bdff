/**
 * A store that keeps everything in memory: for tests and throwaway console runs.
 * It applies exactly the rules of the file store (validation, copies, ordering),
 * so code tested against it behaves the same against the file.
 */
import type { Store } from '../src/ports.js';
import { StoreState } from './store-state.js';

/** A `Store` with the extras both implementations offer. */
export interface PanelistStore extends Store {
  /** Drops quiz sessions last updated before `before` (epoch ms); resolves to how many went. */
  purgeSessions(before: number): Promise<number>;
}

/** Raised by any call on a store after `close()`. */
export class StoreClosedError extends Error {
  override name = 'StoreClosedError';
}

/**
 * Wraps a `StoreState` as an async `PanelistStore`. Each mutation runs
 * synchronously inside the call, so it is atomic per user without a lock.
 */
export function storeOverState(
  state: StoreState,
  hooks: { flush: () => Promise<void>; close: () => Promise<void>; label: string },
): PanelistStore {
  let closed = false;
  const open = (): void => {
    if (closed) throw new StoreClosedError(`${hooks.label} is closed`);
  };
  // `async` so a throw (closed store, refused record, failing `update`) becomes a rejection, not a sync throw.
  return {
    async getUser(space, userId) {
      open();
      return state.getUser(space, userId);
    },
    async updateUser(space, userId, update) {
      open();
      return state.updateUser(space, userId, update);
    },
    async topUsers(space, period, limit) {
      open();
      return state.topUsers(space, period, limit);
    },
    async getSession(key) {
      open();
      return state.getSession(key);
    },
    async putSession(session) {
      open();
      state.putSession(session);
    },
    async deleteSession(key) {
      open();
      state.deleteSession(key);
    },
    async addFlag(flag) {
      open();
      return state.addFlag(flag);
    },
    async listFlags() {
      open();
      return state.listFlags();
    },
    async purgeSessions(before) {
      open();
      return state.purgeSessions(before);
    },
    async flush() {
      open();
      await hooks.flush();
    },
    async close() {
      if (closed) return;
      closed = true;
      await hooks.close();
    },
  };
}

/** Creates an empty in-memory store; `flush` resolves at once and nothing outlives the process. */
export function createMemoryStore(): PanelistStore {
  return storeOverState(new StoreState(), {
    label: 'memory store',
    flush: async () => {},
    close: async () => {},
  });
}
