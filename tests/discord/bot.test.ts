/**
 * Timing and failure paths of the bot, with a small scripted assistant:
 * deferral past the deadline, faults answered with an apology, REST failures,
 * and forms that outlive the bot's memory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord } from '../../adapters/discord/bot.js';
import { PROMPT_MARK } from '../../adapters/discord/components.js';
import type { Assistant } from '../../src/assistant.js';
import type { Request } from '../../src/requests.js';
import type { Reply } from '../../src/views.js';
import { buttonsOf, findButton } from './driver.js';
import { APP_ID, FakeDiscord, type FakePlace, type FakeUser, type RecordedCall } from './fake-discord.js';
import { type Harness, memoryLogger, startHarness } from './harness.js';

const PLACE: FakePlace = { guildId: '300000000000000009', channelId: '400000000000000009' };
const USER: FakeUser = { id: '500000000000000009', username: 'eve' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const notice = (title: string, visibility: Reply['visibility'] = 'private', replace = false): Reply => ({
  visibility,
  ...(replace ? { replace } : {}),
  view: {
    kind: 'notice',
    title,
    text: 'text',
    actions: [
      { id: 'x|again', label: 'Again' },
      { id: 'x|form', label: 'Answer', prompt: { actionId: 'x|form', title: 'Your answer', label: 'Type it', maxLength: 500 } },
    ],
  },
});

/** Commands by name: `boom` faults, `slow-*` take longer than the defer threshold. */
const scripted: Assistant = {
  commands: [],
  async handle(request: Request): Promise<Reply> {
    const name = request.type === 'command' ? request.command : request.actionId;
    if (name === 'boom') throw new Error('store is down');
    if (name === 'slow-private') return sleep(300).then(() => notice('slow private'));
    if (name === 'slow-public') return sleep(300).then(() => notice('slow public', 'public'));
    if (name === 'slow-boom') return sleep(300).then(() => Promise.reject(new Error('late fault')));
    if (name === 'x|again') return notice('again', 'private', true);
    if (name === 'x|share') return { ...notice('shared', 'public', true) };
    if (name === 'x|oops') return { visibility: 'private', replace: true, view: { kind: 'error', code: 'stale-action', message: 'gone' } };
    if (name === 'x|slow') return sleep(300).then(() => notice('slow update', 'private', true));
    if (name === 'x|form') return notice(`got: ${request.type === 'action' ? request.text : ''}`, 'private', true);
    if (request.type === 'command')
      return notice(`${name} ${request.subcommand ?? ''} ${JSON.stringify(request.options)} ${request.ctx.space} ${request.ctx.user.name}`);
    return notice('unknown');
  },
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness(scripted, { deferAfterMs: 100 });
});
afterAll(() => h.close());

const callsOf = (sent: { id: string; token: string }) => h.fake.callsFor(sent);
const typeOf = (c: RecordedCall | undefined) => (c?.body as { type?: number } | undefined)?.type;
const flagsOf = (c: RecordedCall | undefined) =>
  (c?.body as { data?: { flags?: number }; flags?: number } | undefined)?.data?.flags ?? (c?.body as { flags?: number } | undefined)?.flags;

