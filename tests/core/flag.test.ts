/** The card's Flag button: a private thank-you, one flag per user, question and space, kept in the store. */
import { describe, expect, it } from 'vitest';
import { decodeAction, encodeAction, MAX_ACTION_ID } from '../../src/actions.js';
import { act, cmd, ctxFor, makeTestAssistant, type TestAssistant } from '../helpers/assistant.js';
import { actionLabelled, devopsSpace, errorCode, type ViewOf, viewOf } from './support.js';

async function card(t: TestAssistant, text = 'technical'): Promise<ViewOf<'card'>> {
  return viewOf(await t.assistant.handle(cmd('devops-question', text)), 'card');
}

describe('Flag button', () => {
  it('is the last of at most 5 card buttons, with a decodable id within 100 characters', async () => {
    const t = await makeTestAssistant();
    for (const tier of ['basic', 'technical', 'advanced']) {
      const view = await card(t, tier);
      expect(view.actions.length).toBeLessThanOrEqual(5);
      const flag = view.actions.at(-1);
      expect(flag?.label).toBe('Flag');
      expect(flag?.id.length).toBeLessThanOrEqual(MAX_ACTION_ID);
      expect(decodeAction(flag?.id ?? '')).toEqual({ area: 'flag', questionId: view.question.id });
    }
    const technical = await card(t, 'technical');
    expect(technical.actions.map((a) => a.label)).toEqual(['Show answer', 'Another', 'Harder', 'Easier', 'Flag']);
    const shown = viewOf(await t.assistant.handle(act(actionLabelled(technical.actions, 'Show answer'))), 'card');
    expect(shown.actions.at(-1)?.label).toBe('Flag');
  });

  it('records one flag and thanks the user privately without replacing the card', async () => {
    const t = await makeTestAssistant();
    const view = await card(t);
    const reply = await t.assistant.handle(act(actionLabelled(view.actions, 'Flag')));
    expect(reply.visibility).toBe('private');
    expect(reply.replace).not.toBe(true);
    const notice = viewOf(reply, 'notice');
    expect(notice.text).toBe(`Thanks — question flagged for review (${view.question.id}).`);
    expect(await t.store.listFlags()).toEqual([
      { roleId: 'devops-engineer', questionId: view.question.id, space: devopsSpace(), userId: 'U1', at: t.clock.now() },
    ]);
  });

  it('keeps a single flag when the same user presses it twice', async () => {
    const t = await makeTestAssistant();
    const view = await card(t);
    const id = actionLabelled(view.actions, 'Flag');
    await t.assistant.handle(act(id));
    t.clock.advance(60_000);
    const again = await t.assistant.handle(act(id));
    expect(again.replace).not.toBe(true);
    expect(viewOf(again, 'notice').text).toMatch(/already flagged/);
    const flags = await t.store.listFlags();
    expect(flags).toHaveLength(1);
    // The first press is the one kept.
    expect(flags[0]?.at).toBe(t.clock.now() - 60_000);
  });

  it('keeps flags of other users, and of other spaces, as separate entries, newest first', async () => {
    const t = await makeTestAssistant();
    const view = await card(t);
    const id = actionLabelled(view.actions, 'Flag');
    const otherSpace = { ...ctxFor('U1'), space: 'T2' };
    await t.assistant.handle(act(id));
    t.clock.advance(1_000);
    await t.assistant.handle(act(id, otherSpace));
    t.clock.advance(1_000);
    await t.assistant.handle(act(id, ctxFor('U2', 'Grace')));
    const flags = await t.store.listFlags();
    expect(flags.map((f) => [f.space, f.userId])).toEqual([
      [devopsSpace(), 'U2'],
      [devopsSpace(otherSpace), 'U1'],
      [devopsSpace(), 'U1'],
    ]);
    expect(new Set(flags.map((f) => f.questionId))).toEqual(new Set([view.question.id]));
  });

  it('treats a flag for a question not in the bank as stale and records nothing', async () => {
    const t = await makeTestAssistant();
    const reply = await t.assistant.handle(act(encodeAction('devops', { area: 'flag', questionId: 'no-such-question' })));
    expect(errorCode(reply)).toBe('stale-action');
    expect(reply.visibility).toBe('private');
    expect(await t.assistant.handle(act('devops|f|'))).toMatchObject({ view: { kind: 'error', code: 'stale-action' } });
    expect(await t.store.listFlags()).toEqual([]);
  });
});
