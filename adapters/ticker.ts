/**
 * The heartbeat of everything the bot does by itself: about every second (and
 * once at start-up, so rounds overdue after a restart are revealed at once)
 * it asks the assistant to run what is due on each running platform, with
 * that platform's outbox. Ticks never overlap: the next is scheduled only
 * once the last has finished. A fault is logged and the ticker goes on; it
 * never throws. Which replica does a step is decided in the store (see
 * src/challenge/run.ts), so any number of processes may tick at once.
 */
import type { Assistant } from '../src/assistant.js';
import type { Outbox } from '../src/outbox.js';
import type { Logger } from './logger.js';

/** How often the ticker runs by default: the bound on how late a reveal may be after its deadline (plus the reveal grace). */
export const TICK_MS = 1000;

/** One platform the ticker runs. */
export interface TickTarget {
  platform: string;
  outbox: Outbox;
}

export interface TickerOptions {
  assistant: Pick<Assistant, 'runDue'>;
  targets: readonly TickTarget[];
  logger: Logger;
  /** Milliseconds between the end of one tick and the start of the next. */
  intervalMs?: number;
}

/** A running ticker. */
export interface Ticker {
  /** Runs one tick now (what the timer does); resolves when it is done. Exposed for tests and start-up. */
  tick(): Promise<void>;
  /** Stops ticking; resolves once a tick in progress has finished. */
  stop(): Promise<void>;
}

/** Starts ticking at once (the first tick is immediate). With no targets or no `runDue`, it does nothing. */
export function startTicker(options: TickerOptions): Ticker {
  const { assistant, targets, logger } = options;
  const interval = options.intervalMs ?? TICK_MS;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | undefined;

  const runOne = async (target: TickTarget) => {
    try {
      const outcome = await assistant.runDue?.(target.platform, target.outbox);
      for (const problem of outcome?.problems ?? []) logger.warn('due work failed', { platform: target.platform, what: problem.what, error: problem.error });
    } catch (error) {
      logger.error('due run failed', { platform: target.platform, error });
    }
  };

  const tick = (): Promise<void> => {
    // Never two at once: a slow tick makes the next one wait rather than pile up.
    current ??= Promise.all(targets.map(runOne)).then(() => {
      current = undefined;
    });
    return current;
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      void tick().then(schedule);
    }, interval);
    // A ticker alone must not keep the process alive (the console ends with its input).
    timer.unref();
  };

  if (targets.length > 0 && assistant.runDue) void tick().then(schedule);
  return {
    tick,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
