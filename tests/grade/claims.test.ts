/**
 * Grading hears claims, not words: negation, subjects, contradictions,
 * prohibitions, prompt and generic words. On a small synthetic question, so
 * the mechanisms are tested apart from the bank's content.
 */
import { describe, expect, it } from 'vitest';
import { type Question, questionSchema } from '../../src/content/schema.js';
import { gradeAnswer } from '../../src/quiz/grade.js';
import { createAnalyzer } from '../../src/search/text.js';

const analyzer = createAnalyzer([['kubernetes', 'k8s']]);
const genericTerms = ['service', 'best practice', 'production'];

const question: Question = questionSchema.parse({
  id: 'requests-limits',
  tier: 'basic',
  source: 'written',
  prompt: 'How do resource requests and limits work in Kubernetes?',
  answer:
    'Requests are the guaranteed minimum the scheduler uses for placement; limits are the ceiling, above which a container is throttled or killed. Never run production pods without them.',
  topics: ['kubernetes'],
  keywords: ['requests', 'limits'],
  keyPoints: [
    {
      point: 'Requests: the guaranteed minimum used for scheduling',
      about: ['requests', 'request'],
      terms: ['guaranteed', 'minimum', 'scheduler', 'placement', 'reserved'],
    },
    {
      point: 'Limits: the ceiling; throttled or killed above it',
      about: ['limits', 'limit'],
      terms: ['ceiling', 'maximum', 'cap', 'throttled', 'oomkilled', 'killed'],
    },
    { point: 'Never leave pods without requests and limits', negative: true, terms: ['skip requests', 'omit limits', 'leave out limits', 'no limits at all'] },
  ],
  contradictions: [
    {
      about: ['limits', 'limit'],
      terms: ['guaranteed minimum', 'minimum', 'reserved'],
      feedback: 'You said limits are the guaranteed minimum: that is requests.',
    },
    { about: ['requests', 'request'], terms: ['ceiling', 'maximum', 'cap'], feedback: 'You said requests are the ceiling: that is limits.' },
  ],
  followUps: ['What happens over the CPU limit?'],
  choices: { correct: 'Requests guide scheduling', wrong: ['Requests cap usage', 'Limits reserve capacity', 'Limits guide scheduling'] },
  rubric: { junior: 'j', mid: 'm', senior: 's' },
});

const grade = (answer: string) => gradeAnswer(question, answer, analyzer, { genericTerms });
const status = (answer: string) => Object.fromEntries(grade(answer).points.map((p, i) => [['Requests', 'Limits', 'Never'][i], p.status]));

describe('claims', () => {
  it('credits the right definitions, said of the right things', () => {
    const g = grade('Requests are the guaranteed minimum the scheduler places pods by. Limits are the ceiling: go over memory and you get OOMKilled.');
    expect(g.covered).toHaveLength(2);
    expect(g.contradictions).toEqual([]);
    expect(g.points[0]?.heard).toBeTruthy();
  });

  it('refuses swapped definitions and names the confusion', () => {
    const g = grade('Limits are the guaranteed minimum the scheduler reserves for the pod, and requests are the ceiling it can never go over.');
    expect(g.covered).toEqual([]);
    expect(g.contradictions.map((c) => c.feedback)).toEqual([
      'You said limits are the guaranteed minimum: that is requests.',
      'You said requests are the ceiling: that is limits.',
    ]);
    expect(g.score).toBeLessThan(15);
  });

  it('attributes a definition to the subject of its own clause, even across sentences', () => {
    const s = status('Requests matter most. They are what the scheduler looks at. Limits, on the other hand, are a cap on usage.');
    expect(s.Requests).toBe('covered');
    expect(s.Limits).toBe('covered');
  });

  it('does not count a negated claim, and says it was negated', () => {
    const g = grade('Requests are not a guaranteed minimum and the scheduler does not use them; limits are not a ceiling either.');
    expect(g.covered).toEqual([]);
    expect(g.points.filter((p) => p.status === 'negated')).toHaveLength(2);
    expect(g.points[0]?.heard).toMatch(/^not /);
  });

  it('carries a negation through a list, and stops it at a new clause', () => {
    const g = grade('For limits I would not care about a ceiling, throttling, or oomkilled pods, but requests give the scheduler a guaranteed minimum.');
    expect(g.points.map((p) => p.status)).toEqual(['covered', 'negated', 'missed']);
  });

  it('keeps a prepositional negation to its own phrase', () => {
    const s = status('Instead of guessing a ceiling, limits act as a cap on what the container may use.');
    expect(s.Limits).toBe('covered');
  });

  it('is not fooled by "not only"', () => {
    expect(status('Limits are not only a ceiling: above them the container is throttled.').Limits).toBe('covered');
  });

  it('credits a prohibition only when said as one, and counts the opposite against the answer', () => {
    expect(status('Never omit limits in a shared cluster.').Never).toBe('covered');
    expect(status('You should avoid leaving out limits.').Never).toBe('covered');
    const g = grade('Honestly you can omit limits, the scheduler is smart.');
    expect(g.points[2]?.status).toBe('contradicted');
    expect(g.contradictions).toHaveLength(1);
  });

  it('never credits a point with the prompt’s or the field’s generic words alone', () => {
    const g = grade('Always set requests and limits in Kubernetes for every service in production, it is best practice.');
    expect(g.covered).toEqual([]);
    expect(g.score).toBeLessThan(20);
  });

  it('says when a bare list of keywords was capped', () => {
    const g = grade('requests guaranteed minimum scheduler limits ceiling throttled oomkilled');
    expect(g.capped).toMatchObject({ reason: 'keyword-list', cap: 5 });
    expect(g.score).toBe(5);
  });
});

