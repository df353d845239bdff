/** The terminal as a platform of `npm start`: the interactive console, when no chat platform is configured. */
import { definePlatform } from '../platform.js';
import { createConsoleOutbox } from './outbox.js';
import { CONSOLE_PLATFORM, runRepl } from './repl.js';

/** The console: needs no configuration, so it is the fallback rather than a choice. */
export const consolePlatform = definePlatform({
  name: CONSOLE_PLATFORM,
  fallback: true,
  configured: () => true,
  async start({ assistant, roles, logger }) {
    // A challenge's questions are posted by the ticker through this outbox and printed by the REPL.
    const outbox = createConsoleOutbox();
    const done = runRepl({ assistant, roles, input: process.stdin, output: process.stdout, logger, outbox });
    // Nothing to stop from outside: the session ends with its input (Ctrl-D, quit), and `done` says when.
    return { done, outbox, stop: async () => outbox.close() };
  },
});
