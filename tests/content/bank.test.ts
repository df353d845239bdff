/**
 * The DevOps bank is deep enough for an interviewer: enough questions per tier,
 * every technical skill and use case asked about, behavioural questions, and
 * each question says where its answer comes from. Other roles (a copied role
 * file, a new role) are held only to the schema, not to this bank's size.
 */
import { describe, expect, it } from 'vitest';
import { TIERS } from '../../src/content/schema.js';
import { realRoles } from '../helpers/assistant.js';

describe('the DevOps question bank', async () => {
  const devops = (await realRoles()).find((r) => r.id === 'devops-engineer');

  it.runIf(devops)('has at least 66 questions, at least 15 per tier, 22 from the role document', () => {
    const qs = devops?.questions ?? [];
    expect(qs.length).toBeGreaterThanOrEqual(66);
    for (const tier of TIERS) expect(qs.filter((q) => q.tier === tier).length, tier).toBeGreaterThanOrEqual(15);
    expect(qs.filter((q) => q.source === 'document')).toHaveLength(22);
    expect(qs.filter((q) => q.source === 'written').length).toBeGreaterThanOrEqual(44);
  });

  it.runIf(devops)('asks at least two questions on every technical skill and every use case, and at least 8 behavioural ones', () => {
    const qs = devops?.questions ?? [];
    devops?.skills.technical.forEach((skill, i) => expect(qs.filter((q) => q.skills.includes(i + 1)).length, skill).toBeGreaterThanOrEqual(2));
    for (const u of devops?.useCases ?? []) expect(qs.filter((q) => q.useCases.includes(u.id)).length, u.id).toBeGreaterThanOrEqual(2);
    const behavioural = qs.filter((q) => q.topics.includes('behavioural'));
    expect(behavioural.length).toBeGreaterThanOrEqual(8);
    devops?.skills.soft.forEach((skill, i) =>
      expect(
        behavioural.some((q) => q.softSkills.includes(i + 1)),
        skill,
      ).toBe(true),
    );
  });

  it.runIf(devops)('gives every question a rubric whose three lines differ, and interviewer notes on the dated facts', () => {
    for (const q of devops?.questions ?? []) {
      expect(new Set([q.rubric.junior, q.rubric.mid, q.rubric.senior]).size, q.id).toBe(3);
    }
    const notes = (devops?.questions ?? []).flatMap((q) => q.notes).join('\n');
    for (const fact of [/use_lockfile/, /detailed-exitcode/i, /Infracost/, /Backstage/]) expect(notes).toMatch(fact);
  });
});
