/**
 * The pace of the Slack outbox as the app builds it (`SlackApp.outbox`, its
 * default per-channel queue): a burst of posts to one channel reaches Slack at
 * about one a second (Slack's limit for chat.postMessage per channel), while a
 * second channel's burst runs beside it rather than behind it. Measured from
 * the arrival times at the fake Web API; the figure is printed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { View } from '../../src/views.js';
import { makeTestAssistant } from '../helpers/assistant.js';
import { type Harness, startHarness } from '../slack/harness.js';
import { callsOf, distinctTs, type Stamps } from './support.js';

const BURST = 6;
let h: Harness;
let stamps: Stamps;

beforeAll(async () => {
  h = await startHarness((await makeTestAssistant()).assistant);
  stamps = distinctTs(h.api);
});
afterAll(() => h.close());

const notice = (n: number): View => ({ kind: 'notice', title: `Post ${n}`, text: 'A post of the burst.', actions: [] });

describe('the Slack outbox pace', () => {
  it('posts about once a second per channel, channels side by side', { timeout: 30_000 }, async () => {
    const started = Date.now();
    const posted = await Promise.all(
      ['C1', 'C2'].flatMap((channel) =>
        Array.from({ length: BURST }, (_, i) => h.slack.outbox.post({ platform: 'slack', workspace: 'T1', channel }, notice(i + 1))),
      ),
    );
    const elapsed = Date.now() - started;
    expect(posted).toHaveLength(2 * BURST);
    const perChannel = (channel: string) =>
      callsOf(h.api, 'chat.postMessage')
        .filter((c) => c.args.channel === channel)
        .map((c) => stamps.at.get(c) ?? 0);
    const figures: string[] = [];
    for (const channel of ['C1', 'C2']) {
      const at = perChannel(channel);
      expect(at).toHaveLength(BURST);
      // In order, each at least a second after the one before (a little slack for timer granularity).
      for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!, `${channel} gap ${i}`).toBeGreaterThanOrEqual(950);
      const perMinute = ((at.length - 1) * 60_000) / (at.at(-1)! - at[0]!);
      figures.push(`${channel} ${perMinute.toFixed(1)}/min`);
      expect(perMinute).toBeLessThanOrEqual(63);
      expect(perMinute).toBeGreaterThan(30);
    }
    // Side by side: two channels' bursts take about as long as one, not twice.
    expect(elapsed).toBeLessThan((BURST - 1) * 1000 * 1.6);
    console.log(`[figure] Slack outbox posts per minute per channel: ${figures.join(', ')}; ${2 * BURST} posts to 2 channels in ${elapsed} ms`);
  });
});
