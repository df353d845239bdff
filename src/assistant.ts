/**
 * The core's entry point: content, store, clock and randomness in; a handler
 * from neutral requests to neutral replies out.
 */
import type { Role } from './content/schema.js';
import type { CommandInfo } from './commands/spec.js';
import type { Clock, Random, Store } from './ports.js';
import type { Request } from './requests.js';
import type { Reply } from './views.js';

/** What `createAssistant` needs. */
export interface AssistantDeps {
  roles: readonly Role[];
  store: Store;
  clock: Clock;
  random: Random;
}

/** The platform-neutral bot. */
export interface Assistant {
  /** Every command of every role, full names (`devops-quiz`), for manifests, registration and help. */
  readonly commands: readonly CommandInfo[];
  /** Serves one request. User mistakes come back as `error` views; faults (store IO) throw. */
  handle(request: Request): Promise<Reply>;
}

export function createAssistant(_deps: AssistantDeps): Assistant {
  throw new Error('createAssistant: not implemented yet (lead is writing it)');
}
