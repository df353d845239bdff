/**
 * The core's half of "the bot can't post here": a start keeps the request's
 * private-reply handle in its record, and the runner spends it once on the
 * first post: cleared when the post is made, used to tell the starter
 * privately (naming the fix) when it is refused, never used after it expired.
 * Real assistant, memory store, a fake outbox, a clock the test moves.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../adapters/logger.js';
import { startTicker } from '../../adapters/ticker.js';
import { MAX_ATTEMPTS } from '../../src/challenge/run.js';
import { CLAIM_TIMEOUT_MS } from '../../src/daily/run.js';
import { OutboxError } from '../../src/outbox.js';
import { cmd, ctxFor, makeTestAssistant, type TestAssistant } from '../helpers/assistant.js';
import { HANDLE, missingPermissions, notInChannel, noticeText, type TellingOutbox, tellingOutbox, withHandle } from './support.js';

let t: TestAssistant;
let box: TellingOutbox;
beforeEach(async () => {
  t = await makeTestAssistant();
  box = tellingOutbox();
});

const KEY = 'console|T1|C1';
const start = (ctx = withHandle()) => t.assistant.handle(cmd('devops-challenge', 'basic 2 seconds:10', ctx));
const runDue = async () => (await t.assistant.runDue?.('console', box)) ?? { handled: 0, problems: [] };
const record = async () => (await t.store.getRecord('challenge', KEY))?.value as Record<string, unknown> | undefined;

describe('a challenge whose first question cannot be posted', () => {
  it('tells the starter once, privately, naming the fix, posts nothing and frees the channel', async () => {
    const started = await start();
    expect(noticeText(started.view)).toContain('Challenge starting');
    expect(await record()).toHaveProperty('replyTo.token', HANDLE);

    box.refusals.push(notInChannel());
    const outcome = await runDue();
    // The refusal is still reported (logged as a warning by the ticker), the handle not in it.
    expect(outcome.problems).toHaveLength(1);
    expect(JSON.stringify(outcome.problems.map((p) => [p.what, String(p.error)]))).not.toContain(HANDLE);

    expect(box.posts).toHaveLength(0);
    expect(box.told).toHaveLength(1);
    expect(box.told[0]?.handle).toBe(HANDLE);
    const said = noticeText(box.told[0]?.view);
    expect(said).toContain("Panelist can't post in this channel");
    expect(said).toContain('/invite @Panelist');
    expect(said).toContain('chat:write.public');
    expect(said).toContain('run /devops-challenge again');

    const ended = await record();
    expect(ended).toMatchObject({ phase: 'done', failed: 'not-in-channel' });
    expect(ended).not.toHaveProperty('replyTo');

    // Nothing more is due or said, and a new start here is taken at once.
    t.clock.advance(60_000);
    expect((await runDue()).problems).toEqual([]);
    expect(box.told).toHaveLength(1);
    const again = await start();
    expect(noticeText(again.view)).toContain('Challenge starting');
    await runDue();
    expect(box.posts).toHaveLength(1);
    expect(box.told).toHaveLength(1);
  });

  it('names the missing permissions, and the thread ones a challenge also wants', async () => {
    await start();
    box.refusals.push(missingPermissions());
    await runDue();
    expect(box.told).toHaveLength(1);
    const said = noticeText(box.told[0]?.view);
    for (const p of ['Send Messages', 'Embed Links', 'Create Public Threads', 'Send Messages in Threads']) expect(said).toContain(p);
    expect(await record()).toMatchObject({ phase: 'done', failed: 'missing-permissions' });
  });

  it('keeps the handle through a passing fault and clears it once the question is out, telling nobody', async () => {
    await start();
    box.refusals.push(new OutboxError('failed', 'Could not reach Slack.'));
    expect((await runDue()).problems).toHaveLength(1);
    expect(await record()).toHaveProperty('replyTo.token', HANDLE);
    t.clock.advance(1000);
    expect((await runDue()).problems).toEqual([]);
    expect(box.posts).toHaveLength(1);
    expect(box.told).toEqual([]);
    const asking = await record();
    expect(asking).toMatchObject({ phase: 'asking', index: 0 });
    expect(asking).not.toHaveProperty('replyTo');
  });

  it('tells the starter once when it gives up after faults in a row', async () => {
    await start();
    for (let i = 0; i < MAX_ATTEMPTS; i++) box.refusals.push(new OutboxError('failed', 'Could not reach Slack.'));
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await runDue();
      t.clock.advance(31_000);
    }
    expect(await record()).toMatchObject({ phase: 'done', failed: 'failed' });
    expect(box.told).toHaveLength(1);
    expect(noticeText(box.told[0]?.view)).toContain('Could not reach Slack.');
  });

  it('never uses a handle past its validity, and keeps none from a platform that gave none', async () => {
    await start(withHandle(5 * 60 * 1000));
    // The handle is trusted until a minute before the platform drops it.
    t.clock.advance(4 * 60 * 1000 + 1);
    box.refusals.push(notInChannel());
    await runDue();
    expect(box.told).toEqual([]);
    expect(await record()).toMatchObject({ phase: 'done' });

    await t.assistant.handle(cmd('devops-challenge', 'basic 2', withHandle(15 * 60 * 1000, 'C2')));
    await t.assistant.handle(cmd('devops-challenge', 'basic 2', ctxFor('U1', 'Ada', 'C3')));
    const c3 = (await t.store.getRecord('challenge', 'console|T1|C3'))?.value;
    expect(c3).not.toHaveProperty('replyTo');
    expect((await t.store.getRecord('challenge', 'console|T1|C2'))?.value).toHaveProperty('replyTo.token', HANDLE);
  });

  it('does not tell a starter whose challenge was stopped before it began', async () => {
    await start();
    await t.assistant.handle(cmd('devops-challenge', 'stop', withHandle()));
    await runDue();
    expect(box.told).toEqual([]);
    expect(box.posts).toEqual([]);
  });

  it('reports a follow-up that fails, without its handle, and still frees the channel', async () => {
    await start();
    box.tellFails = true;
    box.refusals.push(notInChannel());
    const outcome = await runDue();
    expect(outcome.problems).toHaveLength(1);
    expect(String(outcome.problems[0]?.error)).toMatch(/could not post \(not-in-channel\); the private follow-up to the starter was not delivered \(gone\)/);
    expect(String(outcome.problems[0]?.error)).not.toContain(HANDLE);
    expect(await record()).toMatchObject({ phase: 'done' });
  });

  it('keeps the handle out of the logs, through the real ticker and logger', async () => {
    await start();
    box.refusals.push(notInChannel());
    const lines: string[] = [];
    const ticker = startTicker({
      assistant: t.assistant,
      targets: [{ platform: 'console', outbox: box }],
      logger: createLogger({ level: 'debug', write: (l) => lines.push(l) }),
    });
    await ticker.tick();
    await ticker.stop();
    expect(box.told).toHaveLength(1);
    expect(lines.join('\n')).toContain('due work failed');
    expect(lines.join('\n')).not.toContain('s3cr3t');
  });
});

describe('a question of the day whose first post cannot be made', () => {
  const MIN = 60 * 1000;
  // The test clock starts on Thursday 26 November 2026, 12:00 UTC.
  const daily = (text: string, ctx = withHandle()) => t.assistant.handle(cmd('devops-daily', text, ctx));
  const schedule = async () => (await t.store.getRecord('daily', 'console:T1|C1|devops-engineer'))?.value as Record<string, unknown> | undefined;

  it('tells the starter once, privately, and keeps the schedule', async () => {
    expect((await daily('start 12:05 tz:UTC')).view.kind).toBe('notice');
    expect(await schedule()).toHaveProperty('replyTo.token', HANDLE);
    t.clock.advance(5 * MIN);
    box.refusals.push(notInChannel(), notInChannel());
    await runDue();
    expect(box.told).toHaveLength(1);
    const said = noticeText(box.told[0]?.view);
    expect(said).toContain("Panelist can't post the question of the day here");
    expect(said).toContain('/invite @Panelist');
    expect(said).toContain('/devops-daily stop');
    expect(await schedule()).not.toHaveProperty('replyTo');

    // The retry after the claim timeout is refused too: no second message.
    t.clock.advance(CLAIM_TIMEOUT_MS + 1000);
    await runDue();
    expect(box.told).toHaveLength(1);
    expect(box.posts).toEqual([]);
    expect(await schedule()).toHaveProperty('lastError');
  });

  it('clears the handle once the first post is made, telling nobody', async () => {
    await daily('start 12:05 tz:UTC');
    t.clock.advance(5 * MIN);
    await runDue();
    expect(box.posts).toHaveLength(1);
    expect(box.told).toEqual([]);
    expect(await schedule()).not.toHaveProperty('replyTo');
  });

  it('says nothing once the handle expired (the first post hours later): status tells instead', async () => {
    await daily('start 18:00 tz:UTC');
    t.clock.advance(6 * 60 * MIN);
    box.refusals.push(notInChannel());
    await runDue();
    expect(box.told).toEqual([]);
    expect(await schedule()).not.toHaveProperty('replyTo');
    expect(JSON.stringify((await daily('status')).view)).toContain('/invite @Panelist');
  });
});
