/**
 * `npm start` (the console, no tokens): when the store can no longer save, the
 * user is told at once, and the process exits non-zero because its final flush failed.
 */
import { rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finished, startTs, testEnv } from '../console/spawn.js';
import { tempDir } from './helpers.js';

describe('npm start when the database stops taking writes', () => {
  it('answers "not saved" and exits 1 after "closing the store failed"', { timeout: 60_000 }, async () => {
    const dataDir = await tempDir();
    const app = startTs('adapters/main.ts', [], testEnv({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' }));
    const done = finished(app);
    let out = '';
    app.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    const waitFor = async (pattern: RegExp): Promise<void> => {
      const deadline = Date.now() + 30_000;
      while (!pattern.test(out)) {
        if (Date.now() > deadline) throw new Error(`never printed ${pattern}; got: ${out.slice(-500)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    app.stdin.write('/devops-quiz start 2\n');
    await waitFor(/question 1\/2/);
    // Another process takes the database over (the lock file is replaced).
    const lock = join(dataDir, 'panelist.json.lock');
    await rm(lock);
    await writeFile(lock, JSON.stringify({ pid: process.pid, host: hostname(), token: 'someone-else' }));
    app.stdin.write('A\n');
    await waitFor(/Not saved/);
    app.stdin.end();
    const run = await done;
    expect(out).not.toMatch(/Correct!|Not quite/);
    expect(run.stderr).toMatch(/database lock lost/);
    expect(run.stderr).toMatch(/closing the store failed/);
    expect(run.code).toBe(1);
  });
});
