/** The interview view builders: plan, card, scorecard, list and the confirmations, from the real modules' output. */
import { describe, expect, it } from 'vitest';
import { buildScorecard } from '../../src/interview/scorecard.js';
import { createSession, pasteAnswer, setNote, setRedFlags, setTicked, tickPoint } from '../../src/interview/session.js';
import {
  cardView,
  deleteConfirmView,
  type InterviewActionRef,
  type InterviewViewContext,
  listView,
  planView,
  scorecardView,
  shareConfirmView,
} from '../../src/interview/views.js';
import { createAnalyzer } from '../../src/search/text.js';
import type { View } from '../../src/views.js';
import { handBuilt, MISTAKES, QUESTIONS } from './hand-built.js';
import { ALICE, fixedPlan, MIN, must, nth, started, T0 } from './support.js';

/** Ids that spell the ref, so a test can see what each button asks. */
const ctx: InterviewViewContext = {
  roleTitle: 'DevOps Engineer',
  questions: QUESTIONS,
  mistakes: MISTAKES,
  actionId: (ref: InterviewActionRef) => Object.values(ref).join(':'),
};

const of = <K extends View['kind']>(view: View | undefined, kind: K): Extract<View, { kind: K }> => {
  if (view?.kind !== kind) throw new Error(`expected ${kind}, got ${view?.kind}`);
  return view as Extract<View, { kind: K }>;
};

describe('planView', () => {
  it('lists the plan with Start, a Swap form asking which question, and Add a behavioural question', () => {
    const session = createSession({
      id: 'iv1',
      roleId: 'devops-engineer',
      author: ALICE,
      candidate: 'Jordan <@U9>',
      plan: fixedPlan(QUESTIONS.slice(0, 3)),
      now: T0,
    });
    const v = of(planView(ctx, session, 'Swapped question 2.'), 'interview-plan');
    expect(v.items.map((i) => [i.number, i.questionId, i.minutes])).toEqual([
      [1, 'b0', 5],
      [2, 't1', 6],
      [3, 't2', 6],
    ]);
    expect(v.candidate).toBe('Jordan');
    expect(v.note).toBe('Swapped question 2.');
    expect(v.actions.map((a) => [a.id, a.label])).toEqual([
      ['start:iv1', 'Start'],
      ['swap:iv1', 'Swap a question'],
      ['behavioural:iv1', 'Add a behavioural question'],
    ]);
    expect(v.actions[1]?.prompt).toMatchObject({ actionId: 'swap:iv1', label: 'Which question? A number from 1 to 3', maxLength: 3 });
    expect(v.actions[1]?.prompt?.title.length).toBeLessThanOrEqual(24);
  });
});

