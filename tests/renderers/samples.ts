/**
 * One fixture for every renderer test: samples of every view kind in
 * src/views.ts, with every optional part a kind can carry (notes, footnotes,
 * feedback of each shape). The text is plain words on purpose, so one
 * normalisation (visible.ts) can compare what any platform shows; `&` and `<`
 * appear once each to exercise escaping. Button ids follow no real encoding:
 * renderers pass them through untouched.
 */
import type { AnswerFeedback, Reply, View } from '../../src/views.js';
import { challengeSamples } from './challenge-samples.js';
import { dailySamples } from './daily-samples.js';
import { interviewSamples } from './interview-samples.js';
import { cardActions, choiceFeedback, gradedFeedback, question, quizActions, ROLE } from './sample-parts.js';

export { cardActions } from './sample-parts.js';

/** A labelled view: what the contract reports when something is missing. */
export interface Sample {
  name: string;
  view: View;
}

const choiceQuestion: View = {
  kind: 'quiz-question',
  roleTitle: ROLE,
  mode: 'choice',
  review: false,
  progress: { number: 2, total: 3, points: 10, streak: 1 },
  question: { id: 'q2', tier: 'basic', topics: ['ci-cd'], prompt: 'What does CI stand for?' },
  choices: [
    { letter: 'A', text: 'Continuous integration', actionId: 'x|z|choice|s1|1|0' },
    { letter: 'B', text: 'Code inspection', actionId: 'x|z|choice|s1|1|1' },
    { letter: 'C', text: 'Container image', actionId: 'x|z|choice|s1|1|2' },
    { letter: 'D', text: 'Cloud infrastructure', actionId: 'x|z|choice|s1|1|3' },
  ],
  feedback: choiceFeedback,
  note: 'You already have a quiz running here: this is its next question.',
  actions: quizActions,
};

/** The sample question as a free-text step: an Answer button that opens a form of `maxLength`, and Skip. */
export function textQuestionView(maxLength: number, feedback?: AnswerFeedback, note?: string): View {
  return {
    ...(choiceQuestion as Extract<View, { kind: 'quiz-question' }>),
    mode: 'text',
    choices: [],
    feedback,
    note,
    actions: [
      { id: 'x|z|text|s1|1', label: 'Answer', prompt: { actionId: 'x|z|text|s1|1', title: 'Your answer', label: 'Answer', maxLength } },
      { id: 'x|z|skip|s1|1', label: 'Skip' },
    ],
  };
}

/**
 * A view with a `note` its type may not declare yet (search may gain one):
 * renderers read notes from any kind, and the contract checks they show them.
 */
function withNote(view: View, note: string): View {
  return { ...view, note } as View;
}

const search: View = {
  kind: 'search',
  roleTitle: ROLE,
  query: 'kubernets crashloop',
  results: [
    {
      id: 'crashloop-debugging',
      kind: 'question',
      title: 'A pod is in CrashLoopBackOff',
      snippet: 'Check logs of the previous container.',
      tier: 'advanced',
      score: 3.2,
    },
    { id: 'uc-deploys', kind: 'use-case', title: 'Zero-downtime deploys', snippet: 'Blue-green and canary releases.', score: 2.1 },
    { id: 'm-latest', kind: 'mistake', title: 'Shipping the latest tag', snippet: 'Pin image digests instead.', score: 1.4 },
  ],
  actions: [{ id: 'x|c|open|crashloop-debugging', label: 'Open 1' }],
};

