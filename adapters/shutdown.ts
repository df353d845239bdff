/**
 * Graceful shutdown's parts: the count of requests in flight (fed by the
 * serve loop) and how long SIGTERM waits for them (`SHUTDOWN_TIMEOUT_MS`).
 * main.ts runs the order: stop accepting, wait for what is in flight, flush
 * and close the store, exit 0 (or 1 when the store could not close).
 */
import { z } from 'zod';
import type { ServeWatcher } from './serve.js';

/** How long SIGTERM waits for requests in flight by default, in ms. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

/** The requests in flight in this process. */
export interface InFlight {
  /** Pass to `watchServing`. */
  readonly watcher: ServeWatcher;
  /** How many requests are being served now. */
  count(): number;
  /** Resolves true once none is in flight, or false when `timeoutMs` passed first. */
  drained(timeoutMs: number): Promise<boolean>;
}

/** Counts requests between the serve loop's begin and end. */
export function createInFlight(): InFlight {
  let count = 0;
  const waiting = new Set<() => void>();
  const end = () => {
    count -= 1;
    if (count === 0) for (const wake of waiting) wake();
  };
  return {
    watcher: {
      begin() {
        count += 1;
        let ended = false;
        return () => {
          if (ended) return;
          ended = true;
          end();
        };
      },
    },
    count: () => count,
    drained(timeoutMs) {
      if (count === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          waiting.delete(wake);
          resolve(true);
        };
        const timer = setTimeout(() => {
          waiting.delete(wake);
          resolve(false);
        }, timeoutMs);
        waiting.add(wake);
      });
    },
  };
}

const timeoutEnv = z
  .string()
  .trim()
  .regex(/^\d{1,7}$/, 'SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds from 0 to 600000')
  .transform(Number)
  .refine((n) => n <= 600_000, 'SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds from 0 to 600000');

/** `SHUTDOWN_TIMEOUT_MS` (default 10000); throws a ConfigError naming it when invalid. */
export function shutdownTimeoutMs(env: NodeJS.ProcessEnv): number {
  const raw = env.SHUTDOWN_TIMEOUT_MS?.trim();
  if (!raw) return DEFAULT_SHUTDOWN_TIMEOUT_MS;
  const parsed = timeoutEnv.safeParse(raw);
  if (parsed.success) return parsed.data;
  const error = new Error(parsed.error.issues[0]?.message ?? 'SHUTDOWN_TIMEOUT_MS is invalid');
  error.name = 'ConfigError';
  throw error;
}
