/**
 * Question-of-the-day samples for the renderer fixture (samples.ts adds them)
 * and what every renderer must show of them (expected.ts asks here): the post
 * with and without a reveal, the post closed in place, and the status with
 * and without a schedule. Plain words, as in the rest of the fixture.
 */
import { closedLine, lastLines, revealLine, revealTitle, scheduleFacts } from '../../adapters/format/render-daily.js';
import type { Action, View } from '../../src/views.js';
import type { Expected } from './expected.js';
import { ROLE } from './sample-parts.js';

type Of<K extends View['kind']> = Extract<View, { kind: K }>;

const letters: Action[] = ['A', 'B', 'C', 'D'].map((label, i) => ({ id: `x|q|C1|20261202|${i}`, label }));

const post: Of<'daily-question'> = {
  kind: 'daily-question',
  roleTitle: ROLE,
  date: 'Wednesday 2 December',
  question: { id: 'q2', tier: 'basic', topics: ['ci-cd'], prompt: 'What does CI stand for?' },
  choices: [
    { letter: 'A', text: 'Code inspection' },
    { letter: 'B', text: 'Continuous integration' },
    { letter: 'C', text: 'Container image' },
    { letter: 'D', text: 'Cloud infrastructure' },
  ],
  rules: 'Right: 100 points. One answer each, seen only by you; the answer comes with the next day question (09:00 UTC).',
  actions: letters,
};

const reveal = {
  date: 'Tuesday 1 December',
  prompt: 'What does a load balancer health check decide?',
  answer: 'C. Whether a target receives traffic',
  explanation: 'Targets failing the check are taken out of rotation until they pass again.',
  answered: 5,
  correct: 2,
};

/** Every daily sample. */
export const dailySamples: { name: string; view: View }[] = [
  { name: 'daily post, with the reveal of yesterday & a note', view: { ...post, reveal, note: 'Posted late: the bot was offline at 09:00.' } },
  { name: 'daily post, the first one', view: post },
  { name: 'daily post, closed', view: { ...post, closed: { answer: 'B. Continuous integration', answered: 3, correct: 3 }, actions: [] } },
  {
    name: 'daily status, scheduled',
    view: {
      kind: 'daily-status',
      roleTitle: ROLE,
      schedule: {
        time: '09:00',
        tz: 'Europe/London',
        days: 'weekdays (Monday to Friday)',
        tier: 'technical',
        next: 'Thursday 3 December, 09:00 Europe/London',
        startedBy: 'Sam <ops>',
      },
      last: { date: 'Wednesday 2 December', prompt: 'What does CI stand for?', answered: 4 },
      problem: 'The latest post could not be made: the bot is not in this channel.',
      actions: [],
    },
  },
  {
    name: 'daily status, revealed',
    view: {
      kind: 'daily-status',
      roleTitle: ROLE,
      schedule: { time: '17:30', tz: 'UTC', days: 'every day', tier: 'mixed', next: 'Thursday 3 December, 17:30 UTC', startedBy: 'Kim' },
      last: { date: 'Tuesday 1 December', prompt: 'What is a canary release?', answered: 6, answer: 'A. A release to a small share first', correct: 4 },
      actions: [],
    },
  },
  { name: 'daily status, none', view: { kind: 'daily-status', roleTitle: ROLE, note: 'No question of the day is scheduled here.', actions: [] } },
];

const each = (what: string, items: readonly (string | undefined)[]): Expected[] =>
  items.filter((text): text is string => text !== undefined && text.trim() !== '').map((text) => ({ what, text }));

/** What a renderer must show of a daily view. */
export function dailyExpected(view: Of<'daily-question'> | Of<'daily-status'>): Expected[] {
  if (view.kind === 'daily-status') {
    return [
      ...each('title', [view.roleTitle, view.problem]),
      ...(view.schedule ? scheduleFacts(view.schedule).flatMap(([name, value]) => each(`schedule ${name}`, [name, value])) : []),
      ...each('latest post', view.last ? lastLines(view.last) : []),
    ];
  }
  const r = view.reveal;
  return [
    ...each('title', [view.roleTitle, view.date, view.question.prompt]),
    ...each(
      'choice',
      view.choices.map((c) => c.text),
    ),
    ...each('rules or closed', [view.closed ? closedLine(view.closed) : view.rules]),
    ...(r ? each('reveal', [revealTitle(r), r.prompt, revealLine(r), r.explanation]) : []),
  ];
}
