/**
 * Views far past every platform limit, for the limit tests of each renderer:
 * every kind with every part oversized, mention syntax to escape, emoji to clip
 * without splitting, too many buttons and ids too long or repeated. A renderer
 * must shorten these, never produce a message its platform would refuse.
 */
import type { Action, AnswerFeedback, PointFeedback, View } from '../../src/views.js';
import { oversizedInterviewViews } from './oversized-interview.js';

const MENTIONS = '<!channel> <!here> <!everyone> <@U123> <#C1> & ';

/** `n` characters of words, led by mention syntax that must never ping. */
export const big = (n = 10_000, seed = 'word ') => (MENTIONS + seed.repeat(Math.ceil(n / seed.length))).slice(0, n);
const emoji = (n: number) => '😀'.repeat(n);
const many = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

const STATUSES: readonly PointFeedback['status'][] = ['covered', 'missed', 'negated', 'contradicted'];

/** Free-text feedback with every part at its largest. */
export const hugeFeedback: AnswerFeedback = {
  questionId: 'p',
  prompt: big(),
  outcome: 'wrong',
  points: 0,
  bonus: 0,
  given: big(),
  correctChoice: big(),
  score: 12,
  covered: many(20, () => big(500)),
  missed: many(20, () => big(500)),
  keyPoints: many(40, (i) => ({ label: big(300), status: STATUSES[i % STATUSES.length] ?? 'missed', heard: big(2000) })),
  contradictions: many(8, () => ({ feedback: big(500), heard: big(2000) })),
  capped: big(),
  modelAnswer: big(),
  notes: many(5, () => big()),
};

/** Too many buttons: ids too long for Discord (left out there), repeated (made unique on Slack), labels too long. */
export const manyActions: Action[] = many(60, (i) => ({ id: `dup-${i % 3}-${'x'.repeat(300)}`, label: big(200) }));
const validActions: Action[] = many(40, (i) => ({ id: `devops|x|${i}|${'y'.repeat(60)}`, label: big(200), style: 'primary' }));
const actions = [...validActions, ...manyActions];

const textPrompt: Action = {
  id: 't',
  label: 'Answer',
  style: 'primary',
  prompt: { actionId: 't', title: 'Your answer', label: 'Answer as you would in the interview', placeholder: 'Cover the key points…', maxLength: 3000 },
};

const rows = (n: number) => many(n, () => ({ label: big(300), answered: 3, correct: 1, accuracy: 33 }));

/** Every view kind, oversized in every part. */
export const oversizedViews: View[] = [
  {
    kind: 'card',
    roleTitle: big(500),
    answerShown: true,
    note: big(),
    question: {
      id: 'q',
      tier: 'advanced',
      topics: many(40, (i) => `topic-${i}`),
      prompt: big(),
      answer: big(),
      keyPoints: many(60, () => big()),
      followUps: many(60, () => big()),
      redFlags: many(60, () => ({ title: big(500), text: big() })),
      rubric: { junior: big(), mid: big(), senior: big() },
      notes: many(5, () => big()),
      source: 'written',
    },
    actions,
  },
  {
    kind: 'role',
    roleTitle: big(300),
    section: 'skills',
    title: big(500),
    lead: big(),
    tags: many(200, () => big(60)),
    sections: many(40, () => ({ title: big(400), text: big(), bullets: many(200, () => big(300)) })),
    actions,
  },
  {
    kind: 'search',
    roleTitle: big(500),
    query: big(2000),
    results: many(200, (i) => ({ id: `r${i}`, kind: 'question' as const, title: big(), snippet: big(), tier: 'basic' as const, score: 1 })),
    actions,
  },
  {
    kind: 'leaderboard',
    roleTitle: big(500),
    period: 'all',
    periodLabel: big(400),
    rows: many(200, (i) => ({ rank: i + 1, userId: `U${i}`, name: big(500), points: 1e9 - i, answered: 1e6, accuracy: 75 })),
    actions,
  },
  {
    kind: 'stats',
    roleTitle: big(500),
    name: big(500),
    points: 1,
    weekPoints: 1,
    answered: 1,
    correct: 1,
    accuracy: 100,
    streak: 1,
    bestStreak: 1,
    byTier: rows(200),
    byTopic: rows(300),
    weakest: rows(30),
    reviewDue: 3,
    footnote: big(),
    actions,
  },
  { kind: 'help', title: big(400), commands: many(100, () => ({ name: big(100), description: big(), usage: big(), examples: many(10, () => big()) })) },
  { kind: 'notice', title: big(400), text: big(), actions },
  { kind: 'error', code: 'bad-arguments', message: big(), usage: big() },
  {
    kind: 'quiz-question',
    roleTitle: big(300),
    mode: 'choice',
    review: true,
    progress: { number: 9999, total: 9999, points: 1e9, streak: 50 },
    question: { id: 'q', tier: 'basic', topics: many(30, () => big(60)), prompt: big() },
    choices: many(10, (i) => ({ letter: String.fromCharCode(65 + i), text: big(500), actionId: `devops|z|choice|s|1|${i}` })),
    feedback: hugeFeedback,
    note: big(),
    actions: [textPrompt, ...actions],
  },
  {
    kind: 'quiz-question',
    roleTitle: emoji(3000),
    mode: 'text',
    review: false,
    progress: { number: 1, total: 1, points: 0, streak: 0 },
    question: { id: 'q', tier: 'technical', topics: [], prompt: emoji(5000) },
    choices: [],
    feedback: { ...hugeFeedback, given: emoji(5000), modelAnswer: emoji(5000) },
    actions: [textPrompt, ...validActions],
  },
  {
    kind: 'quiz-summary',
    roleTitle: big(300),
    review: false,
    stopped: true,
    total: 200,
    answered: 200,
    correct: 0,
    points: 0,
    bestStreak: 0,
    feedback: hugeFeedback,
    note: big(),
    footnote: big(),
    missed: many(200, (i) => ({ id: `q${i}`, tier: 'basic' as const, prompt: big(), modelAnswer: big(), given: big(), outcome: 'wrong' as const })),
    actions,
  },
  ...oversizedInterviewViews,
];
