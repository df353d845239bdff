import { describe, expect, it } from 'vitest';
import { addBehavioural, buildPlan, type Plan, plannedMinutes, swapQuestion, tierCounts } from '../../src/interview/plan.js';
import { seededRandom } from '../../src/random.js';
import { loadRealRole } from '../search/real-role.js';
import { bank, behaviouralQuestions, must, nth, plan, question } from './support.js';

const BANK = bank();
const tiers = (p: Plan) => Object.fromEntries(tierCounts(p).map((t) => [t.tier, t.n]));
const ids = (p: Plan) => p.items.map((i) => i.questionId);

describe('buildPlan: size and tier mix', () => {
  // Budgets: basic 5, technical 6, advanced 7 minutes; 5 minutes kept from 30 minutes up.
  it.each([
    ['junior', 30, { basic: 3, technical: 1 }],
    ['junior', 45, { basic: 5, technical: 2 }],
    ['junior', 60, { basic: 7, technical: 3 }],
    ['mid', 30, { basic: 1, technical: 2, advanced: 1 }],
    ['mid', 45, { basic: 1, technical: 4, advanced: 1 }],
    ['mid', 60, { basic: 2, technical: 5, advanced: 2 }],
    ['senior', 30, { technical: 1, advanced: 2 }],
    ['senior', 45, { technical: 2, advanced: 4 }],
    ['senior', 60, { technical: 3, advanced: 5 }],
  ] as const)('%s, %i minutes → %o', (level, minutes, expected) => {
    const p = plan(BANK, level, minutes);
    expect(tiers(p)).toEqual(expected);
    expect(p.reserveMinutes).toBe(5);
    expect(plannedMinutes(p)).toBe(minutes);
    expect(p.notes).toEqual([]);
    for (const item of p.items) expect(item.minutes).toBeGreaterThanOrEqual({ basic: 5, technical: 6, advanced: 7 }[item.tier]);
  });

  it('defaults to 45 minutes and orders questions easiest first', () => {
    const p = plan(BANK, 'mid');
    expect(p.minutes).toBe(45);
    expect(p.items.map((i) => i.tier)).toEqual(['basic', 'technical', 'technical', 'technical', 'technical', 'advanced']);
  });

  it('keeps no reserve under 30 minutes, and says when the time is not filled', () => {
    const p = plan(BANK, 'mid', 10);
    expect(p.reserveMinutes).toBe(0);
    expect(tiers(p)).toEqual({ technical: 1 });
    expect(plannedMinutes(p)).toBe(9);
    expect(p.notes).toEqual(['The plan fills 9 of 10 minutes: no further question fits.']);
  });

  it('validates minutes and level', () => {
    for (const minutes of [9, 121, 30.5, Number.NaN]) {
      const r = buildPlan({ questions: BANK, level: 'mid', minutes, random: seededRandom(1) });
      expect(r.ok ? undefined : r.error.code).toBe('bad-minutes');
    }
    expect(buildPlan({ questions: BANK, level: 'mid', minutes: 10, random: seededRandom(1) }).ok).toBe(true);
    expect(buildPlan({ questions: BANK, level: 'mid', minutes: 120, random: seededRandom(1) }).ok).toBe(true);
    const bad = buildPlan({ questions: BANK, level: 'lead' as 'mid', random: seededRandom(1) });
    expect(bad.ok ? undefined : bad.error.code).toBe('bad-level');
  });

  it('is deterministic for a seed, and varies with it', () => {
    expect(ids(plan(BANK, 'mid', 60, 7))).toEqual(ids(plan(BANK, 'mid', 60, 7)));
    const seeds = new Set([1, 2, 3, 4, 5].map((s) => ids(plan(BANK, 'mid', 60, s)).join()));
    expect(seeds.size).toBeGreaterThan(1);
  });

  it('never plans a question twice or one to avoid', () => {
    const avoid = ['t0', 't1', 't2', 'b0', 'b1', 'a0'];
    const p = must(buildPlan({ questions: BANK, level: 'mid', minutes: 120, random: seededRandom(3), avoid }));
    expect(new Set(ids(p)).size).toBe(p.items.length);
    expect(ids(p).filter((id) => avoid.includes(id))).toEqual([]);
  });

  it('says when the bank runs out, and which tiers stood in', () => {
    const small = [...bank(2, 2)];
    const p = plan(small, 'mid', 120);
    expect(p.items).toHaveLength(6);
    expect(p.notes).toContain('Not enough technical questions: 1 advanced and 1 basic questions stand in.');
    expect(p.notes.at(-1)).toMatch(/^The plan fills \d+ of 120 minutes: the bank has no more questions for it\.$/);
  });
});

