/**
 * End to end, interview mode on Discord: the real bot through the fake
 * gateway. A checklist is a string select; changing it sends every value
 * selected now, and the card is updated in place.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestAssistant } from '../helpers/assistant.js';
import { findButton, type Sent } from './driver.js';
import type { FakeMessage, FakePlace, FakeUser, RecordedCall } from './fake-discord.js';
import { type Harness, startHarness } from './harness.js';

const GUILD: FakePlace = { guildId: '300000000000000001', channelId: '400000000000000001' };
const ADA: FakeUser = { id: '500000000000000001', username: 'ada', global_name: 'Ada' };
const BOB: FakeUser = { id: '500000000000000002', username: 'bob' };

type Select = { type: 3; custom_id: string; options: { value: string; default?: boolean }[] };

let h: Harness;
beforeAll(async () => {
  const { assistant } = await makeTestAssistant();
  h = await startHarness(assistant);
});
afterAll(() => h.close());

async function settled(sent: Sent): Promise<{ call: RecordedCall; type: number; message: FakeMessage }> {
  const call = await h.driver.callback(sent);
  return { call, type: (call.body as { type: number }).type, message: h.driver.messageOf(sent) };
}

function selectsOf(message: FakeMessage): Select[] {
  return (message.components as { components?: { type: number }[] }[]).flatMap((row) => (row.components ?? []).filter((c): c is Select => c.type === 3));
}

describe('/devops-interview on Discord', () => {
  it('plans privately, starts, and ticks key points through a string select that updates the card', async () => {
    const plan = await settled(h.driver.command(ADA, GUILD, 'devops-interview', { subcommand: 'plan', options: { level: 'senior', minutes: 30 } }));
    expect(((plan.call.body as { data?: { flags?: number } }).data?.flags ?? 0) & 64).toBe(64);
    const card = await settled(h.driver.press(ADA, GUILD, plan.message, findButton(plan.message, /^Start$/).custom_id));
    expect(card.type).toBe(7);
    const [points] = selectsOf(card.message);
    expect(points).toBeDefined();
    const chosen = [points!.options[0]!.value, points!.options[1]!.value];

    const ticked = await settled(h.driver.select(ADA, GUILD, card.message, points!.custom_id, chosen));
    expect(ticked.type).toBe(7);
    expect(ticked.message.id).toBe(card.message.id);
    const after = selectsOf(ticked.message)[0]!;
    expect(after.options.filter((o) => o.default).map((o) => o.value)).toEqual(chosen);

    // Bob's change is refused privately; the card stays as it was.
    const refused = await h.driver.callback(h.driver.select(BOB, GUILD, ticked.message, points!.custom_id, []));
    expect((refused.body as { type: number }).type).toBe(4);
    expect(JSON.stringify(refused.body)).toMatch(/no interview/i);
    expect(
      selectsOf(ticked.message)[0]!
        .options.filter((o) => o.default)
        .map((o) => o.value),
    ).toEqual(chosen);
  });
});
