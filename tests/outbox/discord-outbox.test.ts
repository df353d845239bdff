/**
 * Discord's outbox with the real @discordjs/rest against the local fake
 * Discord: posts, edits and threads round-trip, every payload fits Discord's
 * limits and never pings, and refusals become the OutboxError users hear.
 */
import { REST } from '@discordjs/rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordOutbox, DISCORD_PERMISSIONS, threadName } from '../../adapters/discord/outbox.js';
import { type ChannelRef, type Outbox, OutboxError } from '../../src/outbox.js';
import type { View } from '../../src/views.js';
import { FakeDiscord, type RecordedCall } from '../discord/fake-discord.js';
import { memoryLogger, startHarness } from '../discord/harness.js';
import { limitViolations } from '../discord/limits-check.js';
import { sampleViews } from '../renderers/samples.js';
import { fakeAssistant } from '../slack/fake-assistant.js';

const CHANNEL: ChannelRef = { platform: 'discord', workspace: '300000000000000001', channel: '300000000000000002' };
const PINGS = 'Hey <@123456789012345678> and <@&223456789012345678>, @everyone @here <!channel>';
const notice = (text: string): View => ({ kind: 'notice', title: 'Question of the day', text, actions: [] });

/** Answers matching calls with a Discord error body. */
function refuse(fake: FakeDiscord, match: (c: RecordedCall) => boolean, status: number, code: number, message: string): () => void {
  return fake.intercept((call, res) => {
    if (!match(call)) return false;
    const text = JSON.stringify({ message, code });
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
    return true;
  });
}

async function rejection(promise: Promise<unknown>): Promise<OutboxError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OutboxError);
  return error as OutboxError;
}

