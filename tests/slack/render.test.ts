/**
 * The renderer against every Block Kit limit: over all real content (every
 * question card, quiz step and role section) and over generated oversized views.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, clip, esc, sections } from '../../adapters/slack/blocks.js';
import { decodeMetadata, decodePromptButton, encodePromptButton, promptModal } from '../../adapters/slack/modal.js';
import { apology, renderReply, renderView } from '../../adapters/slack/render.js';
import type { Role } from '../../src/content/schema.js';
import type { Action, View } from '../../src/views.js';
import { cmd, makeTestAssistant, realRoles } from '../helpers/assistant.js';
import { feedbackFor } from '../helpers/feedback.js';
import { cardActions, questionCard } from '../../src/questions/card-view.js';
import { createRoleRuntime } from '../../src/role-runtime.js';
import { checkMessage, checkModal } from './limits.js';

const MENTIONS = '<!channel> <!here> <!everyone> <@U123> <#C1> & ';
const big = (n = 10_000, seed = 'word ') => (MENTIONS + seed.repeat(Math.ceil(n / seed.length))).slice(0, n);

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
              feedback: feedbackFor(prev, outcome, 'both'),
              actions: [...(mode === 'text' ? [textPrompt(`devops|z|text|abcdefgh|${i}`)] : []), { id: 'skip', label: 'Skip' }, { id: 'stop', label: 'Stop', style: 'danger' }],
            };
            const m = renderView(view);
            checkMessage(m, `quiz ${q.id} ${mode} ${outcome}`);
            const labels = m.blocks.flatMap((b) => (b.type === 'actions' ? b.elements.map((e) => e.text.text) : []));
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
        feedback: feedbackFor(role.questions[0]!, 'wrong', 'both'),
        missed: role.questions.map((q) => ({ id: q.id, tier: q.tier, prompt: q.prompt, modelAnswer: q.answer, given: q.choices.wrong[0]!, outcome: 'wrong' as const })),
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
  const manyActions: Action[] = Array.from({ length: 60 }, (_, i) => ({ id: `dup-${i % 3}-${'x'.repeat(300)}`, label: big(200) }));

  const oversized: View[] = [
    {
      kind: 'card',
      roleTitle: big(500),
      answerShown: true,
      question: {
        id: 'q',
        tier: 'advanced',
        topics: Array.from({ length: 40 }, (_, i) => `topic-${i}`),
        prompt: big(),
        answer: big(),
        keyPoints: Array.from({ length: 6 }, () => big()),
        followUps: Array.from({ length: 3 }, () => big()),
        redFlags: Array.from({ length: 10 }, () => ({ title: big(500), text: big() })),
      },
      actions: manyActions,
    },
    {
      kind: 'role',
      roleTitle: big(300),
      section: 'skills',
      title: big(500),
      lead: big(),
      tags: Array.from({ length: 50 }, () => big(60)),
      sections: Array.from({ length: 30 }, () => ({ title: big(400), text: big(), bullets: Array.from({ length: 200 }, () => big(300)) })),
      actions: manyActions,
    },
    {
      kind: 'search',
      roleTitle: 'DevOps',
      query: big(2000),
      results: Array.from({ length: 200 }, (_, i) => ({ id: `r${i}`, kind: 'question' as const, title: big(), snippet: big(), tier: 'basic' as const, score: 1 })),
      actions: manyActions,
    },
    {
      kind: 'leaderboard',
      roleTitle: 'DevOps',
      period: 'all',
      periodLabel: big(400),
      rows: Array.from({ length: 200 }, (_, i) => ({ rank: i + 1, userId: `U${i}`, name: big(500), points: 1000 - i, answered: 10, accuracy: 75 })),
      actions: manyActions,
    },
    {
      kind: 'stats',
      roleTitle: 'DevOps',
      name: big(500),
      points: 1,
      weekPoints: 1,
      answered: 1,
      correct: 1,
      accuracy: 100,
      streak: 1,
      bestStreak: 1,
      byTier: Array.from({ length: 200 }, () => ({ label: big(300), answered: 3, correct: 1, accuracy: 33 })),
      byTopic: Array.from({ length: 200 }, () => ({ label: big(300), answered: 3, correct: 1, accuracy: 33 })),
      weakest: Array.from({ length: 200 }, () => ({ label: big(300), answered: 3, correct: 1, accuracy: 33 })),
      reviewDue: 3,
      actions: manyActions,
    },
    { kind: 'help', title: big(400), commands: Array.from({ length: 100 }, () => ({ name: big(100), description: big(), usage: big(), examples: [big(), big()] })) },
    { kind: 'notice', title: big(400), text: big(), actions: manyActions },
    { kind: 'error', code: 'bad-arguments', message: big(), usage: big() },
    {
      kind: 'quiz-question',
      roleTitle: big(300),
      mode: 'choice',
      review: true,
      progress: { number: 3, total: 20, points: 99999, streak: 7 },
      question: { id: 'q', tier: 'basic', topics: Array.from({ length: 30 }, () => big(60)), prompt: big() },
      choices: ['A', 'B', 'C', 'D'].map((letter) => ({ letter, text: big(500), actionId: `choice-${letter}` })),
      feedback: { questionId: 'p', prompt: big(), outcome: 'wrong', points: 0, bonus: 0, given: big(), correctChoice: big(), score: 12, covered: Array.from({ length: 20 }, () => big(500)), missed: Array.from({ length: 20 }, () => big(500)), modelAnswer: big() },
      actions: [textPrompt('t'), ...manyActions],
    },
    {
      kind: 'quiz-summary',
      roleTitle: big(300),
      review: false,
      stopped: true,
      total: 200,
      answered: 200,
      correct: 0,
      points: 0,
      bestStreak: 0,
      feedback: { questionId: 'p', prompt: big(), outcome: 'skipped', points: 0, bonus: 0, modelAnswer: big() },
      missed: Array.from({ length: 200 }, (_, i) => ({ id: `q${i}`, tier: 'basic' as const, prompt: big(), modelAnswer: big(), given: big(), outcome: 'wrong' as const })),
      actions: manyActions,
    },
  ];

  it.each(oversized.map((v) => [v.kind, v] as const))('%s fits every limit and is shortened, not refused', (_kind, view) => {
    const m = renderView(view);
    checkMessage(m, view.kind);
    expect(m.blocks.length).toBeGreaterThan(1);
    // Buttons survive the cut.
    if ('actions' in view && view.actions.length > 0) expect(m.blocks.at(-1)!.type).toBe('actions');
  });

  it('keeps every action id unique and carries the real id in the value', () => {
    const m = renderView({ kind: 'notice', title: 't', text: 'x', actions: [{ id: 'same', label: 'One' }, { id: 'same', label: 'Two' }] });
    const els = m.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []));
    expect(els.map((e) => e.action_id)).toEqual(['same', 'same#2']);
    expect(els.map((e) => e.value)).toEqual(['same', 'same']);
  });

  it('lists long choices in full when the buttons have to cut them', () => {
    const view = oversized.find((v) => v.kind === 'quiz-question')!;
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
