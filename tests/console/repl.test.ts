import { describe, expect, it } from 'vitest';
import { contentDir } from '../../adapters/boot.js';
import { parseCommandLine } from '../../adapters/console/repl.js';
import { createAssistant } from '../../src/assistant.js';
import { loadRoles } from '../../src/content/load.js';
import { seededRandom } from '../../src/random.js';
import type { View } from '../../src/views.js';
import { createMemoryStore } from '../../storage/memory-store.js';
import { fakeAssistant, startRepl } from './repl-harness.js';
import { cardActions, reply, sampleViews, textQuestionView } from './views.js';

const ctx = { user: { platform: 'console' as const, id: 'tester', name: 'Tester' }, space: 'console', conversation: 'terminal' };

const choiceQuestion = sampleViews['quiz-question'] as Extract<View, { kind: 'quiz-question' }>;
const textQuestion = textQuestionView(20);

describe('parseCommandLine', () => {
  it('splits a slash line into command and text', () => {
    expect(parseCommandLine('/Devops-Quiz  start advanced ', ctx)).toEqual({ type: 'command', command: 'devops-quiz', text: 'start advanced', ctx });
    expect(parseCommandLine('/devops-help', ctx)).toEqual({ type: 'command', command: 'devops-help', text: '', ctx });
    expect(parseCommandLine('/', ctx)).toBeUndefined();
    expect(parseCommandLine('hello', ctx)).toBeUndefined();
  });
});

describe('runRepl (scripted assistant)', () => {
  it('prints a banner, sends commands with the console context and quits', async () => {
    const assistant = fakeAssistant(() => reply(sampleViews.card));
    const repl = startRepl(assistant);
    const banner = await repl.send('/devops-question advanced');
    expect(repl.output()).toMatch(/Panelist[\s\S]*\/devops-question \[tier\] — Ask one question\.[\s\S]*quit/);
    expect(banner).toContain('CrashLoopBackOff');
    expect(assistant.requests[0]).toEqual({ type: 'command', command: 'devops-question', text: 'advanced', ctx });
    await repl.send('quit', /$/);
    await repl.end();
  });

  it('maps letters to the choice action ids, and words to actions', async () => {
    const assistant = fakeAssistant((request) => (request.type === 'command' ? reply(choiceQuestion) : reply(sampleViews['quiz-summary'])));
    const repl = startRepl(assistant);
    await repl.send('/devops-quiz');
    expect(await repl.send('e')).toContain('Choose one of A, B, C, D.');
    await repl.send('b');
    expect(assistant.requests[1]).toEqual({ type: 'action', actionId: 'x|z|choice|s1|1|1', ctx });
    // The summary ended the quiz: a letter no longer answers anything.
    expect(await repl.send('A')).toContain('Commands start with "/"');
    await repl.send('new quiz');
    expect(assistant.requests[2]).toMatchObject({ type: 'action', actionId: 'x|z|new|m|5|choice' });
    await repl.end();
  });

  it('answers a free-text question with bare text, whole: the core enforces the length and says so', async () => {
    const assistant = fakeAssistant(() => reply(textQuestion));
    const repl = startRepl(assistant);
    await repl.send('/devops-quiz start text');
    await repl.send('blue green means two environments');
    expect(assistant.requests[1]).toEqual({ type: 'action', actionId: 'x|z|text|s1|1', text: 'blue green means two environments', ctx });
    // Naming the form's action asks for the text on the next line.
    expect(await repl.send('answer')).toContain('type it on the next line');
    await repl.send('canary');
    expect(assistant.requests[2]).toEqual({ type: 'action', actionId: 'x|z|text|s1|1', text: 'canary', ctx });
    await repl.send('skip');
    expect(assistant.requests[3]).toEqual({ type: 'action', actionId: 'x|z|skip|s1|1', ctx });
    await repl.end();
  });

  it('keeps the quiz on screen after an error, and drops it when the quiz is gone', async () => {
    let n = 0;
    const assistant = fakeAssistant(() => {
      n++;
      if (n === 1) return reply(choiceQuestion);
      if (n === 2) return reply(sampleViews.error);
      return reply({ kind: 'error', code: 'stale-action', message: 'That button is no longer valid.' });
    });
    const repl = startRepl(assistant);
    await repl.send('/devops-quiz');
    await repl.send('/devops-question expert');
    await repl.send('C');
    expect(assistant.requests[2]).toMatchObject({ actionId: 'x|z|choice|s1|1|2' });
    expect(await repl.send('C')).toContain('Commands start with "/"');
    await repl.end();
  });

  it('apologises for a fault and goes on', async () => {
    let n = 0;
    const assistant = fakeAssistant(() => {
      if (++n === 1) throw new Error('disk on fire');
      return reply(sampleViews.card);
    });
    const repl = startRepl(assistant);
    const first = await repl.send('/devops-question');
    expect(first).toContain('Sorry, something went wrong');
    expect(first).not.toContain('disk on fire');
    expect(await repl.send('/devops-question')).toContain('CrashLoopBackOff');
    await repl.send('harder');
    expect(assistant.requests[2]).toMatchObject({ type: 'action', actionId: cardActions[1]?.id });
    await repl.end();
  });

  it('neutralises what it echoes and shows help', async () => {
    const assistant = fakeAssistant(() => reply(sampleViews.card));
    const repl = startRepl(assistant);
    expect(await repl.send('help')).toContain('quit, exit or Ctrl-D');
    await repl.send('/devops-question');
    expect(await repl.send('help')).toContain('Right now you can type: another, harder, easier, show.');
    const out = await repl.send('\u001b[31mred');
    expect(out).not.toContain('\u001b');
    await repl.end();
  });
});

