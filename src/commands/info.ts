/** Public command descriptions (full names, usage lines), generated from the table. */
import type { Role } from '../content/schema.js';
import type { CommandInfo, OptionSpec, SubcommandSpec } from './spec.js';
import { COMMAND_TABLE, type CommandDef } from './table.js';

/** `[tier]`, `<query>`, `[basic|technical|advanced]`, `[share]`. */
function optionUsage(o: OptionSpec): string {
  const inner = o.type === 'choice' ? o.choices.join('|') : o.type === 'integer' ? `${o.name} ${o.min}-${o.max}` : o.name;
  return o.required ? `<${inner}>` : `[${inner}]`;
}

export function usageOf(options: readonly OptionSpec[]): string {
  return options.map(optionUsage).join(' ');
}

function subUsage(s: SubcommandSpec): string {
  return [s.name, usageOf(s.options)].filter(Boolean).join(' ');
}

/** The full name of a table command for a role. */
export function fullName(prefix: string, def: Pick<CommandDef, 'name'>): string {
  return `${prefix}-${def.name}`;
}

function example(name: string, args: string): string {
  return `/${name}${args ? ` ${args}` : ''}`;
}

export function commandInfo(prefix: string, def: CommandDef): CommandInfo {
  const name = fullName(prefix, def);
  const subcommands = (def.subcommands ?? []).map(({ handler: _handler, ...spec }) => ({
    ...spec,
    examples: spec.examples.map((e) => example(name, e)),
  }));
  return {
    name,
    description: def.description,
    usage: def.subcommands ? def.subcommands.map((s) => s.name).join('|') : usageOf(def.options ?? []),
    options: def.options ?? [],
    subcommands,
    ...(def.defaultSubcommand ? { defaultSubcommand: def.defaultSubcommand } : {}),
    examples: def.examples.map((e) => example(name, e)),
  };
}

/** Every command of every role. */
export function commandInfos(roles: readonly Pick<Role, 'commandPrefix'>[]): CommandInfo[] {
  return roles.flatMap((role) => COMMAND_TABLE.map((def) => commandInfo(role.commandPrefix, def)));
}

/** A usage line for a command or one of its subcommands. */
export function usageLine(info: CommandInfo, subcommand?: string): string {
  const sub = info.subcommands.find((s) => s.name === subcommand);
  if (sub) return `/${info.name} ${subUsage(sub)}`.trim();
  if (info.subcommands.length > 0) return info.subcommands.map((s) => `/${info.name} ${subUsage(s)}`.trim()).join('\n');
  return `/${info.name} ${info.usage}`.trim();
}
