/**
 * The `RecordStore` part of the `Store` contract: versioned JSON records with
 * compare-and-set, due-time queries, refusals, copies, races and durability.
 * Each implementation runs it from its own test file (records-memory.test.ts,
 * records-file.test.ts, and the Postgres store's), so a feature built on
 * records (challenges, schedules) behaves the same on every store.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Store, StoreWriteError } from '../../src/ports.js';
import type { StoreFixture } from './store-contract.js';

/** What else a run may offer, beyond the fixture. */
export interface RecordsContractOptions {
  /**
   * Makes the store's writes fail (a full disk, a dropped connection) until
   * `heal()`; when given, the rollback of `durably` is tested too.
   */
  failWrites?: (fixture: StoreFixture) => { heal(): void };
  /** Resolves once the store takes writes again after `heal()` (default: at once). */
  recovered?: (store: Store) => Promise<void>;
}

const KIND = 'challenge';

/** Registers the records contract for one implementation. */
export function recordsContract(name: string, makeStore: () => Promise<StoreFixture>, options: RecordsContractOptions = {}): void {
  describe(`RecordStore contract: ${name}`, () => {
    let cleanups: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const cleanup of cleanups) await cleanup();
      cleanups = [];
    });
    const setup = async (): Promise<StoreFixture> => {
      const fixture = await makeStore();
      cleanups.push(fixture.cleanup);
      return fixture;
    };
    /** The store after a flush, or after a reopen when the implementation persists. */
    const settled = async (fixture: StoreFixture, store: Store): Promise<Store> => {
      await store.flush();
      return fixture.reopen ? fixture.reopen() : store;
    };

    describe('compare-and-set', () => {
      it('creates at version 1, grows by one on every write, and reads back what it stored', async () => {
        const { store } = await setup();
        expect(await store.getRecord(KIND, 'C1')).toBeUndefined();
        const first = await store.putRecord(KIND, 'C1', { question: 'q1', answers: [] }, { expected: 0 });
        expect(first).toEqual({ kind: KIND, key: 'C1', version: 1, value: { question: 'q1', answers: [] } });
        const second = await store.putRecord(KIND, 'C1', { question: 'q1', answers: ['a'] }, { expected: 1, due: 5_000 });
        expect(second).toEqual({ kind: KIND, key: 'C1', version: 2, value: { question: 'q1', answers: ['a'] }, due: 5_000 });
        expect(await store.getRecord(KIND, 'C1')).toEqual(second);
        // The same key under another kind is another record.
        expect(await store.getRecord('daily', 'C1')).toBeUndefined();
      });

      it('changes nothing and resolves undefined when the version does not match', async () => {
        const { store } = await setup();
        expect(await store.putRecord(KIND, 'C1', 'ghost', { expected: 3 })).toBeUndefined();
        expect(await store.getRecord(KIND, 'C1')).toBeUndefined();
        await store.putRecord(KIND, 'C1', 'one', { expected: 0 });
        await store.putRecord(KIND, 'C1', 'two', { expected: 1, due: 10 });
        expect(await store.putRecord(KIND, 'C1', 'stale', { expected: 1, due: 99 })).toBeUndefined();
        expect(await store.putRecord(KIND, 'C1', 'future', { expected: 3 })).toBeUndefined();
        expect(await store.getRecord(KIND, 'C1')).toEqual({ kind: KIND, key: 'C1', version: 2, value: 'two', due: 10 });
      });

      it('lets only the first of two creations with expected 0 win', async () => {
        const { store } = await setup();
        expect((await store.putRecord(KIND, 'C1', 'first', { expected: 0 }))?.version).toBe(1);
        expect(await store.putRecord(KIND, 'C1', 'second', { expected: 0 })).toBeUndefined();
        expect((await store.getRecord(KIND, 'C1'))?.value).toBe('first');
      });

      it("writes whatever is there with 'any', still counting versions", async () => {
        const { store } = await setup();
        expect((await store.putRecord(KIND, 'C1', 1, { expected: 'any' }))?.version).toBe(1);
        expect((await store.putRecord(KIND, 'C1', 2, { expected: 'any' }))?.version).toBe(2);
        expect(await store.getRecord(KIND, 'C1')).toEqual({ kind: KIND, key: 'C1', version: 2, value: 2 });
      });

      it('keeps due only as written last: absent or null means never due', async () => {
        const { store } = await setup();
        await store.putRecord(KIND, 'C1', 'x', { expected: 0, due: 100 });
        expect((await store.putRecord(KIND, 'C1', 'x', { expected: 1 }))?.due).toBeUndefined();
        await store.putRecord(KIND, 'C1', 'x', { expected: 2, due: 100 });
        const cleared = await store.putRecord(KIND, 'C1', 'x', { expected: 3, due: null });
        expect(cleared).toEqual({ kind: KIND, key: 'C1', version: 4, value: 'x' });
        expect(await store.listRecords(KIND, { dueBy: Number.MAX_SAFE_INTEGER })).toEqual([]);
      });

      it('lets exactly one of 20 concurrent writers at the same version win', async () => {
        const { store } = await setup();
        const created = await Promise.all(Array.from({ length: 20 }, (_, i) => store.putRecord(KIND, 'race', { by: i }, { expected: 0 })));
        expect(created.filter((r) => r !== undefined)).toHaveLength(1);
        const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.putRecord(KIND, 'race', { by: i, round: 2 }, { expected: 1 })));
        const winners = results.filter((r) => r !== undefined);
        expect(winners).toHaveLength(1);
        expect(await store.getRecord(KIND, 'race')).toEqual(winners[0]);
        expect(winners[0]?.version).toBe(2);
      });
    });

    describe('delete', () => {
      it('deletes with or without an expected version, and only at that version', async () => {
        const { store } = await setup();
        expect(await store.deleteRecord(KIND, 'C1')).toBe(false);
        await store.putRecord(KIND, 'C1', 'a', { expected: 0 });
        await store.putRecord(KIND, 'C1', 'b', { expected: 1 });
        expect(await store.deleteRecord(KIND, 'C1', 1)).toBe(false);
        expect((await store.getRecord(KIND, 'C1'))?.value).toBe('b');
        expect(await store.deleteRecord(KIND, 'C1', 2)).toBe(true);
        expect(await store.getRecord(KIND, 'C1')).toBeUndefined();
        expect(await store.deleteRecord(KIND, 'C1', 2)).toBe(false);
        await store.putRecord(KIND, 'C2', 'c', { expected: 0 });
        expect(await store.deleteRecord(KIND, 'C2')).toBe(true);
        expect(await store.deleteRecord(KIND, 'C2')).toBe(false);
        // Gone means absent: expected 0 may create it again, from version 1.
        expect((await store.putRecord(KIND, 'C1', 'again', { expected: 0 }))?.version).toBe(1);
      });
    });

    describe('list', () => {
      it('lists one kind in key order, by prefix, up to a limit', async () => {
        const { store } = await setup();
        for (const key of ['T1:c', 'T1:a', 'T2:a', 'T1:b', 'T10:a']) await store.putRecord(KIND, key, key, { expected: 0 });
        await store.putRecord('daily', 'T1:z', 'other kind', { expected: 0 });
        const keys = async (query?: Parameters<Store['listRecords']>[1]) => (await store.listRecords(KIND, query)).map((r) => r.key);
        // Plain code-unit order ('0' sorts before ':'), as Postgres gives with COLLATE "C", never a locale's.
        expect(await keys()).toEqual(['T10:a', 'T1:a', 'T1:b', 'T1:c', 'T2:a']);
        expect(await keys({ prefix: 'T1:' })).toEqual(['T1:a', 'T1:b', 'T1:c']);
        expect(await keys({ prefix: 'T1:', limit: 2 })).toEqual(['T1:a', 'T1:b']);
        expect(await keys({ limit: 0 })).toEqual([]);
        expect(await keys({ prefix: 'nope' })).toEqual([]);
        expect(await store.listRecords('unused')).toEqual([]);
        expect((await store.listRecords(KIND, { prefix: 'T2:' }))[0]).toEqual({ kind: KIND, key: 'T2:a', version: 1, value: 'T2:a' });
      });

      it('with dueBy lists only records due by then, in due order (ties by key)', async () => {
        const { store } = await setup();
        const due: Record<string, number | null> = { a: 300, b: 100, c: null, d: 200, e: 100, f: 301 };
        for (const [key, at] of Object.entries(due)) await store.putRecord(KIND, key, { key }, { expected: 0, due: at });
        await store.putRecord(KIND, 'g', 'never', { expected: 0 });
        const keys = async (query: Parameters<Store['listRecords']>[1]) => (await store.listRecords(KIND, query)).map((r) => r.key);
        expect(await keys({ dueBy: 300 })).toEqual(['b', 'e', 'd', 'a']);
        expect(await keys({ dueBy: 99 })).toEqual([]);
        expect(await keys({ dueBy: 100 })).toEqual(['b', 'e']);
        expect(await keys({ dueBy: 300, limit: 3 })).toEqual(['b', 'e', 'd']);
        expect(await keys({ dueBy: 1_000, prefix: 'e' })).toEqual(['e']);
        expect((await store.listRecords(KIND, { dueBy: 100 }))[0]).toEqual({ kind: KIND, key: 'b', version: 1, value: { key: 'b' }, due: 100 });
      });

      it('returns at most 1000 records when no limit is given', async () => {
        const { store } = await setup();
        await store.durably(async (s) => {
          for (let i = 0; i < 1_003; i++) await s.putRecord(KIND, `k${String(i).padStart(5, '0')}`, i, { expected: 0 });
        });
        const all = await store.listRecords(KIND);
        expect(all).toHaveLength(1_000);
        expect(all.at(-1)?.key).toBe('k00999');
        expect(await store.listRecords(KIND, { limit: 2_000 })).toHaveLength(1_003);
      });
    });

    describe('refusals', () => {
      it('rejects a bad kind, key, version, due or value, and stores nothing', async () => {
        const { store } = await setup();
        const put = (kind: string, key: string, value: unknown, write: Parameters<Store['putRecord']>[3] = { expected: 0 }) =>
          store.putRecord(kind, key, value, write);
        for (const kind of ['', 'Challenge', '1st', 'a_b', 'a b', `a${'b'.repeat(40)}`]) await expect(put(kind, 'k', 1)).rejects.toThrow(/kind/);
        for (const key of ['', 'k'.repeat(201)]) await expect(put(KIND, key, 1)).rejects.toThrow(/key/);
        await expect(put(KIND, 'k', 1, { expected: -1 })).rejects.toThrow(/expected/);
        await expect(put(KIND, 'k', 1, { expected: 1.5 })).rejects.toThrow(/expected/);
        await expect(put(KIND, 'k', 1, { expected: 0, due: Number.NaN })).rejects.toThrow(/due/);
        const cyclic: Record<string, unknown> = { a: 1 };
        cyclic.self = cyclic;
        const notJson: unknown[] = [undefined, Number.NaN, Number.POSITIVE_INFINITY, () => 1, 10n, new Date(0), new Map(), cyclic];
        notJson.push({ a: undefined }, [1, Number.NaN]);
        for (const value of notJson) await expect(put(KIND, 'k', value)).rejects.toThrow(/JSON|circular/);
        // 64 KiB of JSON text is the most: a string's JSON is its characters plus two quotes.
        await expect(put(KIND, 'k', 'x'.repeat(64 * 1024 - 1))).rejects.toThrow(/bytes/);
        await expect(put(KIND, 'k', 'é'.repeat(40 * 1024))).rejects.toThrow(/bytes/);
        expect(await store.getRecord(KIND, 'k')).toBeUndefined();
        expect(await store.listRecords(KIND)).toEqual([]);
        // A refused write over an existing record leaves it as it was.
        await put(KIND, 'k', { ok: true });
        await expect(put(KIND, 'k', Number.NaN, { expected: 1 })).rejects.toThrow(/JSON/);
        await expect(put(KIND, 'k', Number.NaN, { expected: 'any' })).rejects.toThrow(/JSON/);
        expect(await store.getRecord(KIND, 'k')).toEqual({ kind: KIND, key: 'k', version: 1, value: { ok: true } });
        // Reads and deletes name records the same way.
        await expect(store.getRecord('Bad', 'k')).rejects.toThrow(/kind/);
        await expect(store.deleteRecord(KIND, '')).rejects.toThrow(/key/);
        await expect(store.listRecords('Bad')).rejects.toThrow(/kind/);
      });

      it('accepts the largest value, keys at the limits and JSON-only oddities', async () => {
        const fixture = await setup();
        const { store } = fixture;
        const big = 'x'.repeat(64 * 1024 - 2);
        expect((await store.putRecord(KIND, 'big', big, { expected: 0 }))?.version).toBe(1);
        const longKey = 'k'.repeat(200);
        await store.putRecord(`a${'b'.repeat(39)}`, longKey, null, { expected: 0 });
        // JSON.parse makes `__proto__` an own key, as any JSON from outside may hold.
        const parsed = JSON.parse('{"__proto__":"own key","nested":[[{"deep":[]}]],"unicode":"héllo ✓","zero":0,"neg":-1.5}') as unknown;
        await store.putRecord(KIND, 'odd', parsed, { expected: 0 });
        const settledStore = await settled(fixture, store);
        expect((await settledStore.getRecord(KIND, 'big'))?.value).toBe(big);
        expect(await settledStore.getRecord(`a${'b'.repeat(39)}`, longKey)).toEqual({ kind: `a${'b'.repeat(39)}`, key: longKey, version: 1, value: null });
        expect((await settledStore.getRecord(KIND, 'odd'))?.value).toEqual(parsed);
      });
    });

    it('hands out copies: mutating what was given or returned changes nothing stored', async () => {
      const { store } = await setup();
      const mine = { list: [1, 2], inner: { a: 'a' } };
      const put = await store.putRecord(KIND, 'C1', mine, { expected: 0, due: 50 });
      mine.list.push(3);
      mine.inner.a = 'changed';
      const shape = (record: { value: unknown } | undefined): typeof mine => {
        if (record === undefined) throw new Error('missing');
        return record.value as typeof mine;
      };
      shape(put).list.push(4);
      const got = await store.getRecord(KIND, 'C1');
      shape(got).inner.a = 'changed again';
      if (got) got.version = 99;
      const [listed] = await store.listRecords(KIND, { dueBy: 50 });
      shape(listed).list.length = 0;
      expect(await store.getRecord(KIND, 'C1')).toEqual({ kind: KIND, key: 'C1', version: 1, value: { list: [1, 2], inner: { a: 'a' } }, due: 50 });
    });

    it('keeps records, versions and due times across a reopen', async () => {
      const fixture = await setup();
      await fixture.store.putRecord(KIND, 'kept', { n: 1 }, { expected: 0 });
      await fixture.store.putRecord(KIND, 'kept', { n: 2 }, { expected: 1, due: 7_000 });
      await fixture.store.putRecord(KIND, 'gone', 'x', { expected: 0 });
      await fixture.store.deleteRecord(KIND, 'gone');
      const store = await settled(fixture, fixture.store);
      expect(await store.getRecord(KIND, 'kept')).toEqual({ kind: KIND, key: 'kept', version: 2, value: { n: 2 }, due: 7_000 });
      expect(await store.getRecord(KIND, 'gone')).toBeUndefined();
      expect((await store.listRecords(KIND, { dueBy: 7_000 })).map((r) => r.key)).toEqual(['kept']);
      expect(await store.putRecord(KIND, 'kept', 'stale', { expected: 1 })).toBeUndefined();
      expect((await store.putRecord(KIND, 'kept', { n: 3 }, { expected: 2 }))?.version).toBe(3);
    });

    describe('durably', () => {
      it('keeps the records written inside it once it resolves', async () => {
        const fixture = await setup();
        const version = await fixture.store.durably(async (s) => {
          await s.putRecord(KIND, 'C1', 'a', { expected: 0 });
          return (await s.putRecord(KIND, 'C1', 'b', { expected: 1, due: 1 }))?.version;
        });
        expect(version).toBe(2);
        const store = await settled(fixture, fixture.store);
        expect(await store.getRecord(KIND, 'C1')).toEqual({ kind: KIND, key: 'C1', version: 2, value: 'b', due: 1 });
      });

      if (options.failWrites) {
        const failWrites = options.failWrites;
        it('undoes every record change of work whose write failed', async () => {
          const fixture = await setup();
          const { store } = fixture;
          await store.durably(async (s) => {
            await s.putRecord(KIND, 'kept', 'v1', { expected: 0, due: 10 });
            await s.putRecord(KIND, 'doomed', 'v1', { expected: 0 });
          });
          const disk = failWrites(fixture);
          const lost = store.durably(async (s) => {
            await s.putRecord(KIND, 'kept', 'v2', { expected: 1, due: null });
            await s.putRecord(KIND, 'kept', 'v3', { expected: 2 });
            await s.putRecord(KIND, 'new', 'v1', { expected: 0, due: 5 });
            await s.deleteRecord(KIND, 'doomed');
            return 'posted';
          });
          await expect(lost).rejects.toBeInstanceOf(StoreWriteError);
          expect(await store.getRecord(KIND, 'kept')).toEqual({ kind: KIND, key: 'kept', version: 1, value: 'v1', due: 10 });
          expect(await store.getRecord(KIND, 'new')).toBeUndefined();
          expect((await store.getRecord(KIND, 'doomed'))?.value).toBe('v1');
          disk.heal();
          await (options.recovered ?? (async () => {}))(store);
          // The version read before the failure is still the one to write over.
          expect((await store.putRecord(KIND, 'kept', 'v2', { expected: 1 }))?.version).toBe(2);
          const after = await settled(fixture, store);
          expect(await after.getRecord(KIND, 'kept')).toEqual({ kind: KIND, key: 'kept', version: 2, value: 'v2' });
          expect(await after.getRecord(KIND, 'new')).toBeUndefined();
        });
      }
    });

    it('rejects record calls after close', async () => {
      const { store } = await setup();
      await store.close();
      await expect(store.getRecord(KIND, 'k')).rejects.toThrow(/closed/);
      await expect(store.putRecord(KIND, 'k', 1, { expected: 0 })).rejects.toThrow(/closed/);
      await expect(store.deleteRecord(KIND, 'k')).rejects.toThrow(/closed/);
      await expect(store.listRecords(KIND)).rejects.toThrow(/closed/);
    });
  });
}