describe('runRepl (real assistant, shipped content)', () => {
  const setup = async () => {
    const roles = await loadRoles(contentDir({}));
    const assistant = createAssistant({ roles, store: createMemoryStore(), clock: { now: () => Date.UTC(2026, 2, 2, 12) }, random: seededRandom(7) });
    return startRepl(assistant, roles);
  };

  it('plays a whole multiple-choice quiz answering letters', async () => {
    const repl = await setup();
    let screen = await repl.send('/devops-quiz start 3');
    expect(screen).toMatch(/question 1\/3/);
    for (const letter of ['A', 'b', 'C']) {
      expect(screen).toMatch(/A\) [\s\S]*D\) [\s\S]*Type A–D to answer, or: \[skip\] \[stop\]/);
      screen = await repl.send(letter);
      expect(screen).toMatch(/✓ Correct!|✗ Not quite\./);
    }
    expect(screen).toMatch(/quiz finished[\s\S]*\/3 correct \(3 questions\)/);
    // The summary's buttons work by word.
    expect(await repl.send('stats')).toMatch(/stats for Tester\n.*\d\/3 correct/);
    await repl.end();
  });

  it('answers a free-text question with bare text and shows the grade', async () => {
    const repl = await setup();
    expect(await repl.send('/devops-quiz start 1 text')).toMatch(/Type your answer, or: \[skip\] \[stop\]/);
    const graded = await repl.send('Use a remote backend with locking; kubectl logs --previous and describe the pod for events');
    expect(graded).toMatch(/Score: \d+\/100/);
    expect(graded).toMatch(/Model answer:/);
    expect(graded).toMatch(/quiz finished/);
    await repl.end();
  });

  it('presses card buttons by word', async () => {
    const repl = await setup();
    const card = await repl.send('/devops-question basic');
    expect(card).toMatch(/\(answer hidden\)[\s\S]*\[show answer\]/);
    const shown = await repl.send('show');
    expect(shown).toMatch(/Answer\n {2}\S/);
    expect(shown).toMatch(/Key points/);
    const next = await repl.send('another');
    expect(next).toMatch(/DevOps Engineer · basic/);
    expect(await repl.send('harder')).toMatch(/DevOps Engineer · technical/);
    expect(await repl.send('/devops-help')).toMatch(/\/devops-quiz/);
    await repl.end();
  });

  it('flags the card by word and keeps its buttons working', async () => {
    const repl = await setup();
    expect(await repl.send('/devops-question basic')).toMatch(/\[flag\]/);
    expect(await repl.send('flag')).toMatch(/Thanks — question flagged for review \([a-z0-9-]+\)/);
    expect(await repl.send('flag')).toMatch(/already flagged/);
    // The card's buttons are still live after the private aside.
    expect(await repl.send('show')).toMatch(/Key points/);
    await repl.end();
  });

  it('takes quiz words typed after the moment, and says what is possible when a word fits nothing on screen', async () => {
    const repl = await setup();
    // No quiz: "stop" is the quiz's stop, and its reply says there is nothing to stop.
    expect(await repl.send('stop')).toMatch(/no quiz running/i);
    expect(await repl.send('stats')).toMatch(/accuracy|points/i);
    await repl.send('/devops-question advanced');
    const harder = await repl.send('harder');
    expect(harder).toMatch(/"harder" is not possible right now: you can type .*\[another\]/);
    expect(harder).not.toMatch(/DevOps Engineer · advanced/);
    await repl.end();
  });

  it('refuses a written answer over 3000 characters instead of echoing it', async () => {
    const repl = await setup();
    await repl.send('/devops-quiz start text 2');
    const out = await repl.send('x'.repeat(25_000));
    expect(out).toMatch(/limited to 3000 characters; yours has 25000/);
    expect(out.length).toBeLessThan(2_000);
    await repl.end();
  });
});
