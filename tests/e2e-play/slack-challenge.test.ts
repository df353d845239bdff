/**
 * A channel challenge end to end on Slack: the real assistant (real content,
 * memory store, a clock the test moves) behind the real Bolt app in HTTP mode,
 * players pressing the A–D buttons with signed block_actions, and the ticker's
 * work done by `runDue('slack', app.outbox)` after each move of the clock, so
 * nothing here waits for a deadline. Everything is asserted from what the fake
 * Slack received: Web API calls and response_url messages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Assistant, createAssistant } from '../../src/assistant.js';
import { seededRandom } from '../../src/random.js';
import { createMemoryStore } from '../../storage/memory-store.js';
import { realRoles } from '../helpers/assistant.js';
import { type Posted, type TestUser, textOf } from '../slack/fakes.js';
import { type Harness, startHarness } from '../slack/harness.js';
import { callsOf, checkPosted, distinctTs, messageOf, type PlayClock, pick, playClock, runDue, type Stamps, slackAnswers, visible } from './support.js';

const ADA: TestUser = { id: 'U1', name: 'ada' };
const GRACE: TestUser = { id: 'U2', name: 'grace' };
/** A name full of mention syntax: shown as text, never a ping. */
const LINUS: TestUser = { id: 'U3', name: 'linus<!channel><@U1>' };

let h: Harness;
let clock: PlayClock;
let stamps: Stamps;
let assistant: Assistant;
const tick = () => runDue(assistant, 'slack', h.slack.outbox);

beforeAll(async () => {
  clock = playClock(Date.UTC(2026, 11, 2, 12, 0, 0));
  assistant = createAssistant({ roles: await realRoles(), store: createMemoryStore({ validate: true }), clock, random: seededRandom(5) });
  h = await startHarness(assistant);
  stamps = distinctTs(h.api);
});
afterAll(async () => {
  await h.close();
});

/** Every reply at a response_url and every message posted or updated, within Block Kit limits. */
function checkAll(replies: Posted[]): void {
  for (const [i, r] of replies.entries()) checkPosted(r, `reply ${i}`);
  for (const c of h.api.calls.filter((x) => x.method.startsWith('chat.'))) checkPosted(messageOf(c), `${c.method} ${String(c.args.ts ?? '')}`);
}

