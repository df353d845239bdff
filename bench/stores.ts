/**
 * The stores the adapter benchmarks serve from: the memory store (what tests
 * use) and the real file store in a throwaway directory (what `npm start`
 * uses: journal, group commit, fdatasync), so the bench cannot hide the file's cost.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../src/ports.js';
import { openLowdbStore } from '../storage/lowdb-store.js';
import { createMemoryStore } from '../storage/memory-store.js';

/** Which store a benchmark subject serves from. */
export type StoreKind = 'memory' | 'file';

/** Every kind, in the order subjects are measured. */
export const STORE_KINDS: readonly StoreKind[] = ['memory', 'file'];

/** An open store and how to close it (the file store's directory is removed). */
export interface BenchStore {
  store: Store;
  close(): Promise<void>;
}

// The store logs write faults as JSON lines; a benchmark has nowhere to show them but stderr.
const quiet = { info: () => {}, warn: (m: string) => process.stderr.write(`store: ${m}\n`), error: (m: string) => process.stderr.write(`store: ${m}\n`) };

/** Opens a store of `kind`; a file store lives in a fresh temp directory. */
export async function openBenchStore(kind: StoreKind): Promise<BenchStore> {
  if (kind === 'memory') {
    const store = createMemoryStore();
    return { store, close: () => store.close() };
  }
  const dir = await mkdtemp(join(tmpdir(), 'panelist-bench-store-'));
  const store = await openLowdbStore({ dataDir: dir, logger: quiet });
  return {
    store,
    close: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
