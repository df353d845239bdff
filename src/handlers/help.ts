/** `/<prefix>-help [command]`: generated from the command table, so it never drifts. */
import { usageLine } from '../commands/usage.js';
import type { Reply } from '../views.js';
import { type HandlerInput, stringValue } from './context.js';

export async function helpCommand(input: HandlerInput): Promise<Reply> {
  const wanted = stringValue(input.values, 'command');
  const prefix = input.rt.role.commandPrefix;
  const infos = wanted ? input.commands.filter((c) => c.name === `${prefix}-${wanted}`) : input.commands;
  const detailed = wanted !== undefined;
  return {
    visibility: 'private',
    view: {
      kind: 'help',
      title: detailed ? `/${prefix}-${wanted}` : `${input.rt.role.title} interview assistant`,
      commands: infos.flatMap((info) =>
        detailed && info.subcommands.length > 0
          ? info.subcommands.map((s) => ({
              name: `${info.name} ${s.name}`,
              description: s.description,
              usage: usageLine(info, s.name),
              examples: [...s.examples],
            }))
          : [{ name: info.name, description: info.description, usage: usageLine(info), examples: [...info.examples] }],
      ),
    },
  };
}
