/** `/<prefix>-question [tier] [topic]`: the interviewer's private card, its buttons and Flag. */
import { TIERS } from '../../content/schema.js';
import { flagAction } from '../../handlers/flag.js';
import { cardAction, questionCommand } from '../../handlers/question.js';
import { defineFamily, serveButtons } from '../family.js';
import { cardButtons, flagButtons } from './question-buttons.js';

/** The question family: the card, its buttons (show, another, harder, easier, open) and Flag. */
export const questionFamily = defineFamily({
  command: {
    name: 'question',
    description: 'Get an interview question privately, with what a strong answer covers',
    options: [
      { name: 'tier', description: 'Difficulty tier', type: 'choice', choices: TIERS },
      { name: 'topic', description: 'Topic keywords, e.g. kubernetes or terraform state', type: 'text', maxLength: 100 },
    ],
    handler: questionCommand,
    examples: ['', 'advanced', 'technical kubernetes', 'terraform state'],
  },
  // Search results open cards too: they mint card ids, and this family serves them.
  areas: [serveButtons(cardButtons, cardAction), serveButtons(flagButtons, flagAction)],
});
