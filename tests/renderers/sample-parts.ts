/**
 * The building blocks of the renderer fixture (samples.ts): a full interviewer
 * card, feedback on a multiple-choice answer and on a graded free-text answer
 * with a verdict of every status, and the buttons a card and a quiz step carry.
 */
import type { Action, AnswerFeedback, QuestionCard } from '../../src/views.js';

/** The role every sample belongs to. */
export const ROLE = 'DevOps Engineer';

/** A hidden card's buttons, as the REPL tests press them. */
export const cardActions: Action[] = [
  { id: 'x|c|another|q1', label: 'Another' },
  { id: 'x|c|harder|q1', label: 'Harder' },
  { id: 'x|c|easier|q1', label: 'Easier' },
  { id: 'x|c|show|q1', label: 'Show answer', style: 'primary' },
];

/** A card with every part: key points, follow-ups, red flags, rubric and interviewer notes. */
export const question: QuestionCard = {
  id: 'crashloop-debugging',
  tier: 'advanced',
  topics: ['kubernetes', 'debugging'],
  prompt: 'A pod is in CrashLoopBackOff. How do you debug it?',
  answer: 'Check logs of the previous container, describe the pod, look at events.',
  keyPoints: ['Previous container logs', 'Events & describe output', 'Exit codes such as 137'],
  followUps: ['What if logs are empty?', 'How would you catch this before production?'],
  redFlags: [
    { title: 'Deleting the pod', text: 'Restarting hides the cause.' },
    { title: 'Blaming the cluster', text: 'Most crash loops are the application.' },
  ],
  rubric: {
    junior: 'Restarts the pod and reads current logs.',
    mid: 'Reads previous logs and events, checks probes.',
    senior: 'Reads exit codes, probes and limits; prevents it with readiness gates.',
  },
  notes: ['Since Kubernetes 1.28 ephemeral debug containers are stable.', 'OOMKilled shows as exit code 137.'],
  source: 'written',
};

/** Feedback on a wrong multiple-choice answer. */
export const choiceFeedback: AnswerFeedback = {
  questionId: 'q0',
  prompt: 'What is a pod?',
  outcome: 'wrong',
  points: 0,
  bonus: 0,
  given: 'A container',
  correctChoice: 'The smallest deployable unit',
  modelAnswer: 'A pod is the smallest deployable unit of Kubernetes.',
};

/** Free-text feedback with a verdict of every status, wrong claims, a cap and notes. */
export const gradedFeedback: AnswerFeedback = {
  questionId: 'q1',
  prompt: 'Explain blue-green deployments.',
  outcome: 'correct',
  points: 12,
  bonus: 2,
  given: 'two environments and switch traffic, no rollback needed',
  score: 75,
  covered: ['Two identical environments', 'Switch traffic at the router'],
  missed: ['Instant rollback', 'Database compatibility'],
  keyPoints: [
    { label: 'Two identical environments', status: 'covered', heard: 'two environments' },
    { label: 'Switch traffic at the router', status: 'covered', heard: 'switch traffic' },
    { label: 'Instant rollback', status: 'negated', heard: 'no rollback' },
    { label: 'Database compatibility', status: 'missed' },
    { label: 'Smoke tests before the switch', status: 'contradicted', heard: 'test in production' },
  ],
  contradictions: [
    { feedback: 'You said rollback is not needed: switching back is the rollback.', heard: 'no rollback needed' },
    { feedback: 'You said to test in production: test the idle side first.', heard: 'test in production' },
  ],
  capped: 'Capped at 60: the answer reads as a list of keywords.',
  modelAnswer: 'Run two environments; switch traffic; roll back by switching back.',
  notes: ['Mention schema changes that both versions can read.', 'Cost doubles while both run.'],
};

/** A quiz step's buttons besides the choices. */
export const quizActions: Action[] = [
  { id: 'x|z|skip|s1|1', label: 'Skip' },
  { id: 'x|z|stop|s1', label: 'Stop', style: 'danger' },
];
