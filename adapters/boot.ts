/**
 * Start-up shared by every entry point: read content, open the store, build the
 * assistant. Every start-up fault (content, store, configuration, a port in
 * use, a refused token, an unreachable API) becomes one clear line naming what
 * to check, and exit code 1; never a stack trace, never a token.
 */

import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Assistant, createAssistant } from '../src/assistant.js';
import { ContentError, loadRoles } from '../src/content/load.js';
import type { Role } from '../src/content/schema.js';
import { dailyZoneFromEnv } from '../src/daily/zone.js';
import type { Clock, Random, Store } from '../src/ports.js';
import type { StoreLogger } from '../storage/files.js';
import { openLowdbStore, StoreOpenError } from '../storage/lowdb-store.js';
import { createMemoryStore } from '../storage/memory-store.js';
import { contentCache } from './content-cache.js';
import { createLogger, LOG_LEVELS } from './logger.js';
import { retentionDays, startRetention } from './retention.js';

// This file runs from adapters/ (tsx) or from dist/adapters/ (compiled): the root is above either.
const above = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** The project root, so commands work from any working directory. */
export const PROJECT_ROOT = basename(above) === 'dist' ? dirname(above) : above;

/** Where validated roles are cached between runs (build output: `dist/` is never committed). */
export const CONTENT_CACHE_DIR = resolve(PROJECT_ROOT, 'dist/.cache/content');

/** Where role files live: `CONTENT_DIR`, or `content/roles` in the project. */
export function contentDir(env: NodeJS.ProcessEnv): string {
  return resolve(env.CONTENT_DIR?.trim() || resolve(PROJECT_ROOT, 'content/roles'));
}

/** Where the database file lives: `DATA_DIR`, or `./data`. */
export function dataDir(env: NodeJS.ProcessEnv): string {
  return resolve(env.DATA_DIR?.trim() || './data');
}

export const systemClock: Clock = { now: () => Date.now() };
export const systemRandom: Random = { next: () => Math.random() };

/** Whether the process can serve: what `GET /readyz` reports. */
export interface Readiness {
  ok: boolean;
  /** Why not, for the operator (never a secret). */
  reason?: string;
}

/** A running core: content, store and assistant. */
export interface Booted {
  roles: Role[];
  store: Store;
  assistant: Assistant;
  /** Content is loaded and the store reports healthy. */
  ready(): Promise<Readiness>;
  close(): Promise<void>;
}

// The store's health check is being added to the Store port; until every store
// has it, a store without one counts as healthy (it opened, or boot would have failed).
// `reason` and `error` are both accepted while the port's shape settles.
type HealthReport = { ok: boolean; reason?: string; error?: string; state?: string };
type MaybeHealthy = { health?: () => HealthReport | Promise<HealthReport> };

