/** The interviewer's card: a question with what a strong answer covers. */

import { cardButtons, flagButtons } from '../commands/families/question-buttons.js';
import type { Question, Role } from '../content/schema.js';
import { cachesPer, deepFreeze } from '../memo.js';
import type { RoleRuntime } from '../role-runtime.js';
import type { Action, QuestionCard, View } from '../views.js';
import type { QuestionFilter } from './pick.js';

/** A question with its red flags resolved from the role's mistakes. */
export function questionCard(role: Pick<Role, 'mistakes'>, q: Question): QuestionCard {
  const mistakes = new Map(role.mistakes.map((m) => [m.id, m]));
  return {
    id: q.id,
    tier: q.tier,
    topics: q.topics,
    prompt: q.prompt,
    answer: q.answer,
    keyPoints: q.keyPoints.map((k) => k.point),
    followUps: q.followUps,
    redFlags: q.redFlags.flatMap((id) => {
      const m = mistakes.get(id);
      return m ? [{ title: m.title, text: m.text }] : [];
    }),
    rubric: q.rubric,
    notes: q.notes,
    source: q.source,
  };
}

/** The buttons under a card (at most 5); the filter rides along so "Another" keeps to it. */
export function cardActions(rt: RoleRuntime, q: Question, filter: QuestionFilter, answerShown: boolean): Action[] {
  const prefix = rt.role.commandPrefix;
  const ref = (op: 'show' | 'another' | 'harder' | 'easier') =>
    cardButtons.id(prefix, { op, questionId: q.id, ...(filter.tier ? { tier: filter.tier } : {}), ...(filter.topic ? { topic: filter.topic } : {}) });
  const actions: Action[] = [];
  if (!answerShown) actions.push({ id: ref('show'), label: 'Show answer', style: 'primary' });
  actions.push({ id: ref('another'), label: 'Another' });
  if (q.tier !== 'advanced') actions.push({ id: ref('harder'), label: 'Harder' });
  if (q.tier !== 'basic') actions.push({ id: ref('easier'), label: 'Easier' });
  // Last, so a card never has more than 5 buttons: one Discord row.
  actions.push({ id: flagButtons.id(prefix, { questionId: q.id }), label: 'Flag' });
  return actions;
}

/**
 * Cards per runtime. A card depends only on the question, the filter its
 * buttons carry, whether the answer shows and the note, never on who asked;
 * the topic is user text, so the cache is bounded.
 */
const cards = cachesPer<RoleRuntime, string, View>(512);

/**
 * The card view. The same inputs give the same frozen object, so building it
 * (and, in the renderers, rendering it) happens once, not on every request.
 */
export function cardView(rt: RoleRuntime, q: Question, filter: QuestionFilter, answerShown: boolean, note?: string): View {
  // JSON, so no typed topic can run into the next part of the key.
  const key = JSON.stringify([q.id, filter.tier ?? '', filter.topic ?? '', answerShown, note ?? '']);
  return cards(rt).getOr(key, () => {
    const view: View = {
      kind: 'card',
      roleTitle: rt.role.title,
      question: questionCard(rt.role, q),
      answerShown,
      ...(note ? { note } : {}),
      actions: cardActions(rt, q, filter, answerShown),
    };
    // A copy, so freezing it leaves the role's own arrays (topics, follow-ups) as they were.
    return deepFreeze(structuredClone(view));
  });
}
