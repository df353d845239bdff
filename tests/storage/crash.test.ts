import { existsSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStoreFile, storePaths } from '../../storage/files.js';
import { journalGens } from '../../storage/load.js';
import { openLowdbStore, openStoreReader } from '../../storage/lowdb-store.js';
import { child, tempDir as dir } from './helpers.js';

describe('lowdb store: a process killed mid-write leaves a valid file', () => {
  it('opens cleanly with everything flushed after SIGKILL at random moments', { timeout: 60_000 }, async () => {
    const dataDir = await dir();
    const temp = join(dataDir, '.panelist.json.tmp');
    let caughtMidWrite = 0;
    for (let attempt = 0; attempt < 6; attempt++) {
      const writer = child('write', dataDir);
      await writer.waitFor(/^flushed/);
      if (attempt % 2 === 0) {
        await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 400));
      } else {
        // Aim at a snapshot rewrite: kill as soon as the temp file shows up or the main file starts
        // changing (the latter is what a non-atomic writer would show).
        const main = join(dataDir, 'panelist.json');
        const before = await stat(main);
        const changed = async (): Promise<boolean> => {
          const now = await stat(main).catch(() => undefined);
          return now === undefined || now.size !== before.size || now.mtimeMs !== before.mtimeMs;
        };
        const deadline = Date.now() + 5_000;
        while (!existsSync(temp) && !(await changed()) && Date.now() < deadline) {
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      writer.proc.kill('SIGKILL');
      await writer.exited;
      if (existsSync(temp)) caughtMidWrite++;
      const flushed = Math.max(...writer.lines.map((line) => Number(/^flushed (\d+)$/.exec(line)?.[1] ?? 0)));
      const store = await openLowdbStore({ dataDir });
      const users = await store.topUsers('space', { kind: 'all' }, 1_000_000);
      // Everything the child saw flushed is there; a write in flight may add more.
      expect(users.length).toBeGreaterThanOrEqual(flushed);
      await store.close();
    }
    // Otherwise the test proved nothing about interrupted writes.
    expect(caughtMidWrite).toBeGreaterThan(0);
    const size = (await readFile(join(dataDir, 'panelist.json'))).length;
    expect(size).toBeGreaterThan(100_000);
  });
});

describe('lowdb store: SIGKILL under concurrent load loses no acknowledged answer', () => {
  it('keeps every answer acknowledged before each of 12 kills at random moments, and the files always read', { timeout: 120_000 }, async () => {
    const dataDir = await dir();
    const paths = storePaths(dataDir);
    const acked = new Map<string, number>();
    let kills = 0;
    let midCompaction = 0;
    let withJournal = 0;
    let acksTotal = 0;
    for (let round = 0; round < 12; round++) {
      const server = child('serve', dataDir, '50');
      await server.waitFor(/^ready$/);
      await server.waitFor(/^ack /);
      await new Promise((resolve) => setTimeout(resolve, 30 + Math.random() * 500));
      server.proc.kill('SIGKILL');
      await server.exited;
      kills++;
      if (existsSync(paths.temp)) midCompaction++;
      if ((await journalGens(paths)).length > 0) withJournal++;
      for (const line of server.lines) {
        const hit = /^ack (\S+) (\d+)$/.exec(line);
        if (!hit) continue;
        acksTotal++;
        acked.set(hit[1] as string, Math.max(acked.get(hit[1] as string) ?? 0, Number(hit[2])));
      }

      // The snapshot is always complete JSON of the right shape, whatever the moment of the kill.
      if (existsSync(paths.file)) expect(() => parseStoreFile(readFileSync(paths.file, 'utf8'), paths.file)).not.toThrow();
      // A reader beside it (no lock) and the restarted writer both see every acknowledged answer.
      const reader = await openStoreReader({ dataDir });
      const store = await openLowdbStore({ dataDir, now: () => 1_000 });
      for (const [userId, answered] of acked) {
        const stored = (await store.getUser('space', userId))?.answered ?? 0;
        expect(stored, `${userId} after kill ${kills}`).toBeGreaterThanOrEqual(answered);
        // At most the one answer each client had in flight is there without its acknowledgement.
        expect(stored, `${userId} after kill ${kills}`).toBeLessThanOrEqual(answered + 1);
        expect((await reader.getUser('space', userId))?.answered ?? 0).toBe(stored);
      }
      await store.close();
    }
    console.log(
      `kill test: ${kills} kills, ${acksTotal} acknowledged answers (${acked.size} users) all found; ${withJournal} kills left a journal, ${midCompaction} landed mid-compaction`,
    );
    expect(acked.size).toBe(50);
    expect(withJournal).toBeGreaterThan(0);
    const size = (await stat(paths.file)).size;
    expect(size).toBeGreaterThan(50_000);
  });
});