describe('buildPlan: topics', () => {
  it('spreads topics: no topic twice while another is unused', () => {
    for (const level of ['junior', 'mid', 'senior'] as const) {
      for (const seed of [1, 2, 3]) {
        const p = plan(BANK, level, 45, seed);
        const topics = p.items.flatMap((i) => i.topics);
        expect(new Set(topics).size).toBe(Math.min(8, topics.length));
      }
    }
  });

  it('keeps to the topics asked, taking turns between them, and says what filled the rest', () => {
    const p = plan(BANK, 'mid', 45, 1, ['t1', 'T2 ']);
    expect(p.topics).toEqual(['t1', 't2']);
    // Each tier has two questions on t1 (1 and 9) and one on t2: enough for a 45-minute mid plan.
    const on = p.items.filter((i) => i.topics.includes('t1') || i.topics.includes('t2'));
    expect(on).toHaveLength(p.items.length);
    const t1 = on.filter((i) => i.topics.includes('t1')).length;
    expect(Math.abs(t1 - (on.length - t1))).toBeLessThanOrEqual(1);
    expect(p.notes).toEqual(['To keep to t1 or t2, 1 basic question stands in for technical.']);
  });

  it('notes a thin topic: "only N questions … mention …; filled with …"', () => {
    const questions = [
      ...bank(),
      question('tf-1', 'technical', ['terraform']),
      question('tf-2', 'technical', ['terraform']),
      question('tf-3', 'basic', ['terraform']),
    ];
    const p = plan(questions, 'mid', 45, 1, ['terraform']);
    expect(
      p.items
        .filter((i) => i.topics.includes('terraform'))
        .map((i) => i.questionId)
        .sort(),
    ).toEqual(['tf-1', 'tf-2', 'tf-3']);
    expect(p.notes).toContain('Only 3 questions at this level mention terraform; filled with 3 on other topics.');
    // The fillers spread over the other topics instead of repeating one.
    const fillers = p.items.filter((i) => !i.topics.includes('terraform')).flatMap((i) => i.topics);
    expect(new Set(fillers).size).toBe(fillers.length);
  });

  it('lets an on-topic question of a neighbouring tier stand in, never one outside the level', () => {
    const questions = [...bank(), question('tf-adv', 'advanced', ['terraform']), question('tf-tech', 'technical', ['terraform'])];
    const junior = plan(questions, 'junior', 45, 1, ['terraform']);
    expect(ids(junior)).toContain('tf-tech');
    expect(ids(junior)).not.toContain('tf-adv');
    expect(junior.notes).toContain('To keep to terraform, 1 technical question stands in for basic.');
  });

  it('refuses a topic no question has, listing the ones there are', () => {
    const r = buildPlan({ questions: BANK, level: 'mid', topics: ['terrafrom'], random: seededRandom(1) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'unknown-topic', message: expect.stringContaining('No question is about terrafrom. Topics: t0, t1') });
  });

  it('leaves behavioural questions out unless asked', () => {
    const questions = [...BANK, ...behaviouralQuestions];
    expect(plan(questions, 'mid', 120).items.some((i) => i.behavioural)).toBe(false);
    expect(plan(questions, 'mid', 30, 1, ['behavioural']).items.filter((i) => i.behavioural).length).toBeGreaterThan(0);
  });
});

