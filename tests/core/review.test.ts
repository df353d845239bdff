/** Spaced review: missed questions come back in `/devops-quiz review` until answered right twice in a row. */
import { describe, expect, it } from 'vitest';
import { dueForReview, nextDue, nextReview } from '../../src/quiz/review.js';
import { act, cmd, makeTestAssistant, type TestAssistant } from '../helpers/assistant.js';
import { actionLabelled, answerRight, answerWrong, devopsSpace, startQuiz, viewOf } from './support.js';

const DAY = 24 * 60 * 60 * 1000;

async function reviewState(t: TestAssistant) {
  return (await t.store.getUser(devopsSpace(), 'U1'))?.review ?? {};
}

/** Misses the first question of a one-question quiz; returns its id. */
async function missOne(t: TestAssistant, tier = 'basic'): Promise<string> {
  const q = await startQuiz(t, `start ${tier} 1`);
  viewOf(await answerWrong(t, q), 'quiz-summary');
  return q.question.id;
}

describe('review through the assistant', () => {
  it('says there is nothing to review for a new user', async () => {
    const t = await makeTestAssistant();
    const reply = await t.assistant.handle(cmd('devops-quiz', 'review'));
    expect(reply.visibility).toBe('private');
    const notice = viewOf(reply, 'notice');
    expect(notice.title).toBe('Nothing to review');
    expect(notice.text).toContain('no missed questions');
  });

  it('brings a missed question back, in review mode', async () => {
    const t = await makeTestAssistant();
    const missed = await missOne(t);
    const now = t.clock.now();
    expect(await reviewState(t)).toEqual({ [missed]: { box: 1, due: now, run: 0 } });
    const review = viewOf(await t.assistant.handle(cmd('devops-quiz', 'review')), 'quiz-question');
    expect(review.review).toBe(true);
    expect(review.question.id).toBe(missed);
    expect(review.progress.total).toBe(1);
  });

  it('brings back skipped questions too, and only missed ones', async () => {
    const t = await makeTestAssistant();
    const q1 = await startQuiz(t, 'start 3');
    const q2 = viewOf(await answerRight(t, q1), 'quiz-question');
    const q3 = viewOf(await t.assistant.handle(act(actionLabelled(q2.actions, 'Skip'))), 'quiz-question');
    viewOf(await answerWrong(t, q3), 'quiz-summary');
    expect(Object.keys(await reviewState(t)).sort()).toEqual([q2.question.id, q3.question.id].sort());
    const review = viewOf(await t.assistant.handle(cmd('devops-quiz', 'review')), 'quiz-question');
    expect(review.progress.total).toBe(2);
    const ids = [review.question.id];
    const next = viewOf(await answerRight(t, review), 'quiz-question');
    ids.push(next.question.id);
    expect(ids.sort()).toEqual([q2.question.id, q3.question.id].sort());
  });

  it('moves a question up a box after one right answer, and retires it after two in a row', async () => {
    const t = await makeTestAssistant();
    const missed = await missOne(t);

    const first = viewOf(await t.assistant.handle(cmd('devops-quiz', 'review')), 'quiz-question');
    expect(viewOf(await answerRight(t, first), 'quiz-summary').review).toBe(true);
    const after1 = t.clock.now();
    expect(await reviewState(t)).toEqual({ [missed]: { box: 2, due: after1 + DAY, run: 1 } });

    // Not due yet: the notice says when it comes back.
    const early = viewOf(await t.assistant.handle(cmd('devops-quiz', 'review')), 'notice');
    expect(early.text).toContain('next one due');
    expect(early.text).toContain(new Date(after1 + DAY).toISOString().slice(0, 10));

    t.clock.advance(DAY);
    const second = viewOf(await t.assistant.handle(cmd('devops-quiz', 'review')), 'quiz-question');
    expect(second.question.id).toBe(missed);
    viewOf(await answerRight(t, second), 'quiz-summary');
    expect(await reviewState(t)).toEqual({});

    t.clock.advance(30 * DAY);
    expect(viewOf(await t.assistant.handle(cmd('devops-quiz', 'review')), 'notice').text).toContain('no missed questions');
  });

  it('puts a question back in box 1 when it is missed again during review', async () => {
    const t = await makeTestAssistant();
    const missed = await missOne(t);
    const first = viewOf(await t.assistant.handle(cmd('devops-quiz', 'review')), 'quiz-question');
    await answerRight(t, first);
    t.clock.advance(DAY);
    const second = viewOf(await t.assistant.handle(cmd('devops-quiz', 'review')), 'quiz-question');
    await answerWrong(t, second);
    expect(await reviewState(t)).toEqual({ [missed]: { box: 1, due: t.clock.now(), run: 0 } });
    // Due again at once.
    expect(viewOf(await t.assistant.handle(cmd('devops-quiz', 'review')), 'quiz-question').question.id).toBe(missed);
  });

  it('honours the review count and serves most overdue first', async () => {
    const t = await makeTestAssistant();
    const older = await missOne(t, 'basic');
    t.clock.advance(60_000);
    await missOne(t, 'technical');
    t.clock.advance(60_000);
    await missOne(t, 'advanced');
    const review = viewOf(await t.assistant.handle(cmd('devops-quiz', 'review 1')), 'quiz-question');
    expect(review.progress.total).toBe(1);
    expect(review.question.id).toBe(older);
  });

  it('starts a review from the summary button', async () => {
    const t = await makeTestAssistant();
    const q = await startQuiz(t, 'start 1');
    const summary = viewOf(await answerWrong(t, q), 'quiz-summary');
    const review = viewOf(await t.assistant.handle(act(actionLabelled(summary.actions, 'Review missed'))), 'quiz-question');
    expect(review).toMatchObject({ review: true, question: { id: q.question.id } });
  });
});

describe('Leitner functions', () => {
  const t0 = Date.UTC(2026, 0, 1);

  it('puts a miss in box 1, due at once, whatever the state', () => {
    expect(nextReview(undefined, false, t0)).toEqual({ box: 1, due: t0, run: 0 });
    expect(nextReview({ box: 3, due: t0 - 1, run: 1 }, false, t0)).toEqual({ box: 1, due: t0, run: 0 });
  });

  it('tracks nothing for a right answer to a question never missed', () => {
    expect(nextReview(undefined, true, t0)).toBeUndefined();
  });

  it('orders due items most overdue first and finds the next due time', () => {
    const review = {
      a: { box: 1, due: t0 - 10, run: 0 },
      b: { box: 1, due: t0 - 100, run: 0 },
      c: { box: 2, due: t0 + DAY, run: 1 },
      d: { box: 2, due: t0 + 3 * DAY, run: 1 },
    };
    expect(dueForReview(review, t0)).toEqual(['b', 'a']);
    expect(nextDue(review, t0)).toBe(t0 + DAY);
    expect(nextDue({}, t0)).toBeUndefined();
  });
});
