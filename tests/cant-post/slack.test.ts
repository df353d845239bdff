/**
 * Slack: a challenge (or question of the day) started in a channel the bot
 * may not post in says so privately. The real Bolt app in HTTP mode and the
 * real outbox (its own WebClient) against the local fake Web API, which
 * answers `chat.postMessage` with `not_in_channel`; the ephemeral follow-up
 * goes to the slash command's response_url, recorded by the fake response server.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../adapters/logger.js';
import { startTicker } from '../../adapters/ticker.js';
import { makeTestAssistant, type TestAssistant } from '../helpers/assistant.js';
import { textOf } from '../slack/fakes.js';
import { type Harness, startHarness } from '../slack/harness.js';

let t: TestAssistant;
let h: Harness;
beforeEach(async () => {
  t = await makeTestAssistant();
  h = await startHarness(t.assistant);
});
afterEach(async () => {
  await h.close();
});

const refuse = (error: string) => {
  h.api.answers = (call) => (call.method === 'chat.postMessage' ? { ok: false, error } : undefined);
};
/** One tick of the real ticker, logging where the harness keeps Bolt's lines. */
async function tick(): Promise<void> {
  const logger = createLogger({ level: 'debug', write: (l) => h.logs.push(l) });
  const ticker = startTicker({ assistant: t.assistant, targets: [{ platform: 'slack', outbox: h.slack.outbox }], logger });
  await ticker.tick();
  await ticker.stop();
}
const posts = () => h.api.calls.filter((c) => c.method === 'chat.postMessage');

describe('Slack: the bot may not post in the channel', () => {
  it('a challenge says so privately through the response_url, once, and frees the channel', async () => {
    refuse('not_in_channel');
    const started = await h.command('devops-challenge', 'basic 2 seconds:10');
    expect(started.response_type).toBe('ephemeral');
    expect(textOf(started)).toContain('Challenge starting');

    await tick();
    expect(posts()).toHaveLength(1);
    const told = await h.responses.message(started.responseUrl);
    expect(told.response_type).toBe('ephemeral');
    expect(told.replace_original).toBe(false);
    const said = textOf(told);
    expect(said).toContain("Panelist can't post in this channel");
    expect(said).toContain('/invite @Panelist');
    expect(said).toContain('chat:write.public');

    // One message only: later ticks say nothing more, and nothing went to the channel.
    t.clock.advance(60_000);
    await tick();
    expect(h.responses.all(started.responseUrl)).toHaveLength(1);
    expect(posts()).toHaveLength(1);

    // The response_url is a credential: in no log line, nor in the record any more.
    const path = new URL(started.responseUrl).pathname;
    expect(h.logs.join('\n')).toContain('slack: post refused');
    expect(h.logs.join('\n')).not.toContain(path);
    const ended = (await t.store.getRecord('challenge', 'slack|T1|C1'))?.value;
    expect(ended).toMatchObject({ phase: 'done', failed: 'not-in-channel' });
    expect(JSON.stringify(ended)).not.toContain(path);

    // The channel is free: once invited, a new challenge runs.
    h.api.answers = undefined;
    const again = await h.command('devops-challenge', 'basic 2 seconds:10');
    expect(textOf(again)).toContain('Challenge starting');
    await tick();
    expect(posts()).toHaveLength(2);
    expect(h.responses.all(again.responseUrl)).toHaveLength(0);
  });

  it('a missing scope names it', async () => {
    h.api.answers = (call) => (call.method === 'chat.postMessage' ? { ok: false, error: 'missing_scope', needed: 'chat:write' } : undefined);
    const started = await h.command('devops-challenge', 'basic 2');
    await tick();
    const said = textOf(await h.responses.message(started.responseUrl));
    expect(said).toContain('chat:write scope');
    expect(said).toContain('reinstall the app');
  });

  it('an expired response_url is reported without quoting it, and the channel is still freed', async () => {
    refuse('not_in_channel');
    const started = await h.command('devops-challenge', 'basic 2');
    h.responses.status = 404;
    await tick();
    expect(h.responses.all(started.responseUrl)).toHaveLength(1);
    const logs = h.logs.join('\n');
    expect(logs).toContain('slack: private reply refused');
    expect(logs).toContain('the private follow-up to the starter was not delivered (gone)');
    expect(logs).not.toContain(new URL(started.responseUrl).pathname);
    expect((await t.store.getRecord('challenge', 'slack|T1|C1'))?.value).toMatchObject({ phase: 'done' });
  });

  it('says nothing privately when the first question goes out', async () => {
    const started = await h.command('devops-challenge', 'basic 2');
    await tick();
    expect(posts()).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.responses.all(started.responseUrl)).toHaveLength(0);
  });

  it('a question of the day whose first post is refused says so privately, once', async () => {
    refuse('not_in_channel');
    // The test clock stands at 12:00 UTC.
    const started = await h.command('devops-daily', 'start 12:05 tz:UTC');
    expect(started.response_type).toBe('in_channel');
    t.clock.advance(5 * 60 * 1000);
    await tick();
    const said = textOf(await h.responses.message(started.responseUrl));
    expect(said).toContain("Panelist can't post the question of the day here");
    expect(said).toContain('/invite @Panelist');
    t.clock.advance(3 * 60 * 1000);
    await tick();
    expect(posts()).toHaveLength(2);
    expect(h.responses.all(started.responseUrl)).toHaveLength(1);
  });
});