describe('createDiscordBot', () => {
  it('logs in with only the Guilds intent and mentions disabled by default', () => {
    expect(h.bot.client.options.intents.toArray()).toEqual(['Guilds']);
    expect(h.bot.client.options.allowedMentions).toEqual({ parse: [] });
  });

  it('passes typed options and the context (guild, or dm:user) to the core', async () => {
    const sent = h.driver.command(USER, PLACE, 'devops-quiz', { subcommand: 'start', options: { tier: 'advanced', count: 3, share: true } });
    const call = await h.driver.callback(sent);
    expect(JSON.stringify(call.body)).toContain('devops-quiz start {\\"tier\\":\\"advanced\\",\\"count\\":3,\\"share\\":true} 300000000000000009 eve');
    const dm = h.driver.command({ ...USER, global_name: 'Eve G' }, { channelId: '600000000000000009' }, 'devops-help');
    expect(JSON.stringify((await h.driver.callback(dm)).body)).toContain(`dm:${USER.id} Eve G`);
  });

  it('defers a slow command privately, then edits in a private answer', async () => {
    const sent = h.driver.command(USER, PLACE, 'slow-private');
    await h.fake.waitFor((c) => c.method === 'PATCH' && c.path.includes(sent.token));
    const calls = callsOf(sent);
    expect(typeOf(calls[0])).toBe(5);
    expect(flagsOf(calls[0])).toBe(64);
    expect(calls[1]?.path).toBe(`/webhooks/${APP_ID}/${sent.token}/messages/@original`);
    expect(JSON.stringify(calls[1]?.body)).toContain('slow private');
  });

  it('defers a slow public command, posts the answer to the channel and removes the placeholder', async () => {
    const sent = h.driver.command(USER, PLACE, 'slow-public');
    await h.fake.waitFor((c) => c.method === 'DELETE' && c.path.includes(sent.token));
    const calls = callsOf(sent);
    expect(calls.map((c) => c.method)).toEqual(['POST', 'POST', 'DELETE']);
    expect(typeOf(calls[0])).toBe(5);
    expect(calls[1]?.path).toBe(`/webhooks/${APP_ID}/${sent.token}`);
    expect(flagsOf(calls[1]) ?? 0).toBe(0);
    expect(JSON.stringify(calls[1]?.body)).toContain('slow public');
  });

  it('defers a slow button with deferUpdate, then edits the message it was on', async () => {
    const first = h.driver.command(USER, PLACE, 'start');
    await h.driver.callback(first);
    const message = h.driver.messageOf(first);
    const sent = h.driver.press(USER, PLACE, message, 'x|slow');
    await h.fake.waitFor((c) => c.method === 'PATCH' && c.path.includes(sent.token));
    const calls = callsOf(sent);
    expect(typeOf(calls[0])).toBe(6);
    expect(JSON.stringify(h.fake.messages.get(message.id)?.embeds)).toContain('slow update');
  });

  it('posts a public reply to a private message as a new channel message, and never replaces a message with an error', async () => {
    const first = h.driver.command(USER, PLACE, 'start');
    await h.driver.callback(first);
    const message = h.driver.messageOf(first);
    expect(message.flags).toBe(64);
    const shared = await h.driver.callback(h.driver.press(USER, PLACE, message, 'x|share'));
    expect(typeOf(shared)).toBe(4);
    expect(flagsOf(shared) ?? 0).toBe(0);
    const oops = await h.driver.callback(h.driver.press(USER, PLACE, message, 'x|oops'));
    expect(typeOf(oops)).toBe(4);
    expect(flagsOf(oops)).toBe(64);
    expect(JSON.stringify(h.fake.messages.get(message.id)?.embeds)).toContain('start');
  });

  it('answers a fault with a short private apology, logs the interaction id, and keeps serving', async () => {
    const sent = h.driver.command(USER, PLACE, 'boom');
    const call = await h.driver.callback(sent);
    expect(typeOf(call)).toBe(4);
    expect(flagsOf(call)).toBe(64);
    expect(JSON.stringify(call.body)).toMatch(/Sorry, something went wrong/);
    expect(JSON.stringify(call.body)).not.toContain('store is down');
    expect(h.logger.lines.find((l) => l.level === 'error' && l.fields.interactionId === sent.id)).toBeDefined();
    const after = h.driver.command(USER, PLACE, 'devops-help');
    expect(typeOf(await h.driver.callback(after))).toBe(4);
  });

  it('after a deferral, apologises with a follow-up instead of answering twice', async () => {
    const sent = h.driver.command(USER, PLACE, 'slow-boom');
    await h.fake.waitFor((c) => c.method === 'POST' && c.path === `/webhooks/${APP_ID}/${sent.token}`);
    const calls = callsOf(sent);
    expect(calls.filter((c) => c.path.endsWith('/callback'))).toHaveLength(1);
    expect(flagsOf(calls[1])).toBe(64);
    expect(JSON.stringify(calls[1]?.body)).toMatch(/Sorry/);
  });

  it('survives Discord refusing a response, and serves the next interaction', async () => {
    const release = h.fake.intercept((call, res) => {
      if (!call.path.endsWith('/callback') || !JSON.stringify(call.body).includes('devops-role')) return false;
      res.writeHead(500, { 'content-type': 'application/json' }).end('{"message":"boom","code":0}');
      return true;
    });
    const sent = h.driver.command(USER, PLACE, 'devops-role');
    await h.fake.waitFor((c) => c.path.endsWith('/callback') && c.path.includes(sent.id) && JSON.stringify(c.body).includes('Sorry'));
    release();
    await h.fake.waitFor(() => h.logger.lines.some((l) => l.fields.interactionId === sent.id && l.level === 'error'));
    const after = h.driver.command(USER, PLACE, 'devops-help');
    expect(typeOf(await h.driver.callback(after))).toBe(4);
  });

  it('opens the form a button carries, and a remembered or forgotten form submits to the core', async () => {
    const first = h.driver.command(USER, PLACE, 'start');
    await h.driver.callback(first);
    const message = h.driver.messageOf(first);
    const button = findButton(message, /^Answer$/);
    expect(button.custom_id).toBe(`${PROMPT_MARK}x|form`);
    const opened = await h.driver.callback(h.driver.press(USER, PLACE, message, button.custom_id));
    expect(opened.body).toMatchObject({
      type: 9,
      data: { custom_id: 'x|form', title: 'Your answer', components: [{ type: 18, label: 'Type it', component: { type: 4, max_length: 500 } }] },
    });
    const forgotten = await h.driver.callback(h.driver.press(USER, PLACE, message, `${PROMPT_MARK}x|never-seen`));
    expect(forgotten.body).toMatchObject({
      type: 9,
      data: { custom_id: 'x|never-seen', title: 'Your answer', components: [{ component: { max_length: 4000 } }] },
    });
    const submitted = await h.driver.callback(h.driver.submit(USER, PLACE, 'x|form', 'answer', 'my @everyone answer', message));
    expect(typeOf(submitted)).toBe(7);
    expect(JSON.stringify(h.fake.messages.get(message.id)?.embeds)).toContain('got: my @everyone answer');
    // A form not opened from a message gets a new private reply instead of an update.
    const looseSent = h.driver.submit(USER, PLACE, 'x|form', 'answer', 'loose');
    const loose = await h.driver.callback(looseSent);
    expect(typeOf(loose)).toBe(4);
    expect(flagsOf(loose)).toBe(64);
    expect(buttonsOf(h.driver.messageOf(looseSent)).length).toBeGreaterThan(0);
  });

  it('answers a form submit over 4000 characters, or without its field, with the usage error instead of an apology', async () => {
    const first = h.driver.command(USER, PLACE, 'start');
    await h.driver.callback(first);
    const message = h.driver.messageOf(first);
    const longSent = h.driver.submit(USER, PLACE, 'x|form', 'answer', 'a'.repeat(4001), message);
    const long = await h.driver.callback(longSent);
    expect(typeOf(long)).toBe(4);
    expect(flagsOf(long)).toBe(64);
    expect(JSON.stringify(long.body)).toMatch(/too long: at most 4000 characters \(got 4001\)/);
    expect(JSON.stringify(long.body)).not.toMatch(/Sorry/);
    // The quiz message the form came from is left as it was.
    expect(JSON.stringify(h.fake.messages.get(message.id)?.embeds)).toContain('start');
    const fieldlessSent = h.driver.submit(USER, PLACE, 'x|form', 'something-else', 'text', message);
    const fieldless = await h.driver.callback(fieldlessSent);
    expect(flagsOf(fieldless)).toBe(64);
    expect(JSON.stringify(fieldless.body)).toMatch(/without an answer/);
    expect(h.logger.lines.filter((l) => l.msg === 'discord: form submit refused')).toHaveLength(2);
    const failed = h.logger.lines.filter((l) => l.level === 'error').map((l) => l.fields.interactionId);
    expect(failed).not.toContain(longSent.id);
    expect(failed).not.toContain(fieldlessSent.id);
    // 4000 exactly is an answer.
    const full = await h.driver.callback(h.driver.submit(USER, PLACE, 'x|form', 'answer', 'b'.repeat(4000), message));
    expect(typeOf(full)).toBe(7);
  });

  it('logs client errors instead of crashing', () => {
    expect(() => h.bot.client.emit('error', new Error('gateway hiccup'))).not.toThrow();
    expect(h.logger.lines.some((l) => l.msg === 'discord client error')).toBe(true);
  });
});

describe('startDiscord', () => {
  it('is off without DISCORD_* variables and refuses a half-set configuration', async () => {
    expect(await startDiscord({ assistant: scripted, env: {}, logger: memoryLogger() })).toBeUndefined();
    await expect(startDiscord({ assistant: scripted, env: { DISCORD_TOKEN: 'x' }, logger: memoryLogger() })).rejects.toThrow(/DISCORD_APPLICATION_ID/);
  });

  it('logs in from the environment and stops', async () => {
    const fake = await new FakeDiscord().start();
    const logger = memoryLogger();
    const running = await startDiscord({
      assistant: scripted,
      env: { DISCORD_TOKEN: 'env-token', DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl },
      logger,
    });
    expect(running).toBeDefined();
    expect(fake.calls.find((c) => c.path === '/gateway/bot')?.auth).toBe('Bot env-token');
    expect(JSON.stringify(logger.lines)).not.toContain('env-token');
    await running?.stop();
    await fake.stop();
  });
});
