/**
 * Slack's outbox with the real @slack/web-api WebClient (the one Bolt uses)
 * against the local fake Web API: posts, edits and threads round-trip, every
 * payload fits Block Kit and pings no one, refusals become the OutboxError
 * users hear, and a 429 is waited out by the per-channel queue.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackApp } from '../../adapters/slack/app.js';
import type { MessageBlock } from '../../adapters/slack/blocks.js';
import { BOT_SCOPES, buildManifest } from '../../adapters/slack/manifest.js';
import { createSlackOutbox, outboxClient } from '../../adapters/slack/outbox.js';
import { createPostQueue } from '../../adapters/slack/post-queue.js';
import { type ChannelRef, type Outbox, OutboxError } from '../../src/outbox.js';
import type { View } from '../../src/views.js';
import { memoryLogger } from '../discord/harness.js';
import { sampleViews } from '../renderers/samples.js';
import { fakeAssistant } from '../slack/fake-assistant.js';
import { type ApiCall, type FakeSlackApi, startFakeSlackApi } from '../slack/fakes.js';
import { checkMessage } from '../slack/limits.js';

const CHANNEL: ChannelRef = { platform: 'slack', workspace: 'T1', channel: 'C1' };
const PINGS = 'Hey <@U123> and <!subteam^S1> <!channel> <!here> <!everyone> @everyone @here <#C9> & <https://evil.example|click>';
const notice = (text: string): View => ({ kind: 'notice', title: 'Question of the day', text, actions: [] });
const TOKENS: Record<string, string> = { T1: 'xoxb-team-one', T2: 'xoxb-team-two' };

async function rejection(promise: Promise<unknown>): Promise<OutboxError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OutboxError);
  return error as OutboxError;
}

const sent = (api: FakeSlackApi, from: number) => api.calls.slice(from).filter((c) => c.method.startsWith('chat.'));
const messageOf = (call: ApiCall) => ({ text: String(call.args.text), blocks: call.args.blocks as MessageBlock[] });

describe('Slack outbox over the Web API', () => {
  let api: FakeSlackApi;
  let outbox: Outbox;
  let posts = 0;

  beforeAll(async () => {
    api = await startFakeSlackApi();
    outbox = createSlackOutbox({
      client: outboxClient(api.url),
      tokenFor: async (team) => TOKENS[team],
      queue: createPostQueue({ minIntervalMs: 5 }),
      logger: memoryLogger(),
    });
  });
  beforeEach(() => {
    api.answers = (call) => (call.method === 'chat.postMessage' ? { ts: `${++posts}.000100`, channel: call.args.channel } : undefined);
    api.http = undefined;
  });
  afterAll(() => api.close());

  it('posts, threads and edits: chat.postMessage with thread_ts, chat.update by channel and ts', async () => {
    const from = api.calls.length;
    const posted = await outbox.post(CHANNEL, notice('What does a liveness probe check?'));
    expect(posted).toMatchObject({ ...CHANNEL, message: `${posts}.000100` });
    const thread = await outbox.openThread(posted, 'Answers');
    expect(thread).toBe(posted.message);
    const reply = await outbox.post(CHANNEL, notice('First answer'), { thread: thread ?? '' });
    expect(reply.thread).toBe(posted.message);
    // A reply's own thread is its parent's: Slack threads are one level deep.
    expect(await outbox.openThread(reply, 'again')).toBe(posted.message);
    await outbox.update(posted, notice('Answers are in.'));

    const [first, second, update] = sent(api, from);
    expect(first?.method).toBe('chat.postMessage');
    expect(first?.args).toMatchObject({ channel: 'C1', unfurl_links: 'false', unfurl_media: 'false', parse: 'none' });
    expect(first?.args.thread_ts).toBeUndefined();
    expect(first?.authorization).toBe('Bearer xoxb-team-one');
    expect(second?.args.thread_ts).toBe(posted.message);
    expect(update?.method).toBe('chat.update');
    expect(update?.args).toMatchObject({ channel: 'C1', ts: posted.message });
    expect(JSON.stringify(update?.args.blocks)).toContain('Answers are in.');
  });

  it("uses each workspace's token, and refuses a workspace it is not installed in without calling Slack", async () => {
    const from = api.calls.length;
    await outbox.post({ ...CHANNEL, workspace: 'T2' }, notice('hi'));
    expect(sent(api, from)[0]?.authorization).toBe('Bearer xoxb-team-two');
    const e = await rejection(outbox.post({ ...CHANNEL, workspace: 'T9' }, notice('hi')));
    expect(e.code).toBe('failed');
    expect(e.message).toMatch(/not installed/);
    expect(sent(api, from)).toHaveLength(1);
  });

  it('every view kind fits Block Kit as sent, posted and updated', async () => {
    const from = api.calls.length;
    const views = [...Object.values(sampleViews), notice(PINGS)];
    for (const view of views) await outbox.update(await outbox.post(CHANNEL, view), view);
    const calls = sent(api, from);
    expect(calls).toHaveLength(views.length * 2);
    for (const call of calls) checkMessage(messageOf(call), `${call.method} ${String(call.args.ts ?? '')}`);
  });

  it('a text full of mention syntax pings no one: escaped in text and blocks, no link_names', async () => {
    const from = api.calls.length;
    await outbox.post(CHANNEL, notice(PINGS));
    const call = sent(api, from)[0];
    if (!call) throw new Error('no post');
    const wire = JSON.stringify(call.args);
    for (const ping of ['<@U123>', '<!channel>', '<!here>', '<!everyone>', '<!subteam', '<#C9>', '<https://']) expect(wire).not.toContain(ping);
    expect(wire).toContain('&lt;@U123&gt;');
    expect(String(call.args.text)).not.toMatch(/</);
    // `@everyone` as plain words is only a mention with link_names, which is never on.
    expect(call.args.link_names).toBe('false');
    expect(call.args.parse).toBe('none');
  });

  it('not_in_channel, channel_not_found and is_archived: not-in-channel, telling how to invite the bot', async () => {
    for (const error of ['not_in_channel', 'channel_not_found', 'is_archived']) {
      api.answers = () => ({ ok: false, error });
      const e = await rejection(outbox.post(CHANNEL, notice('x')));
      expect(e.code, error).toBe('not-in-channel');
      if (error !== 'is_archived') expect(e.message).toContain('/invite @Panelist');
    }
    api.answers = () => ({ ok: false, error: 'not_in_channel' });
    expect((await rejection(outbox.post(CHANNEL, notice('x')))).message).toContain('chat:write.public');
  });

  it('missing_scope names the scope Slack asked for; message_not_found on update is gone', async () => {
    api.answers = () => ({ ok: false, error: 'missing_scope', needed: 'chat:write.public', provided: 'commands,chat:write' });
    const e = await rejection(outbox.post(CHANNEL, notice('x')));
    expect(e.code).toBe('missing-permissions');
    expect(e.missing).toEqual(['chat:write.public']);
    expect(e.message).toContain('chat:write.public');
    api.answers = () => ({ ok: false, error: 'message_not_found' });
    expect((await rejection(outbox.update({ ...CHANNEL, message: '9.0' }, notice('x')))).code).toBe('gone');
  });

  it('a 429 with Retry-After is waited out by the queue, once per attempt, and the post goes through', async () => {
    let limited = 0;
    api.http = (call) => {
      if (call.method !== 'chat.postMessage' || limited > 0) return undefined;
      limited += 1;
      return { status: 429, headers: { 'retry-after': '1', 'content-type': 'application/json' }, body: '{"ok":false,"error":"ratelimited"}' };
    };
    const from = api.calls.length;
    const started = Date.now();
    const posted = await outbox.post(CHANNEL, notice('after the limit'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(posted.message).toBe(`${posts}.000100`);
    // Exactly two HTTP calls: the client did not retry behind the queue's back.
    expect(sent(api, from)).toHaveLength(2);
  });

  it('a channel that stays rate-limited is reported as rate-limited after the queue gives up', async () => {
    const limitedOutbox = createSlackOutbox({
      client: outboxClient(api.url),
      tokenFor: async () => 'xoxb-team-one',
      queue: createPostQueue({ minIntervalMs: 1, maxAttempts: 2 }),
      logger: memoryLogger(),
    });
    api.http = () => ({ status: 429, headers: { 'retry-after': '0' }, body: '' });
    const from = api.calls.length;
    const e = await rejection(limitedOutbox.post(CHANNEL, notice('x')));
    expect(e.code).toBe('rate-limited');
    expect(sent(api, from)).toHaveLength(2);
  });

  it('the Slack app exposes an outbox posting with SLACK_BOT_TOKEN through SLACK_API_URL', async () => {
    const slack = createSlackApp({
      assistant: fakeAssistant(),
      config: { mode: 'http', botToken: 'xoxb-single', signingSecret: 's', port: 0, host: '127.0.0.1', apiUrl: api.url },
      logger: memoryLogger(),
    });
    const from = api.calls.length;
    const posted = await slack.outbox.post(CHANNEL, notice('daily'));
    expect(posted.channel).toBe('C1');
    expect(sent(api, from)[0]?.authorization).toBe('Bearer xoxb-single');
  });

  it('the manifest asks for chat:write (posting) and chat:write.public (public channels it was not invited to), nothing more', () => {
    expect([...BOT_SCOPES]).toEqual(['commands', 'chat:write', 'chat:write.public']);
    expect(buildManifest([], { socketMode: true }).oauth_config.scopes.bot).toEqual(['commands', 'chat:write', 'chat:write.public']);
  });
});
