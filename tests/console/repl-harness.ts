/**
 * Drives `runRepl` through in-memory streams: feed lines, read what a user
 * would see.
 */
import { PassThrough } from 'node:stream';
import { runRepl } from '../../adapters/console/repl.js';
import { silentLogger } from '../../adapters/logger.js';
import type { Assistant } from '../../src/assistant.js';
import type { Role } from '../../src/content/schema.js';
import type { Request } from '../../src/requests.js';
import type { Reply } from '../../src/views.js';

/** An assistant that answers each request with `respond` and records it. */
export function fakeAssistant(respond: (request: Request, seen: Request[]) => Reply | Promise<Reply>): Assistant & { requests: Request[] } {
  const requests: Request[] = [];
  return {
    requests,
    commands: [
      { name: 'devops-question', description: 'Ask one question.', usage: '[tier]', options: [], subcommands: [], examples: [] },
      { name: 'devops-quiz', description: 'Run a quiz.', usage: 'start|stop', options: [], subcommands: [], examples: [] },
    ],
    async handle(request) {
      requests.push(request);
      return respond(request, requests);
    },
  };
}

/** A running REPL: `send` a line and wait for the output that follows it; `end` with Ctrl-D. */
export interface ReplSession {
  send(line: string, until?: RegExp | string): Promise<string>;
  end(): Promise<string>;
  output(): string;
}

/**
 * Starts a REPL over PassThrough streams. `send` resolves with the output
 * written after the line once `until` shows up (default: the next prompt).
 */
export function startRepl(assistant: Assistant, roles: readonly Role[] = []): ReplSession {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  const done = runRepl({
    assistant,
    roles,
    input,
    output,
    color: false,
    user: { platform: 'console', id: 'tester', name: 'Tester' },
    logger: silentLogger,
  });
  const waitFor = async (from: number, until: RegExp | string): Promise<string> => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const tail = text.slice(from);
      if (typeof until === 'string' ? tail.includes(until) : until.test(tail)) return tail;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(until)}; output so far:\n${tail}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  return {
    async send(line, until = /(^|\n)[\w ]*> $/) {
      const from = text.length;
      input.write(`${line}\n`);
      return waitFor(from, until);
    },
    async end() {
      const from = text.length;
      input.end();
      await done;
      return text.slice(from);
    },
    output: () => text,
  };
}
