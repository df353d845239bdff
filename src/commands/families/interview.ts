/**
 * `/<prefix>-interview`: interview mode. Plan an interview (private), run it
 * from the question card's buttons, checklists and forms, and keep, list,
 * show, share or delete its scorecard.
 */
import { interviewAction, interviewDelete, interviewList, interviewPlan, interviewShare, interviewShow } from '../../handlers/interview.js';
import { MAX_MINUTES, MIN_MINUTES } from '../../interview/plan.js';
import { INTERVIEW_LEVELS } from '../../interview/result.js';
import { CANDIDATE_MAX } from '../../interview/retention.js';
import { defineFamily, serveButtons } from '../family.js';
import type { OptionSpec } from '../spec.js';
import { interviewButtons } from './interview-buttons.js';

const idOption: OptionSpec = { name: 'id', description: 'Scorecard id (list shows them)', type: 'text', maxLength: 20, required: true };

/** The interview family: plan, list, show, share, delete; the plan's, card's and scorecard's buttons. */
export const interviewFamily = defineFamily({
  command: {
    name: 'interview',
    description: 'Run a structured interview: plan, tick key points, keep a scorecard',
    defaultSubcommand: 'plan',
    subcommands: [
      {
        name: 'plan',
        description: 'Plan an interview (private): level, minutes, topics, candidate',
        options: [
          { name: 'level', description: 'junior, mid (default) or senior', type: 'choice', choices: INTERVIEW_LEVELS },
          { name: 'topics', description: 'Topics to keep to, e.g. kubernetes terraform', type: 'text', maxLength: 200 },
          { name: 'minutes', description: 'How long (default 45)', type: 'integer', min: MIN_MINUTES, max: MAX_MINUTES },
          { name: 'candidate', description: 'A label for the candidate (plain text, kept 90 days)', type: 'text', maxLength: CANDIDATE_MAX },
        ],
        examples: ['plan senior 45', 'plan mid 30 kubernetes candidate:Jane D.'],
        handler: interviewPlan,
      },
      { name: 'list', description: 'Your scorecards and interviews not finished', options: [], examples: ['list'], handler: (input) => interviewList(input) },
      { name: 'show', description: 'Show one of your scorecards', options: [idOption], examples: ['show k3x9a0b2'], handler: interviewShow },
      {
        name: 'share',
        description: 'Share one of your scorecards here (asks first)',
        options: [
          { ...idOption, description: 'Scorecard id, then optionally a #channel', maxLength: 120 },
          { name: 'channel', description: 'Where you mean to share it (it is posted here)', type: 'text', maxLength: 80 },
        ],
        examples: ['share k3x9a0b2'],
        handler: interviewShare,
      },
      {
        name: 'delete',
        description: 'Delete one of your scorecards (asks first)',
        options: [idOption],
        examples: ['delete k3x9a0b2'],
        handler: interviewDelete,
      },
    ],
    examples: ['', 'senior 60 kubernetes', 'list'],
  },
  areas: [serveButtons(interviewButtons, interviewAction)],
});
