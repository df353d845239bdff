/**
 * Structured JSON-lines logging to stderr, on pino. Secrets never reach it,
 * twice over: pino's `redact` censors secret-named keys at the depths we log,
 * and every string (message, field, error message, stack) is masked for
 * token-shaped values, database URL passwords and the values of this
 * process's secret variables. The ids of the request being served (`rid`,
 * team, user, ...) are added to every line written while it is served.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, stdTimeFunctions } from 'pino';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A minimal structured logger; `fields` are merged into the line. */
export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** Whether `level` is written at all: callers skip building a line nobody reads (absent: assume it is). */
  enabled?(level: LogLevel): boolean;
}

/** The censor written in place of a secret. */
export const REDACTED = '[redacted]';

// Key names whose values are secret, for pino's `redact` (exact names; the masking walk below also
// catches any other key matching SECRET_KEY, at any depth it walks).
const SECRET_KEYS = [
  'token',
  'botToken',
  'appToken',
  'accessToken',
  'refreshToken',
  'access_token',
  'refresh_token',
  'bot_token',
  'secret',
  'signingSecret',
  'clientSecret',
  'client_secret',
  'stateSecret',
  'password',
  'authorization',
  'Authorization',
  'signature',
  'cookie',
  'Cookie',
  'set-cookie',
  'x-slack-signature',
  'x-signature-ed25519',
  'encryptionKey',
  'connectionString',
  'databaseUrl',
];
// Header names carried in a `headers` object (a request, an HTTP error's config).
const SECRET_HEADERS = ['authorization', 'Authorization', 'cookie', 'Cookie', 'set-cookie', 'x-slack-signature', 'x-signature-ed25519'];
// The names most often one level down (`config.password`, `error.headers`, `slack.token`).
const NESTED_KEYS = ['token', 'password', 'secret', 'authorization'];

/**
 * pino `redact` paths: every secret key at the top of a line, the secret
 * headers of a top-level `headers` object, and the common names one level
 * down. Deliberately few wildcards: measured here, 100 paths with `*.*.*`
 * wildcards made a line 50 times slower (650 µs against 13 µs), and
 * `*.headers.x` paths alone cost 100 µs; the masking walk below catches any
 * secret-named key at every depth anyway.
 */
function redactPaths(): string[] {
  const quote = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `["${key}"]`);
  return [
    ...SECRET_KEYS.map((key) => quote(key).replace(/^\./, '')),
    ...SECRET_HEADERS.map((h) => `headers${quote(h)}`),
    ...NESTED_KEYS.map((key) => `*${quote(key)}`),
  ];
}

const SECRET_KEY = /token|secret|password|passwd|authorization|signature|cookie|credential|api[-_]?key|private[-_]?key/i;
// Slack tokens (xoxb-, xoxp-, xapp-, ...) and Discord bot tokens (three dot-separated base64 parts).
const TOKEN_VALUE = /\bxox[a-z]-[A-Za-z0-9-]+|\bxapp-[A-Za-z0-9-]+|\b[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}\b/g;
// The password of a URL's user info (postgres://user:PASSWORD@host); greedy to the last @ of the authority.
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s/]*@/gi;
// libpq key=value connection strings (`password=...`).
const KV_PASSWORD = /\b(password\s*=\s*)('[^']*'|[^\s;&]+)/gi;
// Variables whose values are masked wherever they appear (a signing secret has no recognisable shape).
const SECRET_VARIABLE = /TOKEN|SECRET|PASSWORD|KEY/i;

/** The values of secret-looking variables of `env`, and the password of DATABASE_URL. */
function secretValues(env: NodeJS.ProcessEnv): string[] {
  const values = new Set<string>();
  for (const [name, value] of Object.entries(env)) {
    const v = value?.trim();
    // Short values would blank out ordinary words.
    if (v && v.length >= 8 && SECRET_VARIABLE.test(name)) values.add(v);
  }
  const url = env.DATABASE_URL?.trim();
  if (url) {
    try {
      const password = decodeURIComponent(new URL(url).password);
      if (password.length >= 4) values.add(password);
    } catch {
      // An unparsable URL is refused at start-up; the URL pattern still masks its password here.
    }
  }
  // Longest first, so a value containing another is masked whole.
  return [...values].sort((a, b) => b.length - a.length);
}

/** Masks what a secret looks like in `text`, and every value in `known`. */
export function maskSecrets(text: string, known: readonly string[] = []): string {
  let out = text.replace(TOKEN_VALUE, REDACTED).replace(URL_PASSWORD, `$1${REDACTED}@`).replace(KV_PASSWORD, `$1${REDACTED}`);
  for (const value of known) if (out.includes(value)) out = out.split(value).join(REDACTED);
  return out;
}

const MAX_DEPTH = 6;

/** A copy of `value` fit to log: secret keys censored, strings masked, errors as name, message, code, stack, cause. */
function scrub(value: unknown, known: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') return maskSecrets(value, known);
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return '[deep]';
  if (value instanceof Error) {
    const { code, cause } = value as Error & { code?: unknown; cause?: unknown };
    return {
      name: value.name,
      message: maskSecrets(value.message, known),
      ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
      stack: maskSecrets(value.stack ?? '', known),
      ...(cause === undefined ? {} : { cause: scrub(cause, known, depth + 1) }),
    };
  }
  if (Buffer.isBuffer(value)) return `[${value.length} bytes]`;
  if (Array.isArray(value)) return value.map((v) => scrub(v, known, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? REDACTED : scrub(v, known, depth + 1);
  return out;
}

// The fields of the request being served, for every line written while it is (see withLogFields).
const context = new AsyncLocalStorage<Readonly<Record<string, string>>>();

/**
 * Runs `work` with `fields` (a request's ids: `rid`, team, user, ...) added to
 * every line any logger from {@link createLogger} writes meanwhile, however
 * deep in the call chain, including the store's and the platform's own lines.
 */
export function withLogFields<T>(fields: Readonly<Record<string, string>>, work: () => T): T {
  return context.run({ ...context.getStore(), ...fields }, work);
}

/** The fields of the request being served here (empty outside one): `currentLogFields().rid`. */
export function currentLogFields(): Readonly<Record<string, string>> {
  return context.getStore() ?? {};
}

/** A logger writing one JSON object per line to `write` (stderr by default). */
export function createLogger(options: { level?: LogLevel; write?: (line: string) => void; base?: Record<string, unknown> } = {}): Logger {
  const known = secretValues(process.env);
  const write = options.write;
  // Synchronous on stderr: main.ts exits right after logging why, and an async stream would lose that line.
  const destination = write
    ? { write: (chunk: string) => write(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk) }
    : pino.destination({ dest: 2, sync: true });
  const logger = pino(
    {
      level: options.level ?? 'info',
      base: (scrub(options.base ?? {}, known) as Record<string, unknown>) ?? {},
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: redactPaths(), censor: REDACTED },
      mixin: () => currentLogFields(),
    },
    destination,
  );
  const log =
    (level: LogLevel) =>
    (msg: string, fields: Record<string, unknown> = {}) => {
      if (!logger.isLevelEnabled(level)) return;
      logger[level](scrub(fields, known) as object, maskSecrets(msg, known));
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error'), enabled: (level) => logger.isLevelEnabled(level) };
}

/** A logger that drops everything (tests, benchmarks). */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {}, enabled: () => false };
