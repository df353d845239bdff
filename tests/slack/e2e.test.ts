/**
 * End to end: the real assistant (real content, memory store) behind the real
 * Bolt app in HTTP mode, driven like Slack over loopback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestAssistant } from '../helpers/assistant.js';
import { ADA, BOB, buttonsOf, textOf, type Posted } from './fakes.js';
import { findButton, startHarness, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  const { assistant } = await makeTestAssistant();
  h = await startHarness(assistant);
});
afterAll(async () => {
  await h.close();
});

const headerOf = (m: Posted): string => {
  const block = (m.blocks ?? []).find((b) => b.type === 'header') as { text: { text: string } } | undefined;
  return block?.text.text ?? '';
};

describe('slash commands', () => {
  it('verifies the token once at start-up with the bot token', () => {
    const auth = h.api.calls.filter((c) => c.method === 'auth.test');
    expect(auth).toHaveLength(1);
    expect(auth[0]!.authorization).toBe('Bearer xoxb-test-token');
  });

  it('posts the role summary to the channel', async () => {
    const m = await h.command('devops-role');
    expect(m.response_type).toBe('in_channel');
    expect(headerOf(m)).toContain('DevOps');
    expect(buttonsOf(m).length).toBeGreaterThan(0);
  });
});
