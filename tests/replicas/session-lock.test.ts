/**
 * Two replicas on one database (two Postgres stores, two assistants, as two
 * processes would have them): a double click, the same button reaching both
 * at once, is handled once. The session is locked for the request's whole
 * transaction, so the second request waits for the first to commit, then
 * finds the quiz moved on and is told the button is stale; nothing is recorded
 * twice and no question is skipped. Two concurrent starts make one quiz.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/views.js';
import { openPostgresStore, type PostgresStore } from '../../storage/postgres/postgres-store.js';
import { correctChoice, devopsRole, devopsSpace, type ViewOf, viewOf } from '../core/support.js';
import { act, cmd, ctxFor, makeTestAssistant, type TestAssistant } from '../helpers/assistant.js';
import { truncateAll, usePostgresDatabase } from '../helpers/postgres.js';

const db = usePostgresDatabase();
const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const opened: PostgresStore[] = [];

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  await truncateAll(db.url());
});

/** Two replicas: each its own pool and assistant (its own in-process locks), one database. */
async function replicas(): Promise<[TestAssistant, TestAssistant]> {
  const open = async () => {
    const store = await openPostgresStore({ url: db.url(), logger: quiet, sessionMaxAgeMs: 0 });
    opened.push(store);
    return store;
  };
  return [await makeTestAssistant({ store: await open(), seed: 1 }), await makeTestAssistant({ store: await open(), seed: 2 })];
}

const USERS = 6;
const STEPS = 4;

describe('many replicas: one quiz session, two processes', () => {
  it('handles a button sent to two replicas at once exactly once, for every step of every user', { timeout: 60_000 }, async () => {
    const [a, b] = await replicas();
    const role = devopsRole(a);
    const users = Array.from({ length: USERS }, (_, i) => ctxFor(`U${i + 1}`, `user${i + 1}`));
    let stale = 0;
    let fed = 0;
    await Promise.all(
      users.map(async (ctx) => {
        let view = viewOf(await a.assistant.handle(cmd('devops-quiz', `start basic ${STEPS}`, ctx)), 'quiz-question');
        for (let step = 0; step < STEPS; step++) {
          const choice = correctChoice(role, view);
          // The double click: the same action to both replicas, concurrently.
          const replies = await Promise.all([a.assistant.handle(act(choice.actionId, ctx)), b.assistant.handle(act(choice.actionId, ctx))]);
          const answered = replies.filter((r) => r.view.kind !== 'error');
          const refused = replies.filter((r) => r.view.kind === 'error');
          expect(answered, `${ctx.user.id} step ${step + 1}: one reply answers`).toHaveLength(1);
          expect(refused.map((r) => viewOf(r, 'error').code)).toEqual(['stale-action']);
          stale++;
          const winner = answered[0] as Reply;
          const feedback = winner.view.kind === 'quiz-question' || winner.view.kind === 'quiz-summary' ? winner.view.feedback : undefined;
          expect(feedback?.outcome).toBe('correct');
          fed++;
          if (step < STEPS - 1) {
            view = viewOf(winner, 'quiz-question') as ViewOf<'quiz-question'>;
            // No step skipped: the next question is the next one in order.
            expect(view.progress.number).toBe(step + 2);
          } else viewOf(winner, 'quiz-summary');
        }
      }),
    );
    expect(fed).toBe(USERS * STEPS);
    expect(stale).toBe(USERS * STEPS);
    for (const ctx of users) {
      const record = await b.store.getUser(devopsSpace(ctx), ctx.user.id);
      expect(record?.answered, ctx.user.id).toBe(STEPS);
      expect(record?.correct, ctx.user.id).toBe(STEPS);
      expect(new Set(record?.recent.map((r) => r.questionId)).size).toBe(STEPS);
    }
  });

  it('two concurrent starts on two replicas make one quiz: the second is shown the first', { timeout: 60_000 }, async () => {
    const [a, b] = await replicas();
    for (let round = 0; round < 5; round++) {
      const ctx = ctxFor(`S${round}`, `starter${round}`);
      const [first, second] = await Promise.all([
        a.assistant.handle(cmd('devops-quiz', 'start basic 3', ctx)),
        b.assistant.handle(cmd('devops-quiz', 'start basic 3', ctx)),
      ]);
      const views = [viewOf(first, 'quiz-question'), viewOf(second, 'quiz-question')];
      // One of them started it, the other says a quiz is already running and shows the same question and buttons.
      expect(views.filter((v) => v.note?.startsWith('You already have a quiz running')).length, `round ${round}`).toBe(1);
      expect(views[0]?.choices.map((c) => c.actionId)).toEqual(views[1]?.choices.map((c) => c.actionId));
    }
  });
});
