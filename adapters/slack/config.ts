/**
 * Slack configuration from the environment. Nothing set: Slack is off. Bot
 * token + signing secret: HTTP mode. Bot token + app token: Socket Mode. A
 * half-set configuration is refused, naming what is missing (never a value).
 */
import { isIP } from 'node:net';
import { z } from 'zod';

/** Slack's platform id in requests and store spaces (`devops-engineer@slack:T123`): never changes, or scores move. */
export const SLACK_PLATFORM = 'slack';

/** How the app receives events. */
export type SlackMode = 'http' | 'socket';

/** A complete, validated Slack configuration. */
export interface SlackConfig {
  mode: SlackMode;
  botToken: string;
  /** Verifies HTTP requests; unused (and optional) in Socket Mode. */
  signingSecret?: string;
  /** `xapp-` token; present exactly in Socket Mode. */
  appToken?: string;
  /** HTTP port: `PORT`, 1-65535, default 3000 (0, a free port, only from code: tests). */
  port: number;
  /** Address to listen on: `HOST`, default 0.0.0.0 (every IPv4 interface, as containers need). */
  host: string;
  /** Web API base override, ending with `/`. */
  apiUrl?: string;
}

/** The variables that make up a Slack configuration. */
export const SLACK_VARIABLES = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_API_URL'] as const;

/** Thrown for a half-set or malformed configuration; the message names variables, never values. */
export class SlackConfigError extends Error {
  // `ConfigError` is the name adapters/boot.ts treats as a set-up error (plain message, exit 1).
  override name = 'ConfigError';
}

// Empty strings count as unset: `SLACK_APP_TOKEN=` in a .env file means "off".
const optional = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().optional());

const envSchema = z.object({
  SLACK_BOT_TOKEN: optional.refine((v) => v === undefined || v.startsWith('xoxb-'), 'must be a bot token (xoxb-…)'),
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional.refine((v) => v === undefined || v.startsWith('xapp-'), 'must be an app-level token (xapp-…)'),
  SLACK_API_URL: optional.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), 'must be an http(s) URL'),
});

/** Port of the HTTP mode when `PORT` is unset. */
export const DEFAULT_PORT = 3000;
/** Listen address when `HOST` is unset: all IPv4 interfaces, so a container's published port reaches it. */
export const DEFAULT_HOST = '0.0.0.0';

// Blank counts as unset, like every other variable. Only plain decimal digits are a port:
// Number() would take " " as 0 (a random port) and "0xb864" as 47204.
const listenSchema = z.object({
  PORT: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined),
    z
      .string()
      .regex(/^\d{1,5}$/, 'must be a whole number from 1 to 65535')
      .transform(Number)
      .refine((n) => n >= 1 && n <= 65535, 'must be a whole number from 1 to 65535')
      .default(DEFAULT_PORT),
  ),
  HOST: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined),
    z
      .string()
      .refine(
        (h) => isIP(h) !== 0 || /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(h),
        'must be an IP address or a host name',
      )
      .default(DEFAULT_HOST),
  ),
});

function fail(error: z.ZodError): never {
  // Issue messages come from our refinements and zod's type checks, which never echo the value.
  const problems = error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
  throw new SlackConfigError(`Slack configuration is invalid: ${problems.join('; ')}`);
}

/**
 * Reads the Slack configuration; `undefined` when no Slack variable is set.
 * @throws SlackConfigError naming missing or malformed variables.
 */
export function parseSlackConfig(env: NodeJS.ProcessEnv): SlackConfig | undefined {
  const anySet = SLACK_VARIABLES.some((k) => (env[k] ?? '').trim() !== '');
  if (!anySet) return undefined;
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) fail(parsed.error);
  const e = parsed.data;
  const listen = listenSchema.safeParse(env);
  if (!listen.success) fail(listen.error);

  const missing: string[] = [];
  if (!e.SLACK_BOT_TOKEN) missing.push('SLACK_BOT_TOKEN');
  if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) missing.push('SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)');
  if (missing.length > 0 || !e.SLACK_BOT_TOKEN) {
    throw new SlackConfigError(`Slack is half configured: missing ${missing.join(' and ')}`);
  }
  const config: SlackConfig = { mode: e.SLACK_APP_TOKEN ? 'socket' : 'http', botToken: e.SLACK_BOT_TOKEN, port: listen.data.PORT, host: listen.data.HOST };
  if (e.SLACK_SIGNING_SECRET) config.signingSecret = e.SLACK_SIGNING_SECRET;
  if (e.SLACK_APP_TOKEN) config.appToken = e.SLACK_APP_TOKEN;
  if (e.SLACK_API_URL) config.apiUrl = e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`;
  return config;
}
