/**
 * Registers the commands with Discord only when they changed: what is
 * registered is fetched, both sides are normalised (defaults Discord fills in
 * are removed) and compared, and a PUT is made only on a difference.
 */

import type { REST, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { Routes } from 'discord.js';
import { z } from 'zod';

/** The outcome of one registration run. */
export interface RegisterResult {
  changed: boolean;
  count: number;
  /** `guild 123` or `global`. */
  target: string;
  /** One line for people: "registered 5 commands to guild 123". */
  message: string;
}

/** What a registration run needs: a REST client with the token set, and where to register. */
export interface RegisterOptions {
  rest: REST;
  applicationId: string;
  guildId?: string;
  commands: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[];
}

interface NormalOption {
  type: number;
  name: string;
  description: string;
  required: boolean;
  choices: { name: string; value: string | number }[];
  min_value: number | null;
  max_value: number | null;
  min_length: number | null;
  max_length: number | null;
  autocomplete: boolean;
  options: NormalOption[];
}

// Registered commands come back with many extra keys (ids, versions, localisations): keep what we set.
const optionSchema: z.ZodType<NormalOption> = z.lazy(() =>
  z.object({
    type: z.number(),
    name: z.string(),
    description: z.string(),
    required: z
      .boolean()
      .nullish()
      .transform((v) => v ?? false),
    choices: z
      .array(z.object({ name: z.string(), value: z.union([z.string(), z.number()]) }))
      .nullish()
      .transform((v) => (v ?? []).map((c) => ({ name: c.name, value: c.value }))),
    min_value: z
      .number()
      .nullish()
      .transform((v) => v ?? null),
    max_value: z
      .number()
      .nullish()
      .transform((v) => v ?? null),
    min_length: z
      .number()
      .nullish()
      .transform((v) => v ?? null),
    max_length: z
      .number()
      .nullish()
      .transform((v) => v ?? null),
    autocomplete: z
      .boolean()
      .nullish()
      .transform((v) => v ?? false),
    options: z
      .array(optionSchema)
      .nullish()
      .transform((v) => v ?? []),
  }),
);

const commandSchema = z.object({
  type: z
    .number()
    .nullish()
    .transform((v) => v ?? 1),
  name: z.string(),
  description: z.string(),
  options: z
    .array(optionSchema)
    .nullish()
    .transform((v) => v ?? []),
  nsfw: z
    .boolean()
    .nullish()
    .transform((v) => v ?? false),
  default_member_permissions: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  contexts: z
    .array(z.number())
    .nullish()
    .transform((v) => (v ? [...v].sort() : null)),
  integration_types: z
    .array(z.number())
    .nullish()
    .transform((v) => (v ? [...v].sort() : null)),
});
type NormalCommand = z.infer<typeof commandSchema>;

/** Commands in a canonical form, sorted by name, for comparison. */
export function normaliseCommands(commands: readonly unknown[]): NormalCommand[] {
  return z
    .array(commandSchema)
    .parse(commands)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * True when `wanted` differs from `registered`. Keys we do not set (contexts on
 * guild commands, say) are only compared when we set them, so Discord's own
 * defaults never cause a needless PUT.
 */
export function commandsDiffer(registered: readonly unknown[], wanted: readonly unknown[]): boolean {
  const have = normaliseCommands(registered);
  const want = normaliseCommands(wanted);
  if (have.length !== want.length) return true;
  return want.some((w, i) => {
    const h = have[i];
    if (!h) return true;
    const comparable = {
      ...h,
      contexts: w.contexts === null ? null : h.contexts,
      integration_types: w.integration_types === null ? null : h.integration_types,
    };
    return JSON.stringify(comparable) !== JSON.stringify(w);
  });
}

/** Fetches what is registered and PUTs the commands only when something changed. */
export async function registerCommands(options: RegisterOptions): Promise<RegisterResult> {
  const route = options.guildId ? Routes.applicationGuildCommands(options.applicationId, options.guildId) : Routes.applicationCommands(options.applicationId);
  const target = options.guildId ? `guild ${options.guildId}` : 'global';
  const where = options.guildId ? `to guild ${options.guildId}` : 'globally (may take up to an hour to appear)';
  const registered = z.array(z.unknown()).parse(await options.rest.get(route));
  const count = options.commands.length;
  const noun = `${count} command${count === 1 ? '' : 's'}`;
  if (!commandsDiffer(registered, options.commands)) {
    return { changed: false, count, target, message: `no change: ${noun} up to date (${target})` };
  }
  await options.rest.put(route, { body: options.commands });
  return { changed: true, count, target, message: `registered ${noun} ${where}` };
}
