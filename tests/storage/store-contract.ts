/**
 * The `Store` contract, run against every implementation. A store that passes
 * it can replace another without the core noticing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { QuestionFlag, Store, UserRecord } from '../../src/ports.js';
import { interviewContract } from './interview-contract.js';
import { answer, makeSession, makeUser } from './records.js';

/** What a contract run needs from an implementation. */
export interface StoreFixture {
  store: Store;
  /** Closes `store` and opens the same data again; only for stores that persist. */
  reopen?: () => Promise<Store>;
  /** Closes whatever is open and removes any files. */
  cleanup: () => Promise<void>;
}

const SPACE = 'devops-engineer@slack:T123';

function flag(overrides: Partial<QuestionFlag> = {}): QuestionFlag {
  return { roleId: 'devops-engineer', questionId: 'q1', space: SPACE, userId: 'u1', at: 1_000, ...overrides };
}

/** Registers the contract suite for one implementation. */
export function storeContract(name: string, makeStore: () => Promise<StoreFixture>): void {
  describe(`Store contract: ${name}`, () => {
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

    describe('users', () => {
      it('has no record for an unknown user', async () => {
        const { store } = await setup();
        expect(await store.getUser(SPACE, 'nobody')).toBeUndefined();
      });

      it('creates a record from undefined and passes the current one on later updates', async () => {
        const fixture = await setup();
        const seen: (UserRecord | undefined)[] = [];
        const update = (current: UserRecord | undefined): UserRecord => {
          seen.push(current);
          return answer('u1', 10, 2_000)(current);
        };
        await fixture.store.updateUser(SPACE, 'u1', update);
        const second = await fixture.store.updateUser(SPACE, 'u1', update);
        expect(seen[0]).toBeUndefined();
        expect(seen[1]?.points).toBe(10);
        expect(second.points).toBe(20);
        const store = await settled(fixture, fixture.store);
        expect(await store.getUser(SPACE, 'u1')).toEqual(second);
      });

      it('keeps every one of 1000 concurrent updates from different users', async () => {
        const fixture = await setup();
        const ids = Array.from({ length: 1000 }, (_, i) => `user-${i}`);
        await Promise.all(ids.map((id, i) => fixture.store.updateUser(SPACE, id, answer(id, i + 1))));
        const store = await settled(fixture, fixture.store);
        const records = await Promise.all(ids.map((id) => store.getUser(SPACE, id)));
        expect(records.filter((r) => r !== undefined)).toHaveLength(1000);
        expect(records.map((r) => r?.points)).toEqual(ids.map((_, i) => i + 1));
        expect(await store.topUsers(SPACE, { kind: 'all' }, 2000)).toHaveLength(1000);
      });

      it('serialises concurrent updates of the same user: none is lost', async () => {
        const fixture = await setup();
        await Promise.all(Array.from({ length: 200 }, () => fixture.store.updateUser(SPACE, 'u1', answer('u1', 3))));
        const store = await settled(fixture, fixture.store);
        const record = await store.getUser(SPACE, 'u1');
        expect(record?.answered).toBe(200);
        expect(record?.points).toBe(600);
      });

      it('keeps spaces apart: the same user id in two spaces are two users', async () => {
        const fixture = await setup();
        const other = 'frontend-developer@discord:G9';
        await fixture.store.updateUser(SPACE, 'u1', answer('u1', 5));
        await fixture.store.updateUser(other, 'u1', answer('u1', 50));
        await fixture.store.updateUser(other, 'u2', answer('u2', 7));
        const store = await settled(fixture, fixture.store);
        expect((await store.getUser(SPACE, 'u1'))?.points).toBe(5);
        expect((await store.getUser(other, 'u1'))?.points).toBe(50);
        expect(await store.getUser(SPACE, 'u2')).toBeUndefined();
        expect((await store.topUsers(SPACE, { kind: 'all' }, 10)).map((r) => r.userId)).toEqual(['u1']);
      });

      it('stores odd but legal ids (prototype names, separators, unicode) as plain keys', async () => {
        const fixture = await setup();
        const ids = ['__proto__', 'constructor', 'toString', 'a|b|c', 'Zoë 🚀', ''.padEnd(200, 'x')];
        const space = 'role@console:__proto__';
        for (const [i, id] of ids.entries()) await fixture.store.updateUser(space, id, answer(id, i + 1));
        const store = await settled(fixture, fixture.store);
        for (const [i, id] of ids.entries()) expect((await store.getUser(space, id))?.points).toBe(i + 1);
        expect(await store.topUsers(space, { kind: 'all' }, 100)).toHaveLength(ids.length);
        expect(await store.getUser(SPACE, 'constructor')).toBeUndefined();
      });

      it('rejects when update throws and leaves the record as it was, even if update mutated its argument', async () => {
        const { store } = await setup();
        await store.updateUser(SPACE, 'u1', answer('u1', 10));
        const failing = store.updateUser(SPACE, 'u1', (current) => {
          if (current) current.points = 999;
          throw new Error('boom');
        });
        await expect(failing).rejects.toThrow('boom');
        expect((await store.getUser(SPACE, 'u1'))?.points).toBe(10);
      });

      it('refuses records that would not survive JSON (NaN, Infinity) or belong to another user', async () => {
        const { store } = await setup();
        await store.updateUser(SPACE, 'u1', answer('u1', 10));
        await expect(store.updateUser(SPACE, 'u1', (c) => ({ ...(c ?? makeUser('u1')), points: Number.NaN }))).rejects.toThrow(/points/);
        await expect(store.updateUser(SPACE, 'u1', (c) => ({ ...(c ?? makeUser('u1')), updatedAt: Number.POSITIVE_INFINITY }))).rejects.toThrow(/updatedAt/);
        await expect(store.updateUser(SPACE, 'u1', () => makeUser('u2'))).rejects.toThrow(/u2/);
        expect((await store.getUser(SPACE, 'u1'))?.points).toBe(10);
        expect(await store.getUser(SPACE, 'u2')).toBeUndefined();
      });

      it('hands out copies: mutating a returned record does not change the store', async () => {
        const { store } = await setup();
        const returned = await store.updateUser(SPACE, 'u1', answer('u1', 10));
        returned.points = 1_000;
        returned.week.points = 1_000;
        returned.recent.push({ questionId: 'x', correct: true, points: 1, at: 1 });
        const got = await store.getUser(SPACE, 'u1');
        if (!got) throw new Error('missing');
        got.points = 2_000;
        const [top] = await store.topUsers(SPACE, { kind: 'all' }, 1);
        if (!top) throw new Error('missing');
        top.week.points = 3_000;
        const fresh = await store.getUser(SPACE, 'u1');
        expect(fresh?.points).toBe(10);
        expect(fresh?.recent).toHaveLength(1);
        expect(fresh?.week.points).toBe(10);
      });

      it('keeps fields it does not know about (a newer core may add some)', async () => {
        const fixture = await setup();
        const extended = { ...makeUser('u1'), badges: ['first-blood'] };
        await fixture.store.updateUser(SPACE, 'u1', () => extended);
        const store = await settled(fixture, fixture.store);
        expect(await store.getUser(SPACE, 'u1')).toMatchObject({ badges: ['first-blood'] });
      });
    });

    describe('topUsers', () => {
      it('orders all-time by points, then more correct, then earlier update, and honours limit', async () => {
        const fixture = await setup();
        const users = [
          makeUser('low', { points: 5, correct: 9, updatedAt: 1 }),
          makeUser('tie-late', { points: 50, correct: 4, updatedAt: 300 }),
          makeUser('tie-early', { points: 50, correct: 4, updatedAt: 100 }),
          makeUser('tie-more-correct', { points: 50, correct: 6, updatedAt: 999 }),
          makeUser('top', { points: 80, correct: 1, updatedAt: 5 }),
        ];
        for (const user of users) await fixture.store.updateUser(SPACE, user.userId, () => user);
        const store = await settled(fixture, fixture.store);
        const all = await store.topUsers(SPACE, { kind: 'all' }, 10);
        expect(all.map((r) => r.userId)).toEqual(['top', 'tie-more-correct', 'tie-early', 'tie-late', 'low']);
        expect((await store.topUsers(SPACE, { kind: 'all' }, 2)).map((r) => r.userId)).toEqual(['top', 'tie-more-correct']);
        expect(await store.topUsers(SPACE, { kind: 'all' }, 0)).toEqual([]);
        expect(await store.topUsers('empty-space', { kind: 'all' }, 5)).toEqual([]);
      });

      it('ranks a week by week points and leaves out users whose stored week is another one', async () => {
        const { store } = await setup();
        const week = (id: string, points: number, correct: number) => ({ id, points, answered: correct, correct });
        const users = [
          // All-time champion, but their last answers were last week.
          makeUser('veteran', { points: 900, week: week('2026-W09', 300, 30) }),
          makeUser('steady', { points: 100, week: week('2026-W10', 40, 4), updatedAt: 10 }),
          makeUser('sharp', { points: 20, week: week('2026-W10', 40, 8), updatedAt: 50 }),
          makeUser('rising', { points: 60, week: week('2026-W10', 60, 6) }),
          makeUser('future', { points: 5, week: week('2026-W11', 5, 1) }),
        ];
        for (const user of users) await store.updateUser(SPACE, user.userId, () => user);
        const top = await store.topUsers(SPACE, { kind: 'week', week: '2026-W10' }, 10);
        expect(top.map((r) => r.userId)).toEqual(['rising', 'sharp', 'steady']);
        expect((await store.topUsers(SPACE, { kind: 'week', week: '2026-W09' }, 10)).map((r) => r.userId)).toEqual(['veteran']);
        expect(await store.topUsers(SPACE, { kind: 'week', week: '2025-W01' }, 10)).toEqual([]);
      });
    });

    describe('sessions', () => {
      const key = `${SPACE}|C1|u1`;

      it('puts, replaces by key, reads back and deletes sessions', async () => {
        const fixture = await setup();
        expect(await fixture.store.getSession(key)).toBeUndefined();
        await fixture.store.putSession(makeSession(key, { index: 0 }));
        await fixture.store.putSession(makeSession(key, { id: 'second', index: 2 }));
        await fixture.store.putSession(makeSession(`${SPACE}|C2|u1`));
        let store = await settled(fixture, fixture.store);
        expect(await store.getSession(key)).toEqual(makeSession(key, { id: 'second', index: 2 }));
        await store.deleteSession(key);
        await store.deleteSession('never-existed');
        store = await settled(fixture, store);
        expect(await store.getSession(key)).toBeUndefined();
        expect((await store.getSession(`${SPACE}|C2|u1`))?.key).toBe(`${SPACE}|C2|u1`);
      });

      it('hands out copies of sessions', async () => {
        const { store } = await setup();
        const session = makeSession(key);
        await store.putSession(session);
        session.index = 2;
        session.order.reverse();
        const got = await store.getSession(key);
        got?.answers.push({ questionId: 'q1', outcome: 'correct', points: 1 });
        expect(await store.getSession(key)).toEqual(makeSession(key));
      });

      it('refuses a malformed session and keeps the previous one', async () => {
        const { store } = await setup();
        await store.putSession(makeSession(key));
        await expect(store.putSession(makeSession(key, { index: Number.NaN }))).rejects.toThrow(/index/);
        expect((await store.getSession(key))?.index).toBe(0);
      });
    });

    describe('flags', () => {
      it('starts with no flags, adds one and lists it back', async () => {
        const fixture = await setup();
        expect(await fixture.store.listFlags()).toEqual([]);
        expect(await fixture.store.addFlag(flag())).toBe(true);
        const store = await settled(fixture, fixture.store);
        expect(await store.listFlags()).toEqual([flag()]);
      });

      it('keeps one flag per role, question, space and user, also across a reopen', async () => {
        const fixture = await setup();
        expect(await fixture.store.addFlag(flag())).toBe(true);
        // The same four fields are the same flag, whenever it comes; the first is kept.
        expect(await fixture.store.addFlag(flag({ at: 5_000 }))).toBe(false);
        for (const other of [{ userId: 'u2' }, { space: 'devops-engineer@discord:G1' }, { questionId: 'q2' }, { roleId: 'frontend-developer' }]) {
          expect(await fixture.store.addFlag(flag(other))).toBe(true);
        }
        // Fields that only join into the same string are still different flags.
        expect(await fixture.store.addFlag(flag({ questionId: 'q1|u1', userId: 'x' }))).toBe(true);
        const store = await settled(fixture, fixture.store);
        expect(await store.addFlag(flag({ at: 9_000 }))).toBe(false);
        const flags = await store.listFlags();
        expect(flags).toHaveLength(6);
        expect(flags.filter((f) => f.userId === 'u1' && f.questionId === 'q1' && f.space === SPACE && f.roleId === 'devops-engineer')).toEqual([flag()]);
      });

      it('lists newest first, whatever order they arrived in', async () => {
        const fixture = await setup();
        await fixture.store.addFlag(flag({ userId: 'b', at: 2_000 }));
        await fixture.store.addFlag(flag({ userId: 'c', at: 3_000 }));
        await fixture.store.addFlag(flag({ userId: 'a', at: 1_000 }));
        await fixture.store.addFlag(flag({ userId: 'c2', at: 3_000 }));
        const store = await settled(fixture, fixture.store);
        expect((await store.listFlags()).map((f) => f.userId)).toEqual(['c2', 'c', 'b', 'a']);
      });

      it('keeps at most 1000 flags, dropping the oldest', async () => {
        const fixture = await setup();
        for (let i = 0; i < 1005; i++) await fixture.store.addFlag(flag({ userId: `u${i}`, at: 10_000 + i }));
        let store = await settled(fixture, fixture.store);
        let flags = await store.listFlags();
        expect(flags).toHaveLength(1000);
        expect(flags[0]?.userId).toBe('u1004');
        expect(flags.at(-1)?.userId).toBe('u5');
        // A dropped flag is forgotten: raised again now, it is new.
        expect(await store.addFlag(flag({ userId: 'u0', at: 20_000 }))).toBe(true);
        store = await settled(fixture, store);
        flags = await store.listFlags();
        expect(flags).toHaveLength(1000);
        expect(flags[0]?.userId).toBe('u0');
        expect(flags.at(-1)?.userId).toBe('u6');
      });

      it('hands out copies and refuses flags that would not survive JSON', async () => {
        const { store } = await setup();
        const mine = flag();
        await store.addFlag(mine);
        mine.questionId = 'changed';
        const [listed] = await store.listFlags();
        if (!listed) throw new Error('missing');
        listed.userId = 'changed';
        expect(await store.listFlags()).toEqual([flag()]);
        await expect(store.addFlag(flag({ userId: 'u2', at: Number.NaN }))).rejects.toThrow(/at/);
        await expect(store.addFlag(flag({ questionId: '' }))).rejects.toThrow(/questionId/);
        expect(await store.listFlags()).toHaveLength(1);
      });
    });

    interviewContract(setup, settled);

    describe('durably', () => {
      it('runs the work against the store, resolves with its result, and keeps its changes', async () => {
        const fixture = await setup();
        const result = await fixture.store.durably(async (store) => {
          await store.updateUser(SPACE, 'u1', answer('u1', 10));
          await store.putSession(makeSession(`${SPACE}|C1|u1`));
          expect(await fixture.store.addFlag(flag())).toBe(true);
          return (await store.getUser(SPACE, 'u1'))?.points;
        });
        expect(result).toBe(10);
        const store = await settled(fixture, fixture.store);
        expect((await store.getUser(SPACE, 'u1'))?.points).toBe(10);
        expect(await store.getSession(`${SPACE}|C1|u1`)).toBeDefined();
        expect(await store.listFlags()).toEqual([flag()]);
      });

      it('passes on what the work throws, and resolves at once for work that changes nothing', async () => {
        const { store } = await setup();
        await expect(store.durably(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
        expect(await store.durably(async (s) => (await s.getUser(SPACE, 'nobody')) ?? 'none')).toBe('none');
      });

      it('reports healthy while open and not once closed', async () => {
        const { store } = await setup();
        expect(store.health()).toMatchObject({ ok: true, state: 'ok' });
        await store.close();
        expect(store.health()).toMatchObject({ ok: false, state: 'closed' });
      });
    });

    describe('lifecycle', () => {
      it('rejects calls after close, and close twice is harmless', async () => {
        const { store } = await setup();
        await store.updateUser(SPACE, 'u1', answer('u1', 1));
        await store.close();
        await store.close();
        await expect(store.getUser(SPACE, 'u1')).rejects.toThrow(/closed/);
        await expect(store.updateUser(SPACE, 'u1', answer('u1', 1))).rejects.toThrow(/closed/);
        await expect(store.addFlag(flag())).rejects.toThrow(/closed/);
        await expect(store.listFlags()).rejects.toThrow(/closed/);
        await expect(store.listScorecards({ platform: 'slack', id: 'u1' }, 10)).rejects.toThrow(/closed/);
      });
    });
  });
}
