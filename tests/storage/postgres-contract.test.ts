/**
 * The Store, interview and records contracts against the Postgres store on a
 * real server: one database for this file, emptied before each test, and a
 * reopen is a second store (a new pool) on the same database.
 */

import type { Store } from '../../src/ports.js';
import { openPostgresStore } from '../../storage/postgres/postgres-store.js';
import { truncateAll, usePostgresDatabase } from '../helpers/postgres.js';
import { recordsContract } from './records-contract.js';
import type { StoreFixture } from './store-contract.js';
import { storeContract } from './store-contract.js';

const db = usePostgresDatabase();
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

/** Test seam: while set, each COMMIT first kills its own connection (a real lost connection, at the worst moment). */
let killCommits = false;

async function fixture(): Promise<StoreFixture> {
  await truncateAll(db.url()).catch(() => undefined);
  const open = () =>
    openPostgresStore({
      url: db.url(),
      logger: quiet,
      probeMs: 100,
      // The contract's sessions date from 1970: the start-up purge would take them.
      sessionMaxAgeMs: 0,
      hooks: {
        beforeCommit: async (sql) => {
          if (killCommits) await sql('SELECT pg_terminate_backend(pg_backend_pid())');
        },
      },
    });
  const stores: Store[] = [await open()];
  return {
    store: stores[0] as Store,
    reopen: async () => {
      const next = await open();
      stores.push(next);
      return next;
    },
    cleanup: async () => {
      killCommits = false;
      for (const s of stores) await s.close();
    },
  };
}

storeContract('postgres', fixture);

recordsContract('postgres', fixture, {
  failWrites: () => {
    killCommits = true;
    return {
      heal: () => {
        killCommits = false;
      },
    };
  },
  recovered: async (store) => {
    for (let i = 0; i < 100 && !store.health().ok; i++) await new Promise((resolve) => setTimeout(resolve, 50));
  },
});
