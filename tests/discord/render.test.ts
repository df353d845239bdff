import { describe, expect, it } from 'vitest';
import { PROMPT_MARK, rowButtons } from '../../adapters/discord/components.js';
import { chunk, clip } from '../../adapters/discord/limits.js';
import { buildModal, renderReply, renderText } from '../../adapters/discord/render.js';
import { COLOURS } from '../../adapters/discord/style.js';
import type { Question, Role } from '../../src/content/schema.js';
import { questionCard } from '../../src/questions/card-view.js';
import { SUMMARY_FOOTNOTE } from '../../src/quiz/quiz-views.js';
import type { AnswerFeedback, Reply, View } from '../../src/views.js';
import { makeTestAssistant, realRoles } from '../helpers/assistant.js';
import { feedbackFor } from '../helpers/feedback.js';
import { oversizedViews } from '../renderers/oversized.js';
import { fullFeedback } from '../renderers/real-feedback.js';
import { reply, samples } from '../renderers/samples.js';
import { limitViolations } from './limits-check.js';

const big = (n: number, unit = 'word ') => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const emoji = (n: number) => '😀'.repeat(n);

function card(role: Role, q: Question, answerShown: boolean): View {
  return {
    kind: 'card',
    roleTitle: role.title,
    answerShown,
    question: questionCard(role, q),
    actions: [
      { id: `devops|c|show|${q.id}|a`, label: 'Show answer', style: 'primary' },
      { id: `devops|c|another|${q.id}`, label: 'Another' },
      { id: `devops|c|harder|${q.id}`, label: 'Harder' },
      { id: `devops|c|easier|${q.id}`, label: 'Easier' },
      { id: `devops|f|${q.id}`, label: 'Flag' },
    ],
  };
}

function quizQuestion(role: Role, q: Question, mode: 'choice' | 'text', fb?: AnswerFeedback): View {
  const texts = [q.choices.correct, ...q.choices.wrong];
  return {
    kind: 'quiz-question',
    roleTitle: role.title,
    mode,
    review: false,
    progress: { number: 2, total: 5, points: 300, streak: 2 },
    question: { id: q.id, tier: q.tier, topics: q.topics, prompt: q.prompt },
    choices: mode === 'choice' ? texts.map((text, i) => ({ letter: 'ABCD'[i] ?? '?', text, actionId: `devops|z|choice|abcdefgh|1|${i}` })) : [],
    ...(fb ? { feedback: fb } : {}),
    actions: [
      ...(mode === 'text'
        ? [
            {
              id: 'devops|z|text|abcdefgh|1',
              label: 'Answer',
              style: 'primary' as const,
              prompt: { actionId: 'devops|z|text|abcdefgh|1', title: 'Your answer', label: 'Answer as you would in the interview', maxLength: 3000 },
            },
          ]
        : []),
      { id: 'devops|z|skip|abcdefgh|1', label: 'Skip' },
      { id: 'devops|z|stop|abcdefgh', label: 'Stop', style: 'danger' as const },
    ],
  };
}

function expectValid(reply: Reply): ReturnType<typeof renderReply> {
  const message = renderReply(reply);
  expect(limitViolations(message), `${reply.view.kind}`).toEqual([]);
  return message;
}

describe('the contract samples', () => {
  it.each(samples.map((s) => [s.name, s] as const))('%s fits every limit', (_name, sample) => {
    expectValid(reply(sample.view));
  });
});

