/**
 * The command table: every command declared once, with its typed options,
 * examples and handler. Names get the role's prefix (`quiz` → `/devops-quiz`).
 * The Slack manifest, Discord registration, help text and text parser all read this.
 */
import { TIERS } from '../content/schema.js';
import type { Handler } from '../handlers/context.js';
import { helpCommand } from '../handlers/help.js';
import { questionCommand } from '../handlers/question.js';
import { quizAnswer, quizReview, quizSkip, quizStart, quizStop } from '../handlers/quiz.js';
import { ROLE_SECTIONS, roleCommand } from '../handlers/role.js';
import { leaderboardCommand, statsCommand } from '../handlers/scores.js';
import { searchCommand } from '../handlers/search.js';
import { ANSWER_MAX } from '../quiz/quiz-views.js';
import { MAX_QUIZ_LENGTH } from '../quiz/session.js';
import type { OptionSpec, SubcommandSpec } from './spec.js';

/** A subcommand and what serves it. */
export interface SubcommandDef extends SubcommandSpec {
  handler: Handler;
}

/** One command, prefix-free. Either `handler` with `options`, or `subcommands`. */
export interface CommandDef {
  name: string;
  description: string;
  options?: readonly OptionSpec[];
  handler?: Handler;
  subcommands?: readonly SubcommandDef[];
  defaultSubcommand?: string;
  /** Argument text after the command name, e.g. `technical kubernetes`. */
  examples: readonly string[];
}

const tierOption: OptionSpec = { name: 'tier', description: 'Difficulty tier', type: 'choice', choices: TIERS };
const quizTierOption: OptionSpec = {
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

/** The commands every role gets. `help` is generated from this list, so it is last. */
export const COMMAND_TABLE: readonly CommandDef[] = [
  {
    name: 'role',
    description: 'Post the role to the channel: summary, responsibilities, skills, use cases or interview mistakes',
    options: [{ name: 'section', description: 'Which part of the role (default summary)', type: 'choice', choices: ROLE_SECTIONS }],
    handler: roleCommand,
    examples: ['', 'skills', 'use-cases'],
  },
  {
    name: 'question',
    description: 'Get an interview question privately, with what a strong answer covers',
    options: [tierOption, { name: 'topic', description: 'Topic keywords, e.g. kubernetes or terraform state', type: 'text', maxLength: 100 }],
    handler: questionCommand,
    examples: ['', 'advanced', 'technical kubernetes', 'terraform state'],
  },
  {
    name: 'quiz',
    description: 'Practise with a private quiz: start, answer, skip, stop, review, stats, leaderboard',
    defaultSubcommand: 'start',
    subcommands: [
      { name: 'start', description: 'Start a quiz (default: 5 mixed multiple-choice questions)', options: [quizTierOption, countOption, modeOption], examples: ['start', 'start advanced 10', 'start technical text'], handler: quizStart },
      { name: 'answer', description: 'Answer the current question: a letter, or your answer in words', options: [{ name: 'answer', description: 'A-D, or your answer in words', type: 'text', maxLength: ANSWER_MAX, required: true }], examples: ['answer B', 'answer Use a remote backend with state locking'], handler: quizAnswer },
      { name: 'skip', description: 'Skip the current question', options: [], examples: ['skip'], handler: quizSkip },
      { name: 'stop', description: 'Stop your quiz and see the summary', options: [], examples: ['stop'], handler: quizStop },
      { name: 'review', description: 'Quiz yourself on questions you missed before', options: [countOption, modeOption], examples: ['review', 'review 3 text'], handler: quizReview },
      { name: 'stats', description: 'Your points, accuracy by tier and topic, streaks, weakest topics', options: [], examples: ['stats'], handler: statsCommand },
      {
        name: 'leaderboard',
        description: 'Top players here, all time or this week',
        options: [
          { name: 'period', description: 'all (default) or week', type: 'choice', choices: ['all', 'week'], aliases: { weekly: 'week', 'all-time': 'all', alltime: 'all' } },
          { name: 'share', description: 'Post it to the channel instead of only to you', type: 'boolean' },
        ],
        examples: ['leaderboard', 'leaderboard week', 'leaderboard week share'],
        handler: leaderboardCommand,
      },
    ],
    examples: ['', 'start advanced 10', 'answer B', 'stats'],
  },
  {
    name: 'search',
    description: 'Search questions, use cases, skills and mistakes by keywords',
    options: [{ name: 'query', description: 'What to look for, e.g. kubernetes crashloop', type: 'text', maxLength: 200, required: true }],
    handler: searchCommand,
    examples: ['kubernetes crashloop', 'tf state locking', 'rotate db creds'],
  },
  {
    name: 'help',
    description: 'How to use the commands',
    options: [{ name: 'command', description: 'Which command to explain', type: 'choice', choices: ['role', 'question', 'quiz', 'search', 'help'] }],
    handler: helpCommand,
    examples: ['', 'quiz'],
  },
];
