/** Replies say what they did: capped counts, a bank that changed, answers over the limit, what figures count. */
import { describe, expect, it } from 'vitest';
import { ANSWER_MAX } from '../../src/quiz/quiz-views.js';
import { act, cmd, makeTestAssistant, realRoles } from '../helpers/assistant.js';
import { answerWrong, devopsRole, startQuiz, viewOf } from './support.js';

describe('replies that say what they did', () => {
  it('says when a quiz is shorter than asked because the pool is smaller', async () => {
    const t = await makeTestAssistant();
    const pool = devopsRole(t).questions.filter((q) => q.tier === 'advanced').length;
    const view = await startQuiz(t, 'start advanced 20');
    expect(view.progress.total).toBe(Math.min(20, pool));
    if (pool < 20) expect(view.note).toBe(`The bank has only ${pool} advanced questions for this quiz, so it has ${pool} instead of 20.`);
    const full = await startQuiz(await makeTestAssistant(), 'start advanced 2');
    expect(full.note).toBeUndefined();
  });

  it('ends a quiz politely, with its summary and a note, when its question left the bank', async () => {
    const first = await makeTestAssistant();
    const view = await startQuiz(first, 'start 3');
    await answerWrong(first, view);
    const roles = await realRoles();
    const current = viewOf(await first.assistant.handle(cmd('devops-quiz', 'start')), 'quiz-question').question.id;
    // The role file is edited and the bot restarted: the current question is gone.
    const edited = roles.map((r) => (r.commandPrefix === 'devops' ? { ...r, questions: r.questions.filter((q) => q.id !== current) } : r));
    const second = await makeTestAssistant({ roles: edited, store: first.store });
    const summary = viewOf(await second.assistant.handle(cmd('devops-quiz', 'start')), 'quiz-summary');
    expect(summary.note).toMatch(/question bank changed/);
    expect(summary.total).toBe(1);
    // ...and the next start begins a fresh quiz rather than failing again.
    expect(viewOf(await second.assistant.handle(cmd('devops-quiz', 'start')), 'quiz-question').progress.number).toBe(1);
  });

  it('refuses a free-text answer over the limit and keeps the question open', async () => {
    const t = await makeTestAssistant();
    const view = await startQuiz(t, 'start 2 text');
    const answerId = view.actions.find((a) => a.prompt)?.id ?? '';
    const long = 'x '.repeat(ANSWER_MAX);
    const refused = viewOf(await t.assistant.handle(act(answerId, undefined, long)), 'error');
    expect(refused.code).toBe('bad-arguments');
    expect(refused.message).toContain(`limited to ${ANSWER_MAX} characters`);
    const ok = await t.assistant.handle(act(answerId, undefined, 'A short answer.'));
    expect(viewOf(ok, 'quiz-question').progress.number).toBe(2);
  });

  it('lists every problem of a command at once, with suggestions', async () => {
    const t = await makeTestAssistant();
    const e = viewOf(await t.assistant.handle(cmd('devops-quiz', 'start legendary 99 tecnical')), 'error');
    expect(e.message).toMatch(/^3 problems:/);
    expect(e.message).toContain('did you mean technical?');
    expect(e.message).toContain('between 1 and 20');
  });

  it('explains what the summary and the stats count', async () => {
    const t = await makeTestAssistant();
    const view = await startQuiz(t, 'start 1');
    const summary = viewOf(await answerWrong(t, view), 'quiz-summary');
    expect(summary.footnote).toMatch(/skipped/);
    const stats = viewOf(await t.assistant.handle(cmd('devops-quiz', 'stats')), 'stats');
    expect(stats.footnote).toMatch(/skipped quiz question counts as answered wrong/);
  });
});

describe('topic words that match nothing', () => {
  it('says no question mentions them, and shows the closest card', async () => {
    const t = await makeTestAssistant();
    const card = viewOf(await t.assistant.handle(cmd('devops-question', 'kubernetes serverless')), 'card');
    expect(card.note).toBe('No question mentions "serverless"; the closest match is below.');
    const plain = viewOf(await t.assistant.handle(cmd('devops-question', 'kubernetes')), 'card');
    expect(plain.note).toBeUndefined();
  });

  it('refuses a topic nothing matches, naming the words and the topics there are', async () => {
    const t = await makeTestAssistant();
    const e = viewOf(await t.assistant.handle(cmd('devops-question', 'serverless')), 'error');
    expect(e.code).toBe('not-found');
    expect(e.message).toMatch(/^No question mentions "serverless"\. Topics: /);
  });
});
