/** Every command through the assistant: view kinds, visibility, help, errors, card/search/role buttons. */
import { describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/actions.js';
import { COMMAND_TABLE } from '../../src/commands/table.js';
import type { Reply, View } from '../../src/views.js';
import { act, cmd, ctxFor, makeTestAssistant, type TestAssistant } from '../helpers/assistant.js';
import { actionLabelled, devopsRole, errorCode, question, viewOf } from './support.js';

type Expect = [command: string, text: string, kind: View['kind'], visibility: 'public' | 'private'];

const EVERY_COMMAND: Expect[] = [
  ['devops-role', '', 'role', 'public'],
  ['devops-role', 'responsibilities', 'role', 'public'],
  ['devops-role', 'skills', 'role', 'public'],
  ['devops-role', 'use-cases', 'role', 'public'],
  ['devops-role', 'mistakes', 'role', 'public'],
  ['devops-question', '', 'card', 'private'],
  ['devops-question', 'advanced', 'card', 'private'],
  ['devops-question', 'technical kubernetes', 'card', 'private'],
  ['devops-search', 'kubernetes crashloop', 'search', 'private'],
  ['devops-help', '', 'help', 'private'],
  ['devops-help', 'quiz', 'help', 'private'],
  ['devops-quiz', 'stats', 'stats', 'private'],
  ['devops-quiz', 'leaderboard', 'leaderboard', 'private'],
  ['devops-quiz', 'review', 'notice', 'private'],
  ['devops-quiz', 'answer A', 'error', 'private'],
  ['devops-quiz', 'skip', 'error', 'private'],
  ['devops-quiz', 'stop', 'error', 'private'],
  ['devops-quiz', 'start', 'quiz-question', 'private'],
  ['devops-interview', '', 'interview-plan', 'private'],
  ['devops-interview', 'senior 60 kubernetes', 'interview-plan', 'private'],
  ['devops-interview', 'list', 'interview-list', 'private'],
  ['devops-interview', 'show nosuchid', 'error', 'private'],
  ['devops-challenge', 'stop', 'error', 'private'],
  ['devops-challenge', 'basic 3', 'notice', 'private'],
  ['devops-daily', '', 'daily-status', 'private'],
  ['devops-daily', 'stop', 'error', 'private'],
  ['devops-daily', 'start 09:00', 'notice', 'public'],
];

async function handle(t: TestAssistant, command: string, text = ''): Promise<Reply> {
  return t.assistant.handle(cmd(command, text));
}

describe('every command answers', () => {
  it.each(EVERY_COMMAND)('/%s %s → %s, %s', async (command, text, kind, visibility) => {
    const t = await makeTestAssistant();
    const reply = await handle(t, command, text);
    expect(reply.view.kind).toBe(kind);
    expect(reply.visibility).toBe(visibility);
  });

  it('covers every subcommand of the table', () => {
    const quiz = COMMAND_TABLE.find((c) => c.name === 'quiz');
    const covered = new Set(EVERY_COMMAND.filter(([c]) => c === 'devops-quiz').map(([, text]) => text.split(' ')[0]));
    for (const sub of quiz?.subcommands ?? []) expect(covered.has(sub.name)).toBe(true);
    for (const def of COMMAND_TABLE) expect(EVERY_COMMAND.some(([c]) => c === `devops-${def.name}`)).toBe(true);
  });

  it('accepts a leading slash and any case in the command name', async () => {
    const t = await makeTestAssistant();
    expect((await handle(t, '/DevOps-Help')).view.kind).toBe('help');
  });

  it('serves the quiz with the answer subcommand when a quiz runs', async () => {
    const t = await makeTestAssistant();
    await handle(t, 'devops-quiz', 'start 2');
    const reply = await handle(t, 'devops-quiz', 'answer A');
    expect(reply.view.kind).toBe('quiz-question');
    expect(reply.visibility).toBe('private');
  });

  it('accepts Discord-style typed options', async () => {
    const t = await makeTestAssistant();
    const reply = await t.assistant.handle({
      type: 'command',
      command: 'devops-quiz',
      subcommand: 'start',
      options: { tier: 'advanced', count: 2 },
      ctx: ctxFor(),
    });
    const view = viewOf(reply, 'quiz-question');
    expect(view.question.tier).toBe('advanced');
    expect(view.progress.total).toBe(2);
    const bad = await t.assistant.handle({ type: 'command', command: 'devops-question', options: { tier: 'expert' }, ctx: ctxFor() });
    expect(viewOf(bad, 'error')).toMatchObject({ code: 'bad-arguments', usage: '/devops-question [basic|technical|advanced] [topic]' });
  });
});

describe('help', () => {
  it('lists every command of the role, generated from the table', async () => {
    const t = await makeTestAssistant();
    const help = viewOf(await handle(t, 'devops-help'), 'help');
    expect(help.commands.map((c) => c.name)).toEqual(COMMAND_TABLE.map((c) => `devops-${c.name}`));
    // The role's own commands: other role files add their own prefixes beside these.
    expect(help.commands.map((c) => c.name)).toEqual(t.assistant.commands.map((c) => c.name).filter((n) => n.startsWith('devops-')));
    for (const c of help.commands) {
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.usage.startsWith(`/${c.name}`)).toBe(true);
      for (const example of c.examples) expect(example.startsWith(`/${c.name}`)).toBe(true);
    }
    const quiz = help.commands.find((c) => c.name === 'devops-quiz');
    expect(quiz?.usage).toContain('/devops-quiz start [basic|technical|advanced|mixed] [count 1-20] [choice|text]');
    expect(quiz?.usage).toContain('/devops-quiz answer <answer>');
  });

  it('details each subcommand of one command', async () => {
    const t = await makeTestAssistant();
    const help = viewOf(await handle(t, 'devops-help', 'quiz'), 'help');
    expect(help.title).toBe('/devops-quiz');
    const subs = COMMAND_TABLE.find((c) => c.name === 'quiz')?.subcommands ?? [];
    expect(help.commands.map((c) => c.name)).toEqual(subs.map((s) => `devops-quiz ${s.name}`));
    expect(help.commands.find((c) => c.name === 'devops-quiz leaderboard')?.usage).toBe('/devops-quiz leaderboard [all|week] [share]');
  });

  it('every example in the help parses and answers without a bad-arguments error', async () => {
    const t = await makeTestAssistant();
    const help = viewOf(await handle(t, 'devops-help'), 'help');
    const quizHelp = viewOf(await handle(t, 'devops-help', 'quiz'), 'help');
    for (const example of [...help.commands, ...quizHelp.commands].flatMap((c) => c.examples)) {
      const [name, ...rest] = example.slice(1).split(' ');
      const reply = await t.assistant.handle(cmd(name ?? '', rest.join(' '), ctxFor('UX', 'X', `C-${example}`)));
      if (reply.view.kind === 'error') expect([example, reply.view.code]).not.toContain('bad-arguments');
    }
  });
});

