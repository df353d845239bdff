/**
 * End to end: the real assistant (real content, memory store) behind the real
 * Bolt app in HTTP mode, driven like Slack over loopback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestAssistant } from '../helpers/assistant.js';
import { ADA, BOB, buttonsOf, commandBody, type Posted, postSigned, textOf } from './fakes.js';
import { findButton, type Harness, startHarness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  const { assistant } = await makeTestAssistant();
  h = await startHarness(assistant);
});
afterAll(async () => {
  await h.close();
});

const headerOf = (m: Posted): string => {
  const block = (m.blocks ?? []).find((b) => b.type === 'header') as { text: { text: string } } | undefined;
  return block?.text.text ?? '';
};
const choiceButtons = (m: Posted) => buttonsOf(m).filter((b) => /^[A-D]\. /.test(b.text.text));

describe('slash commands', () => {
  it('verifies the token once at start-up with the bot token', () => {
    const auth = h.api.calls.filter((c) => c.method === 'auth.test');
    expect(auth).toHaveLength(1);
    expect(auth[0]!.authorization).toBe('Bearer xoxb-test-token');
  });

  it('posts the role summary to the channel, and its sections on button press', async () => {
    const m = await h.command('devops-role');
    expect(m.response_type).toBe('in_channel');
    expect(headerOf(m)).toContain('DevOps');
    const skills = await h.command('devops-role', 'skills');
    expect(skills.response_type).toBe('in_channel');
    const pressed = await h.press(m, /responsibilities/i);
    expect(textOf(pressed)).toMatch(/responsibilit/i);
  });

  it('gives an interviewer card privately, with key points and the answer on request', async () => {
    const m = await h.command('devops-question', 'advanced');
    expect(m.response_type).toBe('ephemeral');
    expect(textOf(m)).toContain('What a strong answer covers');
    expect(textOf(m)).not.toContain('Model answer');
    const shown = await h.press(m, /answer/i);
    expect(textOf(shown)).toContain('Model answer');
    expect(shown.replace_original).toBe(true);
  });

  it('flags a card privately without replacing it', async () => {
    const m = await h.command('devops-question', 'advanced');
    const flagged = await h.press(m, /^Flag$/);
    expect(flagged.response_type).toBe('ephemeral');
    expect(flagged.replace_original).toBe(false);
    expect(textOf(flagged)).toContain('Thanks — question flagged for review');
  });

  it('searches privately and escapes mentions typed into the query', async () => {
    const m = await h.command('devops-search', '<!channel> <@U1> <!here> kubernetes');
    expect(m.response_type).toBe('ephemeral');
    const sent = textOf(m);
    expect(sent).not.toMatch(/<!channel>|<!here>|<@U1>/);
    expect(sent).toContain('&lt;!channel&gt;');
  });

  it('shows help with every command', async () => {
    const m = await h.command('devops-help');
    for (const c of ['devops-role', 'devops-question', 'devops-quiz', 'devops-search', 'devops-help']) expect(textOf(m)).toContain(`/${c}`);
  });

  it('answers a bad subcommand privately with usage', async () => {
    const m = await h.command('devops-quiz', 'bogus');
    expect(m.response_type).toBe('ephemeral');
    expect(textOf(m)).toContain('Usage');
  });

  it('serves every quiz subcommand typed as text', async () => {
    const start = await h.command('devops-quiz', 'start basic 3');
    expect(headerOf(start)).toBe('Quiz · Question 1 of 3');
    const answered = await h.command('devops-quiz', 'answer B');
    expect(textOf(answered)).toMatch(/Correct!|Not quite/);
    expect(headerOf(answered)).toBe('Quiz · Question 2 of 3');
    const skipped = await h.command('devops-quiz', 'skip');
    expect(textOf(skipped)).toContain('Skipped');
    const stopped = await h.command('devops-quiz', 'stop');
    expect(headerOf(stopped)).toMatch(/^Quiz stopped/);
    const review = await h.command('devops-quiz', 'review 1');
    expect(review.response_type).toBe('ephemeral');
    expect(headerOf(review) + textOf(review)).toMatch(/Review|review/);
    await h.command('devops-quiz', 'stop');
  });

  it('answers a command in the ack itself (the HTTP response body), posting nothing to the response_url', async () => {
    const url = h.responses.next();
    const res = await postSigned(h.url, commandBody('devops-quiz', 'stats', url));
    expect(res.status).toBe(200);
    expect(res.contentType).toContain('application/json');
    const m = JSON.parse(res.text) as Posted;
    expect(m.response_type).toBe('ephemeral');
    expect(headerOf(m)).toContain('stats');
    await new Promise((r) => setTimeout(r, 50));
    expect(h.responses.all(url)).toHaveLength(0);
  });
});

describe('multiple-choice quiz with buttons', () => {
  it('plays a whole quiz, each step replacing the last, ending with what was missed', async () => {
    let m = await h.command('devops-quiz', 'start basic 3');
    expect(m.response_type).toBe('ephemeral');
    expect(headerOf(m)).toBe('Quiz · Question 1 of 3');
    for (let i = 0; i < 3; i++) {
      const choices = choiceButtons(m);
      expect(choices).toHaveLength(4);
      // Always press A: some answers are wrong, so the summary has misses to list.
      m = await h.press(m, choices[0]!.action_id);
      expect(m.replace_original).toBe(true);
      expect(m.response_type).toBe('ephemeral');
      if (i < 2) {
        expect(headerOf(m)).toBe(`Quiz · Question ${i + 2} of 3`);
        expect(textOf(m)).toMatch(/Correct!|Not quite/);
      }
    }
    expect(headerOf(m)).toMatch(/^Quiz complete · \d\/3 correct$/);
    const text = textOf(m);
    if (!text.includes('clean sweep')) expect(text).toContain('What you missed');
  });

  it('answers a stale button with a clear private reply that keeps the message', async () => {
    const m = await h.command('devops-quiz', 'start basic 2');
    const old = choiceButtons(m)[0]!;
    await h.command('devops-quiz', 'stop');
    const stale = await h.press(m, old.action_id);
    expect(stale.response_type).toBe('ephemeral');
    expect(stale.replace_original).toBe(false);
    expect(stale.text).toMatch(/ended|expired|no longer/i);
  });
});

describe('free-text quiz through the modal', () => {
  it('opens a modal, grades the submit and replaces the quiz message', async () => {
    let m = await h.command('devops-quiz', 'start technical 2 text');
    expect(choiceButtons(m)).toHaveLength(0);
    const answer = findButton(m, 'Answer');
    expect(answer.value).toBeDefined();

    m = await h.answerInModal(m, 'Answer', 'I would use <!channel> distributed tracing with OpenTelemetry, propagate trace context, sample and look at spans.');
    const open = h.api.calls.filter((c) => c.method === 'views.open').at(-1)!;
    expect(open.authorization).toBe('Bearer xoxb-test-token');
    const view = open.args.view as { type: string; title: { text: string }; private_metadata: string; blocks: { type: string }[] };
    expect(view.type).toBe('modal');
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(view.private_metadata.length).toBeLessThanOrEqual(3000);
    expect(view.blocks.some((b) => b.type === 'input')).toBe(true);

    expect(m.replace_original).toBe(true);
    expect(textOf(m)).toMatch(/Score/);
    expect(textOf(m)).not.toContain('<!channel>');
    expect(headerOf(m)).toBe('Quiz · Question 2 of 2');

    m = await h.answerInModal(m, 'Answer', 'no idea');
    expect(m.replace_original).toBe(true);
    expect(headerOf(m)).toMatch(/^Quiz complete/);
    expect(textOf(m)).toContain('What you missed');
  });

  it('keeps the modal open when the answer is blank', async () => {
    const m = await h.command('devops-quiz', 'start basic 1 text');
    const before = h.api.calls.filter((c) => c.method === 'views.open').length;
    const responseUrl = h.responses.next();
    const { actionBody, submitBody } = await import('./fakes.js');
    await postSigned(h.url, actionBody(findButton(m, 'Answer'), responseUrl));
    const call = await h.api.waitFor('views.open', before);
    const res = await postSigned(h.url, submitBody(call.args.view as { callback_id: string; private_metadata: string }, '   '));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ response_action: 'errors' });
    await h.command('devops-quiz', 'stop');
  });
});

describe('leaderboard', () => {
  it('ranks two players by name (no mentions) and shares to the channel on request', async () => {
    for (const user of [ADA, BOB]) {
      let m = await h.command('devops-quiz', 'start basic 2', user);
      for (let i = 0; i < 2; i++) m = await h.press(m, choiceButtons(m)[user === ADA ? 1 : 0]!.action_id, user);
    }
    const board = await h.command('devops-quiz', 'leaderboard', BOB);
    expect(board.response_type).toBe('ephemeral');
    const text = textOf(board);
    expect(text).toContain('ada');
    expect(text).toContain('bob');
    expect(text).not.toMatch(/<@U[12]>/);
    const shared = await h.press(board, /share/i, BOB);
    expect(shared.response_type).toBe('in_channel');
    expect(textOf(shared)).toContain('bob');
    const typed = await h.command('devops-quiz', 'leaderboard share', BOB);
    expect(typed.response_type).toBe('in_channel');
  });
});
