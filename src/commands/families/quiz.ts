/**
 * `/<prefix>-quiz`: a private quiz (start, answer, skip, stop, review), the
 * player's stats and leaderboards; the quiz's buttons, the leaderboard's, and
 * "I think I was right" under a graded answer.
 */
import { TIERS } from '../../content/schema.js';
import { disputeAction } from '../../handlers/flag.js';
import { quizAction, quizAnswer, quizReview, quizSkip, quizStart, quizStop } from '../../handlers/quiz.js';
import { leaderboard, leaderboardCommand, statsCommand } from '../../handlers/scores.js';
import { ANSWER_MAX } from '../../quiz/quiz-views.js';
import { MAX_QUIZ_LENGTH } from '../../quiz/session.js';
import { byOp, defineFamily, serveButtons } from '../family.js';
import type { OptionSpec } from '../spec.js';
import { boardButtons, disputeButtons, quizButtons } from './quiz-buttons.js';

const tierOption: OptionSpec = {
  name: 'tier',
  description: 'Difficulty tier, or mixed (default)',
  type: 'choice',
  choices: [...TIERS, 'mixed'],
  aliases: { all: 'mixed', any: 'mixed', mix: 'mixed' },
};
const countOption: OptionSpec = { name: 'count', description: 'How many questions (default 5)', type: 'integer', min: 1, max: MAX_QUIZ_LENGTH };
const modeOption: OptionSpec = {
  name: 'mode',
  description: 'choice: pick A-D (default); text: answer in your own words',
  type: 'choice',
  choices: ['choice', 'text'],
  aliases: { mc: 'choice', 'multiple-choice': 'choice', buttons: 'choice', free: 'text', 'free-text': 'text', freetext: 'text', written: 'text', open: 'text' },
};
const periodOption: OptionSpec = {
  name: 'period',
  description: 'all (default) or week',
  type: 'choice',
  choices: ['all', 'week'],
  aliases: { weekly: 'week', 'all-time': 'all', alltime: 'all' },
};

/** The quiz family: every quiz subcommand, stats and leaderboards, with their buttons and the grade dispute. */
export const quizFamily = defineFamily({
  command: {
    name: 'quiz',
    description: 'Practise with a private quiz: start, answer, skip, stop, review, stats, leaderboard',
    defaultSubcommand: 'start',
    subcommands: [
      {
        name: 'start',
        description: 'Start a quiz (default: 5 mixed multiple-choice questions)',
        options: [tierOption, countOption, modeOption],
        examples: ['start', 'start advanced 10', 'start technical text'],
        handler: quizStart,
      },
      {
        name: 'answer',
        description: 'Answer the current question: a letter, or your answer in words',
        options: [{ name: 'answer', description: 'A-D, or your answer in words', type: 'text', maxLength: ANSWER_MAX, required: true }],
        examples: ['answer B', 'answer Use a remote backend with state locking'],
        handler: quizAnswer,
      },
      { name: 'skip', description: 'Skip the current question', options: [], examples: ['skip'], handler: quizSkip },
      { name: 'stop', description: 'Stop your quiz and see the summary', options: [], examples: ['stop'], handler: quizStop },
      {
        name: 'review',
        description: 'Quiz yourself on questions you missed before',
        options: [countOption, modeOption],
        examples: ['review', 'review 3 text'],
        handler: quizReview,
      },
      {
        name: 'stats',
        description: 'Your points, accuracy by tier and topic, streaks, weakest topics',
        options: [],
        examples: ['stats'],
        handler: statsCommand,
      },
      {
        name: 'leaderboard',
        description: 'Top players here, all time or this week',
        options: [periodOption, { name: 'share', description: 'Post it to the channel instead of only to you', type: 'boolean' }],
        examples: ['leaderboard', 'leaderboard week', 'leaderboard week share'],
        handler: leaderboardCommand,
      },
    ],
    examples: ['', 'start advanced 10', 'answer B', 'stats'],
  },
  areas: [
    serveButtons(
      quizButtons,
      byOp({
        choice: quizAction,
        text: quizAction,
        skip: quizAction,
        stop: quizAction,
        new: quizAction,
        review: quizAction,
        stats: (input) => statsCommand(input),
      }),
    ),
    serveButtons(
      boardButtons,
      // Switching period replaces the board the button was on; sharing posts a new one to the channel.
      byOp({ show: (input, ref) => leaderboard(input, ref.period, false, true), share: (input, ref) => leaderboard(input, ref.period, true) }),
    ),
    serveButtons(disputeButtons, disputeAction),
  ],
});
