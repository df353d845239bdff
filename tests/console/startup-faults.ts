/**
 * Shared by the start-up process tests: runs `npm start` or
 * `npm run discord:register` as a real process and checks that a start-up
 * fault ends with exit code 1 and a single `panelist:` line naming what to
 * check: no stack trace, never a token.
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { finished, startTs, testEnv } from './spawn.js';

export const SLACK_TOKEN = 'xoxb-1-processsecret';
export const SIGNING = 'signing-processsecret';
export const DISCORD_TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.GsEcRt.processsecret-processsecret-pro';
export const APP_ID = '100000000000000001';

let dir: string;
let runs = 0;

/** Run after the current test, last registered first. */
export const cleanup: (() => Promise<unknown>)[] = [];

/** Registers the per-file set-up: a scratch directory, and `cleanup` after each test. */
export function useStartupScratch(): void {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'panelist-startup-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c().catch(() => undefined);
  });
}

/** An environment for one run: its own data directory, no tokens but `platform`'s. */
export function runEnv(platform: Record<string, string>): NodeJS.ProcessEnv {
  // testEnv drops every SLACK_/DISCORD_ variable, so the platform's go on top.
  return { ...testEnv({ DATA_DIR: join(dir, `data-${++runs}`), LOG_LEVEL: 'info' }), ...platform };
}

/** Listens on a free loopback port (closed after the test) and returns it. */
export async function listening(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => new Promise((resolve) => server.close(resolve)));
  return (server.address() as AddressInfo).port;
}

/** A port nothing listens on. */
export async function closedPort(): Promise<number> {
  const port = await listening(createServer());
  await cleanup.pop()!();
  return port;
}

/**
 * Runs `script` with `env` and returns its one human line, after checking the
 * exit code, that every other stderr line is a JSON log line, that there is
 * no stack trace, and that no secret was printed.
 */
export async function faultLine(script: string, env: Record<string, string>): Promise<string> {
  const child = startTs(script, [], runEnv(env));
  child.stdin.end();
  const run = await finished(child);
  const output = `${run.stdout}\n${run.stderr}`;
  expect(run.code, output).toBe(1);
  for (const secret of ['processsecret', SLACK_TOKEN, DISCORD_TOKEN]) expect(output).not.toContain(secret);
  expect(output).not.toMatch(/^\s+at /m);
  const human = run.stderr.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('{'));
  expect(human, run.stderr).toHaveLength(1);
  expect(human[0]).toMatch(/^panelist: /);
  return human[0]!;
}
