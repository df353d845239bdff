/**
 * The question of the day end to end on the memory store: a real assistant
 * (or several, as replicas or restarts) over one store, a fake outbox and a
 * clock the test sets. Posts happen only through `runDue`, as the ticker calls it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRoles } from '../../src/content/load.js';
import type { Role } from '../../src/content/schema.js';
import { CLAIM_TIMEOUT_MS } from '../../src/daily/run.js';
import type { Store } from '../../src/ports.js';
import { createMemoryStore } from '../../storage/memory-store.js';
import { ctxFor, FIXTURE_ROLES_DIR } from '../helpers/assistant.js';
import { daily, fakeOutbox, postView, press, replica, setClock, tick, type ViewOf } from './support.js';

const H = 60 * 60 * 1000;
/** Wednesday 2 December 2026, 08:00 UTC. */
const WED_8 = Date.UTC(2026, 11, 2, 8);
let roles: Role[];
beforeAll(async () => {
  roles = await loadRoles(FIXTURE_ROLES_DIR);
});

const newStore = (): Store => createMemoryStore({ validate: true });
const correctIndex = (v: ViewOf<'daily-question'>) => {
  const q = roles[0]?.questions.find((x) => x.id === v.question.id);
  return v.choices.findIndex((c) => c.text === q?.choices.correct);
};
const text = (r: { view: { kind: string } }) => JSON.stringify(r.view);

async function started(at = WED_8, args = 'start 09:00') {
  const store = newStore();
  const clock = setClock(at);
  const a = replica(roles, store, clock);
  const box = fakeOutbox();
  const reply = await daily(a, 'sre', args);
  expect(reply.view.kind, text(reply)).toBe('notice');
  return { store, clock, a, box, reply };
}

