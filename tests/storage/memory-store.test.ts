import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../storage/memory-store.js';
import { makeSession, makeUser } from './records.js';
import { storeContract } from './store-contract.js';

// With validation the memory store keeps the whole contract, refusals included.
storeContract('memory', async () => {
  const store = createMemoryStore({ validate: true });
  return { store, cleanup: () => store.close() };
});

describe('memory store', () => {
  it('purges sessions last updated before a cut-off', async () => {
    const store = createMemoryStore();
    await store.putSession(makeSession('s|c|old', { updatedAt: 100 }));
    await store.putSession(makeSession('s|c|new', { updatedAt: 500 }));
    expect(await store.purgeSessions(200)).toBe(1);
    expect(await store.getSession('s|c|old')).toBeUndefined();
    expect(await store.getSession('s|c|new')).toBeDefined();
  });

  it('by default copies without validating, and still hands out copies', async () => {
    const store = createMemoryStore();
    const record = { ...makeUser('u1'), points: Number.NaN };
    await store.updateUser('s', 'u1', () => record);
    record.recent.push({ questionId: 'x', correct: true, points: 1, at: 1 });
    const got = await store.getUser('s', 'u1');
    expect(got?.points).toBeNaN();
    expect(got?.recent).toHaveLength(0);
    got?.recent.push({ questionId: 'y', correct: true, points: 1, at: 1 });
    expect((await store.getUser('s', 'u1'))?.recent).toHaveLength(0);
    // The one check that is not about JSON: a record must be the user's own.
    await expect(store.updateUser('s', 'u1', () => makeUser('u2'))).rejects.toThrow(/u2/);
  });

  it('keeps nothing between two stores', async () => {
    const a = createMemoryStore();
    await a.putSession(makeSession('s|c|u'));
    expect(await createMemoryStore().getSession('s|c|u')).toBeUndefined();
  });
});
