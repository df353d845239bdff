/**
 * The seam every platform plugs into. A platform is a name, a check of the
 * environment, and a start that serves the assistant until stopped; the list
 * of platforms is `platforms.ts`, and `npm start` (main.ts) only iterates it.
 * A platform writes its configuration, its event → request mapping and its
 * renderer; it reuses the core, the serve loop (`serve.ts`) and the words
 * every renderer shares (`format/`).
 */
import type { Assistant } from '../src/assistant.js';
import type { Role } from '../src/content/schema.js';
import type { Outbox } from '../src/outbox.js';
import type { RecordStore } from '../src/ports.js';
import { isPlatformId, PLATFORM_ID } from '../src/requests.js';
import type { Readiness } from './boot.js';
import type { Logger } from './logger.js';

/** What a platform is started with. */
export interface PlatformDeps {
  assistant: Assistant;
  /** The loaded roles (the console names them in its banner). */
  roles: readonly Role[];
  env: NodeJS.ProcessEnv;
  logger: Logger;
  /** Whether the process can serve (content loaded, store healthy): what readiness probes report. */
  readiness(): Promise<Readiness>;
  /** The database's records (Slack OAuth keeps its installations there); `npm start` always passes its store. */
  records?: RecordStore;
}

/** A started platform. */
export interface Running {
  /** Stops serving: disconnects, closes its server. */
  stop(): Promise<void>;
  /** Settles when the platform ends by itself (the console, once its input ends); servers have none. */
  done?: Promise<void>;
  /** Where the bot posts by itself on this platform (challenges, the question of the day); the ticker runs what is due through it. */
  outbox?: Outbox;
}

/** A platform `npm start` can run. */
export interface Platform {
  /** Its id in requests and store spaces (`slack`): lowercase, see {@link PLATFORM_ID}. */
  readonly name: string;
  /** Runs only when no other platform is configured (the console). */
  readonly fallback?: boolean;
  /**
   * Whether `env` configures it. Throws a `ConfigError` naming the variable
   * when it is half set. Cheap: imports no SDK, opens nothing.
   */
  configured(env: NodeJS.ProcessEnv): boolean;
  /** Starts serving (importing its SDK only now); resolves once it serves. */
  start(deps: PlatformDeps): Promise<Running>;
}

/** Declares a platform, refusing a name that cannot be a platform id. */
export function definePlatform(platform: Platform): Platform {
  if (!isPlatformId(platform.name)) throw new Error(`platform name "${platform.name}" must match ${String(PLATFORM_ID)}`);
  return platform;
}

/**
 * The platforms to start for `env`: every configured one (in list order), or
 * the fallbacks when none is. Throws when a platform is half configured.
 */
export function chosenPlatforms(platforms: readonly Platform[], env: NodeJS.ProcessEnv): Platform[] {
  const names = platforms.map((p) => p.name);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice) throw new Error(`two platforms are named ${twice}`);
  // Every platform's check runs, so a half-set one is refused even beside a complete one.
  const configured = platforms.filter((p) => !p.fallback).filter((p) => p.configured(env));
  return configured.length > 0 ? configured : platforms.filter((p) => p.fallback);
}
