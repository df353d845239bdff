/**
 * `/<prefix>-daily`: the question of the day — one question posted in the
 * channel at a set time each day (start, stop, status), answered with its A–D buttons.
 */
import { TIERS } from '../../content/schema.js';
import { dailyStart, dailyStatus, dailyStop } from '../../handlers/daily.js';
import { dailyAnswer } from '../../handlers/daily-answer.js';
import { defineFamily, serveButtons } from '../family.js';
import { dailyButtons } from './daily-buttons.js';

/** The daily family: start, stop and status, and the A–D buttons of its posts. */
export const dailyFamily = defineFamily({
  command: {
    name: 'daily',
    description: 'Question of the day in this channel: start, stop, status',
    defaultSubcommand: 'status',
    subcommands: [
      {
        name: 'start',
        description: 'Post one question a day here at HH:MM (default 09:00)',
        options: [
          { name: 'time', description: 'Time of day, HH:MM 24-hour (default 09:00)', type: 'text', maxLength: 40 },
          {
            name: 'tier',
            description: 'Difficulty tier, or mixed (default)',
            type: 'choice',
            choices: [...TIERS, 'mixed'],
            aliases: { all: 'mixed', any: 'mixed' },
          },
          {
            name: 'days',
            description: 'every (default) or weekdays',
            type: 'choice',
            choices: ['every', 'weekdays'],
            aliases: { weekday: 'weekdays', workdays: 'weekdays', daily: 'every', all: 'every' },
          },
          { name: 'tz', description: 'Time zone, e.g. Europe/London (default: the server setting)', type: 'text', maxLength: 64 },
        ],
        examples: ['start 09:00', 'start 08:30 technical days:weekdays tz:Europe/London'],
        handler: dailyStart,
      },
      { name: 'stop', description: 'Stop the question of the day here', options: [], examples: ['stop'], handler: dailyStop },
      { name: 'status', description: 'The schedule, the next post and the latest result', options: [], examples: ['status'], handler: dailyStatus },
    ],
    examples: ['start 09:00', 'start 08:30 advanced days:weekdays tz:America/New_York', 'status', 'stop'],
  },
  areas: [serveButtons(dailyButtons, dailyAnswer)],
});
