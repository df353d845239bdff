/** Interview mode in the console REPL, with the real assistant: `tick 1 3` / `untick 1` on the card's checklists. */
import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/assistant.js';
import { seededRandom } from '../../src/random.js';
import type { Request } from '../../src/requests.js';
import { createMemoryStore } from '../../storage/memory-store.js';
import { realRoles, testClock } from '../helpers/assistant.js';
import { startRepl } from './repl-harness.js';

describe('console: ticking an interview card', () => {
  it('sends the whole selection of the checklist a tick line changes, and says so when there is nothing to tick', async () => {
    const roles = await realRoles();
    const real = createAssistant({ roles, store: createMemoryStore({ validate: true }), clock: testClock(), random: seededRandom(7) });
    const requests: Request[] = [];
    const assistant = { commands: real.commands, handle: (r: Request) => (requests.push(r), real.handle(r)) };
    const repl = startRepl(assistant, roles);
    await repl.send('/devops-interview senior 30');
    expect(await repl.send('tick 1')).toMatch(/nothing to tick/i);
    await repl.send('start');
    await repl.send('tick 1 3');
    const last = requests.at(-1);
    expect(last).toMatchObject({ type: 'action', text: '0 2' });
    expect(last?.type === 'action' && last.actionId).toMatch(/^devops\|i\|points\|/);
    await repl.send('untick 1');
    expect(requests.at(-1)).toMatchObject({ type: 'action', text: '2' });
    await repl.send('quit', /$/);
    await repl.end();
  });
});
