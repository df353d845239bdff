/**
 * Small helpers shared by the core tests: narrowing replies to a view kind and
 * finding the right (or a wrong) choice of a quiz question from the content.
 */
import { expect } from 'vitest';
import type { Question, Role } from '../../src/content/schema.js';
import type { RequestContext } from '../../src/requests.js';
import type { Reply, View } from '../../src/views.js';
import { act, cmd, ctxFor, type TestAssistant } from '../helpers/assistant.js';

export type ViewOf<K extends View['kind']> = Extract<View, { kind: K }>;

/** The reply's view, asserting its kind (with the actual view in the failure message). */
export function viewOf<K extends View['kind']>(reply: Reply, kind: K): ViewOf<K> {
  if (reply.view.kind !== kind) {
    throw new Error(`expected a ${kind} view, got ${JSON.stringify(reply.view).slice(0, 400)}`);
  }
  return reply.view as ViewOf<K>;
}

/** The error code of an error reply (fails on any other view). */
export function errorCode(reply: Reply): string {
  return viewOf(reply, 'error').code;
}

export function devopsRole(t: TestAssistant): Role {
  const role = t.roles.find((r) => r.commandPrefix === 'devops');
  if (!role) throw new Error('devops role missing');
  return role;
}

export function question(role: Role, id: string): Question {
  const q = role.questions.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
}

/** Store space of the devops role for a console user in space T1 (mirrors `storeSpace`). */
export function devopsSpace(ctx: RequestContext = ctxFor()): string {
  return `devops-engineer@${ctx.user.platform}:${ctx.space}`;
}

/** The displayed choice whose text is the question's correct choice in the content. */
export function correctChoice(role: Role, view: ViewOf<'quiz-question'>): ViewOf<'quiz-question'>['choices'][number] {
  const q = question(role, view.question.id);
  const matches = view.choices.filter((c) => c.text === q.choices.correct);
  expect(matches).toHaveLength(1);
  return matches[0] as ViewOf<'quiz-question'>['choices'][number];
}

/** A displayed choice that is one of the content's wrong choices. */
export function wrongChoice(role: Role, view: ViewOf<'quiz-question'>): ViewOf<'quiz-question'>['choices'][number] {
  const q = question(role, view.question.id);
  const wrong = view.choices.find((c) => q.choices.wrong.includes(c.text));
  if (!wrong) throw new Error('no wrong choice displayed');
  return wrong;
}

/** The action with a given label. */
export function actionLabelled(actions: readonly { id: string; label: string }[], label: string): string {
  const found = actions.find((a) => a.label === label);
  if (!found) throw new Error(`no "${label}" action among ${actions.map((a) => a.label).join(', ')}`);
  return found.id;
}

/** Starts a quiz with `text` args and returns its first question view. */
export async function startQuiz(t: TestAssistant, text: string, ctx: RequestContext = ctxFor()): Promise<ViewOf<'quiz-question'>> {
  return viewOf(await t.assistant.handle(cmd('devops-quiz', text, ctx)), 'quiz-question');
}

/** Clicks the correct choice of the current question. */
export async function answerRight(t: TestAssistant, view: ViewOf<'quiz-question'>, ctx: RequestContext = ctxFor()): Promise<Reply> {
  return t.assistant.handle(act(correctChoice(devopsRole(t), view).actionId, ctx));
}

/** Clicks a wrong choice of the current question. */
export async function answerWrong(t: TestAssistant, view: ViewOf<'quiz-question'>, ctx: RequestContext = ctxFor()): Promise<Reply> {
  return t.assistant.handle(act(wrongChoice(devopsRole(t), view).actionId, ctx));
}
