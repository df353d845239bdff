/** The records contract against the memory store, with and without its optional validation (records are always checked). */
import { createMemoryStore } from '../../storage/memory-store.js';
import { recordsContract } from './records-contract.js';

recordsContract('memory (validating)', async () => {
  const store = createMemoryStore({ validate: true });
  return { store, cleanup: () => store.close() };
});

recordsContract('memory (default)', async () => {
  const store = createMemoryStore();
  return { store, cleanup: () => store.close() };
});
