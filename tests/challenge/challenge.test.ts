/**
 * A channel challenge end to end on the real assistant and the memory store,
 * with a fake outbox and a clock the test moves: posting, answering once,
 * the reveal's counts, points and fastest, the thread, the standings, and
 * points in leaderboards, stats and the review queue like solo answers.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { speedBonus } from '../../src/challenge/scoring.js';
import type { Role } from '../../src/content/schema.js';
import { devopsRole, devopsSpace } from '../core/support.js';
import { cmd, makeTestAssistant, type TestAssistant } from '../helpers/assistant.js';
import { ADA, asKind, button, type FakeOutbox, fakeOutbox, GRACE, LINUS, press, tick } from './support.js';

let t: TestAssistant;
let role: Role;
let outbox: FakeOutbox;

beforeEach(async () => {
  t = await makeTestAssistant();
  role = devopsRole(t);
  outbox = fakeOutbox();
});

const start = (text: string, who = ADA) => t.assistant.handle(cmd('devops-challenge', text, who));

describe('a two-question challenge with three players', () => {
  it('posts, takes one answer each, reveals in place, threads the next question and ends with standings', async () => {
    const started = await start('basic 2 seconds:10');
    expect(started.visibility).toBe('private');
    expect(asKind(started.view, 'notice').title).toBe('Challenge starting');
    expect(outbox.posts).toHaveLength(0);

    await tick(t.assistant, outbox);
    expect(outbox.posts).toHaveLength(1);
    const first = outbox.posts[0]!;
    expect(first.thread).toBeUndefined();
    const q1 = asKind(first.view, 'challenge-question');
    expect(q1).toMatchObject({ number: 1, total: 2, seconds: 10, starter: 'Ada' });
    expect(q1.actions.map((a) => a.label)).toEqual(['A', 'B', 'C', 'D']);

    t.clock.advance(1000);
    const grace = await t.assistant.handle(press(button(role, q1, true), GRACE));
    expect(grace.visibility).toBe('private');
    expect(asKind(grace.view, 'notice').title).toMatch(/^Locked in: [A-D]$/);
    t.clock.advance(2000);
    await t.assistant.handle(press(button(role, q1, false), LINUS));
    t.clock.advance(2000);
    const adaId = button(role, q1, true);
    await t.assistant.handle(press(adaId, ADA));
    const letter = q1.actions.find((a) => a.id === adaId)?.label;
    const again = await t.assistant.handle(press(button(role, q1, false), ADA));
    expect(asKind(again.view, 'notice').title).toBe(`You already answered ${letter}`);

    // Not yet due: nothing happens before the deadline.
    await tick(t.assistant, outbox);
    expect(outbox.updates).toHaveLength(0);

    t.clock.advance(5500);
    await tick(t.assistant, outbox);
    expect(outbox.updates).toHaveLength(1);
    expect(outbox.updates[0]!.ref.message).toBe(first.ref.message);
    const reveal = asKind(outbox.updates[0]!.view, 'challenge-reveal');
    expect(reveal.answered).toBe(3);
    expect(reveal.choices.reduce((n, c) => n + c.count, 0)).toBe(3);
    expect(reveal.choices.find((c) => c.correct)?.count).toBe(2);
    expect(reveal.right).toEqual(['Grace', 'Ada']);
    expect(reveal.fastest).toEqual({ name: 'Grace', time: '1.0 s' });
    expect(reveal.explanation.length).toBeGreaterThan(10);
    expect(reveal.answer.startsWith(`${letter}. `)).toBe(true);

    // The next question goes in a thread under the first message.
    expect(outbox.threads.map((r) => r.message)).toEqual([first.ref.message]);
    expect(outbox.posts).toHaveLength(2);
    expect(outbox.posts[1]!.thread).toBe(`t-${first.ref.message}`);
    const q2 = asKind(outbox.posts[1]!.view, 'challenge-question');
    expect(q2.number).toBe(2);
    expect(q2.question.id).not.toBe(q1.question.id);

    // A late click on the first question: closed, with the answer.
    const late = await t.assistant.handle(press(button(role, q1, false), LINUS));
    expect(asKind(late.view, 'notice').text).toContain(`the answer was ${letter}`);

    t.clock.advance(10_500);
    await tick(t.assistant, outbox);
    expect(outbox.updates).toHaveLength(2);
    expect(asKind(outbox.updates[1]!.view, 'challenge-reveal').answered).toBe(0);
    expect(outbox.posts).toHaveLength(3);
    expect(outbox.posts[2]!.thread).toBe(`t-${first.ref.message}`);
    const standings = asKind(outbox.posts[2]!.view, 'challenge-standings');
    // Basic is 100; Grace took 1 s of 10 (full +50), Ada 5 s (+30).
    expect(standings.rows).toEqual([
      { rank: 1, name: 'Grace', correct: 1, points: 150 },
      { rank: 2, name: 'Ada', correct: 1, points: 130 },
      { rank: 3, name: 'Linus', correct: 0, points: 0 },
    ]);
    expect(standings.actions.map((a) => a.label)).toEqual(['Rematch', 'Leaderboard']);
    expect(standings.title).toBe('Challenge finished');

    // Nothing more is due: the challenge is over, and a new one may start.
    t.clock.advance(60_000);
    await tick(t.assistant, outbox);
    expect(outbox.posts).toHaveLength(3);
    expect(asKind((await start('')).view, 'notice').title).toBe('Challenge starting');

    // Points count like solo answers: leaderboards, weekly points, stats, the review queue.
    const space = devopsSpace(ADA);
    const board = await t.store.topUsers(space, { kind: 'all' }, 10);
    expect(board.map((u) => [u.name, u.points])).toEqual([
      ['Grace', 150],
      ['Ada', 130],
      ['Linus', 0],
    ]);
    const linus = await t.store.getUser(space, 'U3');
    expect(linus).toMatchObject({ answered: 1, correct: 0 });
    expect(Object.keys(linus?.review ?? {})).toEqual([q1.question.id]);
    const gr = await t.store.getUser(space, 'U2');
    expect(gr?.week.points).toBe(150);
    expect(gr?.byTier.basic).toEqual({ answered: 1, correct: 1 });
    const stats = asKind((await t.assistant.handle(cmd('devops-quiz', 'stats', GRACE))).view, 'stats');
    expect(stats.points).toBe(150);
  });

  it('says a challenge is running on a second start, and answers a click on a finished challenge with the answer', async () => {
    await start('2');
    const second = await start('3', GRACE);
    expect(asKind(second.view, 'notice').title).toBe('A challenge is already running here');
    expect(asKind(second.view, 'notice').text).toContain('Ada started one');
    await tick(t.assistant, outbox);
    const q1 = asKind(outbox.posts[0]!.view, 'challenge-question');
    expect(asKind((await start('3', GRACE)).view, 'notice').text).toContain('question 1 of 2');
    expect(await t.assistant.handle(cmd('devops-challenge', 'stop', ADA))).toMatchObject({ view: { title: 'Challenge stopped' } });
    await tick(t.assistant, outbox);
    const click = await t.assistant.handle(press(button(role, q1, true), GRACE));
    expect(asKind(click.view, 'notice').title).toBe('Question closed');
    expect(asKind(click.view, 'notice').text).toMatch(/the answer was [A-D]: /);
  });
});

describe('stopping', () => {
  it('lets the starter stop: the open question is revealed with what was answered, then the standings', async () => {
    await start('basic 5');
    await tick(t.assistant, outbox);
    const q1 = asKind(outbox.posts[0]!.view, 'challenge-question');
    t.clock.advance(2000);
    await t.assistant.handle(press(button(role, q1, true), GRACE));
    const stop = await t.assistant.handle(cmd('devops-challenge', 'stop', ADA));
    expect(asKind(stop.view, 'notice').title).toBe('Challenge stopped');
    await tick(t.assistant, outbox);
    const reveal = asKind(outbox.updates[0]!.view, 'challenge-reveal');
    expect(reveal.right).toEqual(['Grace']);
    expect(reveal.note).toContain('Stopped by Ada');
    expect(outbox.posts).toHaveLength(2);
    const standings = asKind(outbox.posts[1]!.view, 'challenge-standings');
    expect(standings.title).toBe('Challenge stopped by Ada');
    expect(standings.summary).toMatch(/^1 of 5 questions/);
    // 2 s of the 30 s announced: the full speed bonus, though the stop closed the question at 2 s.
    expect(standings.rows[0]).toMatchObject({ name: 'Grace', correct: 1, points: 150 });
  });

  it('lets a manager stop anyone’s challenge and refuses everyone else', async () => {
    await start('');
    await tick(t.assistant, outbox);
    const refused = await t.assistant.handle(cmd('devops-challenge', 'stop', GRACE));
    expect(refused.view).toMatchObject({ kind: 'error', code: 'not-yours' });
    expect(asKind(refused.view, 'error').message).toContain('Ada');
    const manager = { ...LINUS, user: { ...LINUS.user, canManage: true } };
    const stopped = await t.assistant.handle(cmd('devops-challenge', 'stop', manager));
    expect(asKind(stopped.view, 'notice').title).toBe('Challenge stopped');
    await tick(t.assistant, outbox);
    expect(asKind(outbox.posts.at(-1)?.view, 'challenge-standings').title).toBe('Challenge stopped by Linus');
    const none = await t.assistant.handle(cmd('devops-challenge', 'stop', ADA));
    expect(none.view).toMatchObject({ kind: 'error', code: 'not-found' });
  });
});

describe('starting', () => {
  it('reads tier, count and seconds from text in any order, and refuses out-of-range values with the usage', async () => {
    await start('advanced 3 45');
    await tick(t.assistant, outbox);
    expect(asKind(outbox.posts[0]?.view, 'challenge-question')).toMatchObject({ total: 3, seconds: 45, question: { tier: 'advanced' } });
    const bad = await t.assistant.handle(cmd('devops-challenge', 'start seconds:5', GRACE));
    expect(bad.view).toMatchObject({ kind: 'error', code: 'bad-arguments' });
  });
});

describe('speed bonus', () => {
  it('is +50% in the first fifth, then falls linearly to nothing at the deadline', () => {
    expect([0, 2000, 6000, 18_000, 30_000, 40_000].map((ms) => speedBonus('basic', ms, 30_000))).toEqual([50, 50, 50, 25, 0, 0]);
    expect(speedBonus('advanced', 0, 30_000)).toBe(150);
    expect(speedBonus('technical', 14_000, 20_000)).toBe(40);
  });
});

describe('the standings’ buttons', () => {
  it('show the leaderboard privately without replacing the standings, and start a rematch with the same settings', async () => {
    await start('basic 1 seconds:15');
    await tick(t.assistant, outbox);
    t.clock.advance(15_500);
    await tick(t.assistant, outbox);
    const standings = asKind(outbox.posts.at(-1)?.view, 'challenge-standings');
    const [rematch, board] = standings.actions;
    const shown = await t.assistant.handle(press(board!.id, GRACE));
    expect(shown).toMatchObject({ visibility: 'private', view: { kind: 'leaderboard' } });
    expect(shown.replace).toBeUndefined();
    expect(asKind((await t.assistant.handle(press(rematch!.id, GRACE))).view, 'notice').title).toBe('Challenge starting');
    await tick(t.assistant, outbox);
    const q = asKind(outbox.posts.at(-1)?.view, 'challenge-question');
    expect(q).toMatchObject({ total: 1, seconds: 15, starter: 'Grace', question: { tier: 'basic' } });
  });
});