/** Readiness of a core: at least one role loaded, and the store's `health()` ok. */
export async function readiness(roles: readonly Role[], store: Store): Promise<Readiness> {
  if (roles.length === 0) return { ok: false, reason: 'no content loaded' };
  const probe = store as unknown as MaybeHealthy;
  if (typeof probe.health !== 'function') return { ok: true };
  try {
    const health = await probe.health();
    if (health.ok) return { ok: true };
    return { ok: false, reason: `store ${health.state ?? 'unhealthy'}${(health.reason ?? health.error) ? `: ${health.reason ?? health.error}` : ''}` };
  } catch (error) {
    return { ok: false, reason: `store health check failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * The durable store: Postgres when `DATABASE_URL` is set, else the lowdb file
 * in DATA_DIR. A database that cannot be reached is one StartupError line
 * naming host:port (never the password).
 */
export async function openStore(env: NodeJS.ProcessEnv, logger: StoreLogger): Promise<Store> {
  const url = env.DATABASE_URL?.trim();
  if (!url) return openLowdbStore({ dataDir: dataDir(env), logger });
  try {
    // Loaded only when used: the file store's start-up never pays for the pg driver.
    const { openPostgresStore } = await import('../storage/postgres/postgres-store.js');
    return await openPostgresStore({ url, env, logger });
  } catch (error) {
    if (error instanceof StoreOpenError) throw new StartupError(error.message, { cause: error });
    throw error;
  }
}

/** Loads content and opens the store (`memory` for throwaway runs). */
export async function boot(
  env: NodeJS.ProcessEnv,
  storage: 'file' | 'memory' = 'file',
  /** `wrapStore` decorates the opened store before the assistant uses it (metrics.ts times its writes). */
  options: { wrapStore?: (store: Store) => Store } = {},
): Promise<Booted> {
  // Checked first: a bad INTERVIEW_RETENTION_DAYS stops start-up before the database is opened.
  const days = retentionDays(env);
  // So is a DAILY_TZ Intl does not know (with a did-you-mean).
  const dailyTz = dailyZoneFromEnv(env.DAILY_TZ);
  // Cached by the exact text of each file: an unchanged role skips YAML parsing and validation.
  const roles = await loadRoles(contentDir(env), { cache: contentCache(CONTENT_CACHE_DIR) });
  // The store logs its faults (once per failure streak) through the same JSON logger and LOG_LEVEL as the rest.
  const level = LOG_LEVELS.find((l) => l === env.LOG_LEVEL?.trim()) ?? 'info';
  const logger = createLogger({ level, base: { component: 'store' } });
  const opened = storage === 'memory' ? createMemoryStore() : await openStore(env, logger);
  const store = options.wrapStore ? options.wrapStore(opened) : opened;
  const assistant = createAssistant({ roles, store, clock: systemClock, random: systemRandom, dailyTz });
  // Old scorecards and abandoned interviews go now, and once a day while this runs.
  const retention = await startRetention({ store, days, clock: systemClock, logger: createLogger({ level, base: { component: 'retention' } }) });
  const close = async () => {
    retention.stop();
    await store.close();
  };
  return { roles, store, assistant, ready: () => readiness(roles, store), close };
}

/**
 * A start-up fault the user can fix (a port in use, a refused token, an
 * unreachable API). Its message is one line that names what to check.
 */
export class StartupError extends Error {
  override name = 'StartupError';
}

/**
 * `work`, or a StartupError with `message` once `ms` have passed (a connection
 * that retries forever would otherwise hang start-up in silence). Whichever
 * loses the race never surfaces later as an unhandled rejection.
 */
export async function withinStartup<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StartupError(message)), ms);
  });
  work.catch(() => undefined);
  try {
    return await Promise.race([work, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** True for errors that are the user's set-up (content, database file, config, start-up), not a bug. */
export function isSetupError(error: unknown): error is Error {
  return (
    error instanceof ContentError ||
    error instanceof StoreOpenError ||
    error instanceof StartupError ||
    (error instanceof Error && /ConfigError$/.test(error.name))
  );
}

// System error codes that mean "the network is in the way", not "the server said no".
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EPIPE',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_HEADERS_TIMEOUT',
]);

/**
 * Why a request never got an answer, when the network is to blame: the system
 * error code found on the error or its causes (`ECONNREFUSED`, `ENOTFOUND`, ...),
 * or `timed out`. Undefined for anything else (a refusal, a bug).
 */
export function networkFailure(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; depth < 6 && e !== null && typeof e === 'object'; depth += 1) {
    const { code, name } = e as { code?: unknown; name?: unknown };
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    if (name === 'AbortError' || name === 'TimeoutError') return 'timed out';
    // undici puts the system error in `cause`; Slack's web-api in `original`.
    const next = e as { cause?: unknown; original?: unknown };
    e = next.cause ?? next.original;
  }
  return undefined;
}

/** A URL fit to print: no user name or password (a proxy may carry them), no query. */
export function printableUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    u.search = '';
    return u.toString();
  } catch {
    return '(unparsable URL)';
  }
}

/**
 * The one line for a server that could not listen on `host:port`, naming the
 * variable to change; undefined when `error` is not a listen error.
 */
export function listenFailure(error: unknown, port: number, host: string): StartupError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  const where = `${host}:${port}`;
  if (code === 'EADDRINUSE') return new StartupError(`port ${port} is already in use (${where}): stop whatever uses it, or set PORT to a free port`);
  if (code === 'EACCES')
    return new StartupError(`not allowed to listen on port ${port} (${where}): ports below 1024 need privileges; set PORT to 1024 or above`);
  if (code === 'EADDRNOTAVAIL')
    return new StartupError(`cannot listen on ${where}: HOST ${host} is not an address of this machine; set HOST (default 0.0.0.0)`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new StartupError(`cannot listen on ${where}: HOST ${host} does not resolve; set HOST to an IP address (default 0.0.0.0)`);
  return undefined;
}

// Values of these variables never reach the terminal, whatever a library put in a message.
const SECRET_VARIABLE = /TOKEN|SECRET|PASSWORD|KEY/i;

/** `text` with the value of every secret-looking variable in `env` blanked out. */
export function withoutSecrets(text: string, env: NodeJS.ProcessEnv = process.env): string {
  let out = text;
  for (const [name, value] of Object.entries(env)) {
    const secret = value?.trim();
    if (SECRET_VARIABLE.test(name) && secret && secret.length >= 6) out = out.split(secret).join('[redacted]');
  }
  return out;
}

/** The one line printed for a start-up fault: the error's first line, secrets removed. */
export function faultLine(error: unknown, env: NodeJS.ProcessEnv = process.env): string {
  const message = error instanceof Error ? error.message : String(error);
  return `panelist: ${withoutSecrets(message, env)}`;
}

/** Prints a set-up error plainly (no stack) and exits 1; re-throws anything else. */
export function exitOnSetupError(error: unknown): never {
  if (isSetupError(error)) {
    process.stderr.write(`${faultLine(error)}\n`);
    process.exit(1);
  }
  throw error;
}

/**
 * For entry points while they start: a set-up error as its one line; anything
 * else (a bug) as one line too, with the stack only at LOG_LEVEL=debug. Exits 1.
 */
export function exitOnStartupFault(error: unknown, env: NodeJS.ProcessEnv = process.env): never {
  if (isSetupError(error)) exitOnSetupError(error);
  const first = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  process.stderr.write(`${faultLine(`could not start: ${first} (LOG_LEVEL=debug prints the details)`, env)}\n`);
  if (env.LOG_LEVEL?.trim() === 'debug' && error instanceof Error && error.stack) process.stderr.write(`${withoutSecrets(error.stack, env)}\n`);
  process.exit(1);
}