describe('Discord outbox over REST', () => {
  let fake: FakeDiscord;
  let outbox: Outbox;
  const logger = memoryLogger();

  beforeAll(async () => {
    fake = await new FakeDiscord().start();
    const rest = new REST({ api: fake.apiUrl, retries: 0, timeout: 2000 }).setToken('fake-token');
    outbox = createDiscordOutbox({ rest, logger });
  });
  afterAll(() => fake.stop());

  it('posts, edits and opens a thread, and the follow-up goes into the thread', async () => {
    const posted = await outbox.post(CHANNEL, notice('What does a liveness probe check?'));
    expect(posted).toMatchObject({ ...CHANNEL });
    const create = await fake.waitFor((c) => c.method === 'POST' && c.path === `/channels/${CHANNEL.channel}/messages`);
    expect(create.auth).toBe('Bot fake-token');
    expect(fake.messages.get(posted.message)?.channel_id).toBe(CHANNEL.channel);

    await outbox.update(posted, notice('Answers are in.'));
    const patch = await fake.waitFor((c) => c.method === 'PATCH' && c.path === `/channels/${CHANNEL.channel}/messages/${posted.message}`);
    expect(JSON.stringify(patch.body)).toContain('Answers are in.');
    expect(JSON.stringify(fake.messages.get(posted.message)?.embeds)).toContain('Answers are in.');

    const longName = `Challenge: ${'what happens when a pod is evicted '.repeat(5)}`;
    const thread = await outbox.openThread(posted, longName);
    expect(thread).toBe(posted.message);
    const open = await fake.waitFor((c) => c.method === 'POST' && c.path.endsWith(`/messages/${posted.message}/threads`));
    const openBody = open.body as { name: string; auto_archive_duration: number };
    expect([...openBody.name].length).toBeLessThanOrEqual(100);
    expect(openBody.name.startsWith('Challenge: what happens')).toBe(true);
    expect(openBody.auto_archive_duration).toBe(60);

    const reply = await outbox.post(CHANNEL, notice('First answer'), { thread });
    expect(reply.thread).toBe(thread);
    expect(fake.messages.get(reply.message)?.channel_id).toBe(thread);
    // Editing a message in a thread addresses the thread channel.
    await outbox.update(reply, notice('First answer, edited'));
    expect(fake.messages.get(reply.message)?.embeds.length).toBeGreaterThan(0);
    // A message in a thread has no thread of its own: its follow-ups stay there.
    expect(await outbox.openThread(reply, 'nested')).toBe(thread);
  });

  it('sends every view kind within Discord limits, always with allowed_mentions { parse: [] }', async () => {
    const before = fake.calls.length;
    const views = [...Object.values(sampleViews), notice(PINGS)];
    for (const view of views) {
      const posted = await outbox.post(CHANNEL, view);
      await outbox.update(posted, view);
    }
    const sent = fake.calls.slice(before).filter((c) => c.method === 'POST' || c.method === 'PATCH');
    expect(sent).toHaveLength(views.length * 2);
    for (const call of sent) {
      expect(limitViolations(call.body), `${call.method} ${call.path}`).toEqual([]);
      expect((call.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
    }
  });

  it('a text full of mention syntax pings no one: no content, no parse, nothing resolved', async () => {
    const posted = await outbox.post(CHANNEL, notice(PINGS));
    const call = await fake.waitFor((c) => c.method === 'POST' && JSON.stringify(c.body).includes('223456789012345678'));
    const body = call.body as Record<string, unknown>;
    expect(body.allowed_mentions).toEqual({ parse: [] });
    // Embeds never ping, and nothing is in `content`, the one field that could.
    expect(body.content ?? '').not.toMatch(/@everyone|@here|<@/);
    expect(fake.messages.get(posted.message)?.content).toBe('');
  });

  it('Missing Permissions on a post names exactly what to grant; in a thread, Send Messages in Threads', async () => {
    const undo = refuse(fake, (c) => c.method === 'POST' && c.path.endsWith('/messages'), 403, 50013, 'Missing Permissions');
    try {
      const e = await rejection(outbox.post(CHANNEL, notice('x')));
      expect(e.code).toBe('missing-permissions');
      expect(e.missing).toEqual([DISCORD_PERMISSIONS.send, DISCORD_PERMISSIONS.embed]);
      expect(e.message).toContain('Send Messages');
      const inThread = await rejection(outbox.post(CHANNEL, notice('x'), { thread: '300000000000000009' }));
      expect(inThread.missing).toEqual(['Send Messages in Threads', 'Embed Links']);
    } finally {
      undo();
    }
  });

  it('Missing Access adds View Channel; Unknown Channel and Unknown Message are gone', async () => {
    let undo = refuse(fake, (c) => c.method === 'POST', 403, 50001, 'Missing Access');
    try {
      const e = await rejection(outbox.post(CHANNEL, notice('x')));
      expect(e.code).toBe('missing-permissions');
      expect(e.missing).toEqual(['View Channel', 'Send Messages', 'Embed Links']);
    } finally {
      undo();
    }
    undo = refuse(fake, (c) => c.method === 'POST', 404, 10003, 'Unknown Channel');
    try {
      expect((await rejection(outbox.post(CHANNEL, notice('x')))).code).toBe('gone');
    } finally {
      undo();
    }
    // The fake answers 10008 itself for a message it does not hold.
    const e = await rejection(outbox.update({ ...CHANNEL, message: '399999999999999999' }, notice('x')));
    expect(e.code).toBe('gone');
  });

  it('thread creation refused (50013) resolves undefined and the follow-up goes to the channel', async () => {
    const posted = await outbox.post(CHANNEL, notice('Challenge'));
    const undo = refuse(fake, (c) => c.path.endsWith('/threads'), 403, 50013, 'Missing Permissions');
    try {
      const thread = await outbox.openThread(posted, 'Challenge');
      expect(thread).toBeUndefined();
      const follow = await outbox.post(CHANNEL, notice('Follow-up'), thread ? { thread } : {});
      expect(follow.thread).toBeUndefined();
      expect(fake.messages.get(follow.message)?.channel_id).toBe(CHANNEL.channel);
      const warned = logger.lines.find((l) => l.msg.includes('no thread'));
      expect(warned?.fields.missing).toEqual(['Create Public Threads', 'Send Messages in Threads']);
    } finally {
      undo();
    }
  });

  it('a channel that cannot hold threads (50024) resolves undefined; an existing thread (160004) is reused', async () => {
    const posted = await outbox.post(CHANNEL, notice('Challenge'));
    let undo = refuse(fake, (c) => c.path.endsWith('/threads'), 400, 50024, 'Cannot execute action on this channel type');
    try {
      expect(await outbox.openThread(posted, 'Challenge')).toBeUndefined();
    } finally {
      undo();
    }
    undo = refuse(fake, (c) => c.path.endsWith('/threads'), 400, 160004, 'A thread has already been created for this message');
    try {
      expect(await outbox.openThread(posted, 'Challenge')).toBe(posted.message);
    } finally {
      undo();
    }
  });

  it('waits out a 429 itself and the post goes through', async () => {
    let limited = 0;
    const undo = fake.intercept((call, res) => {
      if (call.method !== 'POST' || limited > 0) return false;
      limited += 1;
      const text = JSON.stringify({ message: 'You are being rate limited.', retry_after: 0.2, global: false });
      res
        .writeHead(429, { 'content-type': 'application/json', 'retry-after': '1', 'x-ratelimit-scope': 'user', 'content-length': Buffer.byteLength(text) })
        .end(text);
      return true;
    });
    try {
      const started = Date.now();
      const posted = await outbox.post(CHANNEL, notice('after the limit'));
      expect(limited).toBe(1);
      expect(fake.messages.get(posted.message)).toBeDefined();
      expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    } finally {
      undo();
    }
  });

  it('thread names are one line of 1..100 characters', () => {
    expect(threadName('  a\n\nb  ')).toBe('a b');
    expect(threadName('   ')).toBe('Answers');
    expect([...threadName('🚀'.repeat(150))].length).toBe(100);
  });

  it("the gateway bot's outbox posts through the logged-in client's REST", async () => {
    const harness = await startHarness(fakeAssistant(), { fake });
    try {
      const posted = await harness.bot.outbox.post(CHANNEL, notice('daily'));
      const call = await fake.waitFor(
        (c) => c.method === 'POST' && c.path === `/channels/${CHANNEL.channel}/messages` && JSON.stringify(c.body).includes('daily'),
      );
      expect(call.auth).toBe('Bot fake-token');
      expect(fake.messages.get(posted.message)?.channel_id).toBe(CHANNEL.channel);
    } finally {
      await harness.close();
    }
  });
});
