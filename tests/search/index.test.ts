import { describe, expect, it } from 'vitest';
import { buildSearchIndex, indexDocuments, matchQuestions, type SearchDocument, searchIndex } from '../../src/search/index.js';
import { createAnalyzer } from '../../src/search/text.js';
import { loadBank } from './bank.js';
import { fixtureRole } from './fixture.js';

const index = buildSearchIndex(fixtureRole);
const ids = (query: string, limit = 10) => searchIndex(index, query, { limit }).map((h) => h.id);

describe('searchIndex on the fixture', () => {
  it('finds through typos and partial names', () => {
    expect(ids('kubernets crashloop')[0]).toBe('crashloop-debugging');
    expect(ids('crashlop')[0]).toBe('crashloop-debugging');
  });

  it('expands synonyms and abbreviations', () => {
    expect(ids('k8s network isolation')[0]).toBe('multi-tenant-isolation');
    expect(ids('tf state locking')[0]).toBe('terraform-remote-state');
    expect(ids('iac')[0]).toBe('infrastructure-as-code');
    expect(ids('out of memory')[0]).toBe('crashloop-debugging');
  });

  it('finds every kind of content with documented ids and titles', () => {
    const hits = searchIndex(index, 'postmortem incident');
    const byId = new Map(hits.map((h) => [h.id, h]));
    expect(byId.get('use-case:incident-response')?.title).toBe('Incident response and learning');
    expect(byId.get('responsibility:2')?.kind).toBe('responsibility');
    expect(searchIndex(index, 'pulumi workspaces')[0]).toMatchObject({ id: 'skill:technical:1', kind: 'skill', title: 'Technical skill' });
    expect(searchIndex(index, 'communication')[0]).toMatchObject({ id: 'skill:soft:1', title: 'Soft skill' });
    expect(searchIndex(index, 'rollback plan')[0]).toMatchObject({ id: 'mistake:no-rollback-plan', kind: 'mistake' });
  });

  it('returns question hits with prompt as title, answer as text, tier and question id', () => {
    const [hit] = searchIndex(index, 'canary');
    const q = fixtureRole.questions.find((x) => x.id === 'blue-green-vs-canary');
    expect(hit).toEqual({
      id: 'blue-green-vs-canary',
      kind: 'question',
      tier: 'basic',
      title: q?.prompt,
      text: q?.answer,
      score: hit?.score,
      questionId: 'blue-green-vs-canary',
    });
  });

  it('gives nothing for empty, blank or stop-word-only queries, or unknown words', () => {
    expect(searchIndex(index, '')).toEqual([]);
    expect(searchIndex(index, '   ')).toEqual([]);
    expect(searchIndex(index, 'what is the of and')).toEqual([]);
    expect(searchIndex(index, 'zzzzqqq')).toEqual([]);
  });

  it('sorts best first with positive scores rounded to 3 decimals', () => {
    const hits = searchIndex(index, 'kubernetes state deployment', { limit: 50 });
    expect(hits.length).toBeGreaterThan(3);
    for (const [i, h] of hits.entries()) {
      expect(h.score).toBeGreaterThan(0);
      expect(Math.round(h.score * 1000) / 1000).toBe(h.score);
      if (i > 0) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(h.score);
    }
  });

  it('applies limit (default 10) and kinds', () => {
    const many = searchIndex(index, 'the kubernetes terraform state deployment incident traffic pod code environment');
    expect(many).toHaveLength(10);
    expect(searchIndex(index, 'kubernetes', { limit: 1 })).toHaveLength(1);
    expect(searchIndex(index, 'kubernetes', { limit: 0 })).toEqual([]);
    const kinds = searchIndex(index, 'incident postmortem', { kinds: ['use-case'] });
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds.every((h) => h.kind === 'use-case')).toBe(true);
  });

  it('is deterministic', () => {
    expect(searchIndex(buildSearchIndex(fixtureRole), 'state locking')).toEqual(searchIndex(index, 'state locking'));
  });
});

