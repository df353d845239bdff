/**
 * Settings of Discord's HTTP interactions mode: DISCORD_PUBLIC_KEY turns it on
 * (Discord then POSTs every interaction to us instead of the gateway pushing
 * it), DISCORD_PORT / PORT and HOST say where to listen. Only zod and the
 * Slack settings' pure parser are imported: this runs before any SDK loads.
 */
import { isIP } from 'node:net';
import { z } from 'zod';
import { DEFAULT_HOST, DEFAULT_PORT, parseSlackConfig } from '../slack/config.js';

/** Where Discord sends interactions: the Interactions Endpoint URL is `https://YOUR-HOST` + this. */
export const INTERACTIONS_PATH = '/discord/interactions';

/** The variables only the HTTP mode reads (HOST and PORT are shared with Slack). */
export const DISCORD_HTTP_VARIABLES = ['DISCORD_PUBLIC_KEY', 'DISCORD_PORT'] as const;

/** Which variable the port came from, so messages name the one to change. */
export type PortSource = 'DISCORD_PORT' | 'PORT' | 'default';

/** A validated HTTP-mode configuration. */
export interface DiscordHttpConfig {
  /** The application's public key: 64 hex characters (Developer Portal → General Information). Not a secret. */
  publicKey: string;
  /** 1-65535 (0, a free port, only from code: tests). */
  port: number;
  portSource: PortSource;
  host: string;
}

/** Raised for a malformed HTTP-mode setting; named `ConfigError` so start-up prints it as one line. */
export class DiscordHttpConfigError extends Error {
  override name = 'ConfigError';
}

// Blank counts as unset, as for every other variable.
const blank = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const port = (name: string) =>
  z.preprocess(
    blank,
    z
      .string()
      // Only plain digits: Number() would read " " as 0 and "0x10" as 16.
      .regex(/^\d{1,5}$/, `${name} must be a whole number from 1 to 65535`)
      .transform(Number)
      .refine((n) => n >= 1 && n <= 65535, `${name} must be a whole number from 1 to 65535`)
      .optional(),
  );

const envSchema = z.object({
  DISCORD_PUBLIC_KEY: z.preprocess(
    blank,
    z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'DISCORD_PUBLIC_KEY must be the 64 hex characters of the Public Key (Developer Portal → General Information)')
      .transform((s) => s.toLowerCase())
      .optional(),
  ),
  DISCORD_PORT: port('DISCORD_PORT'),
});

// Read only in HTTP mode: the gateway bot listens on nothing, so a bad PORT is not its concern.
const listenSchema = z.object({
  PORT: port('PORT'),
  HOST: z.preprocess(
    blank,
    z
      .string()
      .refine(
        (h) => isIP(h) !== 0 || /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(h),
        'HOST must be an IP address or a host name',
      )
      .default(DEFAULT_HOST),
  ),
});

// Issue messages are ours and name the variable, never its value.
function check<T>(result: z.ZodSafeParseResult<T>): T {
  if (!result.success) throw new DiscordHttpConfigError(result.error.issues.map((i) => i.message).join('; '));
  return result.data;
}

/**
 * The HTTP-mode settings, or `undefined` when DISCORD_PUBLIC_KEY is unset (the
 * gateway). DISCORD_PORT without the key is refused: it would silently run the
 * gateway bot for someone who meant HTTP.
 * @throws DiscordHttpConfigError naming the variable, never a value.
 */
export function parseDiscordHttpConfig(env: NodeJS.ProcessEnv): DiscordHttpConfig | undefined {
  const e = check(envSchema.safeParse({ DISCORD_PUBLIC_KEY: env.DISCORD_PUBLIC_KEY, DISCORD_PORT: env.DISCORD_PORT }));
  if (!e.DISCORD_PUBLIC_KEY) {
    if (e.DISCORD_PORT !== undefined) {
      throw new DiscordHttpConfigError('DISCORD_PORT is only used by the HTTP interactions mode: set DISCORD_PUBLIC_KEY too, or unset DISCORD_PORT');
    }
    return undefined;
  }
  const listen = check(listenSchema.safeParse({ PORT: env.PORT, HOST: env.HOST }));
  const source: PortSource = e.DISCORD_PORT !== undefined ? 'DISCORD_PORT' : listen.PORT !== undefined ? 'PORT' : 'default';
  return { publicKey: e.DISCORD_PUBLIC_KEY, port: e.DISCORD_PORT ?? listen.PORT ?? DEFAULT_PORT, portSource: source, host: listen.HOST };
}

/**
 * Refuses a Discord HTTP port that Slack's HTTP mode also listens on in this
 * process: the second server could not listen. Slack's own half-set
 * configuration is Slack's check to report, not this one's.
 * @throws DiscordHttpConfigError naming DISCORD_PORT.
 */
export function refusePortClash(env: NodeJS.ProcessEnv, http: DiscordHttpConfig): void {
  let slack: ReturnType<typeof parseSlackConfig>;
  try {
    slack = parseSlackConfig(env);
  } catch {
    return;
  }
  if (slack?.mode !== 'http' || slack.port !== http.port) return;
  const from = http.portSource === 'PORT' ? 'PORT, since DISCORD_PORT is unset' : 'the default, since DISCORD_PORT and PORT are unset';
  const why =
    http.portSource === 'DISCORD_PORT' ? `DISCORD_PORT is ${http.port}, the port` : `Discord over HTTP would listen on port ${http.port} (${from}), the port`;
  throw new DiscordHttpConfigError(`${why} Slack's HTTP mode listens on: set DISCORD_PORT to another port (Slack and Discord over HTTP cannot share one)`);
}
