/**
 * Shared pieces of the file store tests: temp directories removed after each
 * test, the child-process fixture, a logger that records, and a reader of what
 * is durably on disk.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, vi } from 'vitest';
import type { StoreLogger } from '../../storage/files.js';
import { openLowdbStore, openStoreReader, StoreOpenError } from '../../storage/lowdb-store.js';

export const SPACE = 'devops-engineer@slack:T123';
const CHILD = fileURLToPath(new URL('./fixtures/store-child.ts', import.meta.url));

const dirs: string[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const made of dirs.splice(0)) await rm(made, { recursive: true, force: true });
});

/** A fresh temp directory, removed after the test. */
export async function tempDir(): Promise<string> {
  const made = await mkdtemp(join(tmpdir(), 'panelist-store-'));
  dirs.push(made);
  return made;
}

/** A logger that keeps its lines, for asserting what was logged and how often. */
export function recordingLogger(): StoreLogger & { lines: { level: string; msg: string; fields?: Record<string, unknown> }[] } {
  const lines: { level: string; msg: string; fields?: Record<string, unknown> }[] = [];
  const at = (level: string) => (msg: string, fields?: Record<string, unknown>) => void lines.push({ level, msg, ...(fields ? { fields } : {}) });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

/** Points of `userId` as another process would read them from disk right now (snapshot + journal, no lock). */
export async function durablePoints(dataDir: string, userId: string, space = SPACE): Promise<number | undefined> {
  const reader = await openStoreReader({ dataDir });
  return (await reader.getUser(space, userId))?.points;
}

/** A child process running the store fixture; `lines` collects its stdout lines as they come. */
export interface Child {
  proc: ChildProcessWithoutNullStreams;
  lines: string[];
  exited: Promise<number | null>;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  stderr(): string;
}

/** Starts `tests/storage/fixtures/store-child.ts <mode> <dir> ...args`. */
export function child(mode: string, dir: string, ...args: string[]): Child {
  const proc: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--import', 'tsx', CHILD, mode, dir, ...args], {
    stdio: 'pipe',
  });
  const lines: string[] = [];
  let stderr = '';
  let buffer = '';
  const waiters: (() => void)[] = [];
  proc.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    lines.push(...parts);
    for (const wake of waiters.splice(0)) wake();
  });
  proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const waitFor = (pattern: RegExp, timeoutMs = 15_000): Promise<string> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`child never printed ${pattern}; stderr: ${stderr}`)), timeoutMs);
      const check = (): void => {
        const hit = lines.find((line) => pattern.test(line));
        if (hit !== undefined) {
          clearTimeout(timer);
          resolve(hit);
        } else waiters.push(check);
      };
      check();
    });
  return { proc, lines, exited, waitFor, stderr: () => stderr };
}

/** The error opening `dataDir` fails with (the test fails if it opens). */
export async function openError(dataDir: string): Promise<StoreOpenError> {
  try {
    const store = await openLowdbStore({ dataDir });
    await store.close();
  } catch (error) {
    if (error instanceof StoreOpenError) return error;
    throw error;
  }
  throw new Error('the store opened');
}
