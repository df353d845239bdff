/** The challenge's public messages as neutral views: a question, its reveal, the standings. */

import { challengeButtons } from '../commands/families/challenge-buttons.js';
import type { Question } from '../content/schema.js';
import { LETTERS } from '../quiz/quiz-views.js';
import type { RoleRuntime } from '../role-runtime.js';
import type { ChallengeChoice, View } from '../views.js';
import type { Challenge } from './record.js';
import { choiceOrder, pointsText } from './scoring.js';

/** Players listed in the standings. */
export const STANDINGS_SHOWN = 10;
/** The explanation's length at most: one line. */
const EXPLANATION_MAX = 240;

/** "12:00:30 UTC". */
export function clockTime(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(11, 19)} UTC`;
}

/** "3.2 s". */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The choices of question `index` in the order shown. */
export function shownChoices(challengeId: string, index: number, q: Question): ChallengeChoice[] {
  const all = [q.choices.correct, ...q.choices.wrong];
  return choiceOrder(challengeId, index).map((i, at) => ({ letter: LETTERS[at] ?? '?', text: all[i] ?? '' }));
}

/** The first sentence of the model answer, as the reveal's one-line explanation. */
export function explanation(q: Question): string {
  const flat = q.answer.replace(/\s+/g, ' ').trim();
  const sentence = /^(.+?[.!?])(\s|$)/.exec(flat)?.[1] ?? flat;
  return sentence.length <= EXPLANATION_MAX ? sentence : `${sentence.slice(0, EXPLANATION_MAX - 1).trimEnd()}…`;
}

const questionOf = (q: Question) => ({ id: q.id, tier: q.tier, topics: [...q.topics], prompt: q.prompt });

/** Question `c.index`, open until `c.deadline`, with one button per letter. */
export function questionView(rt: RoleRuntime, c: Challenge, q: Question): View {
  const prefix = rt.role.commandPrefix;
  const choices = shownChoices(c.id, c.index, q);
  return {
    kind: 'challenge-question',
    roleTitle: rt.role.title,
    number: c.index + 1,
    total: c.questionIds.length,
    question: questionOf(q),
    choices,
    seconds: c.seconds,
    closesAt: clockTime(c.deadline),
    points: pointsText(q.tier),
    starter: c.starter.name,
    actions: choices.map((choice, at) => ({
      id: challengeButtons.id(prefix, { op: 'answer', challengeId: c.id, index: c.index, choice: at, questionId: q.id }),
      label: choice.letter,
    })),
  };
}

/** The reveal of question `c.index` from its stored tally: what was right, how many chose what, who, the fastest. */
export function revealView(rt: RoleRuntime, c: Challenge, q: Question): View {
  const tally = c.tally ?? { counts: [0, 0, 0, 0], answered: 0, right: [], rightCount: 0 };
  const correctAt = choiceOrder(c.id, c.index).indexOf(0);
  const choices = shownChoices(c.id, c.index, q).map((choice, at) => ({ ...choice, count: tally.counts[at] ?? 0, correct: at === correctAt }));
  const right = choices[correctAt];
  return {
    kind: 'challenge-reveal',
    roleTitle: rt.role.title,
    number: c.index + 1,
    total: c.questionIds.length,
    question: questionOf(q),
    choices,
    answer: right ? `${right.letter}. ${right.text}` : q.choices.correct,
    answered: tally.answered,
    right: tally.right,
    moreRight: Math.max(0, tally.rightCount - tally.right.length),
    ...(tally.fastest ? { fastest: { name: tally.fastest.name, time: seconds(tally.fastest.ms) } } : {}),
    explanation: explanation(q),
    points: pointsText(q.tier),
    ...(c.stopped ? { note: `Stopped by ${c.stopped.name}: this was the last question.` } : {}),
    actions: [],
  };
}

/** How the standings are counted. */
export const STANDINGS_FOOTNOTE =
  'Points: the tier’s points for a right answer plus a speed bonus of up to half as much again (full within the first fifth of the time). They count in this space’s leaderboards and each player’s stats, like quiz answers.';

/** The final standings, best first (ties: more correct, then name), with Rematch and Leaderboard. */
export function standingsView(rt: RoleRuntime, c: Challenge): View {
  const prefix = rt.role.commandPrefix;
  const players = Object.values(c.scores).sort((a, b) => b.points - a.points || b.correct - a.correct || a.name.localeCompare(b.name));
  const asked = c.phase === 'done' || c.stopped ? Math.max(0, c.index + 1) : c.questionIds.length;
  const summary = [
    `${asked} of ${c.questionIds.length} question${c.questionIds.length === 1 ? '' : 's'}`,
    c.tier,
    `${c.seconds} s each`,
    `${players.length} player${players.length === 1 ? '' : 's'}`,
  ].join(' · ');
  const title = c.stopped ? `Challenge stopped by ${c.stopped.name}` : 'Challenge finished';
  return {
    kind: 'challenge-standings',
    roleTitle: rt.role.title,
    title,
    summary,
    rows: players.slice(0, STANDINGS_SHOWN).map((p, i) => ({ rank: i + 1, name: p.name, correct: p.correct, points: p.points })),
    ...(players.length === 0 ? { note: 'Nobody answered this time.' } : {}),
    footnote: STANDINGS_FOOTNOTE,
    actions: [
      {
        id: challengeButtons.id(prefix, { op: 'rematch', tier: c.tier, count: c.questionIds.length, seconds: c.seconds }),
        label: 'Rematch',
        style: 'primary',
      },
      { id: challengeButtons.id(prefix, { op: 'board' }), label: 'Leaderboard' },
    ],
  };
}
