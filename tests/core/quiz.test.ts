/** Solo quizzes through the assistant: answers, points, streaks, sessions, staleness, expiry, concurrency. */
import { describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/actions.js';
import type { Tier } from '../../src/content/schema.js';
import { QUIZ_IDLE_MS } from '../../src/quiz/session.js';
import type { Reply } from '../../src/views.js';
import { act, cmd, ctxFor, makeTestAssistant, type TestAssistant } from '../helpers/assistant.js';
import {
  actionLabelled,
  answerRight,
  answerWrong,
  correctChoice,
  devopsRole,
  devopsSpace,
  errorCode,
  question,
  startQuiz,
  type ViewOf,
  viewOf,
} from './support.js';

const TIER_POINTS: Record<Tier, number> = { basic: 100, technical: 200, advanced: 300 };

/** Answers every question right; returns the replies in order. */
async function answerAllRight(t: TestAssistant, first: ViewOf<'quiz-question'>) {
  const replies: Reply[] = [];
  let view: ViewOf<'quiz-question'> | undefined = first;
  while (view) {
    const reply = await answerRight(t, view);
    replies.push(reply);
    view = reply.view.kind === 'quiz-question' ? reply.view : undefined;
  }
  return replies;
}

describe('a multiple-choice quiz', () => {
  it('runs from start to summary with four distinct choices, one of them correct', async () => {
    const t = await makeTestAssistant();
    const role = devopsRole(t);
    const first = await startQuiz(t, '');
    expect(first.mode).toBe('choice');
    expect(first.progress).toEqual({ number: 1, total: 5, points: 0, streak: 0 });
    const seenIds: string[] = [];
    let view: ViewOf<'quiz-question'> = first;
    for (let n = 1; n <= 5; n++) {
      expect(view.progress.number).toBe(n);
      seenIds.push(view.question.id);
      const q = question(role, view.question.id);
      expect(view.choices.map((c) => c.letter)).toEqual(['A', 'B', 'C', 'D']);
      expect([...view.choices.map((c) => c.text)].sort()).toEqual([q.choices.correct, ...q.choices.wrong].sort());
      const reply = await answerRight(t, view);
      expect(reply.visibility).toBe('private');
      expect(reply.replace).toBe(true);
      if (n < 5) view = viewOf(reply, 'quiz-question');
      else {
        const summary = viewOf(reply, 'quiz-summary');
        expect(summary).toMatchObject({ stopped: false, total: 5, answered: 5, correct: 5, bestStreak: 5, missed: [] });
        expect(summary.feedback?.outcome).toBe('correct');
      }
    }
    expect(new Set(seenIds).size).toBe(5);
  });

  it('shuffles choices: the correct one is not always in the same position', async () => {
    const t = await makeTestAssistant({ seed: 3 });
    const first = await startQuiz(t, 'start 20');
    const positions = new Set<string>();
    let view: ViewOf<'quiz-question'> | undefined = first;
    while (view) {
      positions.add(correctChoice(devopsRole(t), view).letter);
      const reply = await answerRight(t, view);
      view = reply.view.kind === 'quiz-question' ? reply.view : undefined;
    }
    expect(positions.size).toBeGreaterThan(1);
  });

  it.each(['basic', 'technical', 'advanced'] as const)('gives %s questions their tier points', async (tier) => {
    const t = await makeTestAssistant();
    const first = await startQuiz(t, `start ${tier} 1`);
    expect(first.question.tier).toBe(tier);
    const summary = viewOf(await answerRight(t, first), 'quiz-summary');
    expect(summary.points).toBe(TIER_POINTS[tier]);
    expect(summary.feedback).toMatchObject({ outcome: 'correct', points: TIER_POINTS[tier], bonus: 0 });
  });

  it('adds a streak bonus from the third correct answer in a row, capped at 150', async () => {
    const t = await makeTestAssistant();
    const first = await startQuiz(t, 'start basic 7');
    const replies = await answerAllRight(t, first);
    const feedback = replies.map((r) => (r.view.kind === 'quiz-question' || r.view.kind === 'quiz-summary' ? r.view.feedback : undefined));
    expect(feedback.map((f) => f?.bonus)).toEqual([0, 0, 50, 100, 150, 150, 150]);
    expect(feedback.map((f) => f?.points)).toEqual([100, 100, 150, 200, 250, 250, 250]);
    const summary = viewOf(replies[6] as Reply, 'quiz-summary');
    expect(summary.points).toBe(1300);
    const record = await t.store.getUser(devopsSpace(), 'U1');
    expect(record?.points).toBe(1300);
    expect(record?.streak).toBe(7);
  });

  it('scores a wrong answer 0, shows the correct choice and resets the streak bonus', async () => {
    const t = await makeTestAssistant();
    const role = devopsRole(t);
    let view = await startQuiz(t, 'start basic 6');
    // right, right, right (bonus 50), wrong, right (no bonus), right (no bonus)
    const plan = [true, true, true, false, true, true];
    const got: { outcome?: string; points?: number; bonus?: number }[] = [];
    for (const right of plan) {
      const q = question(role, view.question.id);
      const reply = right ? await answerRight(t, view) : await answerWrong(t, view);
      const next = reply.view;
      const fb = next.kind === 'quiz-question' || next.kind === 'quiz-summary' ? next.feedback : undefined;
      expect(fb?.correctChoice).toBe(q.choices.correct);
      expect(fb?.modelAnswer).toBe(q.answer);
      got.push({ outcome: fb?.outcome, points: fb?.points, bonus: fb?.bonus });
      if (next.kind === 'quiz-question') view = next;
    }
    expect(got).toEqual([
      { outcome: 'correct', points: 100, bonus: 0 },
      { outcome: 'correct', points: 100, bonus: 0 },
      { outcome: 'correct', points: 150, bonus: 50 },
      { outcome: 'wrong', points: 0, bonus: 0 },
      { outcome: 'correct', points: 100, bonus: 0 },
      { outcome: 'correct', points: 100, bonus: 0 },
    ]);
  });

  it('accepts /devops-quiz answer with a letter (any case) or with the choice text', async () => {
    const t = await makeTestAssistant();
    const role = devopsRole(t);
    const first = await startQuiz(t, 'start 2');
    const right = correctChoice(role, first);
    const second = viewOf(await t.assistant.handle(cmd('devops-quiz', `answer ${right.letter.toLowerCase()}`)), 'quiz-question');
    expect(second.feedback?.outcome).toBe('correct');
    const text = correctChoice(role, second).text;
    const summary = viewOf(await t.assistant.handle(cmd('devops-quiz', `answer ${text.toUpperCase()}`)), 'quiz-summary');
    expect(summary.correct).toBe(2);
  });

  it('rejects an answer that is neither a letter nor a choice, without using up the question', async () => {
    const t = await makeTestAssistant();
    const first = await startQuiz(t, 'start 2');
    const reply = await t.assistant.handle(cmd('devops-quiz', 'answer E'));
    expect(errorCode(reply)).toBe('bad-arguments');
    const again = viewOf(await t.assistant.handle(cmd('devops-quiz', 'start')), 'quiz-question');
    expect(again.question.id).toBe(first.question.id);
    expect(again.progress.number).toBe(1);
  });
});

describe('skip and stop', () => {
  it('skips with a button and with /devops-quiz skip: 0 points, outcome skipped', async () => {
    const t = await makeTestAssistant();
    const first = await startQuiz(t, 'start 3');
    const second = viewOf(await t.assistant.handle(act(actionLabelled(first.actions, 'Skip'))), 'quiz-question');
    expect(second.feedback).toMatchObject({ outcome: 'skipped', points: 0, questionId: first.question.id });
    const third = viewOf(await t.assistant.handle(cmd('devops-quiz', 'skip')), 'quiz-question');
    expect(third.feedback).toMatchObject({ outcome: 'skipped', points: 0, questionId: second.question.id });
    expect(third.progress).toMatchObject({ number: 3, points: 0 });
  });

  it('stops with a summary marked stopped, counting only what was answered', async () => {
    const t = await makeTestAssistant();
    const first = await startQuiz(t, 'start basic 5');
    const second = viewOf(await answerRight(t, first), 'quiz-question');
    const reply = await t.assistant.handle(cmd('devops-quiz', 'stop'));
    expect(reply.visibility).toBe('private');
    const summary = viewOf(reply, 'quiz-summary');
    expect(summary).toMatchObject({ stopped: true, total: 1, answered: 1, correct: 1, points: 100 });
    expect(errorCode(await t.assistant.handle(cmd('devops-quiz', 'answer A')))).toBe('no-quiz');
    // The old buttons are now stale.
    expect(errorCode(await t.assistant.handle(act(second.choices[0]?.actionId ?? '')))).toBe('stale-action');
  });

  it('stops from the Stop button, replacing the message', async () => {
    const t = await makeTestAssistant();
    const first = await startQuiz(t, 'start 3');
    const reply = await t.assistant.handle(act(actionLabelled(first.actions, 'Stop')));
    expect(reply.replace).toBe(true);
    expect(viewOf(reply, 'quiz-summary')).toMatchObject({ stopped: true, total: 0, answered: 0 });
  });

  it('answers no-quiz for answer, skip and stop without a quiz', async () => {
    const t = await makeTestAssistant();
    for (const sub of ['answer A', 'skip', 'stop']) {
      expect(errorCode(await t.assistant.handle(cmd('devops-quiz', sub)))).toBe('no-quiz');
    }
  });
});

describe('sessions', () => {
  it('keeps one quiz per user per conversation: starting again shows the current question with a note', async () => {
    const t = await makeTestAssistant();
    const first = await startQuiz(t, 'start 5');
    const second = viewOf(await answerRight(t, first), 'quiz-question');
    const again = await startQuiz(t, 'start advanced 3');
    expect(again.question.id).toBe(second.question.id);
    expect(again.progress).toMatchObject({ number: 2, total: 5 });
    expect(again.note).toContain('already have a quiz running');
    // Same session: the buttons shown by the restart are the live ones.
    expect(again.choices.map((c) => c.actionId)).toEqual(second.choices.map((c) => c.actionId));
  });

  it('allows a second quiz for the same user in another conversation', async () => {
    const t = await makeTestAssistant();
    await startQuiz(t, 'start 3', ctxFor('U1', 'Ada', 'C1'));
    const other = await startQuiz(t, 'start 3', ctxFor('U1', 'Ada', 'C2'));
    expect(other.note).toBeUndefined();
    expect(other.progress.number).toBe(1);
  });

  it('keeps two users in one conversation independent', async () => {
    const t = await makeTestAssistant();
    const ada = ctxFor('U1', 'Ada');
    const bo = ctxFor('U2', 'Bo');
    const a1 = await startQuiz(t, 'start basic 3', ada);
    const b1 = await startQuiz(t, 'start advanced 3', bo);
    expect(b1.note).toBeUndefined();
    const a2 = viewOf(await answerRight(t, a1, ada), 'quiz-question');
    expect(a2.progress).toMatchObject({ number: 2, points: 100 });
    // Bo's quiz did not move.
    const bAgain = await startQuiz(t, 'start', bo);
    expect(bAgain.question.id).toBe(b1.question.id);
    expect(bAgain.progress).toMatchObject({ number: 1, points: 0 });
    // Bo pressing Ada's button does not answer Ada's quiz.
    expect(errorCode(await t.assistant.handle(act(correctChoice(devopsRole(t), a2).actionId, bo)))).toBe('stale-action');
    const aAgain = await startQuiz(t, 'start', ada);
    expect(aAgain.progress.number).toBe(2);
    expect((await t.store.getUser(devopsSpace(), 'U2'))?.answered ?? 0).toBe(0);
  });
});

describe('stale buttons', () => {
  it('rejects a button of an already answered question', async () => {
    const t = await makeTestAssistant();
    const first = await startQuiz(t, 'start 3');
    await answerRight(t, first);
    const reply = await t.assistant.handle(act(correctChoice(devopsRole(t), first).actionId));
    expect(errorCode(reply)).toBe('stale-action');
    const skipOld = await t.assistant.handle(act(actionLabelled(first.actions, 'Skip')));
    expect(errorCode(skipOld)).toBe('stale-action');
    expect((await t.store.getUser(devopsSpace(), 'U1'))?.answered).toBe(1);
  });

  it('rejects a button of another session id', async () => {
    const t = await makeTestAssistant();
    const first = await startQuiz(t, 'start 3');
    const forged = encodeAction('devops', { area: 'quiz', op: 'choice', sessionId: 'zzzzzzzz', index: 0, choice: 0 });
    expect(first.choices.some((c) => c.actionId === forged)).toBe(false);
    expect(errorCode(await t.assistant.handle(act(forged)))).toBe('stale-action');
  });

  it('rejects buttons after the quiz ended', async () => {
    const t = await makeTestAssistant();
    const first = await startQuiz(t, 'start 1');
    viewOf(await answerRight(t, first), 'quiz-summary');
    for (const id of [...first.choices.map((c) => c.actionId), actionLabelled(first.actions, 'Stop')]) {
      expect(errorCode(await t.assistant.handle(act(id)))).toBe('stale-action');
    }
  });

  it('rejects an old session button after a new quiz started in its place', async () => {
    const t = await makeTestAssistant();
    const old = await startQuiz(t, 'start 2');
    await t.assistant.handle(cmd('devops-quiz', 'stop'));
    const fresh = await startQuiz(t, 'start 2');
    expect(fresh.note).toBeUndefined();
    expect(errorCode(await t.assistant.handle(act(old.choices[0]?.actionId ?? '')))).toBe('stale-action');
    expect((await startQuiz(t, 'start')).progress.number).toBe(1);
  });

  it('rejects buttons of an unknown role prefix or garbage', async () => {
    const t = await makeTestAssistant();
    const first = await startQuiz(t, 'start 2');
    const foreign = (first.choices[0]?.actionId ?? '').replace(/^devops\|/, 'other|');
    expect(errorCode(await t.assistant.handle(act(foreign)))).toBe('stale-action');
    expect(errorCode(await t.assistant.handle(act('devops|z|choice')))).toBe('stale-action');
  });
});

describe('expiry', () => {
  it('keeps a quiz idle for just under 30 minutes', async () => {
    const t = await makeTestAssistant();
    const first = await startQuiz(t, 'start 2');
    t.clock.advance(QUIZ_IDLE_MS);
    expect(viewOf(await answerRight(t, first), 'quiz-question').progress.number).toBe(2);
  });

  it('expires an idle quiz: buttons are stale and answer says no-quiz', async () => {
    const t = await makeTestAssistant();
    const first = await startQuiz(t, 'start 2');
    t.clock.advance(QUIZ_IDLE_MS + 1);
    expect(errorCode(await answerRight(t, first))).toBe('stale-action');
    expect(errorCode(await t.assistant.handle(cmd('devops-quiz', 'answer A')))).toBe('no-quiz');
    // A new quiz can start without the "already running" note.
    expect((await startQuiz(t, 'start')).note).toBeUndefined();
  });

  it('measures idleness from the last answer, not the start', async () => {
    const t = await makeTestAssistant();
    const first = await startQuiz(t, 'start 3');
    t.clock.advance(20 * 60 * 1000);
    const second = viewOf(await answerRight(t, first), 'quiz-question');
    t.clock.advance(20 * 60 * 1000);
    expect(viewOf(await answerRight(t, second), 'quiz-question').progress.number).toBe(3);
  });
});

describe('free-text quiz', () => {
  it('grades the model answer as correct with points, and nonsense as wrong', async () => {
    const t = await makeTestAssistant();
    const role = devopsRole(t);
    const first = await startQuiz(t, 'start technical 2 text');
    expect(first.mode).toBe('text');
    expect(first.choices).toEqual([]);
    const q1 = question(role, first.question.id);
    const second = viewOf(await t.assistant.handle(cmd('devops-quiz', `answer ${q1.answer}`)), 'quiz-question');
    const good = second.feedback;
    expect(good?.outcome).toBe('correct');
    expect(good?.score).toBeGreaterThanOrEqual(60);
    expect(good?.points).toBeGreaterThan(0);
    expect(good?.points).toBeLessThanOrEqual(TIER_POINTS.technical);
    expect(good?.correctChoice).toBeUndefined();
    expect(good?.modelAnswer).toBe(q1.answer);

    const summary = viewOf(await t.assistant.handle(cmd('devops-quiz', 'answer bananas are yellow and taste sweet')), 'quiz-summary');
    expect(summary.feedback).toMatchObject({ outcome: 'wrong', points: 0 });
    expect(summary.feedback?.score).toBeLessThan(60);
    expect(summary.correct).toBe(1);
  });

  it('takes the answer from the Answer form, which carries a prompt', async () => {
    const t = await makeTestAssistant();
    const first = await startQuiz(t, 'start basic 1 free');
    const answer = first.actions.find((a) => a.label === 'Answer');
    expect(answer?.prompt?.actionId).toBe(answer?.id);
    const q = question(devopsRole(t), first.question.id);
    const reply = await t.assistant.handle(act(answer?.prompt?.actionId ?? '', ctxFor(), q.answer));
    expect(reply.replace).toBe(true);
    expect(viewOf(reply, 'quiz-summary').feedback?.outcome).toBe('correct');
  });

  it('refuses a choice button in a text quiz and a text submit in a choice quiz', async () => {
    const t = await makeTestAssistant();
    const text = await startQuiz(t, 'start 1 text', ctxFor('U1', 'Ada', 'C1'));
    const sessionId = (text.actions[0]?.id ?? '').split('|')[3] ?? '';
    const choiceId = encodeAction('devops', { area: 'quiz', op: 'choice', sessionId, index: 0, choice: 0 });
    expect(errorCode(await t.assistant.handle(act(choiceId, ctxFor('U1', 'Ada', 'C1'))))).toBe('stale-action');

    const choice = await startQuiz(t, 'start 1', ctxFor('U1', 'Ada', 'C2'));
    const choiceSession = (choice.choices[0]?.actionId ?? '').split('|')[3] ?? '';
    const textId = encodeAction('devops', { area: 'quiz', op: 'text', sessionId: choiceSession, index: 0 });
    expect(errorCode(await t.assistant.handle(act(textId, ctxFor('U1', 'Ada', 'C2'), 'anything')))).toBe('stale-action');
  });
});

describe('summary', () => {
  it('lists missed and skipped questions with their model answers and what was given', async () => {
    const t = await makeTestAssistant();
    const role = devopsRole(t);
    const q1 = await startQuiz(t, 'start 3');
    const wrong = q1.choices.find((c) => c.text !== question(role, q1.question.id).choices.correct);
    const q2 = viewOf(await t.assistant.handle(act(wrong?.actionId ?? '')), 'quiz-question');
    const q3 = viewOf(await t.assistant.handle(act(actionLabelled(q2.actions, 'Skip'))), 'quiz-question');
    const summary = viewOf(await answerRight(t, q3), 'quiz-summary');
    expect(summary).toMatchObject({ total: 3, answered: 2, correct: 1 });
    expect(summary.missed).toEqual([
      {
        id: q1.question.id,
        tier: q1.question.tier,
        prompt: q1.question.prompt,
        modelAnswer: question(role, q1.question.id).answer,
        outcome: 'wrong',
        given: wrong?.text,
      },
      { id: q2.question.id, tier: q2.question.tier, prompt: q2.question.prompt, modelAnswer: question(role, q2.question.id).answer, outcome: 'skipped' },
    ]);
    expect(summary.actions.map((a) => a.label)).toContain('Review missed');
  });

  it('offers a new quiz of the same settings from the summary', async () => {
    const t = await makeTestAssistant();
    const first = await startQuiz(t, 'start advanced 1');
    const summary = viewOf(await answerRight(t, first), 'quiz-summary');
    expect(summary.actions.map((a) => a.label)).not.toContain('Review missed');
    const next = viewOf(await t.assistant.handle(act(actionLabelled(summary.actions, 'New quiz'))), 'quiz-question');
    expect(next.question.tier).toBe('advanced');
    expect(next.progress.total).toBe(1);
    expect(next.question.id).not.toBe(first.question.id);
  });
});

describe('concurrency', () => {
  it('records exactly one of two simultaneous clicks on the same choice', async () => {
    const t = await makeTestAssistant();
    const first = await startQuiz(t, 'start 3');
    const id = correctChoice(devopsRole(t), first).actionId;
    const replies = await Promise.all([t.assistant.handle(act(id)), t.assistant.handle(act(id))]);
    const kinds = replies.map((r) => (r.view.kind === 'error' ? r.view.code : r.view.kind)).sort();
    expect(kinds).toEqual(['quiz-question', 'stale-action']);
    const record = await t.store.getUser(devopsSpace(), 'U1');
    expect(record?.answered).toBe(1);
    expect(record?.correct).toBe(1);
    expect((await startQuiz(t, 'start')).progress.number).toBe(2);
  });

  it('records one answer for a click and a typed answer at the same time', async () => {
    const t = await makeTestAssistant();
    const first = await startQuiz(t, 'start 3');
    const right = correctChoice(devopsRole(t), first);
    const replies = await Promise.all([t.assistant.handle(act(right.actionId)), t.assistant.handle(cmd('devops-quiz', `answer ${right.letter}`))]);
    // Both are valid requests, served one after the other: the second answers question 2.
    expect(replies.every((r) => r.view.kind === 'quiz-question')).toBe(true);
    expect((await t.store.getUser(devopsSpace(), 'U1'))?.answered).toBe(2);
  });
});