describe('negation inside and around a term', () => {
  it('hears a negation between a term’s words, but not a cue that is the term’s own word', () => {
    const q = questionSchema.parse({
      ...question,
      keyPoints: [
        { point: 'Deploys need no human approval', terms: ['no human approval', 'without human approval'] },
        { point: 'Retries hide the bug', terms: ['retries hide'] },
        { point: 'Limits cap usage', terms: ['cap usage'] },
      ],
      contradictions: [{ terms: ['retries fix'], feedback: 'Retries do not fix flaky tests.' }],
    });
    const g = gradeAnswer(q, 'It ships without human approval. Retries don’t fix a flaky test, and retries do not hide it either.', analyzer, { genericTerms });
    expect(g.points.map((p) => p.status)).toEqual(['covered', 'negated', 'missed']);
    expect(g.contradictions).toEqual([]);
  });

  it('ends a negation at a new clause after a comma', () => {
    const q = questionSchema.parse({
      ...question,
      keyPoints: [{ point: 'State stays plaintext', terms: ['still plaintext'] }, ...question.keyPoints.slice(0, 2)],
      contradictions: [],
    });
    const g = gradeAnswer(q, "Deleting the file doesn't remove it from state, it's still plaintext in the bucket.", analyzer, { genericTerms });
    expect(g.points[0]?.status).toBe('covered');
  });
});

describe('general paraphrase and attribution rules', () => {
  const sg = questionSchema.parse({
    ...question,
    prompt: 'Compare security groups and network ACLs.',
    keyPoints: [
      { point: 'Security groups are stateful', about: ['security groups', 'security group'], terms: ['stateful', 'return traffic allowed'] },
      { point: 'NACLs are stateless', about: ['nacl', 'nacls', 'network acl'], terms: ['stateless', 'both directions'] },
      { point: 'Without requests placement is blind', terms: ['without requests'] },
    ],
    contradictions: [{ about: ['security groups', 'security group'], terms: ['stateless'], feedback: 'Security groups are stateful.' }],
  });
  const g = (answer: string, generic = genericTerms) => gradeAnswer(sg, answer, analyzer, { genericTerms: generic });

  it('does not attribute a claim to a subject put aside with "unlike"', () => {
    const r = g('NACLs, unlike security groups, are stateless.');
    expect(r.points[1]?.status).toBe('covered');
    expect(r.contradictions).toEqual([]);
  });

  it('treats a generic phrase as weak only as a whole', () => {
    // "state file" is generic; "stateful" (stem "state") still shows the point.
    expect(g('Security groups are stateful.', ['state file']).points[0]?.status).toBe('covered');
  });

  it('hears "no", "missing" and "without" as the same absence inside a term', () => {
    for (const answer of ['With no requests the scheduler places pods blind.', 'Missing requests means blind placement.']) {
      expect(g(answer).points[2]?.status, answer).toBe('covered');
    }
    expect(g('Requests are not needed for placement.').points[2]?.status).toBe('missed');
  });

  it('reads curly apostrophes as straight ones', () => {
    expect(g('Security groups aren’t stateful.').points[0]?.status).toBe('negated');
  });

  it('credits a point said in its label’s own words', () => {
    const q = questionSchema.parse({
      ...question,
      keyPoints: [{ point: 'Rotate credentials with overlapping validity', terms: ['dual credentials'] }, ...question.keyPoints.slice(0, 2)],
    });
    const r = gradeAnswer(q, 'We rotate the credentials so both stay valid, an overlapping window.', analyzer, { genericTerms });
    expect(r.points[0]?.status).toBe('covered');
  });
});
