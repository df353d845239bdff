/**
 * What a due-runner is: a feature that the bot runs by itself when something
 * it stored falls due (a challenge question's deadline, the question of the
 * day). Apart from the list (due.ts), so runners can name these types without
 * importing the list that imports them.
 */
import type { Outbox } from './outbox.js';
import type { AssistantDeps } from './ports.js';
import type { RoleRuntime } from './role-runtime.js';

/** What a runner gets on every tick, for one platform. */
export interface DueContext {
  deps: AssistantDeps;
  /** The loaded roles by role id (`devops-engineer`). */
  roles: ReadonlyMap<string, RoleRuntime>;
  /** The platform whose records to run (`slack`), and its outbox. */
  platform: string;
  outbox: Outbox;
  /** The tick's time, epoch ms (from the injected clock). */
  now: number;
}

/** A fault worth logging: what it was about, and the error. */
export interface DueProblem {
  what: string;
  error: unknown;
}

/** What one tick did: how many due items were handled, and what went wrong (to log; nothing is thrown). */
export interface DueOutcome {
  handled: number;
  problems: DueProblem[];
}

/** A feature run on ticks. Must be safe to run on several replicas at once: decide by compare-and-set in the store. */
export interface DueRunner {
  name: string;
  run(ctx: DueContext): Promise<DueOutcome>;
}
