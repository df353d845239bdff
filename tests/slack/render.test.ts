/**
 * The renderer against every Block Kit limit: over all real content (every
 * question card, quiz step and role section) and over generated oversized views.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, sections } from '../../adapters/slack/blocks.js';
import { clip, esc } from '../../adapters/slack/blocks-text.js';
import { decodeMetadata, decodePromptButton, encodePromptButton, promptModal } from '../../adapters/slack/modal.js';
import { apology, renderReply, renderView } from '../../adapters/slack/render.js';
import type { Role } from '../../src/content/schema.js';
import { cardActions, questionCard } from '../../src/questions/card-view.js';
import { SUMMARY_FOOTNOTE } from '../../src/quiz/quiz-views.js';
import { createRoleRuntime } from '../../src/role-runtime.js';
import type { Action, View } from '../../src/views.js';
import { cmd, makeTestAssistant, realRoles } from '../helpers/assistant.js';
import { big, oversizedViews } from '../renderers/oversized.js';
import { fullFeedback } from '../renderers/real-feedback.js';
import { reply, samples } from '../renderers/samples.js';
import { checkMessage, checkModal } from './limits.js';

let roles: Role[];
beforeAll(async () => {
  roles = await realRoles();
});

const textPrompt = (id: string): Action => ({
  id,
  label: 'Answer',
  style: 'primary',
  prompt: { actionId: id, title: 'Your answer', label: 'Answer as you would in the interview', placeholder: 'Cover the key points…', maxLength: 3000 },
});

describe('escaping and splitting', () => {
  it('escapes &, < and > so nothing pings', () => {
    expect(esc('<!channel> & <@U1>')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt;');
  });

  it('clips with an ellipsis and never leaves half an entity', () => {
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip(esc('ab&cd'), 4)).toBe('ab…');
    expect(clip('short', 10)).toBe('short');
  });

  it('splits long mrkdwn over sections at line boundaries, losing nothing', () => {
    const text = Array.from({ length: 300 }, (_, i) => `line ${i} ${'x'.repeat(40)}`).join('\n');
    const out = sections(text);
    expect(out.length).toBeGreaterThan(1);
    for (const s of out) expect(s.text!.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(out.map((s) => s.text!.text).join('\n')).toBe(text);
  });
});

describe('the contract samples', () => {
  it.each(samples.map((s) => [s.name, s] as const))('%s fits every limit', (_name, sample) => {
    checkMessage(renderReply(reply(sample.view)), sample.name);
  });

  it('puts feedback first, then the note, the view, its footnote, and the buttons last', () => {
    const view = samples.find((s) => s.name.startsWith('quiz summary'))!.view;
    const text = renderReply(reply(view)).blocks.map((b) => JSON.stringify(b));
    const at = (needle: string) => text.findIndex((t) => t.includes(needle));
    const order = [
      at('Correct!'),
      at('question bank changed'),
      at('Quiz complete'),
      at('What you missed'),
      at('Correct counts this quiz only'),
      at('New quiz'),
    ];
    expect(order.every((n) => n >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe('real content', () => {
  it('every question card fits with its real buttons, with and without the model answer', () => {
    for (const role of roles) {
      const rt = createRoleRuntime(role);
      for (const q of role.questions)
        for (const answerShown of [false, true]) {
          const actions = cardActions(rt, q, { tier: q.tier, topic: q.topics[0] ?? '' }, answerShown);
          expect(actions.at(-1)?.label).toBe('Flag');
          const m = renderView({ kind: 'card', roleTitle: role.title, question: questionCard(role, q), answerShown, actions });
          checkMessage(m, `card ${q.id}`);
          const text = JSON.stringify(m);
          expect(text).toContain('What a strong answer covers');
          expect(text.includes('Model answer')).toBe(answerShown);
          expect(text).toContain(`|f|${q.id}`);
        }
    }
  });

  it('every quiz step fits: multiple choice and free text, with each kind of feedback', () => {
    for (const role of roles)
      role.questions.forEach((q, i) => {
        const prev = role.questions[(i + 1) % role.questions.length]!;
        for (const mode of ['choice', 'text'] as const)
          for (const outcome of ['correct', 'wrong', 'skipped'] as const) {
            const choices = [q.choices.correct, ...q.choices.wrong].map((text, n) => ({
              letter: 'ABCD'[n]!,
              text,
              actionId: `devops|z|choice|abcdefgh|${i}|${n}`,
            }));
            const view: View = {
              kind: 'quiz-question',
              roleTitle: role.title,
              mode,
              review: false,
              progress: { number: i + 1, total: role.questions.length, points: 300, streak: 2 },
              question: { id: q.id, tier: q.tier, topics: q.topics, prompt: q.prompt },
              choices: mode === 'choice' ? choices : [],
              feedback: fullFeedback(prev, outcome),
              actions: [
                ...(mode === 'text' ? [textPrompt(`devops|z|text|abcdefgh|${i}`)] : []),
                { id: 'skip', label: 'Skip' },
                { id: 'stop', label: 'Stop', style: 'danger' },
              ],
            };
            const m = renderView(view);
            checkMessage(m, `quiz ${q.id} ${mode} ${outcome}`);
            const labels = m.blocks.flatMap((b) => (b.type === 'actions' ? b.elements.flatMap((e) => (e.type === 'button' ? [e.text.text] : [])) : []));
            if (mode === 'choice') expect(labels.filter((l) => /^[A-D]\. /.test(l))).toHaveLength(4);
          }
      });
  });

  it('a summary missing every question fits', () => {
    for (const role of roles) {
      const m = renderView({
        kind: 'quiz-summary',
        roleTitle: role.title,
        review: false,
        stopped: false,
        total: role.questions.length,
        answered: role.questions.length,
        correct: 0,
        points: 0,
        bestStreak: 0,
        feedback: fullFeedback(role.questions[0]!, 'wrong'),
        footnote: SUMMARY_FOOTNOTE,
        missed: role.questions.map((q) => ({
          id: q.id,
          tier: q.tier,
          prompt: q.prompt,
          modelAnswer: q.answer,
          given: q.choices.wrong[0]!,
          outcome: 'wrong' as const,
        })),
        actions: [{ id: 'new', label: 'New quiz' }],
      });
      checkMessage(m, 'summary');
      expect(JSON.stringify(m)).toContain('What you missed');
    }
  });

  it('every role section, help, search and board from the real assistant fits', async () => {
    const { assistant } = await makeTestAssistant();
    const requests = [
      ...['summary', 'responsibilities', 'skills', 'use-cases', 'mistakes'].map((s) => cmd('devops-role', s)),
      cmd('devops-help'),
      cmd('devops-quiz', 'stats'),
      cmd('devops-quiz', 'leaderboard'),
      cmd('devops-quiz', 'bogus'),
      ...['kubernetes', 'terraform state', 'ci', 'observability', 'docker', '<!channel> incident', 'zzzz'].map((q) => cmd('devops-search', q)),
      ...['basic', 'technical', 'advanced'].map((t) => cmd('devops-question', t)),
    ];
    for (const r of requests) checkMessage(renderReply(await assistant.handle(r)), JSON.stringify(r));
  });
});

describe('oversized generated content', () => {
  it.each(oversizedViews.map((v) => [v.kind, v] as const))('%s fits every limit and is shortened, not refused', (_kind, view) => {
    const m = renderView(view);
    checkMessage(m, view.kind);
    expect(m.blocks.length).toBeGreaterThan(1);
    // Buttons survive the cut.
    if ('actions' in view && view.actions.length > 0) expect(m.blocks.at(-1)!.type).toBe('actions');
  });

  it('keeps every action id unique and carries the real id in the value', () => {
    const m = renderView({
      kind: 'notice',
      title: 't',
      text: 'x',
      actions: [
        { id: 'same', label: 'One' },
        { id: 'same', label: 'Two' },
      ],
    });
    const els = m.blocks.flatMap((b) => (b.type === 'actions' ? b.elements.flatMap((e) => (e.type === 'button' ? [e] : [])) : []));
    expect(els.map((e) => e.action_id)).toEqual(['same', 'same#2']);
    expect(els.map((e) => e.value)).toEqual(['same', 'same']);
  });

  it('lists long choices in full when the buttons have to cut them', () => {
    const view = oversizedViews.find((v) => v.kind === 'quiz-question')!;
    const m = renderView({ ...view, feedback: undefined, question: { id: 'q', tier: 'basic', topics: ['t'], prompt: 'Which?' } } as View);
    checkMessage(m, 'long choices');
    expect(JSON.stringify(m)).toContain('*A.*');
  });
});

describe('replies, modal and apology', () => {
  it('maps visibility and replace', () => {
    const view: View = { kind: 'notice', title: 'Hi', text: 'there', actions: [] };
    expect(renderReply({ visibility: 'public', view })).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(renderReply({ visibility: 'private', view, replace: true })).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    checkMessage(apology(), 'apology');
    expect(apology().response_type).toBe('ephemeral');
  });

  it('a prompt button round-trips its prompt within 2000 characters, even when huge', () => {
    const huge = { actionId: 'a'.repeat(100), title: big(500), label: big(3000), placeholder: big(3000), maxLength: 99_999 };
    const value = encodePromptButton(huge, big(5000));
    expect(value.length).toBeLessThanOrEqual(LIMITS.buttonValue);
    const decoded = decodePromptButton(value)!;
    expect(decoded.p.actionId).toBe(huge.actionId);
    expect(decodePromptButton('plain-id')).toBeUndefined();
    expect(decodePromptButton('{"not":"a prompt"}')).toBeUndefined();
    const modal = promptModal(decoded.p, { actionId: decoded.p.actionId, responseUrl: 'https://hooks.slack.com/actions/T1/1/abc', channel: 'C1' }, decoded.q);
    checkModal(modal);
    expect(decodeMetadata(modal.private_metadata)).toEqual({ actionId: huge.actionId, responseUrl: 'https://hooks.slack.com/actions/T1/1/abc', channel: 'C1' });
  });

  it('refuses metadata that would not fit rather than cut a URL', () => {
    expect(() => promptModal(textPrompt('x').prompt!, { actionId: 'x', responseUrl: `https://h/${'a'.repeat(3000)}`, channel: 'C' })).toThrow(/too long/);
    expect(decodeMetadata('nope')).toBeUndefined();
  });
});

describe('leaderboard names', () => {
  const board = (userId: string, name: string): View => ({
    kind: 'leaderboard',
    roleTitle: 'DevOps Engineer',
    period: 'all',
    periodLabel: 'All time',
    rows: [{ rank: 1, userId, name, points: 300, answered: 3, accuracy: 100 }],
    actions: [],
  });
  const textOf = (r: ReturnType<typeof renderReply>) => JSON.stringify(r.blocks);

  it('mentions Slack users by id in a private board, where a mention notifies no one', () => {
    const sent = textOf(renderReply({ visibility: 'private', view: board('U0ABC123', 'Ada') }));
    expect(sent).toContain('<@U0ABC123>');
  });

  it('shows escaped plain names on a board shared to the channel, so nobody is pinged', () => {
    const sent = textOf(renderReply({ visibility: 'public', view: board('U0ABC123', '<!channel> Ada') }));
    expect(sent).not.toContain('<@U0ABC123>');
    expect(sent).not.toContain('<!channel>');
    expect(sent).toContain('&lt;!channel&gt; Ada');
  });

  it('never turns an id that is not a Slack user id into a mention', () => {
    const sent = textOf(renderReply({ visibility: 'private', view: board('!channel', 'Bob') }));
    expect(sent).not.toContain('<@');
    expect(sent).not.toContain('<!');
    expect(sent).toContain('Bob');
  });
});