describe('cardView', () => {
  const analyzer = createAnalyzer([]);
  const q1 = nth(QUESTIONS, 1);

  it('is there only while the interview runs', () => {
    const planning = createSession({ id: 'iv1', roleId: 'r', author: ALICE, plan: fixedPlan(QUESTIONS), now: T0 });
    expect(cardView(ctx, planning, T0)).toBeUndefined();
    expect(cardView(ctx, handBuilt(), T0)).toBeUndefined();
  });

  it('shows the question with its key points and red flags as checklists, ids carrying the question index', () => {
    let s = started(fixedPlan(QUESTIONS));
    s = must(setTicked(s, { question: nth(QUESTIONS, 0), now: T0 + MIN }, [1, 3]));
    const v = of(cardView(ctx, s, T0 + 2 * MIN), 'interview-card');
    expect(v.number).toBe(1);
    expect(v.of).toBe(6);
    expect(v.timer).toMatch(/^Question 1 of 6 · 2 of 5 min/);
    expect(v.keyPoints.id).toBe('points:abc12345:0');
    expect(v.keyPoints.items.map((i) => [i.value, i.checked])).toEqual([
      ['0', false],
      ['1', true],
      ['2', false],
      ['3', true],
    ]);
    expect(v.redFlags).toBeUndefined();
    expect(v.answerShown).toBe(false);
    expect(v.actions.map((a) => a.label)).toEqual(['Next', 'Skip', 'Add note', 'Paste answer', 'Show answer', 'Finish early']);
    expect(v.actions.map((a) => a.id)).toContain('next:abc12345:0');
    const note = v.actions.find((a) => a.label === 'Add note');
    expect(note?.prompt).toMatchObject({ actionId: 'note:abc12345:0', maxLength: 1000 });
    expect(note?.prompt?.title.length).toBeLessThanOrEqual(24);
    expect(note?.prompt?.label.length).toBeLessThanOrEqual(45);
    expect(v.actions.find((a) => a.label === 'Paste answer')?.prompt?.maxLength).toBeLessThanOrEqual(3000);
  });

  it('marks what a pasted answer ticked, the red flags heard, the note, and hides Show answer once shown', () => {
    let s = started(fixedPlan(QUESTIONS));
    s = { ...s, index: 1, questions: s.questions.map((q, i) => (i === 1 ? { ...q, startedAt: T0 } : q)) };
    const on = { question: q1, now: T0 + MIN };
    s = must(pasteAnswer(s, on, 't1-term-1 and t1-term-2 are how it works, because t1-term-3 matters', analyzer));
    s = must(tickPoint(s, on, 1, false));
    s = must(setRedFlags(s, on, ['no-rollback-plan']));
    s = must(setNote(s, on, 'Good <@U1> story'));
    const v = of(cardView(ctx, s, T0 + 2 * MIN, { answerShown: true, note: 'Graded.' }), 'interview-card');
    expect(v.pasted?.score).toBeGreaterThan(0);
    expect(v.pasted?.keyPoints).toHaveLength(5);
    const byValue = new Map(v.keyPoints.items.map((i) => [i.value, i]));
    expect(byValue.get('0')).toMatchObject({ checked: true, hint: 'found in the pasted answer' });
    expect(byValue.get('1')).toMatchObject({ checked: false, hint: 'found in the pasted answer, unticked' });
    expect(v.redFlags?.items).toEqual([{ value: 'no-rollback-plan', label: nth(MISTAKES, 0).title, detail: nth(MISTAKES, 0).text, checked: true }]);
    expect(v.interviewerNote).toBe('Good <@U1> story');
    expect(v.note).toBe('Graded.');
    expect(v.actions.map((a) => a.label)).not.toContain('Show answer');
    expect(v.actions.find((a) => a.label === 'Add note')?.prompt?.label).toMatch(/replaces/);
  });

  it('offers Finish instead of Next on the last question, and no Finish early', () => {
    let s = started(fixedPlan(QUESTIONS.slice(0, 1)));
    s = must(setTicked(s, { question: nth(QUESTIONS, 0), now: T0 }, [0]));
    const v = of(cardView(ctx, s, T0), 'interview-card');
    expect(v.actions.map((a) => [a.id, a.label])).toContainEqual(['next:abc12345:0', 'Finish']);
    expect(v.actions.map((a) => a.label)).not.toContain('Finish early');
  });
});

describe('scorecard views', () => {
  const card = must(buildScorecard(handBuilt(), { questions: QUESTIONS, mistakes: MISTAKES }));

  it('shows every question, coverage and probes; Share, Delete and My scorecards only while private', () => {
    const v = of(scorecardView(ctx, card), 'interview-scorecard');
    expect(v.questions.map((q) => [q.id, q.status, q.reading ?? null])).toEqual(card.questions.map((q) => [q.id, q.status, q.reading ?? null]));
    expect(v.questions[1]).toMatchObject({
      heard: nth(card.questions, 1).ticked,
      redFlags: [nth(MISTAKES, 0).title],
      interviewerNote: 'Knew the steps; no rollback story.',
      time: '7 of 6 min',
    });
    expect(v.when).toBe('2026-12-01 14:00 UTC · 28 of 42 minutes');
    expect(v.interviewer).toBe('Alice');
    expect(v.actions.map((a) => a.id)).toEqual(['share:abc12345', 'delete:abc12345', 'list']);
    expect(of(scorecardView(ctx, card, { shared: true }), 'interview-scorecard').actions).toEqual([]);
  });

  it('lists scorecards and unfinished interviews with Show and Resume buttons', () => {
    const running = started(fixedPlan(QUESTIONS));
    const v = of(listView(ctx, [card], [running, handBuilt()]), 'interview-list');
    expect(v.rows).toEqual([
      { id: 'abc12345', candidate: 'Jordan', level: 'mid', suggested: card.suggested, when: '2026-12-01 14:28 UTC', points: card.overall },
    ]);
    expect(v.inProgress.map((r) => [r.id, r.phase, r.progress])).toEqual([['abc12345', 'running', 'question 1 of 6']]);
    expect(v.actions.map((a) => [a.id, a.label])).toEqual([
      ['open:abc12345', 'Show 1'],
      ['resume:abc12345', 'Resume 1'],
    ]);
  });

  it('asks before sharing (saying where) and before deleting, with a way back', () => {
    const share = of(shareConfirmView(ctx, card, '#hiring'), 'notice');
    expect(share.text).toMatch(/to #hiring, where everyone can read it/);
    expect(share.actions.map((a) => a.id)).toEqual(['share-confirm:abc12345:#hiring', 'open:abc12345']);
    expect(of(shareConfirmView(ctx, card), 'notice').actions[0]?.label).toBe('Share to this channel');
    const del = of(deleteConfirmView(ctx, card), 'notice');
    expect(del.actions.map((a) => [a.id, a.style ?? null])).toEqual([
      ['delete-confirm:abc12345', 'danger'],
      ['open:abc12345', null],
    ]);
  });
});
