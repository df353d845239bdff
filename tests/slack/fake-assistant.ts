/** A tiny scriptable Assistant for adapter tests that need no real core. */
import type { Assistant } from '../../src/assistant.js';
import type { CommandInfo } from '../../src/commands/spec.js';
import type { Request } from '../../src/requests.js';
import type { Reply } from '../../src/views.js';

export const FAKE_COMMANDS: CommandInfo[] = [
  {
    name: 'test-echo',
    description: 'Echo',
    usage: '<text>',
    options: [{ name: 'text', description: 'Text', type: 'text', maxLength: 500 }],
    subcommands: [],
    examples: [],
  },
  { name: 'test-boom', description: 'Always fails', usage: '', options: [], subcommands: [], examples: [] },
];

/** Echoes text back in a notice (public for `test-echo`); `test-boom` and action `boom` throw. */
export function fakeAssistant(options: { gate?: Promise<void> } = {}): Assistant & { requests: Request[] } {
  const requests: Request[] = [];
  return {
    commands: FAKE_COMMANDS,
    requests,
    async handle(request): Promise<Reply> {
      requests.push(request);
      await options.gate;
      if (request.type === 'command' && request.command === 'test-boom') throw new Error('store exploded (xoxb-should-be-masked)');
      if (request.type === 'action' && request.actionId === 'boom') throw new Error('action exploded');
      const text = request.type === 'command' ? (request.text ?? '') : `${request.actionId}:${request.text ?? ''}`;
      return {
        visibility: request.type === 'command' ? 'public' : 'private',
        view: {
          kind: 'notice',
          title: 'Echo',
          text,
          actions: [
            { id: 'boom', label: 'Boom' },
            { id: 'ok', label: 'OK' },
          ],
        },
      };
    },
  };
}