describe('errors', () => {
  it('answers an unknown command with unknown-command, listing real ones', async () => {
    const t = await makeTestAssistant();
    const reply = await handle(t, 'devops-dance');
    expect(reply.visibility).toBe('private');
    const error = viewOf(reply, 'error');
    expect(error.code).toBe('unknown-command');
    expect(error.message).toContain('/devops-quiz');
    expect(errorCode(await handle(t, 'quiz'))).toBe('unknown-command');
  });

  it('answers bad arguments with a usage line for the subcommand concerned', async () => {
    const t = await makeTestAssistant();
    const range = viewOf(await handle(t, 'devops-quiz', 'start 99'), 'error');
    expect(range).toMatchObject({ code: 'bad-arguments', usage: '/devops-quiz start [basic|technical|advanced|mixed] [count 1-20] [choice|text]' });
    expect(range.message).toBe('Count must be between 1 and 20 (got 99).');
    const unknown = viewOf(await handle(t, 'devops-quiz', 'dance'), 'error');
    expect(unknown.code).toBe('bad-arguments');
    // No subcommand identified: the usage lists them all.
    expect(unknown.usage?.split('\n')).toHaveLength(7);
    const role = viewOf(await handle(t, 'devops-role', 'salary'), 'error');
    expect(role).toMatchObject({ code: 'bad-arguments', usage: '/devops-role [summary|responsibilities|skills|use-cases|mistakes]' });
  });

  it('answers a topic with no question with not-found and the topic list', async () => {
    const t = await makeTestAssistant();
    const reply = viewOf(await handle(t, 'devops-question', 'xylophone'), 'error');
    expect(reply.code).toBe('not-found');
    expect(reply.message).toContain('kubernetes');
  });

  it('answers an empty search with a usage message naming the missing query', async () => {
    const t = await makeTestAssistant();
    const error = viewOf(await handle(t, 'devops-search'), 'error');
    expect(error.code).toBe('bad-arguments');
    expect(error.message).toMatch(/^Missing query/);
    expect(error.usage).toBe('/devops-search <query>');
  });

  it('answers a blank typed (Discord) search query the same way', async () => {
    const t = await makeTestAssistant();
    const reply = await t.assistant.handle({ type: 'command', command: 'devops-search', options: { query: '   ' }, ctx: ctxFor() });
    expect(viewOf(reply, 'error').code).toBe('bad-arguments');
    expect(viewOf(reply, 'error').message).toMatch(/^Missing query/);
  });
});

