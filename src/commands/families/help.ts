/**
 * `/<prefix>-help [command]`: usage and examples. Built from the other
 * families rather than importing their list, which would close a loop: the
 * list holds this family too.
 */
import { helpCommand } from '../../handlers/help.js';
import { defineFamily, type Family } from '../family.js';

const NAME = 'help';

/** The help family for `families`; its `command` option offers each of them, and itself. */
export function helpFamily(families: readonly Family[]) {
  return defineFamily({
    command: {
      name: NAME,
      description: 'How to use the commands',
      options: [{ name: 'command', description: 'Which command to explain', type: 'choice', choices: [...families.map((f) => f.command.name), NAME] }],
      handler: helpCommand,
      examples: ['', 'quiz'],
    },
    areas: [],
  });
}
