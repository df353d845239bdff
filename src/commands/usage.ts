/**
 * Public command descriptions (full names, usage lines) from command
 * definitions. Pure and table-free, so handlers (help, usage errors) can use
 * it without importing the table that imports them.
 */
import type { CommandDef } from './family.js';
import type { CommandInfo, OptionSpec, SubcommandSpec } from './spec.js';

/** `[tier]`, `<query>`, `[basic|technical|advanced]`, `[share]`. */
function optionUsage(o: OptionSpec): string {
  const inner = o.type === 'choice' ? o.choices.join('|') : o.type === 'integer' ? `${o.name} ${o.min}-${o.max}` : o.name;
  return o.required ? `<${inner}>` : `[${inner}]`;
}

/** The usage of a list of options: `[tier] [count 1-20] [mode]`. */
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

/** A command as adapters see it, for one role's prefix: handlers left out, examples written out in full. */
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

/** A usage line for a command or one of its subcommands. */
export function usageLine(info: CommandInfo, subcommand?: string): string {
  const sub = info.subcommands.find((s) => s.name === subcommand);
  if (sub) return `/${info.name} ${subUsage(sub)}`.trim();
  if (info.subcommands.length > 0) return info.subcommands.map((s) => `/${info.name} ${subUsage(s)}`.trim()).join('\n');
  return `/${info.name} ${info.usage}`.trim();
}