describe('question of the day', () => {
  it('posts once at the scheduled minute, with A–D buttons', async () => {
    const { clock, a, box, reply } = await started();
    expect(reply.visibility).toBe('public');
    expect(text(reply)).toContain('09:00 UTC');
    clock.set(WED_8 + H - 1000);
    expect(await tick(a, box)).toBe(0);
    clock.set(WED_8 + H);
    expect(await tick(a, box)).toBe(1);
    clock.set(WED_8 + H + 30_000);
    expect(await tick(a, box)).toBe(0);
    expect(box.posts).toHaveLength(1);
    const v = postView(box, 0);
    expect(v.actions.map((x) => x.label)).toEqual(['A', 'B', 'C', 'D']);
    expect(v.reveal).toBeUndefined();
    expect(box.posts[0]?.channel).toEqual({ platform: 'console', workspace: 'T1', channel: 'C1' });
  });

  it('takes one answer per user, privately, scores it, and reveals it with counts the next day', async () => {
    const { clock, a, box } = await started();
    clock.set(WED_8 + H);
    await tick(a, box);
    const v = postView(box, 0);
    const right = correctIndex(v);
    const wrong = (right + 1) % 4;
    const first = await press(a, v.actions[right]?.id ?? '', 'U1');
    expect(first.visibility).toBe('private');
    expect(text(first)).toContain('Answer recorded');
    expect(text(first)).not.toMatch(/correct|wrong/i);
    expect(text(await press(a, v.actions[wrong]?.id ?? '', 'U1'))).toContain('Already answered');
    await press(a, v.actions[wrong]?.id ?? '', 'U2');
    await press(a, v.actions[right]?.id ?? '', 'U3');
    const stats = await a.handle({ type: 'command', command: 'sre-quiz', text: 'stats', ctx: ctxFor('U1', 'User U1', 'C1') });
    expect(stats.view.kind === 'stats' && stats.view.points).toBeGreaterThan(0);
    const board = await a.handle({ type: 'command', command: 'sre-quiz', text: 'leaderboard week', ctx: ctxFor('U9', 'Nine', 'C1') });
    expect(board.view.kind === 'leaderboard' && board.view.rows.map((r) => r.userId)).toEqual(['U1', 'U3', 'U2']);

    clock.set(WED_8 + 25 * H);
    expect(await tick(a, box)).toBe(1);
    const next = postView(box, 1);
    expect(next.reveal).toMatchObject({ answered: 3, correct: 2, answer: `${'ABCD'[right]}. ${v.choices[right]?.text}`, prompt: v.question.prompt });
    expect(next.question.id).not.toBe(v.question.id);
    // Yesterday's post is closed in place: its answer shown, no buttons.
    const closed = box.updates[0]?.view as ViewOf<'daily-question'>;
    expect(box.updates[0]?.ref.message).toBe('m1');
    expect(closed.closed).toEqual({ answer: next.reveal?.answer, answered: 3, correct: 2 });
    expect(closed.actions).toEqual([]);
    // A late click on yesterday's post: closed, with the answer.
    const late = await press(a, v.actions[0]?.id ?? '', 'U4');
    expect(text(late)).toContain('This question has closed');
    expect(text(late)).toContain(`The answer was ${next.reveal?.answer}`);
  });

  it('posts once when a restarted assistant (same store) ticks at the scheduled minute', async () => {
    const { store, clock, a, box } = await started();
    clock.set(WED_8 + H);
    expect(await tick(a, box)).toBe(1);
    const restarted = replica(roles, store, clock, 99);
    expect(await tick(restarted, box)).toBe(0);
    clock.set(WED_8 + H + 5000);
    expect(await tick(restarted, box)).toBe(0);
    expect(box.posts).toHaveLength(1);
  });

  it('posts once when two replicas run due at the same moment', async () => {
    const { store, clock, a, box } = await started();
    const b = replica(roles, store, clock, 3);
    clock.set(WED_8 + H);
    const [x, y] = await Promise.all([tick(a, box), tick(b, box)]);
    expect(x + y).toBe(1);
    expect(box.posts).toHaveLength(1);
  });

  it('catches up once after two days down, then keeps its time', async () => {
    const { clock, a, box } = await started();
    clock.set(WED_8 + H);
    await tick(a, box);
    // Down from Wednesday 09:00 to Friday 14:00: one post now, not three.
    clock.set(WED_8 + 54 * H);
    expect(await tick(a, box)).toBe(1);
    clock.set(WED_8 + 54 * H + 60_000);
    expect(await tick(a, box)).toBe(0);
    clock.set(WED_8 + 72 * H + H);
    expect(await tick(a, box)).toBe(1);
    expect(box.posts).toHaveLength(3);
    expect(postView(box, 1).reveal).toBeDefined();
  });

  it('skips Saturday and Sunday with days:weekdays', async () => {
    // Friday 4 December, 08:00 UTC.
    const { clock, a, box } = await started(WED_8 + 48 * H, 'start 09:00 days:weekdays');
    for (let t = WED_8 + 49 * H; t <= WED_8 + 122 * H; t += H) {
      clock.set(t);
      await tick(a, box);
    }
    const days = box.posts.map((p) => (p.view as ViewOf<'daily-question'>).date);
    expect(days).toEqual(['Friday 4 December', 'Monday 7 December']);
  });

  it('keeps 09:00 in Europe/London across the spring change', async () => {
    const sat = Date.UTC(2026, 2, 28, 6);
    const { clock, a, box } = await started(sat, 'start 09:00 tz:Europe/London');
    const at: string[] = [];
    for (let t = sat; t < sat + 48 * H; t += 15 * 60 * 1000) {
      clock.set(t);
      if ((await tick(a, box)) > 0) at.push(new Date(t).toISOString());
    }
    expect(at).toEqual(['2026-03-28T09:00:00.000Z', '2026-03-29T08:00:00.000Z']);
  });

  it('asks no question twice until the bank is used up', async () => {
    const { clock, a, box } = await started();
    const size = roles[0]?.questions.length ?? 0;
    for (let d = 0; d < size + 1; d++) {
      clock.set(WED_8 + H + d * 24 * H);
      expect(await tick(a, box)).toBe(1);
    }
    const ids = box.posts.map((p) => (p.view as ViewOf<'daily-question'>).question.id);
    expect(new Set(ids.slice(0, size)).size).toBe(size);
    expect(ids.slice(0, size)).toContain(ids[size]);
  });

  it('retries a post that crashed mid-way once, after the claim times out, then gives up', async () => {
    const { clock, a, box } = await started();
    box.failPosts(new Error('process died'), 1);
    clock.set(WED_8 + H);
    const first = await a.runDue?.('console', box);
    expect(first?.problems).toHaveLength(1);
    clock.set(WED_8 + H + 30_000);
    expect(await tick(a, box)).toBe(0);
    clock.set(WED_8 + H + CLAIM_TIMEOUT_MS + 1000);
    expect(await tick(a, box)).toBe(1);
    expect(box.posts).toHaveLength(1);
  });

  it('says why a post failed in status', async () => {
    const { OutboxError } = await import('../../src/outbox.js');
    const { clock, a, box } = await started();
    box.failPosts(new OutboxError('not-in-channel', 'the bot is not in this channel'), 2);
    clock.set(WED_8 + H);
    await tick(a, box);
    clock.set(WED_8 + H + CLAIM_TIMEOUT_MS + 1000);
    await tick(a, box);
    clock.set(WED_8 + H + 2 * CLAIM_TIMEOUT_MS + 2000);
    expect(await tick(a, box)).toBe(0);
    const status = await daily(a, 'sre', 'status');
    expect(status.view.kind).toBe('daily-status');
    expect(text(status)).toContain('the bot is not in this channel');
    // The next day posts again.
    clock.set(WED_8 + 25 * H);
    expect(await tick(a, box)).toBe(1);
  });

  it('shows the schedule in status, and stops', async () => {
    const { clock, a, box } = await started(WED_8, 'start 17:30 technical days:weekdays tz:Europe/London');
    const status = await daily(a, 'sre', 'status');
    const v = status.view as ViewOf<'daily-status'>;
    expect(v.schedule).toMatchObject({ time: '17:30', tz: 'Europe/London', tier: 'technical', next: 'Wednesday 2 December, 17:30 Europe/London' });
    expect(v.schedule?.days).toContain('weekdays');
    expect((await daily(a, 'sre', 'stop')).view.kind).toBe('notice');
    clock.set(WED_8 + 48 * H);
    expect(await tick(a, box)).toBe(0);
    const after = (await daily(a, 'sre', 'status')).view as ViewOf<'daily-status'>;
    expect(after.kind).toBe('daily-status');
    expect(after.schedule).toBeUndefined();
    expect(after.note).toContain('No question of the day is scheduled here');
  });

  it('refuses an unknown zone with did you mean, a bad time, and a member who may not manage the channel', async () => {
    const { a } = await started();
    const zone = await daily(a, 'sre', 'start 09:00 tz:Europe/Londn');
    expect(zone.view).toMatchObject({ kind: 'error', code: 'bad-arguments' });
    expect(text(zone)).toContain('did you mean Europe/London?');
    expect(text(await daily(a, 'sre', 'start 25:00'))).toContain('is not a time');
    const ctx = ctxFor('U5', 'Five', 'C1');
    const refused = await a.handle({ type: 'command', command: 'sre-daily', text: 'stop', ctx: { ...ctx, user: { ...ctx.user, canManage: false } } });
    expect(refused.view).toMatchObject({ kind: 'error', code: 'not-yours' });
  });

  it('takes DAILY_TZ as the default zone', async () => {
    const store = newStore();
    const a = replica(roles, store, setClock(WED_8), 7, 'America/New_York');
    expect(text(await daily(a, 'sre', 'start 09:00'))).toContain('09:00 America/New_York');
  });
});