describe('card buttons', () => {
  it('shows the answer by replacing the card, without a Show answer button', async () => {
    const t = await makeTestAssistant();
    const card = viewOf(await handle(t, 'devops-question', 'basic'), 'card');
    expect(card.answerShown).toBe(false);
    expect(card.actions.map((a) => a.label)).toEqual(['Show answer', 'Another', 'Harder', 'Flag']);
    const q = question(devopsRole(t), card.question.id);
    expect(card.question.answer).toBe(q.answer);
    expect(card.question.keyPoints).toEqual(q.keyPoints.map((k) => k.point));
    const reply = await t.assistant.handle(act(actionLabelled(card.actions, 'Show answer')));
    expect(reply).toMatchObject({ visibility: 'private', replace: true });
    const shown = viewOf(reply, 'card');
    expect(shown.answerShown).toBe(true);
    expect(shown.question.id).toBe(card.question.id);
    expect(shown.actions.map((a) => a.label)).toEqual(['Another', 'Harder', 'Flag']);
  });

  it('resolves red flags to mistake titles and texts', async () => {
    const t = await makeTestAssistant();
    const role = devopsRole(t);
    const withFlags = role.questions.find((q) => q.redFlags.length > 0);
    if (!withFlags) throw new Error('content has no red flags');
    const card = viewOf(await t.assistant.handle(act(encodeAction('devops', { area: 'card', op: 'open', questionId: withFlags.id }))), 'card');
    expect(card.question.redFlags.map((f) => f.title)).toEqual(withFlags.redFlags.map((id) => role.mistakes.find((m) => m.id === id)?.title));
  });

  it('gives a different question for Another, keeping the tier and topic', async () => {
    const t = await makeTestAssistant();
    const card = viewOf(await handle(t, 'devops-question', 'technical kubernetes'), 'card');
    let current = card;
    for (let i = 0; i < 4; i++) {
      const reply = await t.assistant.handle(act(actionLabelled(current.actions, 'Another')));
      expect(reply.replace).toBe(true);
      const next = viewOf(reply, 'card');
      expect(next.question.id).not.toBe(current.question.id);
      expect(next.question.tier).toBe('technical');
      expect(next.question.topics).toContain('kubernetes');
      current = next;
    }
  });

  it('gives a different question for Another even when the topic has only the card on screen', async () => {
    const t = await makeTestAssistant();
    const role = devopsRole(t);
    // Pick a topic that exactly one question has, from the content.
    const counts = new Map<string, number>();
    for (const q of role.questions) for (const topic of q.topics) counts.set(topic, (counts.get(topic) ?? 0) + 1);
    const single = [...counts].find(([, n]) => n === 1)?.[0];
    if (!single) throw new Error('no single-question topic in the content');
    const card = viewOf(await handle(t, 'devops-question', single), 'card');
    expect(card.question.topics).toContain(single);
    const next = viewOf(await t.assistant.handle(act(actionLabelled(card.actions, 'Another'))), 'card');
    expect(next.question.id).not.toBe(card.question.id);
  });

  it('moves up and down a tier with Harder and Easier', async () => {
    const t = await makeTestAssistant();
    const basic = viewOf(await handle(t, 'devops-question', 'basic'), 'card');
    const technical = viewOf(await t.assistant.handle(act(actionLabelled(basic.actions, 'Harder'))), 'card');
    expect(technical.question.tier).toBe('technical');
    expect(technical.note).toBeUndefined();
    expect(technical.actions.map((a) => a.label)).toEqual(['Show answer', 'Another', 'Harder', 'Easier', 'Flag']);
    const advanced = viewOf(await t.assistant.handle(act(actionLabelled(technical.actions, 'Harder'))), 'card');
    expect(advanced.question.tier).toBe('advanced');
    expect(advanced.actions.map((a) => a.label)).not.toContain('Harder');
    const back = viewOf(await t.assistant.handle(act(actionLabelled(advanced.actions, 'Easier'))), 'card');
    expect(back.question.tier).toBe('technical');
  });

  it('keeps the tier with a note at either end', async () => {
    const t = await makeTestAssistant();
    const role = devopsRole(t);
    const hardest = role.questions.find((q) => q.tier === 'advanced');
    const easiest = role.questions.find((q) => q.tier === 'basic');
    const harder = viewOf(await t.assistant.handle(act(encodeAction('devops', { area: 'card', op: 'harder', questionId: hardest?.id ?? '' }))), 'card');
    expect(harder.question.tier).toBe('advanced');
    expect(harder.question.id).not.toBe(hardest?.id);
    expect(harder.note).toBe('Already at the hardest tier: another advanced question.');
    const easier = viewOf(await t.assistant.handle(act(encodeAction('devops', { area: 'card', op: 'easier', questionId: easiest?.id ?? '' }))), 'card');
    expect(easier.question.tier).toBe('basic');
    expect(easier.question.id).not.toBe(easiest?.id);
    expect(easier.note).toBe('Already at the easiest tier: another basic question.');
  });

  it('treats a card button for an unknown question as stale', async () => {
    const t = await makeTestAssistant();
    const reply = await t.assistant.handle(act(encodeAction('devops', { area: 'card', op: 'show', questionId: 'no-such-question' })));
    expect(errorCode(reply)).toBe('stale-action');
  });
});

