/**
 * `/devops-interview` driven through the real assistant: plan → start → tick
 * → paste → note → next … → finish → scorecard; list, show, share (asked
 * first), delete; nobody else can see or act; retention purges old scorecards.
 */
import { describe, expect, it } from 'vitest';
import { decodeAction } from '../../src/actions.js';
import { interviewButtons } from '../../src/commands/families/interview-buttons.js';
import { scorecardMarkdown } from '../../src/interview/export.js';
import { retentionCutoff } from '../../src/interview/retention.js';
import type { Reply } from '../../src/views.js';
import { act, cmd, ctxFor, makeTestAssistant, type TestAssistant } from '../helpers/assistant.js';
import { actionLabelled, devopsRole, errorCode, question, viewOf } from './support.js';

const ME = ctxFor('U1', 'Ada');
const OTHER = ctxFor('U2', 'Mallory');
const MINUTE = 60_000;

const plan = (t: TestAssistant, text: string, ctx = ME) => t.assistant.handle(cmd('devops-interview', text, ctx));
const press = (t: TestAssistant, id: string, ctx = ME, text?: string) => t.assistant.handle(act(id, ctx, text));

async function planned(t: TestAssistant, text = 'senior 30 candidate:Jane <@U9> Doe') {
  const reply = await plan(t, text);
  expect(reply.visibility).toBe('private');
  return viewOf(reply, 'interview-plan');
}

async function started(t: TestAssistant) {
  const p = await planned(t);
  const reply = await press(t, actionLabelled(p.actions, 'Start'));
  expect(reply.replace).toBe(true);
  return { plan: p, card: viewOf(reply, 'interview-card') };
}

/** The interview id in a plan's Start button. */
function interviewId(actions: readonly { id: string; label: string }[]): string {
  const ref = decodeAction(actionLabelled(actions, 'Start'));
  if (!ref || ref.area !== 'interview' || !('interviewId' in ref)) throw new Error('no interview id');
  return ref.interviewId;
}

async function runToScorecard(t: TestAssistant) {
  const { plan: p, card: first } = await started(t);
  const role = devopsRole(t);
  // Question 1: tick key points 1 and 3 through the checklist action (the whole selection), hear one red flag.
  let card = viewOf(await press(t, first.keyPoints.id, ME, '0 2'), 'interview-card');
  expect(card.keyPoints.items.filter((i) => i.checked).map((i) => i.value)).toEqual(['0', '2']);
  if (card.redFlags) {
    card = viewOf(await press(t, card.redFlags.id, ME, card.redFlags.items[0]!.value), 'interview-card');
    expect(card.redFlags!.items[0]!.checked).toBe(true);
  }
  t.clock.advance(4 * MINUTE);
  card = viewOf(await press(t, actionLabelled(card.actions, 'Next')), 'interview-card');
  expect(card.number).toBe(2);
  // Question 2: paste the model answer: it is graded and pre-ticks what it covered.
  const q2 = question(role, card.question.id);
  const paste = card.actions.find((a) => a.label === 'Paste answer')!;
  card = viewOf(await press(t, paste.prompt!.actionId, ME, q2.answer), 'interview-card');
  expect(card.pasted?.score).toBeGreaterThan(50);
  const pre = card.keyPoints.items.filter((i) => i.checked);
  expect(pre.length).toBeGreaterThan(0);
  expect(pre.every((i) => i.hint === 'found in the pasted answer')).toBe(true);
  // A note, then one too long (refused, nothing changes).
  const note = card.actions.find((a) => a.label === 'Add note')!;
  card = viewOf(await press(t, note.prompt!.actionId, ME, 'Strong on <!here> rollbacks'), 'interview-card');
  expect(card.interviewerNote).toBe('Strong on <!here> rollbacks');
  expect(errorCode(await press(t, note.prompt!.actionId, ME, 'x'.repeat(1001)))).toBe('bad-arguments');
  // Show answer changes nothing stored.
  expect(viewOf(await press(t, actionLabelled(card.actions, 'Show answer')), 'interview-card').answerShown).toBe(true);
  t.clock.advance(6 * MINUTE);
  // Skip the third, if any, then finish.
  if (card.of > 2) {
    card = viewOf(await press(t, actionLabelled(card.actions, 'Next')), 'interview-card');
    // Skip on the last question ends the interview too; one in between stays not reached.
    const reply = await press(t, actionLabelled(card.actions, card.number === card.of ? 'Skip' : 'Finish early'));
    return { p, reply, pre: pre.length };
  }
  return { p, reply: await press(t, actionLabelled(card.actions, 'Finish')), pre: pre.length };
}

