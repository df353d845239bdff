/**
 * A challenge in the terminal: the console user is the only player. The
 * question is posted through the console outbox by the ticker, shown with its
 * timer, answered by typing a letter, and revealed with the standings after.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createConsoleOutbox } from '../../adapters/console/outbox.js';
import { runRepl } from '../../adapters/console/repl.js';
import { silentLogger } from '../../adapters/logger.js';
import { startTicker } from '../../adapters/ticker.js';
import { makeTestAssistant } from '../helpers/assistant.js';

async function until(read: () => string, from: number, want: RegExp): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const tail = read().slice(from);
    if (want.test(tail)) return tail;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${want}; output:\n${tail}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('a challenge on the console', () => {
  it('shows the question with its timer, takes a typed letter, and prints the reveal and standings', async () => {
    const t = await makeTestAssistant();
    const outbox = createConsoleOutbox();
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    const user = { platform: 'console', id: 'tester', name: 'Tester' };
    const done = runRepl({ assistant: t.assistant, roles: t.roles, input, output, color: false, user, logger: silentLogger, outbox });
    // A ticker that only ticks when told, as the clock only moves when told.
    const ticker = startTicker({ assistant: t.assistant, targets: [{ platform: 'console', outbox }], logger: silentLogger, intervalMs: 3_600_000 });

    let from = text.length;
    input.write('/devops-challenge basic 1 seconds:20\n');
    await until(() => text, from, /Challenge starting/);
    from = text.length;
    await ticker.tick();
    const question = await until(() => text, from, /Type: \[a\] \[b\] \[c\] \[d\]/);
    expect(question).toContain('Question 1 of 1');
    expect(question).toMatch(/⏱ 20 s to answer · closes 12:00:20 UTC/);

    from = text.length;
    input.write('b\n');
    expect(await until(() => text, from, /Locked in: B/)).toContain('Locked in: B');
    from = text.length;
    input.write('c\n');
    expect(await until(() => text, from, /You already answered B/)).toContain('You already answered B');

    t.clock.advance(20_500);
    from = text.length;
    await ticker.tick();
    const after = await until(() => text, from, /\[rematch\]/);
    expect(after).toContain('(updated)');
    expect(after).toContain('closed');
    expect(after).toMatch(/Answer: [A-D]\. /);
    expect(after).toContain('Challenge finished');
    expect(after).toMatch(/1\. Tester — [01] correct/);

    await ticker.stop();
    outbox.close();
    input.end();
    await done;
  });
});
