/** `/<prefix>-search <keywords>`: search everything the role holds. Its results open cards (the question family's buttons). */
import { searchCommand } from '../../handlers/search.js';
import { defineFamily } from '../family.js';

/** The search family: no buttons of its own. */
export const searchFamily = defineFamily({
  command: {
    name: 'search',
    description: 'Search questions, use cases, skills and mistakes by keywords',
    options: [{ name: 'query', description: 'What to look for, e.g. kubernetes crashloop', type: 'text', maxLength: 200, required: true }],
    handler: searchCommand,
    examples: ['kubernetes crashloop', 'tf state locking', 'rotate db creds'],
  },
  areas: [],
});
