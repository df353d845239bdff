/**
 * Read-only commands beside a running bot: they take no lock, write nothing,
 * and see the last durable state (snapshot plus journal).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStoreReader } from '../../storage/lowdb-store.js';
import { jsonLines, runCli, testEnv } from '../console/spawn.js';
import { child, tempDir } from './helpers.js';

describe('read-only commands while the bot holds the database', () => {
  it('flags --json (and schema) work, show what the bot saved, and leave its lock alone', { timeout: 60_000 }, async () => {
    const dataDir = await tempDir();
    const bot = child('hold', dataDir, 'flag');
    await bot.waitFor(/^ready$/);
    const lock = join(dataDir, 'panelist.json.lock');
    const held = await readFile(lock, 'utf8');
    try {
      const env = testEnv({ DATA_DIR: dataDir });
      const flags = await runCli(['flags', '--json'], env);
      expect(flags.stderr).toBe('');
      expect(flags.code).toBe(0);
      expect(jsonLines(flags.stdout)).toEqual([
        { roleId: 'devops-engineer', questionId: 'terraform-remote-state', count: 1, spaces: ['devops-engineer@slack:T1'], lastAt: 1_000 },
      ]);
      const schema = await runCli(['schema'], env);
      expect(schema.code).toBe(0);
      // The bot still holds its lock: nothing was taken over or written.
      expect(await readFile(lock, 'utf8')).toBe(held);
      const reader = await openStoreReader({ dataDir });
      expect(await reader.listFlags()).toHaveLength(1);
    } finally {
      bot.proc.stdin.end();
      await bot.exited;
    }
  });

  it('reads a data directory that does not exist yet as empty, without creating it', async () => {
    const base = await tempDir();
    const reader = await openStoreReader({ dataDir: join(base, 'missing') });
    expect(await reader.listFlags()).toEqual([]);
    await expect(readFile(join(base, 'missing', 'panelist.json'))).rejects.toThrow(/ENOENT/);
  });
});
