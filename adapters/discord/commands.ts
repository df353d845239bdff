/**
 * The command table as Discord application commands (raw JSON), generated so
 * registration can never drift from what the core accepts.
 */

import type { APIApplicationCommandBasicOption, APIApplicationCommandSubcommandOption, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { ApplicationCommandOptionType, ApplicationCommandType, ApplicationIntegrationType, InteractionContextType } from 'discord.js';
import type { CommandInfo, OptionSpec } from '../../src/commands/spec.js';
import { clip } from './limits.js';

/** Discord's limits for application commands. */
export const COMMAND_LIMITS = { name: 32, description: 100, options: 25, choices: 25, choiceText: 100, stringLength: 6000 } as const;

/** A valid command or option name: lowercase letters, digits, `-` and `_`, 1–32 long. */
export const NAME_PATTERN = /^[-_\p{L}\p{N}]{1,32}$/u;

/** Lowercases and replaces what Discord refuses, so a name is always valid. */
export function commandName(name: string): string {
  const cleaned = name
    .toLowerCase()
    .replace(/\s+/g, '-')
    .replace(/[^-_\p{L}\p{N}]/gu, '')
    .slice(0, COMMAND_LIMITS.name);
  return cleaned || 'command';
}

/** A description of 1–100 characters. */
export function commandDescription(text: string, fallback: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return clip(oneLine || fallback, COMMAND_LIMITS.description);
}

function optionJSON(spec: OptionSpec): APIApplicationCommandBasicOption {
  const base = { name: commandName(spec.name), description: commandDescription(spec.description, spec.name), required: spec.required ?? false };
  switch (spec.type) {
    case 'choice':
      return {
        ...base,
        type: ApplicationCommandOptionType.String,
        choices: spec.choices
          .slice(0, COMMAND_LIMITS.choices)
          .map((c) => ({ name: clip(c, COMMAND_LIMITS.choiceText), value: c.slice(0, COMMAND_LIMITS.choiceText) })),
      };
    case 'integer':
      return { ...base, type: ApplicationCommandOptionType.Integer, min_value: spec.min, max_value: spec.max };
    case 'boolean':
      return { ...base, type: ApplicationCommandOptionType.Boolean };
    case 'text':
      return { ...base, type: ApplicationCommandOptionType.String, max_length: Math.max(1, Math.min(COMMAND_LIMITS.stringLength, spec.maxLength)) };
  }
}

// Discord requires every required option to come before any optional one.
function optionsJSON(specs: readonly OptionSpec[]): APIApplicationCommandBasicOption[] {
  const all = specs.map(optionJSON);
  return [...all.filter((o) => o.required), ...all.filter((o) => !o.required)].slice(0, COMMAND_LIMITS.options);
}

/** Where commands are registered: global commands also declare where they may be used. */
export interface CommandTarget {
  global: boolean;
}

/**
 * One command as Discord JSON: subcommands when it has them, options otherwise.
 * Global commands are usable in guilds and in DMs with the bot.
 */
export function commandJSON(info: CommandInfo, target: CommandTarget = { global: false }): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const json: RESTPostAPIChatInputApplicationCommandsJSONBody = {
    type: ApplicationCommandType.ChatInput,
    name: commandName(info.name),
    description: commandDescription(info.description, info.name),
  };
  if (info.subcommands.length > 0) {
    json.options = info.subcommands.slice(0, COMMAND_LIMITS.options).map(
      (sub): APIApplicationCommandSubcommandOption => ({
        type: ApplicationCommandOptionType.Subcommand,
        name: commandName(sub.name),
        description: commandDescription(sub.description, sub.name),
        options: optionsJSON(sub.options),
      }),
    );
  } else {
    json.options = optionsJSON(info.options);
  }
  if (target.global) {
    json.contexts = [InteractionContextType.Guild, InteractionContextType.BotDM];
    json.integration_types = [ApplicationIntegrationType.GuildInstall];
  }
  return json;
}

/** Every command of the table as Discord JSON. */
export function commandsJSON(infos: readonly CommandInfo[], target: CommandTarget = { global: false }): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return infos.map((info) => commandJSON(info, target));
}