describe('field weights', () => {
  const doc = (id: string, field: 'prompt' | 'answer', text: string, filler: string): SearchDocument => ({
    id,
    kind: 'question',
    title: id,
    text: '',
    fields: [
      { name: 'prompt', text: field === 'prompt' ? text : filler, weight: 3, strong: true },
      { name: 'answer', text: field === 'answer' ? text : filler, weight: 1, strong: false },
    ],
  });
  const idx = indexDocuments(
    [
      doc('in-answer', 'answer', 'helm charts', 'alpha beta'),
      doc('in-prompt', 'prompt', 'helm charts', 'alpha beta'),
      doc('other', 'prompt', 'gamma', 'delta'),
    ],
    createAnalyzer(),
  );

  it('ranks a prompt match above the same match in the answer', () => {
    const hits = searchIndex(idx, 'helm');
    expect(hits.map((h) => h.id)).toEqual(['in-prompt', 'in-answer']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it('matchQuestions prefers documents about the topic over passing mentions', () => {
    expect(matchQuestions(idx, 'helm')).toEqual(['in-prompt']);
    // "delta" is only in an answer: with no strong match, passing mentions are returned.
    expect(matchQuestions(idx, 'delta')).toEqual(['other']);
  });
});

describe('matchQuestions on the fixture', () => {
  it('ranks question ids by topic words, through synonyms', () => {
    const k8s = matchQuestions(index, 'k8s');
    expect(new Set(k8s)).toEqual(new Set(['crashloop-debugging', 'multi-tenant-isolation']));
    expect(matchQuestions(index, 'kubernetes')).toEqual(k8s);
    expect(matchQuestions(index, 'terraform')[0]).toBe('terraform-remote-state');
    expect(matchQuestions(index, 'kubernetes', { tier: 'basic' })).toEqual([]);
    expect(matchQuestions(index, '')).toEqual([]);
  });
});

// The frozen snapshot of the real bank: the live content file may be mid-edit.
const real = loadBank();

describe('searchIndex on the real DevOps bank', () => {
  const realIndex = buildSearchIndex(real);
  const first = (q: string) => searchIndex(realIndex, q)[0]?.id;
  const top = (q: string, n: number) => searchIndex(realIndex, q, { limit: n }).map((h) => h.id);

  it.each([
    ['kubernets crashloop', 'crashloopbackoff-debugging'],
    ['crashlop', 'crashloopbackoff-debugging'],
    ['k8s network isolation', 'multi-tenant-cluster-isolation'],
    ['tf state locking', 'terraform-remote-state'],
    ['otel tracing', 'distributed-tracing'],
    ['rotate db creds', 'secret-rotation'],
    ['canary', 'blue-green-vs-canary'],
    ['blue/green rollback', 'blue-green-vs-canary'],
    ['oom killed pod', 'crashloopbackoff-debugging'],
    ['statefulset vs deployment', 'deployment-vs-statefulset'],
    ['error budget', 'slo-error-budget'],
    ['gitops argo', 'gitops-cluster-management'],
    ['dr rpo', 'disaster-recovery-rpo-rto'],
    ['noisy pages on call', 'alert-noise-reduction'],
    ['circuit breaker', 'cascading-failure-resilience'],
  ])('%s → %s first', (query, id) => {
    expect(first(query)).toBe(id);
  });

  it('finds incident-related content for "postmortem"', () => {
    const hits = searchIndex(realIndex, 'postmortem');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.map((h) => h.id)).toContain('use-case:incident-response');
    expect(hits.every((h) => /post-?mortem/i.test(`${h.title} ${h.text}`))).toBe(true);
  });

  it('finds the IaC question by either name', () => {
    expect(top('iac', 3)).toContain('iac-problems-solved');
    expect(top('infrastructure as code', 3)).toContain('iac-problems-solved');
  });

  it('gives nothing for stop words only', () => {
    expect(searchIndex(realIndex, 'how do you do it')).toEqual([]);
  });

  it('matchQuestions finds the kubernetes questions and nothing about terraform state first', () => {
    const k8s = matchQuestions(realIndex, 'kubernetes');
    expect(k8s).toEqual(expect.arrayContaining(['k8s-requests-limits', 'crashloopbackoff-debugging', 'multi-tenant-cluster-isolation']));
    expect(k8s).not.toContain('terraform-remote-state');
    expect(matchQuestions(realIndex, 'k8s')).toEqual(k8s);
    expect(matchQuestions(realIndex, 'terraform', { tier: 'technical' })).toEqual(
      expect.arrayContaining(['terraform-remote-state', 'terraform-plan-guardrails']),
    );
  });
});
