/**
 * Discord: a challenge (or question of the day) started in a channel where the
 * bot lacks permissions says so privately, naming them. The real discord.js
 * bot over the fake gateway, and the real HTTP interactions server over its
 * webhook fake; both fakes answer the channel post with 403 / 50013 Missing
 * Permissions, and the ephemeral follow-up goes to the interaction's webhook.
 */
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordOutbox } from '../../adapters/discord/outbox.js';
import { createLogger } from '../../adapters/logger.js';
import { startTicker } from '../../adapters/ticker.js';
import type { Outbox } from '../../src/outbox.js';
import { APP_ID, type FakePlace, type FakeUser } from '../discord/fake-discord.js';
import { startHarness } from '../discord/harness.js';
import { startHttpHarness } from '../discord-http/harness.js';
import { makeTestAssistant, type TestAssistant } from '../helpers/assistant.js';

const GUILD: FakePlace = { guildId: '300000000000000001', channelId: '400000000000000001' };
const ADA: FakeUser = { id: '500000000000000001', username: 'ada', global_name: 'Ada' };
const EPHEMERAL = 64;
const PERMISSIONS = ['Send Messages', 'Embed Links', 'Create Public Threads', 'Send Messages in Threads'];

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** Answers the bot's channel posts as Discord does when it lacks Send Messages. */
function missingPermissions(call: { method: string; path: string }, res: ServerResponse): boolean {
  if (call.method !== 'POST' || !/^\/channels\/\d+\/messages$/.test(call.path)) return false;
  res.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Missing Permissions', code: 50013 }));
  return true;
}

/** One tick of the real ticker with a real (masking) logger; returns the lines it wrote. */
async function tick(t: TestAssistant, outbox: Outbox): Promise<string[]> {
  const lines: string[] = [];
  const ticker = startTicker({
    assistant: t.assistant,
    targets: [{ platform: 'discord', outbox }],
    logger: createLogger({ level: 'debug', write: (l) => lines.push(l) }),
  });
  await ticker.tick();
  await ticker.stop();
  return lines;
}

type Body = { flags?: number; embeds?: unknown[]; allowed_mentions?: unknown; content?: string };

describe('Discord over the gateway: the bot lacks permissions in the channel', () => {
  it('a challenge says so in one ephemeral follow-up naming the permissions, and frees the channel', async () => {
    const t = await makeTestAssistant();
    const h = await startHarness(t.assistant);
    closers.push(() => h.close());
    h.fake.intercept(missingPermissions);

    const sent = h.driver.command(ADA, GUILD, 'devops-challenge', { subcommand: 'start', options: { count: 2 } });
    const reply = await h.driver.callback(sent);
    expect(JSON.stringify(reply.body)).toContain('Challenge starting');

    const lines = await tick(t, h.bot.outbox);
    const followUps = h.fake.calls.filter((c) => c.method === 'POST' && c.path === `/webhooks/${APP_ID}/${sent.token}`);
    expect(followUps).toHaveLength(1);
    const body = followUps[0]?.body as Body;
    expect(body.flags).toBe(EPHEMERAL);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    const said = JSON.stringify(body.embeds);
    expect(said).toContain("Panelist can't post in this channel");
    for (const p of PERMISSIONS) expect(said).toContain(p);
    // The follow-up goes without the bot token: the interaction token is its credential.
    expect(followUps[0]?.auth).toBeUndefined();

    // Nothing reached the channel, and nothing more is said.
    expect(h.fake.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${GUILD.channelId}/messages`)).toHaveLength(1);
    t.clock.advance(60_000);
    lines.push(...(await tick(t, h.bot.outbox)));
    expect(h.fake.calls.filter((c) => c.path === `/webhooks/${APP_ID}/${sent.token}` && c.method === 'POST')).toHaveLength(1);
    expect(lines.join('\n')).toContain('due work failed');
    expect(lines.join('\n')).not.toContain(sent.token);
    expect(JSON.stringify(h.logger.lines)).not.toContain(sent.token);

    const record = (await t.store.getRecord('challenge', `discord|${GUILD.guildId}|${GUILD.channelId}`))?.value;
    expect(record).toMatchObject({ phase: 'done', failed: 'missing-permissions' });
    expect(JSON.stringify(record)).not.toContain(sent.token);

    const again = h.driver.command(ADA, GUILD, 'devops-challenge', { subcommand: 'start', options: { count: 2 } });
    expect(JSON.stringify((await h.driver.callback(again)).body)).toContain('Challenge starting');
  });

  it('says nothing privately when the bot may post', async () => {
    const t = await makeTestAssistant();
    const h = await startHarness(t.assistant);
    closers.push(() => h.close());
    const sent = h.driver.command(ADA, GUILD, 'devops-challenge', { subcommand: 'start', options: { count: 2 } });
    await h.driver.callback(sent);
    await tick(t, h.bot.outbox);
    expect(h.fake.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${GUILD.channelId}/messages`)).toHaveLength(1);
    expect(h.fake.calls.filter((c) => c.path === `/webhooks/${APP_ID}/${sent.token}` && c.method === 'POST')).toHaveLength(0);
  });
});

describe('Discord over HTTP interactions: the bot lacks permissions in the channel', () => {
  async function started() {
    const t = await makeTestAssistant();
    const h = await startHttpHarness(t.assistant);
    closers.push(() => h.close());
    h.fake.intercept(missingPermissions);
    // The outbox `npm start` gives the HTTP mode: REST with the bot token.
    const outbox = createDiscordOutbox({ token: 'fake-bot-token-never-sent', apiUrl: h.fake.apiUrl, logger: h.logger });
    return { t, h, outbox };
  }

  it('a challenge says so in one ephemeral follow-up naming the permissions', async () => {
    const { t, h, outbox } = await started();
    const answered = await h.client.command(ADA, GUILD, 'devops-challenge', { subcommand: 'start', options: { count: 2 } });
    expect(JSON.stringify(answered.response)).toContain('Challenge starting');
    const lines = await tick(t, outbox);
    const followUps = h.fake.callsOf(answered.token).filter((c) => c.method === 'POST' && c.path === `/webhooks/${APP_ID}/${answered.token}`);
    expect(followUps).toHaveLength(1);
    const body = followUps[0]?.body as Body;
    expect(body.flags).toBe(EPHEMERAL);
    for (const p of PERMISSIONS) expect(JSON.stringify(body.embeds)).toContain(p);
    expect(lines.join('\n')).not.toContain(answered.token);
  });

  it('a question of the day says so privately when its first post is refused', async () => {
    const { t, h, outbox } = await started();
    const payload = h.client.payload(ADA, GUILD, 2, {
      id: '1',
      name: 'devops-daily',
      type: 1,
      options: [
        {
          type: 1,
          name: 'start',
          options: [
            { type: 3, name: 'time', value: '12:05' },
            { type: 3, name: 'tz', value: 'UTC' },
          ],
        },
      ],
    });
    // Manage Channels: who may schedule the question of the day.
    (payload.member as { permissions: string }).permissions = String(1n << 4n);
    const answered = await h.client.send(payload);
    expect(JSON.stringify(answered.response)).toContain('Question of the day scheduled');
    t.clock.advance(5 * 60 * 1000);
    await tick(t, outbox);
    const followUps = h.fake.callsOf(answered.token).filter((c) => c.method === 'POST');
    expect(followUps).toHaveLength(1);
    const body = followUps[0]?.body as Body;
    expect(body.flags).toBe(EPHEMERAL);
    const said = JSON.stringify(body.embeds);
    expect(said).toContain("Panelist can't post the question of the day here");
    expect(said).toContain('Send Messages');
  });
});
