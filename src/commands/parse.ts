/**
 * The one parser for typed text (Slack, console) and the one validator for
 * typed options (Discord), both driven by the command table's option specs.
 */
import type { OptionValues } from '../requests.js';
import type { CommandInfo, OptionSpec } from './spec.js';

/** Parsed arguments: the subcommand (if the command has them) and typed values. */
export interface ParsedArgs {
  subcommand?: string;
  values: OptionValues;
}

/** A parse failure: what was wrong, phrased for the user. */
export interface ParseFailure {
  error: string;
  /** The subcommand the failure concerns, for a precise usage line. */
  subcommand?: string;
}

export type ParseResult = { ok: true; args: ParsedArgs } | ({ ok: false } & ParseFailure);

const fail = (error: string, subcommand?: string): ParseResult => ({ ok: false, error, ...(subcommand ? { subcommand } : {}) });

function choiceValue(spec: Extract<OptionSpec, { type: 'choice' }>, word: string): string | undefined {
  const w = word.toLowerCase();
  if (spec.choices.includes(w)) return w;
  return spec.aliases?.[w];
}

function checkValue(spec: OptionSpec, raw: string | number | boolean): { value: string | number | boolean } | { error: string } {
  switch (spec.type) {
    case 'choice': {
      const value = typeof raw === 'string' ? choiceValue(spec, raw) : undefined;
      return value ? { value } : { error: `${spec.name} must be one of ${spec.choices.join(', ')} (got "${String(raw)}")` };
    }
    case 'integer': {
      const n = typeof raw === 'number' ? raw : /^-?\d+$/.test(String(raw)) ? Number(raw) : NaN;
      if (!Number.isInteger(n)) return { error: `${spec.name} must be a whole number (got "${String(raw)}")` };
      if (n < spec.min || n > spec.max) return { error: `${spec.name} must be between ${spec.min} and ${spec.max} (got ${n})` };
      return { value: n };
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return { value: raw };
      const w = String(raw).toLowerCase();
      if (['true', 'yes', 'on', '1'].includes(w)) return { value: true };
      if (['false', 'no', 'off', '0'].includes(w)) return { value: false };
      return { error: `${spec.name} must be yes or no (got "${String(raw)}")` };
    }
    case 'text': {
      const text = String(raw).trim();
      if (text.length > spec.maxLength) return { error: `${spec.name} is too long: at most ${spec.maxLength} characters (got ${text.length})` };
      return { value: text };
    }
  }
}

function finish(options: readonly OptionSpec[], values: OptionValues, subcommand?: string): ParseResult {
  for (const spec of options) {
    if (spec.required && (values[spec.name] === undefined || values[spec.name] === '')) {
      return fail(`missing ${spec.name} (${spec.description})`, subcommand);
    }
  }
  return { ok: true, args: { ...(subcommand ? { subcommand } : {}), values } };
}

/**
 * Parses free text against a command's options. Words are matched by type, in
 * any order: a tier name fills the tier choice, a number the count, a flag's own
 * name sets it; `name:value` is always accepted; leftover words go to the text option.
 */
export function parseText(info: CommandInfo, text: string): ParseResult {
  let words = text.trim().split(/\s+/).filter(Boolean);
  let options = info.options;
  let subcommand: string | undefined;
  if (info.subcommands.length > 0) {
    const first = words[0]?.toLowerCase();
    const named = info.subcommands.find((s) => s.name === first);
    if (named) {
      subcommand = named.name;
      words = words.slice(1);
    } else {
      const fallback = info.subcommands.find((s) => s.name === info.defaultSubcommand);
      if (!fallback || (first && !looksLikeOptionOf(fallback.options, first))) {
        return fail(
          first ? `unknown subcommand "${first}": use one of ${info.subcommands.map((s) => s.name).join(', ')}` : `missing subcommand: use one of ${info.subcommands.map((s) => s.name).join(', ')}`,
        );
      }
      subcommand = fallback.name;
    }
    options = info.subcommands.find((s) => s.name === subcommand)?.options ?? [];
  }

  const values: OptionValues = {};
  const leftover: string[] = [];
  const textOption = options.find((o) => o.type === 'text');
  for (const word of words) {
    const explicit = /^([a-z]+)[:=](.+)$/i.exec(word);
    const named = explicit ? options.find((o) => o.name === explicit[1]?.toLowerCase()) : undefined;
    if (explicit && named?.type === 'text') {
      leftover.push(explicit[2] ?? '');
      continue;
    }
    if (explicit && named) {
      const checked = checkValue(named, explicit[2] ?? '');
      if ('error' in checked) return fail(checked.error, subcommand);
      values[named.name] = checked.value;
      continue;
    }
    const claimed = claim(options, values, word);
    if ('error' in claimed) return fail(claimed.error, subcommand);
    if (claimed.spec) {
      values[claimed.spec.name] = claimed.value;
      continue;
    }
    leftover.push(word);
  }
  if (leftover.length > 0) {
    if (!textOption) return fail(`unexpected "${leftover.join(' ')}"`, subcommand);
    const checked = checkValue(textOption, leftover.join(' '));
    if ('error' in checked) return fail(checked.error, subcommand);
    values[textOption.name] = checked.value;
  }
  return finish(options, values, subcommand);
}

function looksLikeOptionOf(options: readonly OptionSpec[], word: string): boolean {
  const claimed = claim(options, {}, word);
  return 'error' in claimed || claimed.spec !== undefined || /^[a-z]+[:=]/i.test(word);
}

type Claim = { spec?: undefined } | { spec: OptionSpec; value: string | number | boolean } | { error: string };

// Which unfilled non-text option a bare word fills, by its type.
function claim(options: readonly OptionSpec[], values: OptionValues, word: string): Claim {
  for (const spec of options) {
    if (values[spec.name] !== undefined) continue;
    if (spec.type === 'choice') {
      const value = choiceValue(spec, word);
      if (value) return { spec, value };
    } else if (spec.type === 'boolean' && word.toLowerCase() === spec.name) {
      return { spec, value: true };
    }
  }
  const integer = options.find((o) => o.type === 'integer' && values[o.name] === undefined);
  if (integer && /^-?\d+$/.test(word) && !options.some((o) => o.type === 'text')) {
    const checked = checkValue(integer, word);
    return 'error' in checked ? checked : { spec: integer, value: checked.value };
  }
  return {};
}

/** Validates typed options (as Discord delivers them) against the table. */
export function parseTyped(info: CommandInfo, subcommand: string | undefined, raw: OptionValues): ParseResult {
  let options = info.options;
  if (info.subcommands.length > 0) {
    const name = subcommand ?? info.defaultSubcommand;
    const sub = info.subcommands.find((s) => s.name === name);
    if (!sub) return fail(`unknown subcommand "${name ?? ''}": use one of ${info.subcommands.map((s) => s.name).join(', ')}`);
    subcommand = sub.name;
    options = sub.options;
  } else if (subcommand) {
    return fail(`${info.name} has no subcommand "${subcommand}"`);
  }
  const values: OptionValues = {};
  for (const [name, value] of Object.entries(raw)) {
    const spec = options.find((o) => o.name === name);
    if (!spec) return fail(`unknown option "${name}"`, subcommand);
    const checked = checkValue(spec, value);
    if ('error' in checked) return fail(checked.error, subcommand);
    values[name] = checked.value;
  }
  return finish(options, values, subcommand);
}
