/**
 * One sample of every view kind, for renderer and REPL tests. Button ids
 * follow no real encoding: the console passes them back untouched.
 */
import type { Action, AnswerFeedback, Reply, View } from '../../src/views.js';

export const cardActions: Action[] = [
  { id: 'x|c|another|q1', label: 'Another' },
  { id: 'x|c|harder|q1', label: 'Harder' },
  { id: 'x|c|easier|q1', label: 'Easier' },
  { id: 'x|c|show|q1', label: 'Show answer', style: 'primary' },
];

const feedback: AnswerFeedback = {
  questionId: 'q0',
  prompt: 'What is a pod?',
  outcome: 'wrong',
  points: 0,
  bonus: 0,
  given: 'A container',
  correctChoice: 'The smallest deployable unit',
  modelAnswer: 'A pod is the smallest deployable unit of Kubernetes.',
};

const textFeedback: AnswerFeedback = {
  questionId: 'q1',
  prompt: 'Explain blue-green deployments.',
  outcome: 'correct',
  points: 12,
  bonus: 2,
  given: 'two environments and switch traffic',
  score: 75,
  covered: ['Two identical environments', 'Switch traffic at the router'],
  missed: ['Instant rollback'],
  modelAnswer: 'Run two environments; switch traffic; roll back by switching back.',
};

/** Every view kind, keyed by kind. */
export const sampleViews: Record<View['kind'], View> = {
  role: {
    kind: 'role',
    roleTitle: 'DevOps Engineer',
    section: 'summary',
    title: 'Overview',
    lead: 'Accelerates software delivery.',
    tags: ['Docker', 'Kubernetes'],
    sections: [{ title: 'Responsibilities', text: 'What the job is.', bullets: ['Build pipelines', 'Run incidents'] }],
    actions: [{ id: 'x|r|section|skills', label: 'Skills' }],
  },
  card: {
    kind: 'card',
    roleTitle: 'DevOps Engineer',
    note: 'No harder tier: another advanced question',
    question: {
      id: 'crashloop-debugging',
      tier: 'advanced',
      topics: ['kubernetes'],
      prompt: 'A pod is in CrashLoopBackOff. How do you debug it?',
      answer: 'Check logs of the previous container, describe the pod, look at events.',
      keyPoints: ['Previous logs', 'Events'],
      followUps: ['What if logs are empty?'],
      redFlags: [{ title: 'Deleting the pod', text: 'Restarting hides the cause.' }],
    },
    answerShown: true,
    actions: cardActions,
  },
  'quiz-question': {
    kind: 'quiz-question',
    roleTitle: 'DevOps Engineer',
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
    feedback,
    actions: [
      { id: 'x|z|skip|s1|1', label: 'Skip' },
      { id: 'x|z|stop|s1', label: 'Stop', style: 'danger' },
    ],
  },
  'quiz-summary': {
    kind: 'quiz-summary',
    roleTitle: 'DevOps Engineer',
    review: false,
    stopped: false,
    total: 3,
    answered: 3,
    correct: 2,
    points: 22,
    bestStreak: 2,
    feedback: textFeedback,
    missed: [{ id: 'q0', tier: 'basic', prompt: 'What is a pod?', modelAnswer: 'The smallest unit.', given: 'A container', outcome: 'wrong' }],
    actions: [{ id: 'x|z|new|m|5|choice', label: 'New quiz' }],
  },
  search: {
    kind: 'search',
    roleTitle: 'DevOps Engineer',
    query: 'crashloop',
    results: [{ id: 'crashloop-debugging', kind: 'question', title: 'A pod is in CrashLoopBackOff', snippet: 'Check logs…', tier: 'advanced', score: 3.2 }],
    actions: [{ id: 'x|c|open|crashloop-debugging', label: 'Open 1' }],
  },
  leaderboard: {
    kind: 'leaderboard',
    roleTitle: 'DevOps Engineer',
    period: 'week',
    periodLabel: 'This week (2026-W10)',
    rows: [
      { rank: 1, userId: 'u1', name: 'Ada', points: 40, answered: 5, accuracy: 80 },
      { rank: 2, userId: 'u2', name: 'Grace', points: 12, answered: 3, accuracy: 33 },
    ],
    actions: [{ id: 'x|b|share|week', label: 'Share' }],
  },
  stats: {
    kind: 'stats',
    roleTitle: 'DevOps Engineer',
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
    weakest: [{ label: 'kubernetes', answered: 2, correct: 1, accuracy: 50 }],
    reviewDue: 1,
    actions: [{ id: 'x|z|review', label: 'Review' }],
  },
  help: {
    kind: 'help',
    title: 'DevOps Engineer commands',
    commands: [{ name: 'devops-question', description: 'Ask one interview question.', usage: '[tier] [topic]', examples: ['/devops-question advanced'] }],
  },
  notice: { kind: 'notice', title: 'Quiz stopped', text: 'Your quiz was stopped.', actions: [] },
  error: { kind: 'error', code: 'bad-arguments', message: 'Unknown tier "expert".', usage: '/devops-question [tier] [topic]' },
};

/** Wraps a view in a reply. */
export function reply(view: View): Reply {
  return { visibility: 'private', view };
}

/** The sample question as a free-text step: an Answer button that opens a form of `maxLength`, and Skip. */
export function textQuestionView(maxLength: number): View {
  return {
    ...(sampleViews['quiz-question'] as Extract<View, { kind: 'quiz-question' }>),
    mode: 'text',
    choices: [],
    feedback: undefined,
    actions: [
      { id: 'x|z|text|s1|1', label: 'Answer', prompt: { actionId: 'x|z|text|s1|1', title: 'Your answer', label: 'Answer', maxLength } },
      { id: 'x|z|skip|s1|1', label: 'Skip' },
    ],
  };
}