/** Every sample; the first of each kind is that kind's default in `sampleViews`. */
export const samples: Sample[] = [
  {
    name: 'role summary',
    view: {
      kind: 'role',
      roleTitle: ROLE,
      section: 'summary',
      title: 'Overview',
      lead: 'Accelerates software delivery.',
      tags: ['Docker', 'Kubernetes'],
      sections: [{ title: 'Responsibilities', text: 'What the job is.', bullets: ['Build pipelines', 'Run incidents'] }],
      actions: [{ id: 'x|r|section|skills', label: 'Skills' }],
    },
  },
  {
    name: 'card, answer hidden, with a note',
    view: {
      kind: 'card',
      roleTitle: ROLE,
      note: 'Already at the hardest tier: another advanced question.',
      question,
      answerShown: false,
      actions: cardActions,
    },
  },
  {
    name: 'card, answer hidden',
    view: { kind: 'card', roleTitle: ROLE, question, answerShown: false, actions: [...cardActions, { id: 'x|f|q1', label: 'Flag' }] },
  },
  {
    name: 'card, answer shown, with a note',
    view: {
      kind: 'card',
      roleTitle: ROLE,
      note: 'No harder tier: another advanced question.',
      question: { ...question, source: 'document' },
      answerShown: true,
      actions: [...cardActions.filter((a) => !a.id.includes('|show|')), { id: 'x|f|q1', label: 'Flag' }],
    },
  },
  { name: 'quiz question, choice, with feedback and a note', view: choiceQuestion },
  { name: 'quiz question, text, graded feedback and a note', view: textQuestionView(1500, gradedFeedback, 'Answers over 1500 characters are cut.') },
  {
    name: 'quiz question, after a right choice',
    view: {
      ...(choiceQuestion as Extract<View, { kind: 'quiz-question' }>),
      note: undefined,
      feedback: { ...choiceFeedback, outcome: 'correct', points: 100, bonus: 0, given: 'The smallest deployable unit' },
    },
  },
  {
    name: 'quiz summary, with feedback, a note and a footnote',
    view: {
      kind: 'quiz-summary',
      roleTitle: ROLE,
      review: false,
      stopped: false,
      total: 3,
      answered: 3,
      correct: 2,
      points: 22,
      bestStreak: 2,
      feedback: gradedFeedback,
      note: 'The question bank changed since this quiz started, so it was ended here.',
      footnote: 'Correct counts this quiz only; a skipped question is not counted as answered here.',
      missed: [
        { id: 'q0', tier: 'basic', prompt: 'What is a pod?', modelAnswer: 'The smallest unit.', given: 'A container', outcome: 'wrong' },
        { id: 'q3', tier: 'technical', prompt: 'What is a readiness probe?', modelAnswer: 'A check that gates traffic.', outcome: 'skipped' },
      ],
      actions: [{ id: 'x|z|new|m|5|choice', label: 'New quiz' }],
    },
  },
  { name: 'search, with a note', view: withNote(search, 'Showing results for kubernetes crashloop.') },
  { name: 'search, no results', view: { kind: 'search', roleTitle: ROLE, query: 'zzzz', results: [], actions: [] } },
  {
    name: 'leaderboard',
    view: {
      kind: 'leaderboard',
      roleTitle: ROLE,
      period: 'week',
      periodLabel: 'This week (2026-W10)',
      rows: [
        { rank: 1, userId: 'u1', name: 'Ada', points: 40, answered: 5, accuracy: 80 },
        { rank: 2, userId: 'u2', name: 'Grace', points: 12, answered: 3, accuracy: 33 },
        { rank: 4, userId: 'u4', name: 'Linus <3', points: 7, answered: 2, accuracy: 50 },
      ],
      actions: [{ id: 'x|b|share|week', label: 'Share' }],
    },
  },
  {
    name: 'stats, with a footnote',
    view: {
      kind: 'stats',
      roleTitle: ROLE,
      name: 'Ada',
      points: 40,
      weekPoints: 12,
      answered: 5,
      correct: 4,
      accuracy: 80,
      streak: 2,
      bestStreak: 3,
      byTier: [{ label: 'basic', answered: 3, correct: 3, accuracy: 100 }],
      byTopic: [{ label: 'kubernetes', answered: 2, correct: 1, accuracy: 50 }],
      weakest: [{ label: 'terraform', answered: 2, correct: 0, accuracy: 0 }],
      reviewDue: 1,
      footnote: 'Counts every answer you have given in this space.',
      actions: [
        { id: 'x|z|review', label: 'Review 1 missed' },
        { id: 'x|b|show|all', label: 'Leaderboard' },
      ],
    },
  },
  {
    name: 'help',
    view: {
      kind: 'help',
      title: 'DevOps Engineer commands',
      commands: [
        { name: 'devops-question', description: 'Ask one interview question.', usage: '[tier] [topic]', examples: ['/devops-question advanced'] },
        {
          name: 'devops-quiz',
          description: 'Practise with a private quiz.',
          usage: '/devops-quiz start [tier] [count] [mode]\n/devops-quiz answer <A-D or text>',
          examples: ['/devops-quiz start advanced 10 text', '/devops-quiz stop'],
        },
      ],
    },
  },
  { name: 'notice', view: { kind: 'notice', title: 'Quiz stopped', text: 'Your quiz was stopped.', actions: [] } },
  {
    name: 'notice, with buttons',
    view: { kind: 'notice', title: 'Thanks for the flag', text: 'Question flagged for review.', actions: [{ id: 'x|c|another|q1', label: 'Another' }] },
  },
  { name: 'error, with usage', view: { kind: 'error', code: 'bad-arguments', message: 'Unknown tier "expert".', usage: '/devops-question [tier] [topic]' } },
  {
    name: 'error, with usage lines',
    view: { kind: 'error', code: 'unknown-command', message: 'That is not a quiz command.', usage: '/devops-quiz start [tier]\n/devops-quiz stop' },
  },
  ...interviewSamples,
  ...challengeSamples,
  ...dailySamples,
];

function firstOf<K extends View['kind']>(kind: K): Extract<View, { kind: K }> {
  const found = samples.find((s) => s.view.kind === kind);
  if (!found) throw new Error(`no ${kind} sample`);
  return found.view as Extract<View, { kind: K }>;
}

/** One sample of every view kind, keyed by kind: the first sample of each. */
export const sampleViews: { [K in View['kind']]: Extract<View, { kind: K }> } = {
  role: firstOf('role'),
  card: firstOf('card'),
  'quiz-question': firstOf('quiz-question'),
  'quiz-summary': firstOf('quiz-summary'),
  search: firstOf('search'),
  leaderboard: firstOf('leaderboard'),
  stats: firstOf('stats'),
  help: firstOf('help'),
  notice: firstOf('notice'),
  error: firstOf('error'),
  'interview-plan': firstOf('interview-plan'),
  'interview-card': firstOf('interview-card'),
  'interview-scorecard': firstOf('interview-scorecard'),
  'interview-list': firstOf('interview-list'),
  'challenge-question': firstOf('challenge-question'),
  'challenge-reveal': firstOf('challenge-reveal'),
  'challenge-standings': firstOf('challenge-standings'),
  'daily-question': firstOf('daily-question'),
  'daily-status': firstOf('daily-status'),
};

/** Wraps a view in a private reply. */
export function reply(view: View): Reply {
  return { visibility: 'private', view };
}