describe('swapQuestion', () => {
  it('keeps the tier and the topic when it can, and never duplicates, swap after swap', () => {
    const questions = bank(10, 3);
    let p = plan(questions, 'mid', 60, 4);
    const random = seededRandom(9);
    for (let round = 0; round < 6; round++) {
      for (let index = 0; index < p.items.length; index++) {
        const before = nth(p.items, index);
        const change = swapQuestion(p, index, { questions, random });
        if (!change.ok) continue;
        p = change.value.plan;
        const after = nth(p.items, index);
        expect(after.questionId).not.toBe(before.questionId);
        expect(after.tier).toBe(before.tier);
        expect(after.minutes).toBe(before.minutes);
        expect(new Set(ids(p)).size).toBe(p.items.length);
      }
    }
  });

  it('prefers a question on the same topic, and one not swapped out before', () => {
    const questions = [
      question('x1', 'technical', ['k8s']),
      question('x2', 'technical', ['k8s']),
      question('x3', 'technical', ['tf']),
      question('x4', 'technical', ['k8s']),
    ];
    let p = plan([nth(questions, 0)], 'mid', 10);
    p = must(swapQuestion(p, 0, { questions, random: seededRandom(1) })).plan;
    const second = nth(p.items, 0).questionId;
    expect(['x2', 'x4']).toContain(second);
    p = must(swapQuestion(p, 0, { questions, random: seededRandom(1) })).plan;
    expect(nth(p.items, 0).questionId).toBe(second === 'x2' ? 'x4' : 'x2');
    const change = must(swapQuestion(p, 0, { questions, random: seededRandom(1) }));
    expect(nth(change.plan.items, 0).questionId).toBe('x3');
    expect(change.note).toBe('No other technical question on k8s is left; this one is on tf.');
  });

  it('refuses a bad index or an exhausted tier', () => {
    const questions = [question('only', 'advanced', ['x']), question('b', 'basic', ['x'])];
    const p = plan(questions, 'senior', 10);
    expect(swapQuestion(p, 5, { questions, random: seededRandom(1) })).toMatchObject({ ok: false, error: { code: 'bad-index' } });
    expect(swapQuestion(p, 0, { questions, random: seededRandom(1) })).toMatchObject({
      ok: false,
      error: { code: 'no-alternative', message: 'No other advanced question is left to swap in.' },
    });
  });
});

describe('addBehavioural', () => {
  const questions = [...BANK, ...behaviouralQuestions];

  it('appends one at the level’s tier with its own budget, and says when the plan runs over', () => {
    const p = plan(questions, 'senior', 45);
    const change = must(addBehavioural(p, { questions, random: seededRandom(1) }));
    expect(change.plan.items.at(-1)).toMatchObject({ questionId: 'story-advanced', behavioural: true, minutes: 5 });
    expect(change.note).toBe('The plan now runs 50 minutes, 5 over the 45 asked.');
    const junior = must(addBehavioural(plan(questions, 'junior', 45), { questions, random: seededRandom(1) }));
    expect(junior.plan.items.at(-1)?.questionId).toBe('story-basic');
  });

  it('adds each behavioural question once, then says there is none left', () => {
    let p = plan(questions, 'mid', 45);
    const added: string[] = [];
    for (let i = 0; i < 3; i++) {
      p = must(addBehavioural(p, { questions, random: seededRandom(i) })).plan;
      added.push(nth(p.items, -1).questionId);
    }
    expect(added).toEqual(['story-technical', 'story-advanced', 'story-basic']);
    expect(addBehavioural(p, { questions, random: seededRandom(1) })).toMatchObject({ ok: false, error: { code: 'no-behavioural' } });
  });
});

describe('the real role', () => {
  const role = loadRealRole();
  it.skipIf(!role)('plans every level from the real bank', () => {
    if (!role) return;
    for (const level of ['junior', 'mid', 'senior'] as const) {
      for (const minutes of [30, 45, 60, 120]) {
        const p = plan(role.questions, level, minutes, 5);
        expect(p.items.length).toBeGreaterThan(0);
        expect(new Set(ids(p)).size).toBe(p.items.length);
        expect(plannedMinutes(p)).toBeLessThanOrEqual(minutes);
      }
    }
    const tf = plan(role.questions, 'mid', 45, 1, ['terraform']);
    expect(tf.items.filter((i) => i.topics.includes('terraform')).length).toBeGreaterThanOrEqual(2);
  });

  it.skipIf(!role?.questions.some((q) => q.topics.includes('behavioural')))('adds a behavioural question from the real bank on request only', () => {
    if (!role) return;
    const p = plan(role.questions, 'senior', 45, 2);
    expect(p.items.some((i) => i.behavioural)).toBe(false);
    const added = must(addBehavioural(p, { questions: role.questions, random: seededRandom(2) })).plan.items.at(-1);
    expect(added).toMatchObject({ behavioural: true, minutes: 5 });
  });
});
