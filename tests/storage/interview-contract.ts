/**
 * The interview part of the `Store` contract: sessions and scorecards filed by
 * author, so no call can reach another user's; ordering, caps, copies,
 * validation and the retention purges. Registered by store-contract.ts inside
 * each implementation's suite.
 */
import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/ports.js';
import { MAX_INTERVIEWS_PER_AUTHOR, MAX_SCORECARDS_PER_AUTHOR } from '../../storage/interview-state.js';
import { ALICE, ALICE_ON_DISCORD, BOB, makeInterview, makeScorecard } from './interview-records.js';
import type { StoreFixture } from './store-contract.js';

/** Registers the interview tests; `setup` and `settled` are the suite's own. */
export function interviewContract(setup: () => Promise<StoreFixture>, settled: (fixture: StoreFixture, store: Store) => Promise<Store>): void {
  describe('interviews', () => {
    it('puts, replaces by author and id, reads back and deletes', async () => {
      const fixture = await setup();
      expect(await fixture.store.getInterview(ALICE, 'i1')).toBeUndefined();
      await fixture.store.putInterview(makeInterview(ALICE, 'i1', { index: 0 }));
      await fixture.store.putInterview(makeInterview(ALICE, 'i1', { index: 2, updatedAt: 5_000 }));
      await fixture.store.putInterview(makeInterview(ALICE, 'i2'));
      let store = await settled(fixture, fixture.store);
      expect(await store.getInterview(ALICE, 'i1')).toEqual(makeInterview(ALICE, 'i1', { index: 2, updatedAt: 5_000 }));
      expect(await store.deleteInterview(ALICE, 'i1')).toBe(true);
      expect(await store.deleteInterview(ALICE, 'never-existed')).toBe(false);
      store = await settled(fixture, store);
      expect(await store.getInterview(ALICE, 'i1')).toBeUndefined();
      expect((await store.getInterview(ALICE, 'i2'))?.id).toBe('i2');
    });

    it("never hands out, lists or deletes another author's interview, whatever the id", async () => {
      const fixture = await setup();
      await fixture.store.putInterview(makeInterview(ALICE, 'same', { index: 1 }));
      await fixture.store.putInterview(makeInterview(BOB, 'same', { index: 3 }));
      const store = await settled(fixture, fixture.store);
      expect((await store.getInterview(ALICE, 'same'))?.index).toBe(1);
      expect((await store.getInterview(BOB, 'same'))?.index).toBe(3);
      // The same user id on another platform is another person.
      expect(await store.getInterview(ALICE_ON_DISCORD, 'same')).toBeUndefined();
      expect(await store.listInterviews(ALICE_ON_DISCORD, 10)).toEqual([]);
      expect(await store.deleteInterview(ALICE_ON_DISCORD, 'same')).toBe(false);
      expect((await store.listInterviews(BOB, 10)).map((s) => s.author.id)).toEqual(['U2']);
      expect(await store.getInterview(ALICE, 'same')).toBeDefined();
    });

    it('lists most recently updated first, honours the limit, and keeps at most 20 per author', async () => {
      const fixture = await setup();
      const count = MAX_INTERVIEWS_PER_AUTHOR + 2;
      for (let i = 0; i < count; i++) await fixture.store.putInterview(makeInterview(ALICE, `i${i}`, { updatedAt: 10_000 + i }));
      await fixture.store.putInterview(makeInterview(BOB, 'b0', { updatedAt: 1 }));
      const store = await settled(fixture, fixture.store);
      const mine = await store.listInterviews(ALICE, 100);
      expect(mine).toHaveLength(MAX_INTERVIEWS_PER_AUTHOR);
      expect(mine[0]?.id).toBe(`i${count - 1}`);
      expect(mine.at(-1)?.id).toBe('i2');
      expect(await store.getInterview(ALICE, 'i0')).toBeUndefined();
      expect((await store.listInterviews(ALICE, 2)).map((s) => s.id)).toEqual([`i${count - 1}`, `i${count - 2}`]);
      expect(await store.listInterviews(ALICE, 0)).toEqual([]);
      expect(await store.listInterviews(BOB, 5)).toHaveLength(1);
    });

    it('hands out copies, refuses a malformed interview and keeps the previous one', async () => {
      const { store } = await setup();
      const mine = makeInterview(ALICE, 'i1');
      await store.putInterview(mine);
      (mine.questions as unknown as unknown[]).length = 0;
      const got = await store.getInterview(ALICE, 'i1');
      if (!got) throw new Error('missing');
      (got.questions as unknown as unknown[]).push('x');
      expect(await store.getInterview(ALICE, 'i1')).toEqual(makeInterview(ALICE, 'i1'));
      await expect(store.putInterview(makeInterview(ALICE, 'i1', { updatedAt: Number.NaN }))).rejects.toThrow(/updatedAt/);
      await expect(store.putInterview(makeInterview({ ...ALICE, id: '' }, 'i1'))).rejects.toThrow(/author/);
      await expect(store.putInterview(makeInterview(ALICE, ''))).rejects.toThrow(/id/);
      expect(await store.getInterview(ALICE, 'i1')).toEqual(makeInterview(ALICE, 'i1'));
    });

    it('purges interviews last updated at or before a cut-off, for every author', async () => {
      const fixture = await setup();
      await fixture.store.putInterview(makeInterview(ALICE, 'old', { updatedAt: 100 }));
      await fixture.store.putInterview(makeInterview(BOB, 'edge', { updatedAt: 200 }));
      await fixture.store.putInterview(makeInterview(ALICE, 'new', { updatedAt: 201 }));
      expect(await fixture.store.purgeInterviews(200)).toBe(2);
      const store = await settled(fixture, fixture.store);
      expect((await store.listInterviews(ALICE, 10)).map((s) => s.id)).toEqual(['new']);
      expect(await store.listInterviews(BOB, 10)).toEqual([]);
    });
  });

  describe('scorecards', () => {
    it("puts, reads back, lists latest finished first and deletes, only ever the owner's", async () => {
      const fixture = await setup();
      await fixture.store.putScorecard(makeScorecard(ALICE, 'c1', { finished: 3_000 }));
      await fixture.store.putScorecard(makeScorecard(ALICE, 'c2', { finished: 5_000 }));
      await fixture.store.putScorecard(makeScorecard(ALICE, 'c0', { finished: 5_000 }));
      await fixture.store.putScorecard(makeScorecard(BOB, 'c1', { finished: 9_000, candidate: 'Bob’s candidate' }));
      let store = await settled(fixture, fixture.store);
      expect((await store.listScorecards(ALICE, 10)).map((c) => c.id)).toEqual(['c0', 'c2', 'c1']);
      expect((await store.listScorecards(ALICE, 1)).map((c) => c.id)).toEqual(['c0']);
      expect(await store.getScorecard(ALICE, 'c1')).toEqual(makeScorecard(ALICE, 'c1', { finished: 3_000 }));
      expect((await store.getScorecard(BOB, 'c1'))?.candidate).toBe('Bob’s candidate');
      expect(await store.getScorecard(ALICE_ON_DISCORD, 'c1')).toBeUndefined();
      expect(await store.deleteScorecard(BOB, 'c2')).toBe(false);
      expect(await store.deleteScorecard(ALICE, 'c2')).toBe(true);
      store = await settled(fixture, store);
      expect((await store.listScorecards(ALICE, 10)).map((c) => c.id)).toEqual(['c0', 'c1']);
      expect(await store.listScorecards(BOB, 10)).toHaveLength(1);
    });

    it('purges scorecards finished at or before a cut-off, for every author', async () => {
      const fixture = await setup();
      await fixture.store.putScorecard(makeScorecard(ALICE, 'old', { finished: 100 }));
      await fixture.store.putScorecard(makeScorecard(BOB, 'edge', { finished: 200 }));
      await fixture.store.putScorecard(makeScorecard(ALICE, 'new', { finished: 201 }));
      expect(await fixture.store.purgeScorecards(200)).toBe(2);
      expect(await fixture.store.purgeScorecards(200)).toBe(0);
      const store = await settled(fixture, fixture.store);
      expect((await store.listScorecards(ALICE, 10)).map((c) => c.id)).toEqual(['new']);
      expect(await store.getScorecard(BOB, 'edge')).toBeUndefined();
    });

    it('keeps at most 1000 per author, dropping the earliest finished', async () => {
      const fixture = await setup();
      for (let i = 0; i <= MAX_SCORECARDS_PER_AUTHOR; i++) await fixture.store.putScorecard(makeScorecard(ALICE, `c${i}`, { finished: 10_000 + i }));
      await fixture.store.putScorecard(makeScorecard(BOB, 'b', { finished: 1 }));
      const store = await settled(fixture, fixture.store);
      const mine = await store.listScorecards(ALICE, 5_000);
      expect(mine).toHaveLength(MAX_SCORECARDS_PER_AUTHOR);
      expect(mine.at(-1)?.id).toBe('c1');
      expect(await store.getScorecard(BOB, 'b')).toBeDefined();
    });

    it('hands out copies, keeps unknown fields and odd ids, and refuses what JSON cannot hold', async () => {
      const fixture = await setup();
      const mine = { ...makeScorecard({ ...ALICE, id: '__proto__' }, 'constructor'), badge: 'gold' };
      await fixture.store.putScorecard(mine);
      mine.probe = [];
      const store = await settled(fixture, fixture.store);
      const got = await store.getScorecard({ platform: 'slack', id: '__proto__' }, 'constructor');
      expect(got).toMatchObject({ badge: 'gold', probe: makeScorecard(ALICE, 'x').probe });
      (got?.probe as string[] | undefined)?.push('changed');
      expect((await store.getScorecard({ platform: 'slack', id: '__proto__' }, 'constructor'))?.probe).toEqual(makeScorecard(ALICE, 'x').probe);
      await expect(store.putScorecard(makeScorecard(ALICE, 'bad', { finished: Number.POSITIVE_INFINITY }))).rejects.toThrow(/finished/);
      expect(await store.getScorecard(ALICE, 'bad')).toBeUndefined();
    });

    it('commits an interview and its scorecard together in durably', async () => {
      const fixture = await setup();
      await fixture.store.putInterview(makeInterview(ALICE, 'i1'));
      await fixture.store.durably(async (s) => {
        await s.putScorecard(makeScorecard(ALICE, 'i1'));
        await s.deleteInterview(ALICE, 'i1');
      });
      const store = await settled(fixture, fixture.store);
      expect(await store.getInterview(ALICE, 'i1')).toBeUndefined();
      expect((await store.getScorecard(ALICE, 'i1'))?.id).toBe('i1');
    });
  });
}
