import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../storage/memory-store.js';
import { makeSession } from './records.js';
import { storeContract } from './store-contract.js';

storeContract('memory', async () => {
  const store = createMemoryStore();
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

  it('keeps nothing between two stores', async () => {
    const a = createMemoryStore();
    await a.putSession(makeSession('s|c|u'));
    expect(await createMemoryStore().getSession('s|c|u')).toBeUndefined();
  });
});
