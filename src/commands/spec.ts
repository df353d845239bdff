/**
 * The shape of the command table. Every surface (Slack manifest, Discord
 * registration, help text, the text parser) is generated from values of these types.
 */

interface OptionBase {
  name: string;
  description: string;
  required?: boolean;
}

/** A typed option of a command or subcommand. */
export type OptionSpec = OptionBase &
  (
    | { type: 'choice'; choices: readonly string[] /** Extra words the text parser accepts for a choice. */; aliases?: Readonly<Record<string, string>> }
    | { type: 'integer'; min: number; max: number }
    /** A flag, given in text by its own name (`share`). */
    | { type: 'boolean' }
    /** Free text; in typed text it takes the words no other option claimed. */
    | { type: 'text'; maxLength: number }
  );

/** A subcommand such as `quiz start`. */
export interface SubcommandSpec {
  name: string;
  description: string;
  options: readonly OptionSpec[];
  examples: readonly string[];
}

/**
 * Public description of one full command (prefix applied), as adapters see it.
 * Exactly one of `options` (a plain command) or `subcommands` is non-empty, as Discord requires.
 */
export interface CommandInfo {
  /** Full name without slash: `devops-quiz`. */
  name: string;
  description: string;
  /** One-line usage hint: `[tier] [count] [mode]`. */
  usage: string;
  options: readonly OptionSpec[];
  subcommands: readonly SubcommandSpec[];
  /** Subcommand used when typed text names none (`/devops-quiz` starts a quiz). */
  defaultSubcommand?: string;
  examples: readonly string[];
}
