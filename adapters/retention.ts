/**
 * Keeping candidate data no longer than INTERVIEW_RETENTION_DAYS (default
 * 90): scorecards finished, and interviews last touched, that many days ago
 * are deleted at start-up and then once a day. The rules are the core's
 * (src/interview/retention.ts); this is only the timer around them.
 */
import { parseRetentionDays, retentionCutoff } from '../src/interview/retention.js';
import type { Clock, Store } from '../src/ports.js';
import type { Logger } from './logger.js';

/** How often the purge runs after the one at start-up. */
export const RETENTION_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** The days INTERVIEW_RETENTION_DAYS sets (90 when unset or blank); throws `RetentionConfigError` for anything else. */
export function retentionDays(env: NodeJS.ProcessEnv): number {
  const days = parseRetentionDays(env.INTERVIEW_RETENTION_DAYS);
  if (!days.ok) throw new RetentionConfigError(days.error.message);
  return days.value;
}

/** A bad INTERVIEW_RETENTION_DAYS: a set-up error (its name ends in ConfigError), one line at start-up. */
export class RetentionConfigError extends Error {
  override name = 'RetentionConfigError';
}

/** What one purge deleted. */
export interface Purged {
  scorecards: number;
  interviews: number;
}

/** Deletes what is older than `days` at `now`, in one durable write; resolves to how much went. */
export async function purgeExpired(store: Store, now: number, days: number): Promise<Purged> {
  const cutoff = retentionCutoff(now, days);
  return store.durably(async (s) => ({ scorecards: await s.purgeScorecards(cutoff), interviews: await s.purgeInterviews(cutoff) }));
}

/** Options of `startRetention`. */
export interface RetentionOptions {
  store: Store;
  days: number;
  clock: Clock;
  logger: Pick<Logger, 'info' | 'warn'>;
  /** Default one day. */
  intervalMs?: number;
}

/** A running retention timer. */
export interface Retention {
  /** Runs a purge now (what the timer does); never rejects: a failure is logged and the next run tries again. */
  purge(): Promise<Purged | undefined>;
  stop(): void;
}

/**
 * Purges once now (awaited, so start-up finishes with old data gone), then
 * every `intervalMs`. The timer is unref'd: it never keeps the process alive.
 */
export async function startRetention(options: RetentionOptions): Promise<Retention> {
  const { store, days, clock, logger } = options;
  let running: Promise<Purged | undefined> | undefined;
  const purge = (): Promise<Purged | undefined> => {
    running ??= purgeExpired(store, clock.now(), days)
      .then(
        (purged) => {
          if (purged.scorecards + purged.interviews > 0) logger.info('interview retention: deleted old interview data', { days, ...purged });
          return purged;
        },
        (error: unknown) => {
          // A failing disk or a closed store: nothing was deleted, and the next run tries again.
          logger.warn('interview retention: could not delete old interview data; will try again', { days, error });
          return undefined;
        },
      )
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  await purge();
  const timer = setInterval(() => void purge(), options.intervalMs ?? RETENTION_INTERVAL_MS);
  timer.unref();
  return { purge, stop: () => clearInterval(timer) };
}
