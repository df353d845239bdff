/**
 * Start-up shared by every entry point: read content, open the store, build the
 * assistant. Content and store problems become one clear message and exit code 1.
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { createAssistant, type Assistant } from '../src/assistant.js';
import { ContentError, loadRoles } from '../src/content/load.js';
import type { Role } from '../src/content/schema.js';
import type { Clock, Random, Store } from '../src/ports.js';
import { createMemoryStore } from '../storage/memory-store.js';
import { openLowdbStore, StoreOpenError } from '../storage/lowdb-store.js';

/** The project root, so commands work from any working directory. */
export const PROJECT_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Where role files live: `CONTENT_DIR`, or `content/roles` in the project. */
export function contentDir(env: NodeJS.ProcessEnv): string {
  return resolve(env.CONTENT_DIR?.trim() || resolve(PROJECT_ROOT, 'content/roles'));
}

/** Where the database file lives: `DATA_DIR`, or `./data`. */
export function dataDir(env: NodeJS.ProcessEnv): string {
  return resolve(env.DATA_DIR?.trim() || './data');
}

export const systemClock: Clock = { now: () => Date.now() };
export const systemRandom: Random = { next: () => Math.random() };

/** A running core: content, store and assistant. */
export interface Booted {
  roles: Role[];
  store: Store;
  assistant: Assistant;
  close(): Promise<void>;
}

/** Loads content and opens the store (`memory` for throwaway runs). */
export async function boot(env: NodeJS.ProcessEnv, storage: 'file' | 'memory' = 'file'): Promise<Booted> {
  const roles = await loadRoles(contentDir(env));
  const store = storage === 'memory' ? createMemoryStore() : await openLowdbStore({ dataDir: dataDir(env) });
  const assistant = createAssistant({ roles, store, clock: systemClock, random: systemRandom });
  return { roles, store, assistant, close: () => store.close() };
}

/** True for errors that are the user's set-up (content, database file, config), not a bug. */
export function isSetupError(error: unknown): error is Error {
  return error instanceof ContentError || error instanceof StoreOpenError || (error instanceof Error && /ConfigError$/.test(error.name));
}

/** Prints a set-up error plainly (no stack) and exits 1; re-throws anything else. */
export function exitOnSetupError(error: unknown): never {
  if (isSetupError(error)) {
    process.stderr.write(`panelist: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
