/**
 * Vitest global set-up: one real Postgres server for the whole run. It starts
 * in the background, so runs that never touch Postgres do not wait for it;
 * tests/helpers/postgres.ts waits until it is up (or fails with why it is not,
 * never skipping). Stopped, and its data removed, when the run ends.
 */
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from './embedded.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the server's state is written: `ready <admin url>` or `failed <why>`. */
    postgresStatusFile: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const status = join(tmpdir(), `panelist-pg-status-${process.pid}-${Date.now()}`);
  await rm(status, { force: true });
  project.provide('postgresStatusFile', status);
  const started = startEmbeddedPostgres({ settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' } }).then(
    async (server) => {
      await writeFile(status, `ready ${server.url}`);
      return server;
    },
    async (error: unknown) => {
      await writeFile(status, `failed ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    },
  );
  return async () => {
    const server = await started;
    await server?.stop();
    await rm(status, { force: true });
  };
}
