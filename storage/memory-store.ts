/**
 * A store that keeps everything in memory: for tests and throwaway console runs.
 * It applies the rules of the file store (copies, ordering, caps). Validation
 * against the file schemas guards what goes into a file, so here it is
 * optional: `createMemoryStore({ validate: true })` applies it too (the
 * contract suite and the core's tests do), and then code tested against it
 * behaves the same against the file.
 */
import type { Store, StoreHealth } from '../src/ports.js';
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

/** Where changes go: the file store's writer, or nowhere for the memory store. */
export interface Persistence {
  readonly label: string;
  /**
   * Throws `StoreWriteError` when a change cannot be accepted now (writes are
   * failing, the lock was lost), or when `epoch` is given and a rollback has
   * happened since: the caller's earlier reads may have been undone.
   */
  admit(epoch?: number): void;
  /** Number of the latest accepted change and of the latest rollback. */
  mark(): { seq: number; epoch: number };
  /** Resolves when every change numbered in `seqs` is durable; rejects with `StoreWriteError` if one was lost. */
  waitFor(seqs: readonly number[]): Promise<void>;
  flush(): Promise<void>;
  close(): Promise<void>;
  health(): StoreHealth;
}

/** What one `durably` call changed. */
interface Tracker {
  epoch: number;
  seqs: number[];
}

/**
 * Wraps a `StoreState` as an async `PanelistStore`. Each mutation runs
 * synchronously inside the call, so it is atomic per user without a lock.
 */
export function storeOverState(state: StoreState, persistence: Persistence): PanelistStore {
  let closed = false;
  const open = (): void => {
    if (closed) throw new StoreClosedError(`${persistence.label} is closed`);
  };

  const build = (tracker: Tracker | undefined): PanelistStore => {
    // A mutation is synchronous, so a change number that moved during it is its own: the
    // request waits for exactly its changes (one that changed nothing waits for nothing).
    const change = <T>(apply: () => T): T => {
      open();
      persistence.admit(tracker?.epoch);
      const before = persistence.mark().seq;
      const result = apply();
      const after = persistence.mark().seq;
      // The last is enough: changes are made durable in order.
      if (tracker !== undefined && after > before) tracker.seqs.push(after);
      return result;
    };
    // `async` so a throw (closed store, refused record, failing `update`) becomes a rejection, not a sync throw.
    return {
      async getUser(space, userId) {
        open();
        return state.getUser(space, userId);
      },
      async updateUser(space, userId, update) {
        return change(() => state.updateUser(space, userId, update));
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
        change(() => state.putSession(session));
      },
      async deleteSession(key) {
        change(() => state.deleteSession(key));
      },
      async addFlag(flag) {
        return change(() => state.addFlag(flag));
      },
      async listFlags() {
        open();
        return state.listFlags();
      },
      async purgeSessions(before) {
        return change(() => state.purgeSessions(before));
      },
      async getInterview(owner, id) {
        open();
        return state.interviews.getInterview(owner, id);
      },
      async listInterviews(owner, limit) {
        open();
        return state.interviews.listInterviews(owner, limit);
      },
      async putInterview(session) {
        change(() => state.interviews.putInterview(session));
      },
      async deleteInterview(owner, id) {
        return change(() => state.interviews.deleteInterview(owner, id));
      },
      async purgeInterviews(cutoff) {
        return change(() => state.interviews.purgeInterviews(cutoff));
      },
      async getScorecard(owner, id) {
        open();
        return state.interviews.getScorecard(owner, id);
      },
      async listScorecards(owner, limit) {
        open();
        return state.interviews.listScorecards(owner, limit);
      },
      async putScorecard(card) {
        change(() => state.interviews.putScorecard(card));
      },
      async deleteScorecard(owner, id) {
        return change(() => state.interviews.deleteScorecard(owner, id));
      },
      async purgeScorecards(cutoff) {
        return change(() => state.interviews.purgeScorecards(cutoff));
      },
      async getRecord(kind, key) {
        open();
        return state.records.get(kind, key);
      },
      async putRecord(kind, key, value, write) {
        return change(() => state.records.put(kind, key, value, write));
      },
      async deleteRecord(kind, key, expected) {
        return change(() => state.records.delete(kind, key, expected));
      },
      async listRecords(kind, query) {
        open();
        return state.records.list(kind, query);
      },
      async flush() {
        open();
        await persistence.flush();
      },
      async durably(work) {
        open();
        const inner: Tracker = { epoch: persistence.mark().epoch, seqs: [] };
        const result = await work(build(inner));
        if (inner.seqs.length > 0) await persistence.waitFor(inner.seqs);
        // Changes made through a nested tracker belong to this call too: wait for them as well.
        if (tracker !== undefined) tracker.seqs.push(...inner.seqs);
        return result;
      },
      health() {
        return closed ? { ok: false, state: 'closed' } : persistence.health();
      },
      async close() {
        if (closed) return;
        closed = true;
        await persistence.close();
      },
    };
  };
  return build(undefined);
}

/** Options of `createMemoryStore`. */
export interface MemoryStoreOptions {
  /** Check every value against the file schemas as the file store does (default false: copies only). */
  validate?: boolean;
}

/** Creates an empty in-memory store; nothing outlives the process and writes never fail. */
export function createMemoryStore(options: MemoryStoreOptions = {}): PanelistStore {
  return storeOverState(new StoreState({ validate: options.validate ?? false }), {
    label: 'memory store',
    admit: () => {},
    mark: () => ({ seq: 0, epoch: 0 }),
    waitFor: async () => {},
    flush: async () => {},
    close: async () => {},
    health: () => ({ ok: true, state: 'ok' }),
  });
}
