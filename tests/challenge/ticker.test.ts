/**
 * The ticker: an immediate first tick (overdue rounds after a restart), then
 * one tick per interval for every platform, never two at once, faults logged
 * and never thrown, stopped cleanly. And the reveal's latency measured on the
 * real clock: a real assistant, a real ticker at its default interval.
 */
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../adapters/logger.js';
import { startTicker, TICK_MS } from '../../adapters/ticker.js';
import { createAssistant } from '../../src/assistant.js';
import { REVEAL_GRACE_MS } from '../../src/challenge/run.js';
import type { DueOutcome } from '../../src/due.js';
import type { Outbox } from '../../src/outbox.js';
import { seededRandom } from '../../src/random.js';
import { createMemoryStore } from '../../storage/memory-store.js';
import { cmd, realRoles } from '../helpers/assistant.js';
import { ADA, fakeOutbox } from './support.js';

function recordingLogger(): Logger & { lines: { level: string; msg: string; fields?: Record<string, unknown> }[] } {
  const lines: { level: string; msg: string; fields?: Record<string, unknown> }[] = [];
  const log = (level: string) => (msg: string, fields?: Record<string, unknown>) => void lines.push({ level, msg, ...(fields ? { fields } : {}) });
  return { lines, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') } as Logger & { lines: typeof lines };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the ticker', () => {
  it('ticks at once and then every interval, per platform, never overlapping, logging faults', async () => {
    const calls: string[] = [];
    let running = 0;
    let most = 0;
    const logger = recordingLogger();
    const assistant = {
      async runDue(platform: string, _outbox: Outbox): Promise<DueOutcome> {
        calls.push(platform);
        running += 1;
        most = Math.max(most, running);
        await sleep(30);
        running -= 1;
        if (platform === 'discord') throw new Error('boom');
        return { handled: 1, problems: platform === 'slack' ? [{ what: 'challenge x', error: new Error('rate limited') }] : [] };
      },
    };
    const outbox = fakeOutbox();
    const ticker = startTicker({
      assistant,
      targets: [
        { platform: 'slack', outbox },
        { platform: 'discord', outbox },
      ],
      logger,
      intervalMs: 20,
    });
    await sleep(5);
    expect(calls).toEqual(['slack', 'discord']);
    // Asked for a tick while one runs: the same tick, not a second one.
    await Promise.all([ticker.tick(), ticker.tick()]);
    await sleep(150);
    await ticker.stop();
    const after = calls.length;
    await sleep(60);
    expect(calls.length).toBe(after);
    expect(after).toBeGreaterThanOrEqual(4);
    // Two platforms run side by side (2), but a tick never starts before the last one ended.
    expect(most).toBe(2);
    expect(logger.lines.some((l) => l.level === 'warn' && l.fields?.what === 'challenge x')).toBe(true);
    expect(logger.lines.some((l) => l.level === 'error' && l.fields?.platform === 'discord')).toBe(true);
  });

  it(`reveals within one tick (${TICK_MS} ms) plus the grace (${REVEAL_GRACE_MS} ms) of the deadline on the real clock`, async () => {
    const store = createMemoryStore({ validate: true });
    const assistant = createAssistant({ roles: await realRoles(), store, clock: { now: () => Date.now() }, random: seededRandom(3) });
    const outbox = fakeOutbox();
    const revealedAt: number[] = [];
    const update = outbox.update.bind(outbox);
    outbox.update = async (ref, view) => {
      revealedAt.push(Date.now());
      await update(ref, view);
    };
    await assistant.handle(cmd('devops-challenge', 'basic 1 seconds:10', ADA));
    const ticker = startTicker({ assistant, targets: [{ platform: 'console', outbox }], logger: recordingLogger() });
    await sleep(50);
    const posted = outbox.posts[0]?.view;
    if (posted?.kind !== 'challenge-question') throw new Error('no question posted at start-up');
    const record = await store.getRecord('challenge', 'console|T1|C1');
    const deadline = (record?.value as { deadline?: number } | undefined)?.deadline ?? 0;
    expect(deadline).toBeGreaterThan(0);
    while (revealedAt.length === 0 && Date.now() < deadline + 5000) await sleep(20);
    await ticker.stop();
    const latency = (revealedAt[0] ?? Infinity) - deadline;
    console.info(`reveal latency after the deadline: ${latency} ms`);
    expect(latency).toBeGreaterThanOrEqual(REVEAL_GRACE_MS);
    expect(latency).toBeLessThanOrEqual(REVEAL_GRACE_MS + TICK_MS + 200);
  }, 20_000);
});
