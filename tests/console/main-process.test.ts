/**
 * End to end: `npm start`'s entry with no Slack or Discord tokens runs the
 * interactive console on stdin/stdout.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finished, ROOT, startTs, testEnv } from './spawn.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'panelist-main-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!existsSync(join(ROOT, 'adapters/main.ts')))('npm start without tokens', () => {
  it('drives the interactive console through stdin', { timeout: 60_000 }, async () => {
    const child = startTs('adapters/main.ts', [], testEnv({ DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'warn' }));
    const done = finished(child);
    // The REPL serves lines one at a time, in order, so they can all go at once.
    child.stdin.end(['/devops-help', '/devops-quiz start 2', 'A', 'skip', 'stats', 'quit', '/devops-help'].join('\n') + '\n');
    const run = await done;
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toMatch(/^Panelist — interview practice/);
    expect(out).toMatch(/\/devops-quiz start\|answer/);
    expect(out).toMatch(/question 1\/2[\s\S]*A\) [\s\S]*Type A–D to answer/);
    expect(out).toMatch(/(✓ Correct!|✗ Not quite\.)[\s\S]*question 2\/2/);
    expect(out).toMatch(/→ Skipped\.[\s\S]*quiz finished/);
    expect(out).toMatch(/stats for /);
    // Nothing after quit is served.
    expect(out.split('DevOps Engineer interview assistant').length).toBe(2);
    expect(out).not.toContain('\u001b');
    expect(run.stderr).not.toMatch(/"level":"error"/);
  });
});
