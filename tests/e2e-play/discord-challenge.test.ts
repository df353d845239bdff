/**
 * A channel challenge end to end on Discord, in short: real discord.js logged
 * into the fake Discord (gateway and REST), the real assistant on the memory
 * store with a clock the test moves, two players pressing the A–D buttons
 * through gateway interactions, and `runDue('discord', bot.outbox)` standing
 * in for the ticker. Asserted from the REST calls the fake recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Assistant, createAssistant } from '../../src/assistant.js';
import { seededRandom } from '../../src/random.js';
import { createMemoryStore } from '../../storage/memory-store.js';
import { buttonsOf } from '../discord/driver.js';
import type { FakeMessage, FakePlace, FakeUser, RecordedCall } from '../discord/fake-discord.js';
import { type Harness, startHarness } from '../discord/harness.js';
import { limitViolations } from '../discord/limits-check.js';
import { realRoles } from '../helpers/assistant.js';
import { type AnswerButton, answerOf, type PlayClock, pick, playClock, runDue } from './support.js';

const GUILD = '300000000000000009';
const CHANNEL = '400000000000000009';
const PLACE: FakePlace = { guildId: GUILD, channelId: CHANNEL };
const ADA: FakeUser = { id: '500000000000000011', username: 'ada', global_name: 'Ada' };
/** A display name full of mention syntax: shown as text, and allowed_mentions keeps it from pinging. */
const BOB: FakeUser = { id: '500000000000000012', username: 'bob', global_name: 'Bob @everyone' };

let h: Harness;
let clock: PlayClock;
let assistant: Assistant;
const tick = () => runDue(assistant, 'discord', h.bot.outbox);

beforeAll(async () => {
  clock = playClock(Date.UTC(2026, 11, 2, 12, 0, 0));
  assistant = createAssistant({ roles: await realRoles(), store: createMemoryStore({ validate: true }), clock, random: seededRandom(11) });
  h = await startHarness(assistant);
});
afterAll(() => h.close());

type Body = {
  allowed_mentions?: unknown;
  embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[] }[];
  data?: { flags?: number; embeds?: { title?: string; description?: string }[] };
};
const bodyOf = (c: RecordedCall) => c.body as Body;
const text = (v: unknown) => JSON.stringify(v);
const channelPosts = () => h.fake.calls.filter((c) => c.method === 'POST' && /^\/channels\/\d+\/messages$/.test(c.path));
const edits = () => h.fake.calls.filter((c) => c.method === 'PATCH' && /^\/channels\/\d+\/messages\/\d+$/.test(c.path));
const threads = () => h.fake.calls.filter((c) => c.method === 'POST' && /^\/channels\/\d+\/messages\/\d+\/threads$/.test(c.path));

/** The messages the bot posted by itself (not interaction replies), oldest first. */
const posted = (): FakeMessage[] => [...h.fake.messages.values()].filter((m) => m.token === '');

function answers(message: FakeMessage): AnswerButton[] {
  return buttonsOf(message)
    .filter((b) => /^[A-D]$/.test(b.label))
    .map((b) => answerOf(b.custom_id, b.label, { action_id: b.custom_id }));
}

/** Presses a button and waits for the bot's answer to the interaction. */
async function press(user: FakeUser, place: FakePlace, message: FakeMessage, customId: string): Promise<Body> {
  const sent = h.driver.press(user, place, message, customId);
  return bodyOf(await h.driver.callback(sent, 10_000));
}

describe('a two-question /devops-challenge on Discord', () => {
  it('posts, takes private answers, edits the reveal in place without pings, threads question 2, ends with standings', async () => {
    const started = bodyOf(
      await h.driver.callback(
        h.driver.command(ADA, PLACE, 'devops-challenge', { subcommand: 'start', options: { tier: 'basic', count: 2, seconds: 10 } }),
        10_000,
      ),
    );
    expect(started.data?.flags).toBe(64);
    expect(text(started)).toContain('Challenge starting');

    await tick();
    expect(channelPosts().map((c) => c.path)).toEqual([`/channels/${CHANNEL}/messages`]);
    expect(bodyOf(channelPosts()[0]!).allowed_mentions).toEqual({ parse: [] });
    const q1 = posted()[0]!;
    expect(q1.channel_id).toBe(CHANNEL);
    const b1 = answers(q1);
    expect(b1.map((b) => b.letter)).toEqual(['A', 'B', 'C', 'D']);

    clock.advance(1000);
    const bob = await press(BOB, PLACE, q1, pick(b1, true).action_id);
    clock.advance(3000);
    const ada = await press(ADA, PLACE, q1, pick(b1, false).action_id);
    for (const r of [bob, ada]) expect(r.data?.flags, 'a private answer').toBe(64);
    expect(text(bob)).toContain(`Locked in: ${pick(b1, true).letter}`);
    expect(text(await press(BOB, PLACE, q1, pick(b1, false).action_id))).toContain('You already answered');
    // The answers did not touch the public message.
    expect(edits()).toHaveLength(0);

    clock.advance(6500);
    await tick();
    // The reveal edits question 1 in place, pinging nobody.
    expect(edits().map((c) => c.path)).toEqual([`/channels/${CHANNEL}/messages/${q1.id}`]);
    const reveal = bodyOf(edits()[0]!);
    expect(reveal.allowed_mentions).toEqual({ parse: [] });
    const shown = text(reveal.embeds);
    expect(shown).toContain('closed');
    expect(shown).toContain('Right (1 of 2): Bob @everyone');
    expect(shown).toContain('Fastest: Bob @everyone in 1.0 s');
    expect(shown).toMatch(new RegExp(`✅ ${pick(b1, true).letter}\\. [^"]*? — 1`));
    expect(answers(h.fake.messages.get(q1.id)!)).toEqual([]);

    // Question 2 in a thread opened on question 1 (Discord gives the thread the message's id).
    expect(threads().map((c) => c.path)).toEqual([`/channels/${CHANNEL}/messages/${q1.id}/threads`]);
    const thread = q1.id;
    expect(channelPosts().map((c) => c.path)).toEqual([`/channels/${CHANNEL}/messages`, `/channels/${thread}/messages`]);
    const q2 = posted()[1]!;
    expect(text(q2.embeds)).toContain('Question 2 of 2');
    const inThread: FakePlace = { guildId: GUILD, channelId: thread };
    expect(text(await press(ADA, inThread, q2, pick(answers(q2), true).action_id))).toContain('Locked in');

    clock.advance(10_500);
    await tick();
    expect(edits()).toHaveLength(2);
    expect(edits()[1]!.path).toBe(`/channels/${thread}/messages/${q2.id}`);
    expect(channelPosts()).toHaveLength(3);
    expect(channelPosts()[2]!.path).toBe(`/channels/${thread}/messages`);
    const standings = bodyOf(channelPosts()[2]!);
    expect(standings.allowed_mentions).toEqual({ parse: [] });
    const table = text(standings.embeds);
    expect(table).toContain('Challenge finished');
    // Bob 100 + 50 (1 s of 10); Ada 100 + 50 (0 s on question 2), 0 for her wrong first answer; ties by name.
    expect(table).toMatch(/Ada — 1 correct · 150 points[\s\S]*Bob @everyone — 1 correct · 150 points/);
    expect(buttonsOf(posted()[2]!).map((b) => b.label)).toEqual(['Rematch', 'Leaderboard']);
    // Only one thread, ever.
    expect(threads()).toHaveLength(1);

    for (const c of [...channelPosts(), ...edits()]) expect(limitViolations(c.body), `${c.method} ${c.path}`).toEqual([]);
  });
});