describe('renderReply over all real content', () => {
  it('renders every question as a card, a quiz step (both modes, with feedback) and a summary within limits', async () => {
    const roles = await realRoles();
    let count = 0;
    for (const role of roles) {
      for (const q of role.questions) {
        for (const shown of [false, true]) expectValid({ visibility: 'private', view: card(role, q, shown) });
        // Real content is never cut: the whole model answer shows on the card and in feedback.
        expect(renderReply({ visibility: 'private', view: card(role, q, true) }).embeds[1]?.description).toBe(q.answer);
        const step = renderReply({ visibility: 'private', view: quizQuestion(role, q, 'text', feedbackFor(q, 'wrong', 'text')) });
        expect(step.embeds[0]?.fields?.find((f) => f.name === 'Model answer')?.value).toBe(q.answer);
        for (const mode of ['choice', 'text'] as const) {
          expectValid({ visibility: 'private', view: quizQuestion(role, q, mode) });
          for (const outcome of ['correct', 'wrong', 'skipped'] as const) {
            expectValid({ visibility: 'private', replace: true, view: quizQuestion(role, q, mode, feedbackFor(q, outcome, mode)) });
            expectValid({ visibility: 'private', replace: true, view: quizQuestion(role, q, mode, fullFeedback(q, outcome)) });
          }
        }
        count += 1;
      }
      const missed = role.questions.map((q) => ({
        id: q.id,
        tier: q.tier,
        prompt: q.prompt,
        modelAnswer: q.answer,
        given: q.choices.wrong[0],
        outcome: 'wrong' as const,
      }));
      const last = role.questions[0]!;
      expectValid({
        visibility: 'private',
        view: {
          kind: 'quiz-summary',
          roleTitle: role.title,
          review: false,
          stopped: false,
          total: missed.length,
          answered: missed.length,
          correct: 0,
          points: 0,
          bestStreak: 0,
          feedback: fullFeedback(last, 'wrong'),
          footnote: SUMMARY_FOOTNOTE,
          missed,
          actions: [],
        },
      });
    }
    expect(count).toBeGreaterThan(10);
  });

  it('renders what the real assistant answers (role sections, help, search, cards) within limits', async () => {
    const { assistant, roles } = await makeTestAssistant();
    const ctx = { user: { platform: 'discord' as const, id: '42', name: 'Ada' }, space: 'G', conversation: 'C' };
    const replies: Reply[] = [];
    for (const info of assistant.commands) {
      if (info.name.endsWith('-role')) {
        const section = info.options.find((o) => o.name === 'section');
        for (const value of section?.type === 'choice' ? section.choices : [])
          replies.push(await assistant.handle({ type: 'command', command: info.name, options: { section: value }, ctx }));
      }
      if (info.name.endsWith('-help')) replies.push(await assistant.handle({ type: 'command', command: info.name, options: {}, ctx }));
      if (info.name.endsWith('-question'))
        for (const tier of ['basic', 'technical', 'advanced'])
          replies.push(await assistant.handle({ type: 'command', command: info.name, options: { tier }, ctx }));
      if (info.name.endsWith('-search')) {
        for (const q of roles[0]!.questions)
          replies.push(await assistant.handle({ type: 'command', command: info.name, options: { query: q.keywords.join(' ') }, ctx }));
        replies.push(await assistant.handle({ type: 'command', command: info.name, options: { query: 'the a of and to kubernetes terraform docker' }, ctx }));
      }
    }
    expect(replies.length).toBeGreaterThan(20);
    for (const reply of replies) expectValid(reply);
  });
});

describe('renderReply with oversized content', () => {
  for (const view of oversizedViews) {
    it(`keeps a ${view.kind}${view.kind === 'quiz-question' ? ` (${view.mode})` : ''} view inside every limit`, () => {
      for (const visibility of ['public', 'private'] as const) {
        const message = expectValid({ visibility, view });
        expect(message.embeds.length).toBeGreaterThan(0);
      }
    });
  }

  it('leaves out buttons whose ids Discord would refuse rather than cutting them', () => {
    const message = renderReply({
      visibility: 'private',
      view: {
        kind: 'notice',
        title: 't',
        text: 'x',
        actions: [
          { id: 'x'.repeat(101), label: 'bad' },
          { id: 'ok', label: 'ok' },
        ],
      },
    });
    expect(rowButtons(message.components).map((b) => b.custom_id)).toEqual(['ok']);
  });

  it('clips with an ellipsis and never splits an emoji', () => {
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('abc', 3)).toBe('abc');
    const cut = clip(emoji(10), 6);
    expect(cut.length).toBeLessThanOrEqual(6);
    expect(cut).toBe('😀😀…');
    expect(chunk(big(3000), 1024, 5).every((c) => c.length <= 1024)).toBe(true);
    expect(renderText(big(5000), 'private').content?.length).toBe(2000);
  });
});

