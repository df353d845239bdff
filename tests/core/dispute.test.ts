/** "I think I was right": a graded free-text answer can be disputed once, by its author, and the content owner reads it. */
import { describe, expect, it } from 'vitest';
import { decodeAction } from '../../src/actions.js';
import { openLowdbStore } from '../../storage/lowdb-store.js';
import { jsonLines, runCli, testEnv } from '../console/spawn.js';
import { act, ctxFor, makeTestAssistant } from '../helpers/assistant.js';
import { tempDir } from '../storage/helpers.js';
import { startQuiz, viewOf } from './support.js';

const ANSWER = 'I would use a remote backend with locking and review the plan in CI.';

async function gradedAnswer(t: Awaited<ReturnType<typeof makeTestAssistant>>) {
  const view = await startQuiz(t, 'start 3 text');
  const answerId = view.actions.find((a) => a.prompt)?.id ?? '';
  const next = viewOf(await t.assistant.handle(act(answerId, undefined, ANSWER)), 'quiz-question');
  return { first: view, next, dispute: next.actions.find((a) => a.label === 'I think I was right') };
}

describe('disputing a grade', () => {
  it('offers the button after a graded free-text answer only', async () => {
    const t = await makeTestAssistant();
    const { dispute } = await gradedAnswer(t);
    expect(dispute).toBeDefined();
    expect(decodeAction(dispute?.id ?? '')).toMatchObject({ area: 'dispute' });
    // A multiple-choice answer has nothing to dispute: the choice is right or wrong.
    const mc = await makeTestAssistant();
    const choice = await startQuiz(mc, 'start 2');
    const after = viewOf(await mc.assistant.handle(act(choice.choices[0]?.actionId ?? '')), 'quiz-question');
    expect(after.actions.map((a) => a.label)).not.toContain('I think I was right');
  });

  it('records the answer, the grade and the user once, and says so', async () => {
    const t = await makeTestAssistant();
    const { first, dispute } = await gradedAnswer(t);
    const recorded = viewOf(await t.assistant.handle(act(dispute?.id ?? '')), 'notice');
    expect(recorded.title).toBe('Dispute recorded');
    const again = viewOf(await t.assistant.handle(act(dispute?.id ?? '')), 'notice');
    expect(again.title).toBe('Already disputed');
    const kept = (await t.store.listFlags()).filter((f) => f.kind === 'dispute');
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ questionId: first.question.id, userId: 'U1', dispute: { answer: ANSWER, name: 'Ada' } });
    expect(kept[0]?.dispute?.score).toBeGreaterThanOrEqual(0);
  });

  it('lets nobody dispute another user’s answer with a copied button', async () => {
    const t = await makeTestAssistant();
    const { dispute } = await gradedAnswer(t);
    const other = await t.assistant.handle(act(dispute?.id ?? '', ctxFor('U2', 'Eve')));
    expect(viewOf(other, 'error').code).toBe('stale-action');
    expect((await t.store.listFlags()).filter((f) => f.kind === 'dispute')).toEqual([]);
  });

  it('lists disputes for the content owner with `disputes --json`, and keeps them out of `flags`', { timeout: 60_000 }, async () => {
    const dataDir = await tempDir();
    const store = await openLowdbStore({ dataDir });
    await store.addFlag({ roleId: 'devops-engineer', questionId: 'terraform-remote-state', space: 'devops-engineer@slack:T1', userId: 'U1', at: 1_000 });
    await store.addFlag({
      roleId: 'devops-engineer',
      questionId: 'terraform-remote-state',
      space: 'devops-engineer@slack:T1',
      userId: 'U1',
      at: 2_000,
      kind: 'dispute',
      dispute: { answer: ANSWER, score: 41, name: 'Ada' },
    });
    await store.close();
    const env = testEnv({ DATA_DIR: dataDir });
    const disputes = await runCli(['disputes', '--json'], env);
    expect(disputes.code).toBe(0);
    expect(jsonLines(disputes.stdout)).toEqual([
      {
        roleId: 'devops-engineer',
        questionId: 'terraform-remote-state',
        space: 'devops-engineer@slack:T1',
        userId: 'U1',
        name: 'Ada',
        answer: ANSWER,
        score: 41,
        at: 2_000,
      },
    ]);
    const flags = jsonLines((await runCli(['flags', '--json'], env)).stdout);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ count: 1 });
    const text = await runCli(['disputes'], env);
    expect(text.stdout).toContain('graded 41/100');
  });
});
