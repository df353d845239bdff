/**
 * `scorecards --json` and `scorecards --markdown <id>`: read-only exports of
 * the file store, beside a running bot, never of a scorecard past retention.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runScorecards } from '../../adapters/console/scorecards.js';
import { RetentionConfigError } from '../../adapters/retention.js';
import { hasMention } from '../../src/interview/mentions.js';
import { openLowdbStore } from '../../storage/lowdb-store.js';
import { tempDir } from '../storage/helpers.js';
import { ALICE, BOB, makeScorecard } from '../storage/interview-records.js';
import { jsonLines, runCli, testEnv } from './spawn.js';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2027, 0, 10);

function sink(): Writable & { text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return Object.assign(stream, { text: () => text });
}

/** A data directory holding Alice's two scorecards (one with mentions in its evidence), Bob's, and an expired one. */
async function dataDir(): Promise<string> {
  const dir = await tempDir();
  const store = await openLowdbStore({ dataDir: dir, now: () => NOW });
  await store.putScorecard(makeScorecard(ALICE, 'a1', { finished: NOW - 2 * DAY }));
  await store.putScorecard(makeScorecard(ALICE, 'a2', { finished: NOW - DAY, candidate: 'Jordan', evidence: 'Strong, ask <@U1> and @here' }));
  await store.putScorecard(makeScorecard(BOB, 'b1', { finished: NOW - 3 * DAY, candidate: undefined }));
  await store.putScorecard(makeScorecard(BOB, 'old', { finished: NOW - 91 * DAY }));
  await store.close();
  return dir;
}

async function run(args: string[], env: NodeJS.ProcessEnv) {
  const stdout = sink();
  const stderr = sink();
  const code = await runScorecards(args, { env, stdout, stderr, now: () => NOW });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe('scorecards', () => {
  it('--json: one line per scorecard of every author, latest first, none past retention, nothing that pings', async () => {
    const env = { DATA_DIR: await dataDir() };
    const { code, stdout, stderr } = await run(['--json'], env);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = jsonLines(stdout) as { id: string; author: { id: string }; candidate: string | null; questions: unknown[]; summary: { probe: string[] } }[];
    expect(lines.map((l) => [l.author.id, l.id])).toEqual([
      ['U1', 'a2'],
      ['U1', 'a1'],
      ['U2', 'b1'],
    ]);
    expect(lines[0]).toMatchObject({ candidate: 'Jordan', level: 'mid', started: expect.any(Number), summary: { points: expect.any(Object) } });
    expect(lines[2]?.candidate).toBeNull();
    expect(lines[0]?.questions).toHaveLength(6);
    expect(stdout).toContain('ask <');
    expect(hasMention(stdout)).toBe(false);
    // A shorter retention hides more: finished exactly 2 days ago is past 2 days.
    expect(jsonLines((await run(['--json'], { ...env, INTERVIEW_RETENTION_DAYS: '2' })).stdout)).toHaveLength(1);
  });

  it('--markdown <id>: the scorecard with the role title; an unknown or expired id is an error', async () => {
    const env = { DATA_DIR: await dataDir() };
    const shown = await run(['--markdown', 'a2'], env);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^# Interview scorecard: Jordan\n/);
    expect(shown.stdout).toContain('- **Role:** DevOps Engineer');
    for (const id of ['nope', 'old']) {
      const missing = await run(['--markdown', id], env);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain(`no scorecard "${id}"`);
    }
  });

  it('needs exactly one of --json or --markdown <id>, and a valid INTERVIEW_RETENTION_DAYS', async () => {
    const env = { DATA_DIR: await dataDir() };
    for (const args of [[], ['--markdown'], ['--json', '--markdown', 'a1']]) {
      const bad = await run(args, env);
      expect(bad.code, args.join(' ')).toBe(1);
      expect(bad.stderr).toMatch(/takes --json .* or --markdown <id>/);
    }
    await expect(run(['--json'], { ...env, INTERVIEW_RETENTION_DAYS: 'forever' })).rejects.toBeInstanceOf(RetentionConfigError);
  });

  it('works as `npm run cli -- scorecards --json` while the bot holds the database', { timeout: 60_000 }, async () => {
    const dir = await tempDir();
    const bot = await openLowdbStore({ dataDir: dir });
    try {
      await bot.durably((s) => s.putScorecard(makeScorecard(ALICE, 'live', { finished: Date.now() - DAY })));
      const { code, stdout, stderr } = await runCli(['scorecards', '--json'], testEnv({ DATA_DIR: dir }));
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect((jsonLines(stdout) as { id: string }[]).map((l) => l.id)).toEqual(['live']);
      const bad = await runCli(['scorecards', '--json'], testEnv({ DATA_DIR: dir, INTERVIEW_RETENTION_DAYS: '0' }));
      expect(bad.code).toBe(1);
      expect(bad.stderr.trim()).toBe('panelist: INTERVIEW_RETENTION_DAYS must be a whole number of days from 1 to 3650, not "0".');
    } finally {
      await bot.close();
    }
  });
});
