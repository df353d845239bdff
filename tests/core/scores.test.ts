/** Personal stats and per-space leaderboards (all-time and weekly). */
import { describe, expect, it } from 'vitest';
import type { Tier } from '../../src/content/schema.js';
import type { RequestContext } from '../../src/requests.js';
import { isoWeek } from '../../src/stats/week.js';
import type { Reply } from '../../src/views.js';
import { act, cmd, ctxFor, makeTestAssistant, type TestAssistant } from '../helpers/assistant.js';
import { actionLabelled, answerRight, answerWrong, devopsRole, question, startQuiz, type ViewOf, viewOf } from './support.js';

const WEEK = 7 * 24 * 60 * 60 * 1000;

/** Plays a quiz answering by plan (true = right); returns the questions answered in order. */
async function play(t: TestAssistant, args: string, plan: boolean[], ctx: RequestContext = ctxFor()): Promise<{ id: string; right: boolean }[]> {
  let view: ViewOf<'quiz-question'> | undefined = await startQuiz(t, args, ctx);
  const done: { id: string; right: boolean }[] = [];
  for (const right of plan) {
    if (!view) throw new Error('quiz ended early');
    done.push({ id: view.question.id, right });
    const reply: Reply = right ? await answerRight(t, view, ctx) : await answerWrong(t, view, ctx);
    view = reply.view.kind === 'quiz-question' ? reply.view : undefined;
  }
  return done;
}

async function stats(t: TestAssistant, ctx: RequestContext = ctxFor()) {
  const reply = await t.assistant.handle(cmd('devops-quiz', 'stats', ctx));
  expect(reply.visibility).toBe('private');
  return viewOf(reply, 'stats');
}

async function board(t: TestAssistant, args = '', ctx: RequestContext = ctxFor()) {
  return t.assistant.handle(cmd('devops-quiz', `leaderboard ${args}`.trim(), ctx));
}

describe('stats', () => {
  it('is empty for a new user', async () => {
    const t = await makeTestAssistant();
    const s = await stats(t);
    expect(s).toMatchObject({
      name: 'Ada',
      points: 0,
      weekPoints: 0,
      answered: 0,
      correct: 0,
      accuracy: 0,
      streak: 0,
      bestStreak: 0,
      byTier: [],
      byTopic: [],
      weakest: [],
      reviewDue: 0,
    });
  });

  it('reports accuracy by tier and topic, streaks and weakest topics, matching what was answered', async () => {
    const t = await makeTestAssistant({ seed: 9 });
    const role = devopsRole(t);
    const plan = [true, true, true, false, true, false, false, true, true, true];
    const done = await play(t, 'start 10', plan);
    const s = await stats(t);

    // Expected values computed from the content and the plan.
    const byTier = new Map<Tier, { answered: number; correct: number }>();
    const byTopic = new Map<string, { answered: number; correct: number }>();
    for (const { id, right } of done) {
      const q = question(role, id);
      const tier = byTier.get(q.tier) ?? { answered: 0, correct: 0 };
      byTier.set(q.tier, { answered: tier.answered + 1, correct: tier.correct + (right ? 1 : 0) });
      for (const topic of q.topics) {
        const tt = byTopic.get(topic) ?? { answered: 0, correct: 0 };
        byTopic.set(topic, { answered: tt.answered + 1, correct: tt.correct + (right ? 1 : 0) });
      }
    }
    const pct = (c: number, a: number) => Math.round((100 * c) / a);

    expect(s.answered).toBe(10);
    expect(s.correct).toBe(7);
    expect(s.accuracy).toBe(70);
    expect(s.streak).toBe(3);
    expect(s.bestStreak).toBe(3);
    expect(s.points).toBe(s.weekPoints);
    expect(s.points).toBeGreaterThan(0);

    const tiers = (['basic', 'technical', 'advanced'] as const).filter((tier) => byTier.has(tier));
    expect(s.byTier.map((r) => r.label)).toEqual(tiers);
    for (const row of s.byTier) {
      const e = byTier.get(row.label as Tier);
      expect(row).toEqual({ label: row.label, answered: e?.answered, correct: e?.correct, accuracy: pct(e?.correct ?? 0, e?.answered ?? 1) });
    }

    expect(s.byTopic).toHaveLength(byTopic.size);
    for (const row of s.byTopic) {
      const e = byTopic.get(row.label);
      expect(row.answered).toBe(e?.answered);
      expect(row.correct).toBe(e?.correct);
      expect(row.accuracy).toBe(pct(e?.correct ?? 0, e?.answered ?? 1));
    }
    // Most answered topics first.
    const answeredCounts = s.byTopic.map((r) => r.answered);
    expect(answeredCounts).toEqual([...answeredCounts].sort((a, b) => b - a));

    // Weakest: at least two answers, not perfect, lowest accuracy first, at most three.
    const eligible = s.byTopic.filter((r) => r.answered >= 2 && r.accuracy < 100);
    expect(eligible.length).toBeGreaterThan(0);
    expect(s.weakest.length).toBe(Math.min(3, eligible.length));
    const lowest = Math.min(...eligible.map((r) => r.accuracy));
    if (eligible.length > 0) expect(s.weakest[0]?.accuracy).toBe(lowest);
    for (const w of s.weakest) expect(w.answered).toBeGreaterThanOrEqual(2);
    const accs = s.weakest.map((w) => w.accuracy);
    expect(accs).toEqual([...accs].sort((a, b) => a - b));

    expect(s.reviewDue).toBe(3);
    expect(s.actions.map((a) => a.label)).toEqual(['Review 3 missed', 'Leaderboard']);
  });

  it('resets the current streak on a miss but keeps the best streak', async () => {
    const t = await makeTestAssistant();
    await play(t, 'start basic 6', [true, true, true, true, false, true]);
    const s = await stats(t);
    expect(s.streak).toBe(1);
    expect(s.bestStreak).toBe(4);
  });

  it('carries best streak across quizzes', async () => {
    const t = await makeTestAssistant();
    await play(t, 'start basic 2', [true, true]);
    await play(t, 'start basic 2', [true, false]);
    const s = await stats(t);
    expect(s).toMatchObject({ streak: 0, bestStreak: 3, answered: 4, correct: 3, accuracy: 75 });
  });

  it('is reachable from the summary button', async () => {
    const t = await makeTestAssistant();
    const first = await startQuiz(t, 'start 1');
    const summary = viewOf(await answerRight(t, first), 'quiz-summary');
    const s = viewOf(await t.assistant.handle(act(actionLabelled(summary.actions, 'My stats'))), 'stats');
    expect(s.correct).toBe(1);
  });
});

