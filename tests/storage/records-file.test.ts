/**
 * The records contract against the file store (journal, snapshot, reopen,
 * rollback of a failed write), and what is particular to the file: records
 * live in `panelist.json`, the journal replays them, a file written before
 * records existed still opens, and the read-only reader sees them.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Store } from '../../src/ports.js';
import { JournalFile } from '../../storage/journal.js';
import { openLowdbStore, openStoreReader } from '../../storage/lowdb-store.js';
import { recordingLogger, tempDir } from './helpers.js';
import { recordsContract } from './records-contract.js';

const until = async (condition: () => boolean, timeoutMs = 5_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition never became true');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

recordsContract(
  'lowdb',
  async () => {
    const dataDir = await tempDir();
    const options = { dataDir, now: () => 10_000, retryMs: 20, logger: recordingLogger() };
    let current: Store = await openLowdbStore(options);
    return {
      store: current,
      reopen: async () => {
        await current.close();
        current = await openLowdbStore(options);
        return current;
      },
      cleanup: async () => {
        await current.close();
      },
    };
  },
  {
    // As tests/storage/write-failure.test.ts: every journal append fails as a full disk does.
    failWrites: () => {
      const append = vi
        .spyOn(JournalFile.prototype, 'append')
        .mockRejectedValue(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
      return { heal: () => append.mockRestore() };
    },
    recovered: (store) => until(() => store.health().ok),
  },
);

describe('lowdb store: records on disk', () => {
  it('keeps records in the snapshot file and replays them from the journal while the store is open', async () => {
    const dataDir = await tempDir();
    const store = await openLowdbStore({ dataDir });
    await store.putRecord('daily', 'T1', { hour: 9 }, { expected: 0, due: 1_000 });
    await store.putRecord('daily', 'T2', { hour: 10 }, { expected: 0 });
    await store.deleteRecord('daily', 'T2');
    await store.flush();
    // Another process (the read-only reader) sees the journal's records before any compaction.
    const reader = await openStoreReader({ dataDir });
    expect(await reader.getRecord('daily', 'T1')).toEqual({ kind: 'daily', key: 'T1', version: 1, value: { hour: 9 }, due: 1_000 });
    expect(await reader.listRecords('daily')).toHaveLength(1);
    await store.close();
    const json = JSON.parse(await readFile(join(dataDir, 'panelist.json'), 'utf8')) as { version: number; records: unknown[] };
    expect(json.version).toBe(1);
    expect(json.records).toEqual([{ kind: 'daily', key: 'T1', version: 1, value: { hour: 9 }, due: 1_000 }]);
  });

  it('opens a file written before records existed, and adds them to it', async () => {
    const dataDir = await tempDir();
    const file = join(dataDir, 'panelist.json');
    await writeFile(file, JSON.stringify({ version: 1, users: {}, sessions: {}, flags: [], interviews: [], scorecards: [] }));
    let store = await openLowdbStore({ dataDir });
    expect(await store.listRecords('challenge')).toEqual([]);
    await store.putRecord('challenge', 'C1', ['a'], { expected: 0 });
    await store.close();
    store = await openLowdbStore({ dataDir });
    expect((await store.getRecord('challenge', 'C1'))?.value).toEqual(['a']);
    await store.close();
  });

  it('refuses to open a file holding a malformed record', async () => {
    const dataDir = await tempDir();
    const bad = { kind: 'Bad Kind', key: 'k', version: 1, value: 1 };
    await writeFile(join(dataDir, 'panelist.json'), JSON.stringify({ version: 1, users: {}, sessions: {}, records: [bad] }));
    await expect(openLowdbStore({ dataDir })).rejects.toThrow(/records/);
  });
});