describe('a two-question /devops-challenge on Slack with three players', () => {
  it('posts, locks answers in privately, reveals in place, threads question 2, and ends with standings and points', async () => {
    const replies: Posted[] = [];
    const started = await h.command('devops-challenge', 'basic 2 seconds:10', ADA);
    replies.push(started);
    expect(started.response_type).toBe('ephemeral');
    expect(textOf(started)).toContain('Challenge starting');
    expect(callsOf(h.api, 'chat.postMessage')).toHaveLength(0);

    // The ticker's first step: question 1, at the top level of the channel.
    await tick();
    const posts = () => callsOf(h.api, 'chat.postMessage');
    expect(posts()).toHaveLength(1);
    const q1 = messageOf(posts()[0]!);
    const rootTs = stamps.ts.get(posts()[0]!);
    expect(q1.channel).toBe('C1');
    expect(q1.thread_ts).toBeUndefined();
    // Form-encoded by the WebClient: no name or link parsing, so nothing posted pings.
    expect(posts()[0]!.args).toMatchObject({ parse: 'none', link_names: 'false' });
    expect(posts()[0]!.authorization).toBe('Bearer xoxb-test-token');
    expect(visible(q1)).toContain('Question 1 of 2');
    const b1 = slackAnswers(q1);
    expect(b1.map((b) => b.letter)).toEqual(['A', 'B', 'C', 'D']);
    expect(b1.filter((b) => b.correct)).toHaveLength(1);

    // Grace right after 1 s, Linus wrong after 3 s, Ada right after 5 s and then a second click.
    clock.advance(1000);
    const grace = await h.press(q1, pick(b1, true).action_id, GRACE);
    clock.advance(2000);
    const linus = await h.press(q1, pick(b1, false).action_id, LINUS);
    clock.advance(2000);
    const ada = await h.press(q1, pick(b1, true).action_id, ADA);
    const again = await h.press(q1, pick(b1, false).action_id, ADA);
    replies.push(grace, linus, ada, again);
    for (const r of [grace, linus, ada, again]) {
      // Private, and not replacing the public question.
      expect(r.response_type).toBe('ephemeral');
      expect(r.replace_original).toBe(false);
    }
    expect(textOf(grace)).toContain(`Locked in: ${pick(b1, true).letter}`);
    expect(textOf(linus)).toContain(`Locked in: ${pick(b1, false).letter}`);
    expect(textOf(again)).toContain(`You already answered ${pick(b1, true).letter}`);

    // Before the deadline nothing moves.
    await tick();
    expect(callsOf(h.api, 'chat.update')).toHaveLength(0);

    // Past the deadline and its grace: question 1 is revealed in place, question 2 goes in the thread.
    clock.advance(5500);
    await tick();
    const updates = () => callsOf(h.api, 'chat.update');
    expect(updates()).toHaveLength(1);
    const reveal = messageOf(updates()[0]!);
    expect(reveal).toMatchObject({ channel: 'C1', ts: rootTs });
    const shown = visible(reveal);
    expect(shown).toContain('closed');
    expect(shown).toContain(`*Answer:* ${pick(b1, true).letter}. `);
    // Counts per choice: two on the right one, one on Linus's.
    expect(shown).toContain(`✅ ${pick(b1, true).letter}.`);
    expect(shown).toMatch(new RegExp(`✅ ${pick(b1, true).letter}\\. [^"]*? — 2`));
    expect(shown).toMatch(new RegExp(`▫️ ${pick(b1, false).letter}\\. [^"]*? — 1`));
    expect(shown).toContain('Right (2 of 3): grace, ada');
    expect(shown).toContain('Fastest: grace in 1.0 s');
    expect(shown).toContain('100 points for a right answer');
    // An explanation line in italics under the answer.
    expect(shown).toMatch(/\\n_[^_]{10,}_/);
    expect(JSON.stringify(reveal)).not.toMatch(/<[@!#]/);
    // The revealed message has no buttons left.
    expect(slackAnswers(reveal)).toEqual([]);

    expect(posts()).toHaveLength(2);
    const q2 = messageOf(posts()[1]!);
    expect(q2.thread_ts).toBe(rootTs);
    expect(visible(q2)).toContain('Question 2 of 2');
    const b2 = slackAnswers(q2);
    expect(b2[0]!.questionId).not.toBe(b1[0]!.questionId);

    // A late click on question 1: closed, with its answer, privately.
    const late = await h.press(q1, pick(b1, false).action_id, LINUS);
    replies.push(late);
    expect(late.response_type).toBe('ephemeral');
    expect(textOf(late)).toContain('Question closed');
    expect(textOf(late)).toContain(`the answer was ${pick(b1, true).letter}`);

    // Question 2: only Linus answers, right, at once.
    const l2 = await h.press(q2, pick(b2, true).action_id, LINUS);
    replies.push(l2);
    expect(textOf(l2)).toContain('Locked in');
    clock.advance(10_500);
    await tick();
    expect(updates()).toHaveLength(2);
    expect(messageOf(updates()[1]!).ts).toBe(stamps.ts.get(posts()[1]!));
    expect(visible(messageOf(updates()[1]!))).toContain('Right (1 of 1): linus&lt;!channel&gt;&lt;@U1&gt;');

    // The standings, in the thread, with Rematch and Leaderboard.
    expect(posts()).toHaveLength(3);
    const standings = messageOf(posts()[2]!);
    expect(standings.thread_ts).toBe(rootTs);
    const table = visible(standings);
    expect(table).toContain('Challenge finished');
    // Grace 100 + 50 (1 s of 10), Linus 150 (0 s), Ada 100 + 30 (5 s of 10); ties by correct, then name.
    expect(table).toMatch(/grace — 1 correct · 150 points[\s\S]*linus&lt;!channel&gt;&lt;@U1&gt; — 1 correct · 150 points[\s\S]*ada — 1 correct · 130 points/);
    const labels = (standings.blocks ?? []).flatMap((b) => (b.type === 'actions' ? (b.elements as { text: { text: string } }[]).map((e) => e.text.text) : []));
    expect(labels).toEqual(['Rematch', 'Leaderboard']);

    // Nothing more: the challenge is over.
    clock.advance(60_000);
    await tick();
    expect(posts()).toHaveLength(3);
    expect(updates()).toHaveLength(2);

    // The Leaderboard button: the points, privately, the standings left as they are.
    const board = await h.press(standings, 'Leaderboard', GRACE);
    replies.push(board);
    expect(board.response_type).toBe('ephemeral');
    expect(board.replace_original).toBe(false);
    const boardText = visible(board);
    expect(boardText).toMatch(/grace[\s\S]*150/);
    expect(boardText).toMatch(/ada[\s\S]*130/);
    expect(boardText).not.toMatch(/<[@!#]/);

    // Pace: posts to one channel at least a second apart (Slack's one message a second a channel).
    const chat = h.api.calls.filter((c) => c.method.startsWith('chat.')).map((c) => stamps.at.get(c) ?? 0);
    for (let i = 1; i < chat.length; i++) expect(chat[i]! - chat[i - 1]!, `gap before chat call ${i}`).toBeGreaterThanOrEqual(950);
    checkAll(replies);
  });

  it('lets the starter stop a rematch: the open question is revealed and the standings say who stopped it', async () => {
    const before = { posts: callsOf(h.api, 'chat.postMessage').length, updates: callsOf(h.api, 'chat.update').length };
    const standings = messageOf(callsOf(h.api, 'chat.postMessage').at(-1)!);
    const rematch = await h.press(standings, 'Rematch', GRACE);
    expect(textOf(rematch)).toContain('Challenge starting');
    await tick();
    const qCall = callsOf(h.api, 'chat.postMessage')[before.posts]!;
    const q = messageOf(qCall);
    expect(q.thread_ts).toBeUndefined();
    expect(visible(q)).toContain('Question 1 of 2');
    expect(visible(q)).toContain('grace');
    clock.advance(2000);
    await h.press(q, pick(slackAnswers(q), true).action_id, ADA);

    // Someone else may not stop it; the starter may.
    const refused = await h.command('devops-challenge', 'stop', ADA);
    expect(refused.response_type).toBe('ephemeral');
    expect(textOf(refused)).toContain('grace');
    const stopped = await h.command('devops-challenge', 'stop', GRACE);
    expect(stopped.response_type).toBe('ephemeral');
    expect(textOf(stopped)).toContain('Challenge stopped');

    await tick();
    const updates = callsOf(h.api, 'chat.update');
    expect(updates).toHaveLength(before.updates + 1);
    const revealed = visible(messageOf(updates.at(-1)!));
    expect(revealed).toContain('Right (1 of 1): ada');
    expect(revealed).toContain('Stopped by grace');
    const posts = callsOf(h.api, 'chat.postMessage');
    expect(posts).toHaveLength(before.posts + 2);
    const end = messageOf(posts.at(-1)!);
    expect(end.thread_ts).toBe(stamps.ts.get(qCall));
    expect(visible(end)).toContain('Challenge stopped by grace');
    expect(visible(end)).toContain('1 of 2 questions');
    // Ada answered at 2 s of the 10 s announced, within the first fifth: the full bonus, even though the stop closed it early.
    expect(visible(end)).toContain('ada — 1 correct · 150 points');

    // The leaderboard now holds both challenges' points: Ada 130 + 150.
    const board = await h.command('devops-quiz', 'leaderboard', ADA);
    expect(visible(board)).toContain('ada — *280 pts* · 2 answers');
    checkAll([rematch, refused, stopped, board]);
  });
});