describe('/devops-interview: a whole interview', () => {
  it('plans privately, runs, and ends on a scorecard kept once the interview is dropped', async () => {
    const t = await makeTestAssistant();
    const { p, reply, pre } = await runToScorecard(t);
    expect(p.candidate).toBe('Jane Doe');
    expect(reply.visibility).toBe('private');
    expect(reply.replace).toBe(true);
    const sc = viewOf(reply, 'interview-scorecard');
    expect(sc.questions[0]!.heard).toHaveLength(2);
    expect(sc.questions[0]!.status).toBe('asked');
    expect(sc.questions[1]!.heard).toHaveLength(pre);
    expect(sc.questions[1]!.pastedScore).toBeGreaterThan(50);
    expect(sc.questions[1]!.interviewerNote).toBe('Strong on <!here> rollbacks');
    expect(sc.overall.ticked).toBe(2 + pre);
    expect(sc.overall.total).toBe(sc.questions.filter((q) => q.reading).reduce((n, q) => n + q.total, 0));
    if (sc.questions.length > 2) expect(['skipped', 'not-reached']).toContain(sc.questions[2]!.status);
    // The interview is gone; the scorecard is stored.
    const id = interviewId(p.actions);
    expect(await t.store.getInterview(ME.user, id)).toBeUndefined();
    const stored = await t.store.getScorecard(ME.user, id);
    expect(stored?.overall).toEqual(sc.overall);
    expect(stored?.minutes.used).toBe(10);
    await import('node:fs').then((fs) => fs.writeFileSync('/tmp/out/scorecard.md', scorecardMarkdown(stored!, { roleTitle: 'DevOps Engineer' })));
    // Buttons of the finished interview are refused.
    expect(errorCode(await press(t, actionLabelled(p.actions, 'Start')))).toBe('not-found');
  });

  it('swaps a question (form: its number) and adds a behavioural one before Start', async () => {
    const t = await makeTestAssistant();
    const p = await planned(t, 'mid 45');
    const swap = p.actions.find((a) => a.label === 'Swap a question')!;
    const swapped = viewOf(await press(t, swap.prompt!.actionId, ME, '1'), 'interview-plan');
    expect(swapped.items[0]!.questionId).not.toBe(p.items[0]!.questionId);
    expect(errorCode(await press(t, swap.prompt!.actionId, ME, '99'))).toBe('bad-arguments');
    const more = viewOf(await press(t, actionLabelled(p.actions, 'Add a behavioural question')), 'interview-plan');
    expect(more.items).toHaveLength(p.items.length + 1);
    expect(more.items.at(-1)!.behavioural).toBe(true);
  });

  it('reads level, minutes, topics and a candidate from typed text', async () => {
    const t = await makeTestAssistant();
    const p = await planned(t, 'junior 20 kubernetes candidate:Sam');
    expect(p.level).toBe('junior');
    expect(p.candidate).toBe('Sam');
    expect(p.items.reduce((n, i) => n + i.minutes, 0)).toBeLessThanOrEqual(20);
    expect(errorCode(await plan(t, 'senior 500'))).toBe('bad-arguments');
  });
});

