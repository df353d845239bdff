/** Question selection: no repeats per user until a pool is used up, topic filters, tier steps. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Question, Role } from '../../src/content/schema.js';
import { filterQuestions, pickMany, pickQuestion, poolKey, stepTier } from '../../src/questions/pick.js';
import { seededRandom } from '../../src/random.js';
import { createRoleRuntime, type RoleRuntime } from '../../src/role-runtime.js';
import { cmd, ctxFor, makeTestAssistant, realRoles } from '../helpers/assistant.js';
import { viewOf } from './support.js';

let role: Role;
let rt: RoleRuntime;
beforeAll(async () => {
  const roles = await realRoles();
  role = roles.find((r) => r.commandPrefix === 'devops') as Role;
  rt = createRoleRuntime(role);
});

const ids = (qs: readonly Question[]) => qs.map((q) => q.id);

describe('pickQuestion', () => {
  it('serves every question of a pool once before any repeat, then starts over', () => {
    const pool = role.questions.filter((q) => q.tier === 'basic');
    const random = seededRandom(7);
    let seen: string[] = [];
    const served: string[] = [];
    for (let i = 0; i < pool.length * 2; i++) {
      const pick = pickQuestion(pool, seen, random);
      if (!pick) throw new Error('no pick');
      served.push(pick.question.id);
      seen = pick.seen;
    }
    expect(new Set(served.slice(0, pool.length))).toEqual(new Set(ids(pool)));
    expect(new Set(served.slice(pool.length))).toEqual(new Set(ids(pool)));
  });

  it('remembers what was served and resets the list when the pool starts over', () => {
    const pool = role.questions.slice(0, 3);
    const random = seededRandom(1);
    const first = pickQuestion(pool, [], random);
    expect(first?.seen).toEqual([first?.question.id]);
    const full = ids(pool);
    const again = pickQuestion(pool, full, random);
    expect(again?.seen).toEqual([again?.question.id]);
  });

  it('never picks the question on screen when another is available', () => {
    const pool = role.questions.filter((q) => q.tier === 'advanced');
    const current = pool[0] as Question;
    for (let seed = 0; seed < 50; seed++) {
      // Whether or not the pool is used up, the avoided question never comes back.
      expect(pickQuestion(pool, [], seededRandom(seed), current.id)?.question.id).not.toBe(current.id);
      expect(pickQuestion(pool, ids(pool), seededRandom(seed), current.id)?.question.id).not.toBe(current.id);
    }
  });

  it('still answers from a one-question pool that is the avoided one, and nothing from an empty pool', () => {
    const only = role.questions[0] as Question;
    expect(pickQuestion([only], [only.id], seededRandom(3), only.id)?.question.id).toBe(only.id);
    expect(pickQuestion([], [], seededRandom(3))).toBeUndefined();
  });

  it('ignores served ids from outside the pool', () => {
    const pool = role.questions.slice(0, 2);
    const pick = pickQuestion(pool, ['not-in-pool'], seededRandom(2));
    expect(ids(pool)).toContain(pick?.question.id);
    expect(pick?.seen).toEqual(['not-in-pool', pick?.question.id]);
  });
});

describe('pickMany', () => {
  it('returns distinct questions, at most the pool size', () => {
    const pool = role.questions.filter((q) => q.tier === 'technical');
    for (let seed = 0; seed < 20; seed++) {
      const five = pickMany(pool, [], 5, seededRandom(seed));
      expect(five.ids).toHaveLength(5);
      expect(new Set(five.ids).size).toBe(5);
      const all = pickMany(pool, [], 50, seededRandom(seed));
      expect(new Set(all.ids)).toEqual(new Set(ids(pool)));
      expect(all.ids).toHaveLength(pool.length);
    }
  });

  it('takes unseen questions first', () => {
    const pool = role.questions.filter((q) => q.tier === 'basic');
    // All but three seen, whatever the size of the bank.
    const seen = ids(pool).slice(0, pool.length - 3);
    const unseen = ids(pool).slice(pool.length - 3);
    const picked = pickMany(pool, seen, 3, seededRandom(11));
    expect(new Set(picked.ids)).toEqual(new Set(unseen));
    expect(picked.seen).toEqual([...seen, ...picked.ids]);
    // Asking for more than the unseen ones still gives distinct questions.
    const more = pickMany(pool, seen, 6, seededRandom(11));
    expect(new Set(more.ids).size).toBe(6);
    expect(new Set(more.ids.slice(0, 3))).toEqual(new Set(unseen));
  });
});

describe('stepTier', () => {
  it('steps one tier and clamps at both ends', () => {
    expect(stepTier('basic', 1)).toEqual({ tier: 'technical', moved: true });
    expect(stepTier('technical', 1)).toEqual({ tier: 'advanced', moved: true });
    expect(stepTier('advanced', 1)).toEqual({ tier: 'advanced', moved: false });
    expect(stepTier('advanced', -1)).toEqual({ tier: 'technical', moved: true });
    expect(stepTier('technical', -1)).toEqual({ tier: 'basic', moved: true });
    expect(stepTier('basic', -1)).toEqual({ tier: 'basic', moved: false });
  });
});

describe('filterQuestions', () => {
  it('filters by tier alone', () => {
    const technical = filterQuestions(rt, { tier: 'technical' });
    expect(technical.length).toBe(role.questions.filter((q) => q.tier === 'technical').length);
    expect(technical.every((q) => q.tier === 'technical')).toBe(true);
    expect(filterQuestions(rt, {})).toHaveLength(role.questions.length);
  });

  it('finds a topic by its id, and through synonyms (k8s, kube → kubernetes)', () => {
    const expected = ids(role.questions.filter((q) => q.topics.includes('kubernetes')));
    expect(expected.length).toBeGreaterThan(3);
    expect(ids(filterQuestions(rt, { topic: 'kubernetes' }))).toEqual(expected);
    expect(ids(filterQuestions(rt, { topic: 'k8s' }))).toEqual(expected);
    expect(ids(filterQuestions(rt, { topic: 'KUBE' }))).toEqual(expected);
  });

  it('combines topic and tier', () => {
    const expected = ids(role.questions.filter((q) => q.topics.includes('kubernetes') && q.tier === 'technical'));
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(filterQuestions(rt, { topic: 'k8s', tier: 'technical' }))).toEqual(expected);
  });

  it('matches a dashed topic id written with spaces', () => {
    const expected = ids(role.questions.filter((q) => q.topics.includes('incident-response')));
    expect(ids(filterQuestions(rt, { topic: 'incident-response' }))).toEqual(expected);
    expect(ids(filterQuestions(rt, { topic: 'incident response' }))).toEqual(expected);
  });

  it('falls back to search for words that are not a topic', () => {
    const found = ids(filterQuestions(rt, { topic: 'remote state locking' }));
    expect(found).toContain('terraform-remote-state');
    expect(found.length).toBeLessThan(role.questions.length);
  });

  it('finds nothing for a topic that appears nowhere', () => {
    expect(filterQuestions(rt, { topic: 'xylophone' })).toEqual([]);
  });
});

describe('poolKey', () => {
  it('separates pools by role, kind, tier and normalised topic', () => {
    expect(poolKey('r', {}, 'card')).toBe('r:card:*:*');
    expect(poolKey('r', { tier: 'basic', topic: '  Terraform   State ' }, 'quiz')).toBe('r:quiz:basic:terraform state');
    expect(poolKey('r', {}, 'card')).not.toBe(poolKey('r', {}, 'quiz'));
  });
});

describe('no repeats through /devops-question', () => {
  it('serves all basic questions to a user before repeating, then starts over', async () => {
    const t = await makeTestAssistant({ seed: 5 });
    const basic = role.questions.filter((q) => q.tier === 'basic').length;
    const served: string[] = [];
    for (let i = 0; i < basic * 2; i++) {
      served.push(viewOf(await t.assistant.handle(cmd('devops-question', 'basic')), 'card').question.id);
    }
    expect(new Set(served.slice(0, basic)).size).toBe(basic);
    expect(new Set(served.slice(basic)).size).toBe(basic);
  });

  it('keeps a separate served list per user', async () => {
    const t = await makeTestAssistant({ seed: 5 });
    const advanced = role.questions.filter((q) => q.tier === 'advanced').length;
    const a: string[] = [];
    const b: string[] = [];
    for (let i = 0; i < advanced; i++) {
      a.push(viewOf(await t.assistant.handle(cmd('devops-question', 'advanced', ctxFor('U1'))), 'card').question.id);
      b.push(viewOf(await t.assistant.handle(cmd('devops-question', 'advanced', ctxFor('U2', 'Bo'))), 'card').question.id);
    }
    expect(new Set(a).size).toBe(advanced);
    expect(new Set(b).size).toBe(advanced);
  });

  it('serves only kubernetes questions for k8s', async () => {
    const t = await makeTestAssistant();
    for (let i = 0; i < 5; i++) {
      const card = viewOf(await t.assistant.handle(cmd('devops-question', 'k8s')), 'card');
      expect(card.question.topics).toContain('kubernetes');
    }
  });
});