describe('ISO weeks', () => {
  it.each([
    [Date.UTC(2026, 10, 26), '2026-W48'],
    [Date.UTC(2026, 10, 23), '2026-W48'], // Monday starts the week
    [Date.UTC(2026, 10, 22, 23, 59), '2026-W47'], // Sunday ends the previous one
    [Date.UTC(2021, 0, 3), '2020-W53'], // early January can belong to last year
    [Date.UTC(2024, 11, 30), '2025-W01'], // late December can belong to next year
    [Date.UTC(2027, 0, 1), '2026-W53'],
  ])('week of %d is %s', (at, week) => {
    expect(isoWeek(at)).toBe(week);
  });
});

describe('leaderboard', () => {
  it('orders users by points, best first, with ranks and accuracy', async () => {
    const t = await makeTestAssistant();
    const ada = ctxFor('U1', 'Ada');
    const bo = ctxFor('U2', 'Bo');
    const cy = ctxFor('U3', 'Cy');
    await play(t, 'start basic 1', [true], ada); // 100
    await play(t, 'start advanced 2', [true, false], bo); // 300
    await play(t, 'start technical 1', [true], cy); // 200
    const reply = await board(t);
    expect(reply.visibility).toBe('private');
    const view = viewOf(reply, 'leaderboard');
    expect(view.period).toBe('all');
    expect(view.rows).toEqual([
      { rank: 1, userId: 'U2', name: 'Bo', points: 300, answered: 2, accuracy: 50 },
      { rank: 2, userId: 'U3', name: 'Cy', points: 200, answered: 1, accuracy: 100 },
      { rank: 3, userId: 'U1', name: 'Ada', points: 100, answered: 1, accuracy: 100 },
    ]);
  });

  it('breaks a points tie by more correct answers', async () => {
    const t = await makeTestAssistant();
    await play(t, 'start technical 1', [true], ctxFor('U1', 'Ada')); // 200, 1 correct
    await play(t, 'start basic 2', [true, true], ctxFor('U2', 'Bo')); // 200, 2 correct
    const view = viewOf(await board(t), 'leaderboard');
    expect(view.rows.map((r) => [r.userId, r.points])).toEqual([
      ['U2', 200],
      ['U1', 200],
    ]);
  });

  it('resets the weekly board after a week while the all-time board stays', async () => {
    const t = await makeTestAssistant();
    await play(t, 'start advanced 1', [true], ctxFor('U1', 'Ada'));
    await play(t, 'start basic 1', [true], ctxFor('U2', 'Bo'));
    const week1 = viewOf(await board(t, 'week'), 'leaderboard');
    expect(week1.period).toBe('week');
    expect(week1.periodLabel).toContain('2026-W48');
    expect(week1.rows.map((r) => [r.userId, r.points])).toEqual([
      ['U1', 300],
      ['U2', 100],
    ]);

    t.clock.advance(WEEK);
    const week2 = viewOf(await board(t, 'week'), 'leaderboard');
    expect(week2.periodLabel).toContain('2026-W49');
    expect(week2.rows).toEqual([]);
    const all = viewOf(await board(t, 'all'), 'leaderboard');
    expect(all.rows.map((r) => [r.userId, r.points])).toEqual([
      ['U1', 300],
      ['U2', 100],
    ]);
    // Stats show this week's points as 0.
    expect(await stats(t, ctxFor('U1', 'Ada'))).toMatchObject({ points: 300, weekPoints: 0 });

    // Bo plays in the new week: only Bo is on the weekly board, with this week's points.
    await play(t, 'start basic 1', [true], ctxFor('U2', 'Bo'));
    const week2b = viewOf(await board(t, 'weekly'), 'leaderboard');
    expect(week2b.rows).toEqual([{ rank: 1, userId: 'U2', name: 'Bo', points: 100, answered: 1, accuracy: 100 }]);
    const allb = viewOf(await board(t), 'leaderboard');
    expect(allb.rows.map((r) => [r.userId, r.points])).toEqual([
      ['U1', 300],
      ['U2', 200],
    ]);
  });

  it('keeps spaces apart: the same user id in two teams has two records', async () => {
    const t = await makeTestAssistant();
    const teamA: RequestContext = { user: { platform: 'slack', id: 'U1', name: 'Ada' }, space: 'TA', conversation: 'C1' };
    const teamB: RequestContext = { user: { platform: 'slack', id: 'U1', name: 'Ada B' }, space: 'TB', conversation: 'C1' };
    await play(t, 'start advanced 1', [true], teamA);
    await play(t, 'start basic 1', [false], teamB);
    expect(viewOf(await board(t, '', teamA), 'leaderboard').rows).toEqual([{ rank: 1, userId: 'U1', name: 'Ada', points: 300, answered: 1, accuracy: 100 }]);
    expect(viewOf(await board(t, '', teamB), 'leaderboard').rows).toEqual([{ rank: 1, userId: 'U1', name: 'Ada B', points: 0, answered: 1, accuracy: 0 }]);
    expect(await stats(t, teamA)).toMatchObject({ points: 300, correct: 1 });
    expect(await stats(t, teamB)).toMatchObject({ points: 0, correct: 0 });
    // A third space has nobody.
    expect(viewOf(await board(t, '', { ...teamA, space: 'TC' }), 'leaderboard').rows).toEqual([]);
  });

  it('keeps platforms apart even with equal space and user ids', async () => {
    const t = await makeTestAssistant();
    const slack: RequestContext = { user: { platform: 'slack', id: 'U1', name: 'Ada' }, space: 'S', conversation: 'C' };
    const discord: RequestContext = { user: { platform: 'discord', id: 'U1', name: 'Ada' }, space: 'S', conversation: 'C' };
    await play(t, 'start basic 1', [true], slack);
    expect(viewOf(await board(t, '', discord), 'leaderboard').rows).toEqual([]);
  });

  it('shows at most ten users', async () => {
    const t = await makeTestAssistant();
    for (let i = 0; i < 12; i++) await play(t, 'start basic 1', [true], ctxFor(`U${i}`, `User ${i}`));
    const view = viewOf(await board(t), 'leaderboard');
    expect(view.rows).toHaveLength(10);
    expect(view.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('posts publicly with share, without buttons', async () => {
    const t = await makeTestAssistant();
    await play(t, 'start basic 1', [true]);
    const shared = await board(t, 'week share');
    expect(shared.visibility).toBe('public');
    const view = viewOf(shared, 'leaderboard');
    expect(view.period).toBe('week');
    expect(view.actions).toEqual([]);
    expect(view.rows).toHaveLength(1);
    expect((await board(t, 'share:no')).visibility).toBe('private');
  });

  it('switches period and shares from its buttons', async () => {
    const t = await makeTestAssistant();
    await play(t, 'start basic 1', [true]);
    const all = viewOf(await board(t), 'leaderboard');
    expect(all.actions.map((a) => a.label)).toEqual(['This week', 'Share to channel']);

    const weekReply = await t.assistant.handle(act(actionLabelled(all.actions, 'This week')));
    expect(weekReply).toMatchObject({ visibility: 'private', replace: true });
    const week = viewOf(weekReply, 'leaderboard');
    expect(week.period).toBe('week');
    expect(week.actions.map((a) => a.label)).toEqual(['All time', 'Share to channel']);

    const shareReply = await t.assistant.handle(act(actionLabelled(week.actions, 'Share to channel')));
    expect(shareReply.visibility).toBe('public');
    expect(shareReply.replace).toBeUndefined();
    expect(viewOf(shareReply, 'leaderboard').period).toBe('week');

    const back = viewOf(await t.assistant.handle(act(actionLabelled(week.actions, 'All time'))), 'leaderboard');
    expect(back.period).toBe('all');
  });
});
