/**
 * Discord configuration from the environment. The bot is optional: with no
 * DISCORD_* variable at all it stays off; a half-set configuration is refused
 * with the name of what is missing, so a typo never silently disables it.
 */
import { z } from 'zod';
import { DISCORD_HTTP_VARIABLES, type DiscordHttpConfig, parseDiscordHttpConfig } from '../discord-http/config.js';

/** Discord's platform id in requests and store spaces (`devops-engineer@discord:<guild>`): never changes, or scores move. */
export const DISCORD_PLATFORM = 'discord';

/** What the Discord adapter needs to log in and register commands. */
export interface DiscordConfig {
  /** Bot token; never log it. */
  token: string;
  applicationId: string;
  /** Register commands to this guild (instant) instead of globally. */
  guildId?: string;
  /** REST base without `/v10` (a local fake in tests); the gateway URL comes from its `/gateway/bot`. */
  apiUrl?: string;
  /** Set when DISCORD_PUBLIC_KEY is: serve interactions over HTTP instead of the gateway (adapters/discord-http/). */
  http?: DiscordHttpConfig;
}

const KEYS = ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL'] as const;

// Empty strings count as unset: `DISCORD_GUILD_ID=` in a .env file means "none".
const optional = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s ? s : undefined));

const envSchema = z.object({
  DISCORD_TOKEN: optional,
  DISCORD_APPLICATION_ID: optional.refine((s) => s === undefined || /^\d{5,25}$/.test(s), {
    message: 'DISCORD_APPLICATION_ID must be a numeric snowflake id',
  }),
  DISCORD_GUILD_ID: optional.refine((s) => s === undefined || /^\d{5,25}$/.test(s), {
    message: 'DISCORD_GUILD_ID must be a numeric snowflake id',
  }),
  DISCORD_API_URL: optional.refine((s) => s === undefined || /^https?:\/\/\S+$/.test(s), {
    message: 'DISCORD_API_URL must be an http(s) URL',
  }),
});

/** Raised for a half-set or malformed configuration; the message names the variable. */
export class DiscordConfigError extends Error {
  // `ConfigError` is the name adapters/boot.ts treats as a set-up error (plain message, exit 1).
  override name = 'ConfigError';
}

/**
 * Reads the Discord settings. Returns `undefined` when no DISCORD_* variable is
 * set; throws {@link DiscordConfigError} naming the variable when one is missing
 * or malformed. Messages never include the token's value.
 */
export function loadDiscordConfig(env: NodeJS.ProcessEnv): DiscordConfig | undefined {
  const picked = Object.fromEntries(KEYS.map((k) => [k, env[k]]));
  const parsed = envSchema.safeParse(picked);
  if (!parsed.success) {
    // Issue messages are ours and name the variable, never its value.
    throw new DiscordConfigError(parsed.error.issues.map((i) => i.message).join('; '));
  }
  const e = parsed.data;
  const httpSet = DISCORD_HTTP_VARIABLES.some((k) => (env[k] ?? '').trim() !== '');
  if (Object.values(e).every((v) => v === undefined) && !httpSet) return undefined;
  const missing = (['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID'] as const).filter((k) => e[k] === undefined);
  if (missing.length > 0 || e.DISCORD_TOKEN === undefined || e.DISCORD_APPLICATION_ID === undefined) {
    throw new DiscordConfigError(
      `Discord is half configured: set ${missing.join(' and ')} (DISCORD_TOKEN and DISCORD_APPLICATION_ID go together), or unset every DISCORD_* variable`,
    );
  }
  const config: DiscordConfig = { token: e.DISCORD_TOKEN, applicationId: e.DISCORD_APPLICATION_ID };
  if (e.DISCORD_GUILD_ID) config.guildId = e.DISCORD_GUILD_ID;
  // discord.js appends `/v10` itself; a trailing slash or version would double it.
  if (e.DISCORD_API_URL) config.apiUrl = e.DISCORD_API_URL.replace(/\/+$/, '').replace(/\/v\d+$/, '');
  // Throws (naming the variable) for a malformed public key or port.
  const http = parseDiscordHttpConfig(env);
  if (http) config.http = http;
  return config;
}
