/**
 * A failing disk is visible: a change that cannot be written is undone and
 * reported (`StoreWriteError`), the store refuses writes and reports unhealthy
 * until a probe write succeeds, the fault is logged once per streak, and close
 * rejects when the last changes could not be saved.
 */
import { appendFile } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { StoreWriteError } from '../../src/ports.js';
import { JournalFile } from '../../storage/journal.js';
import { openLowdbStore } from '../../storage/lowdb-store.js';
import { durablePoints, recordingLogger, SPACE, tempDir } from './helpers.js';
import { answer, makeSession } from './records.js';

/** Makes every journal append fail as a full disk does, until `heal()`. */
function fullDisk() {
  const append = vi
    .spyOn(JournalFile.prototype, 'append')
    .mockRejectedValue(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
  return { heal: () => append.mockRestore(), calls: () => append.mock.calls.length };
}

const until = async (condition: () => boolean, timeoutMs = 5_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition never became true');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('lowdb store: a failing write', () => {
  it('is reported to every reply waiting for it, undone in memory, and never reported as saved', async () => {
    const dataDir = await tempDir();
    const logger = recordingLogger();
    const store = await openLowdbStore({ dataDir, logger, retryMs: 60_000 });
    await store.durably((s) => s.updateUser(SPACE, 'u1', answer('u1', 5)));
    await store.durably((s) => s.putSession(makeSession(`${SPACE}|C1|u1`, { index: 0 })));
    const disk = fullDisk();
    // Ten replies at once share one group, and all learn it was lost.
    const replies = Array.from({ length: 10 }, (_, i) =>
      store.durably(async (s) => {
        await s.updateUser(SPACE, 'u1', answer('u1', 5));
        await s.updateUser(SPACE, `new-${i}`, answer(`new-${i}`, 1));
        await s.putSession(makeSession(`${SPACE}|C1|u1`, { index: 1 }));
        await s.addFlag({ roleId: 'devops-engineer', questionId: 'q1', space: SPACE, userId: `new-${i}`, at: 1 });
        return 'Correct! +5';
      }),
    );
    const settled = await Promise.allSettled(replies);
    expect(settled.every((r) => r.status === 'rejected' && r.reason instanceof StoreWriteError)).toBe(true);
    expect(String((settled[0] as PromiseRejectedResult).reason)).toMatch(/no space left/);
    // Memory is back to what is on disk, so "try again" really starts from where the user was.
    expect((await store.getUser(SPACE, 'u1'))?.points).toBe(5);
    expect(await store.getUser(SPACE, 'new-0')).toBeUndefined();
    expect((await store.getSession(`${SPACE}|C1|u1`))?.index).toBe(0);
    expect(await store.listFlags()).toEqual([]);
    expect(await durablePoints(dataDir, 'u1')).toBe(5);
    disk.heal();
    await store.close();
  });

  it('makes the store refuse writes and report unhealthy, logs once per streak, and recovers by itself', async () => {
    const dataDir = await tempDir();
    const logger = recordingLogger();
    const warning = vi.spyOn(process, 'emitWarning');
    const store = await openLowdbStore({ dataDir, logger, retryMs: 20 });
    expect(store.health()).toEqual({ ok: true, state: 'ok' });
    const disk = fullDisk();
    for (let i = 0; i < 20; i++) {
      await expect(store.durably((s) => s.updateUser(SPACE, 'u1', answer('u1', 1)))).rejects.toBeInstanceOf(StoreWriteError);
    }
    // Direct writes are refused too while the disk fails: nothing piles up unsaved in memory.
    await expect(store.updateUser(SPACE, 'u1', answer('u1', 1))).rejects.toBeInstanceOf(StoreWriteError);
    // Reads still work.
    expect(await store.getUser(SPACE, 'u1')).toBeUndefined();
    const health = store.health();
    expect(health).toMatchObject({ ok: false, state: 'failing', error: expect.stringMatching(/no space left/) });
    expect(health.since).toBeGreaterThan(0);
    // Probes keep trying (every 20 ms) without logging again.
    await until(() => disk.calls() > 25);
    const failing = logger.lines.filter((l) => l.level === 'error');
    expect(failing).toHaveLength(1);
    expect(failing[0]?.msg).toMatch(/writes are failing/);
    expect(failing[0]?.fields?.file).toContain('panelist.json');

    disk.heal();
    await until(() => store.health().ok);
    expect(logger.lines.filter((l) => /work again/.test(l.msg))).toHaveLength(1);
    await store.durably((s) => s.updateUser(SPACE, 'u1', answer('u1', 7)));
    expect(await durablePoints(dataDir, 'u1')).toBe(7);

    // A second streak is logged again, once.
    const again = fullDisk();
    await expect(store.durably((s) => s.updateUser(SPACE, 'u1', answer('u1', 1)))).rejects.toBeInstanceOf(StoreWriteError);
    await expect(store.durably((s) => s.updateUser(SPACE, 'u1', answer('u1', 1)))).rejects.toBeInstanceOf(StoreWriteError);
    expect(logger.lines.filter((l) => l.level === 'error')).toHaveLength(2);
    again.heal();
    await store.close();
    expect(warning).not.toHaveBeenCalled();
  });

  it('leaves no trace of a lost group on disk, even one the failed write half wrote', async () => {
    const dataDir = await tempDir();
    const store = await openLowdbStore({ dataDir, retryMs: 10 });
    await store.durably((s) => s.updateUser(SPACE, 'u1', answer('u1', 1)));
    // The write lands but its fsync fails: the bytes are in the file, yet the group was reported lost.
    const append = vi.spyOn(JournalFile.prototype, 'append').mockImplementationOnce(async function (this: JournalFile, text: string) {
      await appendFile(this.path, text);
      throw Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
    });
    await expect(store.durably((s) => s.updateUser(SPACE, 'u1', answer('u1', 100)))).rejects.toBeInstanceOf(StoreWriteError);
    await until(() => store.health().ok);
    expect(append).toHaveBeenCalled();
    // The probe cut the lost group off before writing again: neither a reader nor a restart sees it.
    expect(await durablePoints(dataDir, 'u1')).toBe(1);
    await store.durably((s) => s.updateUser(SPACE, 'u2', answer('u2', 2)));
    await store.close();
    const reopened = await openLowdbStore({ dataDir });
    expect((await reopened.getUser(SPACE, 'u1'))?.points).toBe(1);
    expect((await reopened.getUser(SPACE, 'u2'))?.points).toBe(2);
    await reopened.close();
  });

  it('makes close reject when the last changes cannot be saved (so the process exits non-zero)', async () => {
    const dataDir = await tempDir();
    const store = await openLowdbStore({ dataDir, logger: recordingLogger(), retryMs: 60_000 });
    await store.updateUser(SPACE, 'u1', answer('u1', 1));
    await store.flush();
    const disk = fullDisk();
    await store.updateUser(SPACE, 'u1', answer('u1', 1));
    await expect(store.close()).rejects.toBeInstanceOf(StoreWriteError);
    disk.heal();
    // What was saved before the fault is all there, and the lock was released.
    const reopened = await openLowdbStore({ dataDir });
    expect((await reopened.getUser(SPACE, 'u1'))?.points).toBe(1);
    await reopened.close();
  });

  it('refuses a request that read a change which was then undone by a failed write', async () => {
    const dataDir = await tempDir();
    const store = await openLowdbStore({ dataDir, logger: recordingLogger(), retryMs: 10 });
    const disk = fullDisk();
    // u2's update is accepted in memory, not yet written...
    const lost = store.durably((s) => s.updateUser(SPACE, 'u2', answer('u2', 50)));
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    // ...another request reads it and builds on it...
    const dependent = store.durably(async (s) => {
      const seen = await s.getUser(SPACE, 'u2');
      expect(seen?.points).toBe(50);
      await gate;
      await s.updateUser(SPACE, 'u3', answer('u3', seen?.points ?? 0));
    });
    // ...then the write holding u2 fails and is undone.
    await expect(lost).rejects.toBeInstanceOf(StoreWriteError);
    disk.heal();
    await until(() => store.health().ok);
    release();
    // Writing u3 from a value that never reached the disk would save a consequence of a lost answer.
    await expect(dependent).rejects.toBeInstanceOf(StoreWriteError);
    expect(await store.getUser(SPACE, 'u2')).toBeUndefined();
    expect(await store.getUser(SPACE, 'u3')).toBeUndefined();
    // A request that starts now works normally.
    await store.durably((s) => s.updateUser(SPACE, 'u3', answer('u3', 1)));
    await store.close();
  });
});
