/**
 * Channel challenge samples for the renderer fixture (samples.ts adds them):
 * an open question with its A–D buttons and timer, a reveal with counts, the
 * right players and the fastest, one nobody got right, and standings with a
 * note and without players. Plain words, as in the rest of the fixture.
 */
import type { View } from '../../src/views.js';
import { ROLE } from './sample-parts.js';

const question = { id: 'q2', tier: 'technical' as const, topics: ['ci-cd', 'kubernetes'], prompt: 'What does a readiness probe decide?' };
const choices = [
  { letter: 'A', text: 'Whether the pod gets traffic' },
  { letter: 'B', text: 'Whether the container restarts' },
  { letter: 'C', text: 'Which node the pod runs on' },
  { letter: 'D', text: 'How much memory the pod may use' },
];
const points = '200 points for a right answer + up to 100 for speed (full bonus in the first fifth of the time)';

export const challengeSamples: { name: string; view: View }[] = [
  {
    name: 'challenge question',
    view: {
      kind: 'challenge-question',
      roleTitle: ROLE,
      number: 2,
      total: 5,
      question,
      choices,
      seconds: 30,
      closesAt: '12:00:30 UTC',
      points,
      starter: 'Ada & <Grace>',
      note: 'Stopped questions close early.',
      actions: choices.map((c, i) => ({ id: `x|g|a|ch1|1|${i}|q2`, label: c.letter })),
    },
  },
  {
    name: 'challenge reveal',
    view: {
      kind: 'challenge-reveal',
      roleTitle: ROLE,
      number: 2,
      total: 5,
      question,
      choices: choices.map((c, i) => ({ ...c, count: [3, 1, 0, 2][i] ?? 0, correct: i === 0 })),
      answer: 'A. Whether the pod gets traffic',
      answered: 6,
      right: ['Ada', 'Grace', 'Linus'],
      moreRight: 0,
      fastest: { name: 'Grace', time: '3.2 s' },
      explanation: 'A failing readiness probe takes the pod out of the service endpoints without restarting it.',
      points,
      note: 'Stopped by Ada: this was the last question.',
      actions: [],
    },
  },
  {
    name: 'challenge reveal, nobody right',
    view: {
      kind: 'challenge-reveal',
      roleTitle: ROLE,
      number: 1,
      total: 1,
      question,
      choices: choices.map((c, i) => ({ ...c, count: i === 1 ? 2 : 0, correct: i === 0 })),
      answer: 'A. Whether the pod gets traffic',
      answered: 2,
      right: [],
      moreRight: 0,
      explanation: 'Readiness gates traffic; liveness restarts.',
      points,
      actions: [],
    },
  },
  {
    name: 'challenge standings',
    view: {
      kind: 'challenge-standings',
      roleTitle: ROLE,
      title: 'Challenge finished',
      summary: '5 of 5 questions · technical · 30 s each · 3 players',
      rows: [
        { rank: 1, name: 'Grace', correct: 4, points: 1150 },
        { rank: 2, name: 'Ada', correct: 3, points: 800 },
        { rank: 3, name: 'Linus', correct: 0, points: 0 },
      ],
      footnote: 'Points count in the leaderboards like quiz answers.',
      actions: [
        { id: 'x|g|r|t|5|30', label: 'Rematch', style: 'primary' },
        { id: 'x|b|show|all', label: 'Leaderboard' },
      ],
    },
  },
  {
    name: 'challenge standings, nobody played',
    view: {
      kind: 'challenge-standings',
      roleTitle: ROLE,
      title: 'Challenge stopped by Ada',
      summary: '1 of 5 questions · mixed · 30 s each · 0 players',
      rows: [],
      note: 'Nobody answered this time.',
      footnote: 'Points count in the leaderboards like quiz answers.',
      actions: [{ id: 'x|g|r|m|5|30', label: 'Rematch', style: 'primary' }],
    },
  },
];
