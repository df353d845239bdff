/**
 * `/<prefix>-challenge`: a public round in the channel (start, the default,
 * and stop), with its answer, Rematch and Leaderboard buttons. The
 * leaderboard is the quiz family's, shown privately so the public standings stay.
 */

import { DEFAULT_COUNT, DEFAULT_SECONDS, MAX_COUNT, MAX_SECONDS, MIN_SECONDS } from '../../challenge/record.js';
import { TIERS } from '../../content/schema.js';
import { challengeRematch, challengeStart } from '../../handlers/challenge.js';
import { challengeAnswer } from '../../handlers/challenge-answer.js';
import { challengeStop } from '../../handlers/challenge-stop.js';
import { leaderboard } from '../../handlers/scores.js';
import { byOp, defineFamily, serveButtons } from '../family.js';
import { challengeButtons } from './challenge-buttons.js';

/** The challenge family: start and stop, answers and rematches. */
export const challengeFamily = defineFamily({
  command: {
    name: 'challenge',
    description: 'Play together: a timed multiple-choice round for the whole channel',
    defaultSubcommand: 'start',
    subcommands: [
      {
        name: 'start',
        description: `Start a challenge here (default: ${DEFAULT_COUNT} mixed questions, ${DEFAULT_SECONDS} seconds each)`,
        options: [
          {
            name: 'tier',
            description: 'Difficulty tier, or mixed (default)',
            type: 'choice',
            choices: [...TIERS, 'mixed'],
            aliases: { all: 'mixed', any: 'mixed', mix: 'mixed' },
          },
          { name: 'count', description: `How many questions (default ${DEFAULT_COUNT})`, type: 'integer', min: 1, max: MAX_COUNT },
          { name: 'seconds', description: `Seconds per question (default ${DEFAULT_SECONDS})`, type: 'integer', min: MIN_SECONDS, max: MAX_SECONDS },
        ],
        examples: ['start', 'start advanced 10', 'start basic 3 seconds:20'],
        handler: challengeStart,
      },
      {
        name: 'stop',
        description: 'Stop the running challenge (its starter or a channel manager)',
        options: [],
        examples: ['stop'],
        handler: challengeStop,
      },
    ],
    examples: ['', 'advanced 10', 'basic 3 seconds:20', 'stop'],
  },
  areas: [serveButtons(challengeButtons, byOp({ answer: challengeAnswer, rematch: challengeRematch, board: (input) => leaderboard(input, 'all', false) }))],
});