describe('search buttons', () => {
  it('opens the found questions as cards', async () => {
    const t = await makeTestAssistant();
    const reply = await handle(t, 'devops-search', 'kubernetes crashloop');
    const view = viewOf(reply, 'search');
    expect(view.query).toBe('kubernetes crashloop');
    expect(view.results.length).toBeGreaterThan(0);
    expect(view.actions.length).toBeGreaterThan(0);
    expect(view.actions.length).toBeLessThanOrEqual(5);
    const questionResults = view.results.filter((r) => r.kind === 'question');
    for (const [i, action] of view.actions.entries()) {
      const card = viewOf(await t.assistant.handle(act(action.id)), 'card');
      expect(card.answerShown).toBe(false);
      // The i-th button opens the i-th question result, and its label names that result's rank.
      const result = questionResults[i];
      expect(card.question.id).toBe(result?.id);
      expect(action.label).toBe(`Open #${view.results.indexOf(result as (typeof view.results)[number]) + 1}`);
    }
    const firstCard = viewOf(await t.assistant.handle(act(view.actions[0]?.id ?? '')), 'card');
    expect(firstCard.question.id).toBe('crashloopbackoff-debugging');
  });
});

describe('role sections', () => {
  it('answers section buttons privately with that section', async () => {
    const t = await makeTestAssistant();
    const role = devopsRole(t);
    const summary = viewOf(await handle(t, 'devops-role'), 'role');
    expect(summary).toMatchObject({ section: 'summary', title: role.title, lead: role.summary, tags: role.tags });
    expect(summary.actions.map((a) => a.label)).toEqual(['Main responsibilities', 'Key skills', 'Real use cases', 'Common interview mistakes']);
    const expected: Record<string, (v: ReturnType<typeof viewOf<'role'>>) => void> = {
      'Main responsibilities': (v) => expect(v.sections[0]?.bullets).toEqual(role.responsibilities),
      'Key skills': (v) => expect(v.sections.map((s) => s.bullets)).toEqual([role.skills.technical, role.skills.soft]),
      'Real use cases': (v) => expect(v.sections.map((s) => s.title)).toEqual(role.useCases.map((u) => u.title)),
      'Common interview mistakes': (v) => expect(v.sections.map((s) => s.text)).toEqual(role.mistakes.map((m) => m.text)),
    };
    for (const action of summary.actions) {
      const reply = await t.assistant.handle(act(action.id));
      expect(reply.visibility).toBe('private');
      const view = viewOf(reply, 'role');
      expected[action.label]?.(view);
      // Each section links to the others, not to itself.
      expect(view.actions).toHaveLength(4);
      expect(view.actions.map((a) => a.label)).not.toContain(action.label);
    }
  });

  it('falls back to the summary for an unknown section id', async () => {
    const t = await makeTestAssistant();
    const view = viewOf(await t.assistant.handle(act('devops|r|section|salary')), 'role');
    expect(view.section).toBe('summary');
  });
});
