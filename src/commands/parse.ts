/**
 * The one parser for typed text (Slack, console) and the one validator for
 * typed options (Discord), both driven by the command table's option specs.
 */
import type { OptionValues } from '../requests.js';
import { editDistance } from '../search/distance.js';
import type { CommandInfo, OptionSpec } from './spec.js';

/** Parsed arguments: the subcommand (if the command has them) and typed values. */
export interface ParsedArgs {
  subcommand?: string;
  values: OptionValues;
}

/** A parse failure: every problem found, phrased for the user. */
export interface ParseFailure {
  /** All problems in one sentence, "; "-separated. */
  error: string;
  /** Each problem on its own, in the order the words were typed. */
  problems: string[];
  /** The subcommand the failure concerns, for a precise usage line. */
  subcommand?: string;
}

export type ParseResult = { ok: true; args: ParsedArgs } | ({ ok: false } & ParseFailure);

const fail = (problems: string | readonly string[], subcommand?: string): ParseResult => {
  const list = typeof problems === 'string' ? [problems] : [...problems];
  return { ok: false, error: list.join('; '), problems: list, ...(subcommand ? { subcommand } : {}) };
};

/** Most edits between a typed word and the value it was probably meant to be. */
const SUGGEST_DISTANCE = 2;

/** The closest of `candidates` to `word`, when it is near enough to be a typo of it. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: { c: string; d: number } | undefined;
  for (const c of candidates) {
    const max = Math.min(SUGGEST_DISTANCE, Math.max(1, Math.floor(c.length / 3)));
    const d = editDistance(w, c, max);
    if (d <= max && (!best || d < best.d)) best = { c, d };
  }
  return best?.c;
}

/** What a word could have been: "tier (basic, technical, ...)", for an "unexpected" message. */
function accepted(options: readonly OptionSpec[]): string {
  const parts = options.map((o) =>
    o.type === 'choice'
      ? `${o.name} (${o.choices.join(', ')})`
      : o.type === 'integer'
        ? `${o.name} (${o.min}–${o.max})`
        : o.type === 'boolean'
          ? o.name
          : `${o.name}:…`,
  );
  return parts.length > 0 ? `; this takes ${parts.join(', ')}` : '; this takes no options';
}

/** Why a stray word is wrong, with a suggestion when it is a typo of a choice. */
function unexpected(options: readonly OptionSpec[], values: OptionValues, word: string): string {
  for (const spec of options) {
    if (spec.type !== 'choice' || values[spec.name] !== undefined) continue;
    const guess = didYouMean(word, [...spec.choices, ...Object.keys(spec.aliases ?? {})]);
    if (guess) return `"${word}" is not a ${spec.name}: did you mean ${spec.aliases?.[guess] ?? guess}?`;
  }
  return `unexpected "${word}"${accepted(options)}`;
}

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

function finish(options: readonly OptionSpec[], values: OptionValues, problems: string[], subcommand?: string): ParseResult {
  for (const spec of options) {
    const named = problems.some((p) => p.startsWith(`${spec.name} `));
    if (spec.required && !named && (values[spec.name] === undefined || values[spec.name] === '')) {
      problems.push(`missing ${spec.name} (${spec.description})`);
    }
  }
  if (problems.length > 0) return fail(problems, subcommand);
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
        const names = info.subcommands.map((s) => s.name);
        const guess = first ? didYouMean(first, names) : undefined;
        return fail(
          first
            ? `unknown subcommand "${first}": ${guess ? `did you mean ${guess}? ` : ''}use one of ${names.join(', ')}`
            : `missing subcommand: use one of ${names.join(', ')}`,
        );
      }
      subcommand = fallback.name;
    }
    options = info.subcommands.find((s) => s.name === subcommand)?.options ?? [];
  }

  // Every problem is collected, so one reply lists them all.
  const problems: string[] = [];
  const values: OptionValues = {};
  const leftover: string[] = [];
  const textOption = options.find((o) => o.type === 'text');
  for (const [at, word] of words.entries()) {
    const explicit = /^([a-z]+)[:=](.+)$/i.exec(word);
    const named = explicit ? options.find((o) => o.name === explicit[1]?.toLowerCase()) : undefined;
    // A second text option (`candidate:Jane Doe`) takes the rest of the line: its value may have spaces.
    if (explicit && named?.type === 'text' && named !== textOption) {
      const checked = checkValue(named, [explicit[2] ?? '', ...words.slice(at + 1)].join(' '));
      if ('error' in checked) problems.push(checked.error);
      else values[named.name] = checked.value;
      break;
    }
    if (explicit && named?.type === 'text') {
      leftover.push(explicit[2] ?? '');
      continue;
    }
    if (explicit && named) {
      const checked = checkValue(named, explicit[2] ?? '');
      if ('error' in checked) problems.push(withSuggestion(named, explicit[2] ?? '', checked.error));
      else values[named.name] = checked.value;
      continue;
    }
    if (explicit && !textOption) {
      const guess = didYouMean(
        explicit[1] ?? '',
        options.map((o) => o.name),
      );
      problems.push(`unknown option "${explicit[1] ?? ''}"${guess ? `: did you mean ${guess}?` : accepted(options)}`);
      continue;
    }
    const claimed = claim(options, values, word);
    if ('error' in claimed) {
      problems.push(claimed.error);
      continue;
    }
    if (claimed.spec) {
      values[claimed.spec.name] = claimed.value;
      continue;
    }
    if (textOption) leftover.push(word);
    else problems.push(unexpected(options, values, word));
  }
  if (leftover.length > 0 && textOption) {
    const checked = checkValue(textOption, leftover.join(' '));
    if ('error' in checked) problems.push(checked.error);
    else values[textOption.name] = checked.value;
  }
  return finish(options, values, problems, subcommand);
}

/** A choice error with a "did you mean" when the value is a typo of a choice. */
function withSuggestion(spec: OptionSpec, raw: string, error: string): string {
  if (spec.type !== 'choice') return error;
  const guess = didYouMean(raw, [...spec.choices, ...Object.keys(spec.aliases ?? {})]);
  return guess ? `${error}: did you mean ${spec.aliases?.[guess] ?? guess}?` : error;
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
  // Beside a text option a number is the integer's only while it has none (`interview 45 kubernetes`); a text-only command keeps numbers as text.
  if (integer && /^-?\d+$/.test(word)) {
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
  const problems: string[] = [];
  for (const [name, value] of Object.entries(raw)) {
    const spec = options.find((o) => o.name === name);
    if (!spec) {
      problems.push(`unknown option "${name}"`);
      continue;
    }
    const checked = checkValue(spec, value);
    if ('error' in checked) problems.push(withSuggestion(spec, String(value), checked.error));
    else values[name] = checked.value;
  }
  return finish(options, values, problems, subcommand);
}
