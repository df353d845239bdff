/**
 * End to end, interview mode on Slack: the real Bolt app over loopback. A
 * checklist is a checkboxes element; ticking sends a `checkboxes`
 * block_actions payload with every box ticked now, and the card is replaced.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestAssistant } from '../helpers/assistant.js';
import { ADA, BOB, type Posted, postSigned, type TestUser } from './fakes.js';
import { type Harness, startHarness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  const { assistant } = await makeTestAssistant();
  h = await startHarness(assistant);
});
afterAll(async () => {
  await h.close();
});

type Checkboxes = { type: 'checkboxes'; action_id: string; options: { value: string }[]; initial_options?: { value: string }[] };

/** Every checkboxes element of a message, wherever Block Kit put it. */
function checkboxesOf(message: Posted): Checkboxes[] {
  const found: Checkboxes[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      if ((node as { type?: unknown }).type === 'checkboxes') found.push(node as Checkboxes);
      else Object.values(node).forEach(walk);
    }
  };
  walk(message.blocks ?? []);
  return found;
}

function tickBody(box: Checkboxes, values: readonly string[], responseUrl: string, user: TestUser): string {
  const payload = {
    type: 'block_actions',
    team: { id: 'T1', domain: 'test' },
    user: { id: user.id, username: user.name, name: user.name, team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy',
    container: { type: 'message', message_ts: '1.000', channel_id: 'C1', is_ephemeral: true },
    trigger_id: 'trigger-tick',
    channel: { id: 'C1', name: 'general' },
    response_url: responseUrl,
    actions: [
      {
        type: 'checkboxes',
        block_id: 'kp',
        action_id: box.action_id,
        selected_options: values.map((value) => ({ text: { type: 'plain_text', text: value }, value })),
        action_ts: '1.0',
      },
    ],
  };
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

async function tick(box: Checkboxes, values: readonly string[], user: TestUser = ADA): Promise<Posted> {
  const responseUrl = h.responses.next();
  const res = await postSigned(h.url, tickBody(box, values, responseUrl, user));
  expect(res.status).toBe(200);
  return h.responses.message(responseUrl);
}

describe('/devops-interview on Slack', () => {
  it('plans privately, and ticks key points through checkboxes', async () => {
    const plan = await h.command('devops-interview', 'senior 30');
    expect(plan.response_type).toBe('ephemeral');
    const card = await h.press(plan, 'Start');
    expect(card.replace_original).toBe(true);
    const [points] = checkboxesOf(card);
    expect(points).toBeDefined();
    expect(points!.initial_options ?? []).toEqual([]);

    const ticked = await tick(points!, [points!.options[0]!.value, points!.options[2]!.value]);
    expect(ticked.replace_original).toBe(true);
    expect(ticked.response_type).toBe('ephemeral');
    const after = checkboxesOf(ticked)[0]!;
    expect((after.initial_options ?? []).map((o) => o.value)).toEqual([points!.options[0]!.value, points!.options[2]!.value]);

    // Someone else's tick on the same card is refused and replaces nothing.
    const refused = await tick(points!, [points!.options[1]!.value], BOB);
    expect(refused.replace_original).not.toBe(true);
    expect(JSON.stringify(refused)).toMatch(/no interview/i);

    // Unticking everything sends an empty selection.
    const cleared = await tick(points!, []);
    expect(checkboxesOf(cleared)[0]!.initial_options ?? []).toEqual([]);
  });
});