describe('/devops-interview: scorecards', () => {
  it('lists, shows, shares after a confirmation (publicly, names as text) and deletes after one', async () => {
    const t = await makeTestAssistant();
    const { p } = await runToScorecard(t);
    const id = interviewId(p.actions);
    const list = viewOf(await plan(t, 'list'), 'interview-list');
    expect(list.rows.map((r) => r.id)).toEqual([id]);
    expect(viewOf(await plan(t, `show ${id}`), 'interview-scorecard').id).toBe(id);

    const ask = await plan(t, `share ${id} <#C42|hiring>`);
    expect(ask.visibility).toBe('private');
    const confirm = viewOf(ask, 'notice');
    expect(confirm.text).toContain('#hiring');
    const shared = await press(t, actionLabelled(confirm.actions, 'Share to #hiring'));
    expect(shared.visibility).toBe('public');
    const pub = viewOf(shared, 'interview-scorecard');
    expect(pub.actions).toEqual([]);
    expect(pub.interviewer).toBe('Ada');
    expect(pub.note).toContain('shared here');

    const del = viewOf(await plan(t, `delete ${id}`), 'notice');
    expect(await t.store.getScorecard(ME.user, id)).toBeDefined();
    viewOf(await press(t, actionLabelled(del.actions, 'Delete')), 'notice');
    expect(await t.store.getScorecard(ME.user, id)).toBeUndefined();
    expect(errorCode(await plan(t, `show ${id}`))).toBe('not-found');
  });

  it('purges scorecards past the retention cutoff', async () => {
    const t = await makeTestAssistant();
    const { p } = await runToScorecard(t);
    const id = interviewId(p.actions);
    t.clock.advance(91 * 24 * 60 * MINUTE);
    expect(await t.store.purgeScorecards(retentionCutoff(t.clock.now(), 90))).toBe(1);
    expect(errorCode(await plan(t, `show ${id}`))).toBe('not-found');
  });
});

describe('/devops-interview: only the author', () => {
  it('another user can neither see nor act, with real or forged ids, and nothing changes', async () => {
    const t = await makeTestAssistant();
    const { plan: p, card } = await started(t);
    const id = interviewId(p.actions);
    const before = await t.store.getInterview(ME.user, id);
    const tries: Reply[] = [
      await press(t, card.keyPoints.id, OTHER, '0 1 2'),
      await press(t, actionLabelled(card.actions, 'Next'), OTHER),
      await press(t, actionLabelled(card.actions, 'Finish early'), OTHER),
      await press(t, actionLabelled(p.actions, 'Start'), OTHER),
      await press(t, interviewButtons.id('devops', { op: 'resume', interviewId: id }), OTHER),
    ];
    for (const reply of tries) expect(errorCode(reply)).toBe('not-found');
    expect(await t.store.getInterview(ME.user, id)).toEqual(before);
    // Forged: an id that does not exist, a malformed one, an index out of range.
    expect(errorCode(await press(t, interviewButtons.id('devops', { op: 'next', interviewId: 'zzzzzzzz', index: 0 })))).toBe('not-found');
    expect(errorCode(await press(t, 'devops|i|next|../etc|0'))).toBe('stale-action');
    expect(errorCode(await press(t, interviewButtons.id('devops', { op: 'points', interviewId: id, index: 7 }), ME, '0'))).not.toBe('internal');
    expect(await t.store.getInterview(ME.user, id)).toEqual(before);

    // Finish, then the other user tries the scorecard.
    const done = await press(t, actionLabelled(card.actions, 'Finish early'));
    viewOf(done, 'interview-scorecard');
    expect(errorCode(await plan(t, `show ${id}`, OTHER))).toBe('not-found');
    expect(errorCode(await plan(t, `share ${id}`, OTHER))).toBe('not-found');
    expect(errorCode(await press(t, interviewButtons.id('devops', { op: 'share-confirm', scorecardId: id }), OTHER))).toBe('not-found');
    expect(errorCode(await press(t, interviewButtons.id('devops', { op: 'delete-confirm', scorecardId: id }), OTHER))).toBe('not-found');
    expect(viewOf(await plan(t, 'list', OTHER), 'interview-list').rows).toEqual([]);
    expect(await t.store.getScorecard(ME.user, id)).toBeDefined();
  });
});
