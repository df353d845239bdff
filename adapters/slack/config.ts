/**
 * Slack configuration from the environment. Nothing set: Slack is off. Bot
 * token + signing secret: HTTP mode. Bot token + app token: Socket Mode. A
 * half-set configuration is refused, naming what is missing (never a value).
 */
import { isIP } from 'node:net';
import { z } from 'zod';
import { parseTokenKey } from './oauth/crypto.js';

/** Slack's platform id in requests and store spaces (`devops-engineer@slack:T123`): never changes, or scores move. */
export const SLACK_PLATFORM = 'slack';

/** How the app receives events. */
export type SlackMode = 'http' | 'socket';

/** Installing in many workspaces (Bolt's OAuth flow); see README "Slack: many workspaces". */
export interface SlackOAuthConfig {
  clientId: string;
  clientSecret: string;
  /** Signs the OAuth `state` (CSRF protection of the install flow). */
  stateSecret: string;
  /** AES-256 key sealing the stored tokens: `SLACK_TOKEN_KEY`, 32 bytes. */
  tokenKey: Buffer;
  /** Public base URL (`https://bot.example.com`, no trailing `/`): the redirect URL is `{publicUrl}/slack/oauth_redirect`. */
  publicUrl?: string;
}

/** A complete, validated Slack configuration. */
export interface SlackConfig {
  mode: SlackMode;
  /** One workspace: the `xoxb-` token. Absent exactly when `oauth` is set. */
  botToken?: string;
  /** Many workspaces: tokens come from each installation. */
  oauth?: SlackOAuthConfig;
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
export const SLACK_VARIABLES = [
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'SLACK_API_URL',
  'SLACK_CLIENT_ID',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
  'SLACK_TOKEN_KEY',
  'SLACK_PUBLIC_URL',
] as const;

/** The variables OAuth needs, all together (plus SLACK_SIGNING_SECRET). */
export const SLACK_OAUTH_VARIABLES = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'SLACK_TOKEN_KEY'] as const;

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
  SLACK_CLIENT_ID: optional,
  SLACK_CLIENT_SECRET: optional,
  SLACK_STATE_SECRET: optional.refine((v) => v === undefined || v.length >= 16, 'must be at least 16 characters (e.g. openssl rand -hex 32)'),
  SLACK_TOKEN_KEY: optional.refine(
    (v) => v === undefined || parseTokenKey(v) !== undefined,
    'must be 32 bytes: 64 hex digits or base64 (openssl rand -base64 32)',
  ),
  SLACK_PUBLIC_URL: optional.refine(
    (v) => v === undefined || /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(v),
    'must be the public http(s) base URL of the app, without query (https://bot.example.com)',
  ),
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

  if (SLACK_OAUTH_VARIABLES.some((k) => e[k] !== undefined)) return oauthConfig(e, listen.data);
  const missing: string[] = [];
  if (!e.SLACK_BOT_TOKEN) missing.push('SLACK_BOT_TOKEN');
  if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) missing.push('SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)');
  if (missing.length > 0 || !e.SLACK_BOT_TOKEN) {
    throw new SlackConfigError(`Slack is half configured: missing ${missing.join(' and ')}`);
  }
  const config: SlackConfig = { mode: e.SLACK_APP_TOKEN ? 'socket' : 'http', botToken: e.SLACK_BOT_TOKEN, port: listen.data.PORT, host: listen.data.HOST };
  if (e.SLACK_SIGNING_SECRET) config.signingSecret = e.SLACK_SIGNING_SECRET;
  if (e.SLACK_APP_TOKEN) config.appToken = e.SLACK_APP_TOKEN;
  if (e.SLACK_API_URL) config.apiUrl = apiUrl(e.SLACK_API_URL);
  return config;
}

const apiUrl = (url: string) => (url.endsWith('/') ? url : `${url}/`);

/** OAuth: HTTP mode with every OAuth variable and the signing secret; no single bot token, no Socket Mode. */
function oauthConfig(e: z.infer<typeof envSchema>, listen: z.infer<typeof listenSchema>): SlackConfig {
  const missing: string[] = SLACK_OAUTH_VARIABLES.filter((k) => e[k] === undefined);
  if (!e.SLACK_SIGNING_SECRET) missing.push('SLACK_SIGNING_SECRET');
  if (missing.length > 0) throw new SlackConfigError(`Slack OAuth (many workspaces) is half configured: missing ${missing.join(' and ')}`);
  if (e.SLACK_BOT_TOKEN) {
    throw new SlackConfigError(
      'Slack has both SLACK_BOT_TOKEN (one workspace) and SLACK_CLIENT_ID (OAuth, many workspaces): unset SLACK_BOT_TOKEN to install through /slack/install, or the OAuth variables',
    );
  }
  if (e.SLACK_APP_TOKEN) throw new SlackConfigError('Slack OAuth (many workspaces) runs in HTTP mode only: unset SLACK_APP_TOKEN');
  const oauth: SlackOAuthConfig = {
    clientId: e.SLACK_CLIENT_ID as string,
    clientSecret: e.SLACK_CLIENT_SECRET as string,
    stateSecret: e.SLACK_STATE_SECRET as string,
    tokenKey: parseTokenKey(e.SLACK_TOKEN_KEY as string) as Buffer,
  };
  if (e.SLACK_PUBLIC_URL) oauth.publicUrl = e.SLACK_PUBLIC_URL.replace(/\/+$/, '');
  const config: SlackConfig = { mode: 'http', oauth, signingSecret: e.SLACK_SIGNING_SECRET as string, port: listen.PORT, host: listen.HOST };
  if (e.SLACK_API_URL) config.apiUrl = apiUrl(e.SLACK_API_URL);
  return config;
}
