/**
 * A real restart on the file store: the process closes its store mid-question
 * and a new one opens the same file, after the deadline. The deadline and the
 * answers were durable, so the new process reveals the question once, scores
 * it once, and the challenge goes on to its end.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../adapters/logger.js';
import { openLowdbStore } from '../../storage/lowdb-store.js';
import { devopsSpace } from '../core/support.js';
import { cmd, realRoles, testClock } from '../helpers/assistant.js';
import { ADA, asKind, button, fakeOutbox, GRACE, press, replica, tick } from './support.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('a challenge across a restart on the file store', () => {
  it('is revealed once by the next process and runs to its end', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'panelist-challenge-'));
    dirs.push(dataDir);
    const roles = await realRoles();
    const role = roles.find((r) => r.commandPrefix === 'devops')!;
    const clock = testClock();

    const first = await openLowdbStore({ dataDir, logger: silentLogger });
    const before = replica(roles, first, clock);
    const outbox = fakeOutbox();
    await before.handle(cmd('devops-challenge', 'basic 2 seconds:10', ADA));
    await tick(before, outbox);
    const q1 = asKind(outbox.posts[0]!.view, 'challenge-question');
    clock.advance(1000);
    expect(asKind((await before.handle(press(button(role, q1, true), GRACE))).view, 'notice').title).toMatch(/^Locked in/);
    await first.close();

    clock.advance(30_000);
    const second = await openLowdbStore({ dataDir, logger: silentLogger });
    const after = replica(roles, second, clock);
    await tick(after, outbox);
    expect(outbox.updates).toHaveLength(1);
    expect(asKind(outbox.updates[0]!.view, 'challenge-reveal').right).toEqual(['Grace']);
    clock.advance(10_500);
    await tick(after, outbox);
    await tick(after, outbox);
    expect(outbox.posts.map((p) => p.view.kind)).toEqual(['challenge-question', 'challenge-question', 'challenge-standings']);
    expect(await second.getUser(devopsSpace(GRACE), 'U2')).toMatchObject({ answered: 1, correct: 1, points: 150 });
    await second.close();
  });
});
