/**
 * Interview views far past every platform limit (oversized.ts adds them to
 * the limit tests): checklists of 60 boxes with labels, details and values too
 * long, repeated values and ids Discord would refuse, verdicts, notes, plans,
 * scorecards and lists of hundreds. A renderer must shorten these, never send
 * what its platform would refuse.
 */
import type { Action, Checklist, View } from '../../src/views.js';

const MENTIONS = '<!channel> <!here> <@U123> <#C1> & ';
const big = (n = 10_000) => (MENTIONS + 'word '.repeat(Math.ceil(n / 5))).slice(0, n);
const many = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

const actions: Action[] = [
  ...many(30, (i) => ({ id: `devops|i|next|iv|${i}|${'y'.repeat(60)}`, label: big(200), style: 'primary' as const })),
  {
    id: 'devops|i|note|iv|1',
    label: big(200),
    prompt: { actionId: 'devops|i|note|iv|1', title: big(100), label: big(100), placeholder: big(500), maxLength: 1000 },
  },
  ...many(20, (i) => ({ id: `dup-${i % 2}-${'x'.repeat(300)}`, label: big(200) })),
];

/** A checklist of `n` boxes: labels and details too long, some values too long or repeated. */
const checklist = (id: string, n: number): Checklist => ({
  id,
  label: big(500),
  max: 3,
  items: many(n, (i) => ({
    value: i % 7 === 6 ? 'v'.repeat(120) : i % 5 === 4 ? 'same' : `v${i}`,
    label: big(300),
    checked: i % 2 === 0,
    detail: big(2000),
    hint: big(200),
  })),
});

const scorecardQuestion = (i: number) => ({
  number: i + 1,
  id: `q${i}`,
  prompt: big(),
  tier: 'advanced' as const,
  topics: many(5, () => big(60)),
  status: 'asked' as const,
  reading: 'senior' as const,
  evidence: big(),
  rubric: big(),
  heard: many(6, () => big(300)),
  missed: many(6, () => big(300)),
  total: 12,
  redFlags: many(4, () => big(200)),
  interviewerNote: big(1000),
  pastedScore: 99,
  time: big(100),
});

/** Every interview kind, oversized in every part. */
export const oversizedInterviewViews: View[] = [
  {
    kind: 'interview-plan',
    roleTitle: big(500),
    level: 'senior',
    candidate: big(200),
    summary: big(),
    items: many(200, (i) => ({
      number: i + 1,
      questionId: big(100),
      tier: 'basic' as const,
      topics: many(8, () => big(60)),
      minutes: 7,
      prompt: big(),
      behavioural: i % 2 === 0,
    })),
    notes: many(20, () => big()),
    note: big(),
    actions,
  },
  {
    kind: 'interview-card',
    roleTitle: big(500),
    candidate: big(200),
    number: 9999,
    of: 9999,
    timer: big(),
    question: {
      id: big(100),
      tier: 'advanced',
      topics: many(40, (i) => `topic-${i}`),
      prompt: big(),
      answer: big(),
      followUps: many(30, () => big()),
      rubric: { junior: big(), mid: big(), senior: big() },
      notes: many(5, () => big()),
    },
    keyPoints: checklist('devops|i|points|iv|1', 60),
    redFlags: checklist('devops|i|flags|iv|1', 60),
    pasted: {
      score: 12,
      keyPoints: many(40, (i) => ({
        label: big(300),
        status: (['covered', 'missed', 'negated', 'contradicted'] as const)[i % 4] ?? 'missed',
        heard: big(2000),
      })),
      contradictions: many(8, () => big(500)),
      capped: big(),
    },
    interviewerNote: big(1000),
    answerShown: true,
    note: big(),
    actions,
  },
  {
    kind: 'interview-card',
    roleTitle: '😀'.repeat(3000),
    number: 1,
    of: 1,
    timer: '😀'.repeat(500),
    question: {
      id: 'q',
      tier: 'basic',
      topics: [],
      prompt: '😀'.repeat(5000),
      answer: '😀'.repeat(5000),
      followUps: [],
      rubric: { junior: 'j', mid: 'm', senior: 's' },
      notes: [],
    },
    // An id too long for Discord's custom_id: that select is left out, the boxes still listed.
    keyPoints: {
      id: `devops|i|points|${'z'.repeat(120)}`,
      label: '😀'.repeat(300),
      items: many(12, (i) => ({ value: `v${i}`, label: '😀'.repeat(200), checked: true })),
    },
    answerShown: false,
    actions: [],
  },
  {
    kind: 'interview-scorecard',
    roleTitle: big(500),
    id: big(100),
    candidate: big(200),
    interviewer: big(500),
    level: 'junior',
    suggested: 'below',
    evidence: big(),
    when: big(500),
    overall: { ticked: 1e6, total: 1e6 },
    questions: many(200, scorecardQuestion),
    coverage: many(200, (i) => ({ topic: big(300), ticked: i, total: i * 2, asked: 1, skipped: 1 })),
    probe: many(50, () => big()),
    notes: many(20, () => big()),
    note: big(),
    actions,
  },
  {
    kind: 'interview-list',
    roleTitle: big(500),
    rows: many(200, (i) => ({
      id: `${big(60)}${i}`,
      candidate: big(200),
      level: 'mid' as const,
      suggested: 'senior' as const,
      when: big(100),
      points: { ticked: 1, total: 2 },
    })),
    inProgress: many(50, (i) => ({
      id: `${big(60)}${i}`,
      candidate: big(200),
      level: 'senior' as const,
      phase: 'running' as const,
      when: big(100),
      progress: big(200),
    })),
    note: big(),
    actions,
  },
];