describe('renderReply look and feel', () => {
  it('shows an interviewer card question first, then key points, follow-ups and red flags; the answer only when asked', async () => {
    const [role] = await realRoles();
    const q = role!.questions.find((x) => x.redFlags.length > 0) ?? role!.questions[0]!;
    const hidden = renderReply({ visibility: 'private', view: card(role!, q, false) });
    expect(hidden.flags).toBe(64);
    expect(hidden.embeds).toHaveLength(1);
    const embed = hidden.embeds[0]!;
    expect(embed.description).toContain(q.prompt);
    const names = (embed.fields ?? []).map((f) => f.name);
    expect(names[0]).toMatch(/strong answer covers/);
    expect(names.indexOf('Follow-up probes')).toBeGreaterThan(0);
    if (q.redFlags.length) expect(names.findIndex((n) => n.startsWith('🚩'))).toBeGreaterThan(names.indexOf('Follow-up probes'));
    expect(JSON.stringify(hidden)).not.toContain(q.answer.slice(0, 60));
    const shown = renderReply({ visibility: 'private', view: card(role!, q, true) });
    expect(shown.embeds[1]?.title).toBe('Model answer');
    expect(shown.embeds[1]?.description).toContain(q.answer.slice(0, 60));
    // Five buttons: all on one row.
    expect(hidden.components).toHaveLength(1);
    expect(rowButtons(hidden.components.slice(0, 1)).map((b) => b.label)).toEqual(['Show answer', 'Another', 'Harder', 'Easier', 'Flag']);
  });

  it('colours by tier and shows progress in the footer; multiple choice gets A–D buttons', async () => {
    const [role] = await realRoles();
    const byTier = (tier: string) => role!.questions.find((q) => q.tier === tier)!;
    expect(renderReply({ visibility: 'private', view: quizQuestion(role!, byTier('basic'), 'choice') }).embeds[0]?.color).toBe(COLOURS.basic);
    expect(renderReply({ visibility: 'private', view: quizQuestion(role!, byTier('technical'), 'choice') }).embeds[0]?.color).toBe(COLOURS.technical);
    const message = renderReply({ visibility: 'private', view: quizQuestion(role!, byTier('advanced'), 'choice') });
    expect(message.embeds[0]?.color).toBe(COLOURS.advanced);
    expect(message.embeds[0]?.footer?.text).toMatch(/^Question 2 of 5 · 300 pts/);
    const [choices, actions] = message.components;
    expect(rowButtons(choices ? [choices] : []).map((b) => (b.label ?? '').slice(0, 2))).toEqual(['A.', 'B.', 'C.', 'D.']);
    expect(rowButtons(actions ? [actions] : []).map((b) => b.label)).toEqual(['Skip', 'Stop']);
  });

  it('marks the free-text Answer button so it opens a modal, and builds the modal within limits', async () => {
    const [role] = await realRoles();
    const message = renderReply({ visibility: 'private', view: quizQuestion(role!, role!.questions[0]!, 'text') });
    const answer = rowButtons(message.components)[0];
    expect(answer?.label).toBe('Answer');
    expect(answer?.custom_id).toBe(PROMPT_MARK + 'devops|z|text|abcdefgh|1');
    const modal = buildModal({ actionId: 'devops|z|text|abcdefgh|1', title: big(100), label: big(100), placeholder: big(500), maxLength: 10_000 });
    expect(modal.custom_id).toBe('devops|z|text|abcdefgh|1');
    expect(modal.title.length).toBeLessThanOrEqual(45);
    const label = modal.components[0] as { type: number; label: string; component: { type: number; max_length: number; placeholder: string } };
    expect(label.type).toBe(18);
    expect(label.label.length).toBeLessThanOrEqual(45);
    expect(label.component.type).toBe(4);
    expect(label.component.max_length).toBe(4000);
    expect(label.component.placeholder.length).toBeLessThanOrEqual(100);
  });

  it('puts a note at the top of the main embed and a footnote in its footer, never in content (an update would keep it)', () => {
    const step = renderReply(reply(samples.find((x) => x.name.startsWith('quiz question, choice'))!.view));
    expect(step.content).toBeUndefined();
    expect(step.embeds[0]?.title).toBe('❌ Not quite');
    expect(step.embeds[1]?.description).toMatch(/^ℹ️ You already have a quiz running here: this is its next question\.\n\n\*\*What does CI/);
    const stats = renderReply(reply(samples.find((x) => x.view.kind === 'stats')!.view));
    expect(stats.embeds[0]?.footer?.text).toBe('Counts every answer you have given in this space.');
  });

  it('lists help usage once per line, never prefixing a full usage line with the command again', () => {
    const help = renderReply(reply(samples.find((x) => x.view.kind === 'help')!.view));
    const quiz = help.embeds[0]?.fields?.find((f) => f.name === '/devops-quiz');
    expect(quiz?.value).toContain('`/devops-quiz start [tier] [count] [mode]`\n`/devops-quiz answer <A-D or text>`');
    expect(JSON.stringify(help)).not.toContain('/devops-quiz /devops-quiz');
  });

  it('escapes markdown in user text and keeps names as plain text', () => {
    const message = renderReply({
      visibility: 'public',
      view: {
        kind: 'leaderboard',
        roleTitle: 'R',
        period: 'all',
        periodLabel: 'All time',
        rows: [{ rank: 1, userId: '1', name: '**@everyone** <@123>', points: 5, answered: 1, accuracy: 100 }],
        actions: [],
      },
    });
    expect(message.flags).toBeUndefined();
    expect(message.embeds[0]?.description).toContain('\\*\\*@everyone\\*\\* <@123>');
    expect(message.embeds[0]?.description).toContain('100%');
  });
});
