/**
 * A challenge always ends, once: a restart mid-question (a new assistant on
 * the same store) still reveals it once; two replicas ticking at the same
 * moment make exactly one reveal and one next post; a failed post is retried
 * on a later tick without scoring twice; a channel where the bot cannot post
 * ends the challenge instead of blocking it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { CHALLENGE_KIND } from '../../src/challenge/record.js';
import type { Role } from '../../src/content/schema.js';
import { devopsRole, devopsSpace } from '../core/support.js';
import { cmd, makeTestAssistant, type TestAssistant } from '../helpers/assistant.js';
import { ADA, asKind, button, fakeOutbox, GRACE, LINUS, outboxError, press, replica, tick } from './support.js';

let t: TestAssistant;
let role: Role;

beforeEach(async () => {
  t = await makeTestAssistant();
  role = devopsRole(t);
});

const start = (text: string) => t.assistant.handle(cmd('devops-challenge', text, ADA));

describe('restarts and replicas', () => {
  it('reveals a question once after a restart mid-question', async () => {
    const before = fakeOutbox();
    await start('basic 2 seconds:10');
    await tick(t.assistant, before);
    const q1 = asKind(before.posts[0]!.view, 'challenge-question');
    await t.assistant.handle(press(button(role, q1, true), GRACE));
    // The process dies; a new one starts on the same store, after the deadline.
    t.clock.advance(60_000);
    const after = replica(t.roles, t.store, t.clock);
    const outbox = fakeOutbox();
    await tick(after, outbox);
    expect(outbox.updates).toHaveLength(1);
    expect(outbox.updates[0]!.ref.message).toBe(before.posts[0]!.ref.message);
    expect(asKind(outbox.updates[0]!.view, 'challenge-reveal').right).toEqual(['Grace']);
    expect(outbox.posts).toHaveLength(1);
    await tick(after, outbox);
    await tick(t.assistant, outbox);
    expect(outbox.updates).toHaveLength(1);
    expect((await t.store.getUser(devopsSpace(GRACE), 'U2'))?.answered).toBe(1);
  });

  it('makes exactly one reveal and one next post when two replicas tick at once', async () => {
    const a = t.assistant;
    const b = replica(t.roles, t.store, t.clock);
    const boxA = fakeOutbox();
    const boxB = fakeOutbox();
    await start('basic 3 seconds:10');
    await Promise.all([tick(a, boxA), tick(b, boxB)]);
    expect(boxA.posts.length + boxB.posts.length).toBe(1);
    const q1 = asKind([...boxA.posts, ...boxB.posts][0]!.view, 'challenge-question');
    await a.handle(press(button(role, q1, true), GRACE));
    await b.handle(press(button(role, q1, false), LINUS));
    t.clock.advance(10_500);
    for (let round = 0; round < 5; round++) await Promise.all([tick(a, boxA), tick(b, boxB), tick(a, boxA)]);
    const updates = [...boxA.updates, ...boxB.updates];
    const posts = [...boxA.posts, ...boxB.posts];
    expect(updates).toHaveLength(1);
    expect(posts.filter((p) => p.view.kind === 'challenge-question')).toHaveLength(2);
    const user = await t.store.getUser(devopsSpace(GRACE), 'U2');
    expect(user).toMatchObject({ answered: 1, correct: 1, points: 150 });
    expect((await t.store.getUser(devopsSpace(LINUS), 'U3'))?.answered).toBe(1);
  });

  it('retries a failed update on a later tick without scoring again', async () => {
    const outbox = fakeOutbox();
    await start('basic 2 seconds:10');
    await tick(t.assistant, outbox);
    const q1 = asKind(outbox.posts[0]!.view, 'challenge-question');
    await t.assistant.handle(press(button(role, q1, true), GRACE));
    t.clock.advance(10_500);
    outbox.failNext('update', outboxError('rate-limited'));
    const failed = await t.assistant.runDue?.('console', outbox);
    expect(failed?.problems).toHaveLength(1);
    expect(outbox.updates).toHaveLength(0);
    // Backed off: not due again at once.
    await tick(t.assistant, outbox);
    expect(outbox.updates).toHaveLength(0);
    t.clock.advance(1000);
    await tick(t.assistant, outbox);
    expect(outbox.updates).toHaveLength(1);
    expect(outbox.posts).toHaveLength(2);
    expect(await t.store.getUser(devopsSpace(GRACE), 'U2')).toMatchObject({ answered: 1, points: 150 });
  });

  it('retries a failed next post, then goes on', async () => {
    const outbox = fakeOutbox();
    await start('basic 2 seconds:10');
    outbox.failNext('post', outboxError('failed'));
    expect((await t.assistant.runDue?.('console', outbox))?.problems).toHaveLength(1);
    t.clock.advance(1000);
    await tick(t.assistant, outbox);
    expect(outbox.posts).toHaveLength(1);
  });

  it('keeps a stop made while another step is posting, and closes the question it posted at once', async () => {
    const outbox = fakeOutbox();
    await start('basic 3 seconds:10');
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const post = outbox.post.bind(outbox);
    outbox.post = async (channel, view, options) => {
      await gate;
      return post(channel, view, options);
    };
    const posting = tick(t.assistant, outbox);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(asKind((await t.assistant.handle(cmd('devops-challenge', 'stop', ADA))).view, 'notice').title).toBe('Challenge stopped');
    release();
    await posting;
    outbox.post = post;
    expect(outbox.posts).toHaveLength(1);
    await tick(t.assistant, outbox);
    expect(outbox.updates).toHaveLength(1);
    expect(asKind(outbox.posts[1]?.view, 'challenge-standings').title).toBe('Challenge stopped by Ada');
  });

  it('posts follow-ups in the channel where threads are not possible', async () => {
    const outbox = fakeOutbox({ threads: false });
    await start('basic 2 seconds:10');
    await tick(t.assistant, outbox);
    t.clock.advance(10_500);
    await tick(t.assistant, outbox);
    expect(outbox.posts).toHaveLength(2);
    expect(outbox.posts[1]!.thread).toBeUndefined();
    t.clock.advance(10_500);
    await tick(t.assistant, outbox);
    expect(outbox.threads).toHaveLength(1);
    expect(asKind(outbox.posts[2]!.view, 'challenge-standings').rows).toEqual([]);
  });

  it('ends the challenge when the bot may not post in the channel, freeing it for a new one', async () => {
    const outbox = fakeOutbox();
    await start('');
    outbox.failNext('post', outboxError('not-in-channel'));
    expect((await t.assistant.runDue?.('console', outbox))?.problems).toHaveLength(1);
    const raw = await t.store.getRecord(CHALLENGE_KIND, 'console|T1|C1');
    expect(raw?.value).toMatchObject({ phase: 'done', failed: 'not-in-channel' });
    expect(raw?.due).toBeUndefined();
    expect(asKind((await start('')).view, 'notice').title).toBe('Challenge starting');
  });
});
