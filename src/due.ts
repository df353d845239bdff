/**
 * Everything the bot does by itself when it falls due, listed once. The shell's
 * ticker (adapters/ticker.ts) calls `Assistant.runDue` about every second for
 * each running platform; that runs every runner here. A feature joins with one
 * line in {@link DUE_RUNNERS}.
 */
import { challengeRunner } from './challenge/run.js';
import { dailyRunner } from './daily/run.js';
import type { DueContext, DueOutcome, DueRunner } from './due-runner.js';

export type { DueContext, DueOutcome, DueProblem, DueRunner } from './due-runner.js';

/** Every due-runner, run in this order on each tick. */
export const DUE_RUNNERS: readonly DueRunner[] = [challengeRunner, dailyRunner];

/** Runs every runner; one runner's fault is reported and does not stop the others. */
export async function runDueRunners(ctx: DueContext, runners: readonly DueRunner[] = DUE_RUNNERS): Promise<DueOutcome> {
  const outcomes = await Promise.all(
    runners.map((runner) => runner.run(ctx).catch((error: unknown): DueOutcome => ({ handled: 0, problems: [{ what: `due-runner ${runner.name}`, error }] }))),
  );
  return { handled: outcomes.reduce((n, o) => n + o.handled, 0), problems: outcomes.flatMap((o) => o.problems) };
}
