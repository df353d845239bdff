import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/content/schema.js';
import {
  assertAuthor,
  createSession,
  finishInterview,
  NOTE_MAX,
  nextQuestion,
  pasteAnswer,
  replacePlan,
  setNote,
  setRedFlags,
  setTicked,
  skipQuestion,
  startInterview,
  tickPoint,
  toggleRedFlag,
} from '../../src/interview/session.js';
import { timerLine, timerReading } from '../../src/interview/timer.js';
import { createAnalyzer } from '../../src/search/text.js';
import { fixtureRole } from '../search/fixture.js';
import { ALICE, fixedPlan, MIN, must, started, T0 } from './support.js';

const byId = (id: string) => fixtureRole.questions.find((q) => q.id === id) as Question;
const crash = byId('crashloop-debugging');
const canary = byId('blue-green-vs-canary');
const state = byId('terraform-remote-state');
const PLAN = fixedPlan([canary, crash, state]);
const analyzer = createAnalyzer(fixtureRole.synonyms);
const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);

describe('session lifecycle', () => {
  it('is created in planning, with a sanitised candidate label, and starts on the first question', () => {
    const planning = createSession({ id: 's1', roleId: 'devops-engineer', author: ALICE, candidate: '  <@U999> Jordan\nLee @everyone ', plan: PLAN, now: T0 });
    expect(planning).toMatchObject({ phase: 'planning', candidate: 'Jordan Lee', level: 'mid', questions: [] });
    expect(createSession({ id: 's2', roleId: 'r', author: ALICE, candidate: '<!here>', plan: PLAN, now: T0 })).not.toHaveProperty('candidate');
    const running = must(startInterview(planning, T0 + MIN));
    expect(running).toMatchObject({ phase: 'running', index: 0, startedAt: T0 + MIN });
    expect(running.questions.map((q) => [q.questionId, q.status])).toEqual([
      ['blue-green-vs-canary', 'pending'],
      ['crashloop-debugging', 'pending'],
      ['terraform-remote-state', 'pending'],
    ]);
    expect(code(startInterview(running, T0))).toBe('already-started');
    expect(code(replacePlan(running, PLAN, T0))).toBe('already-started');
    expect(must(replacePlan(planning, fixedPlan([crash], 'senior'), T0)).level).toBe('senior');
  });

  it('moves on with next and skip, and finishes after the last question', () => {
    let s = started(PLAN);
    s = must(nextQuestion(s, T0 + 6 * MIN));
    s = must(skipQuestion(s, T0 + 7 * MIN));
    expect(s.index).toBe(2);
    s = must(nextQuestion(s, T0 + 15 * MIN));
    expect(s.phase).toBe('finished');
    expect(s.finishedAt).toBe(T0 + 15 * MIN);
    expect(s.questions.map((q) => q.status)).toEqual(['asked', 'skipped', 'asked']);
    expect(s.questions[1]).toMatchObject({ startedAt: T0 + 6 * MIN, endedAt: T0 + 7 * MIN });
    expect(code(nextQuestion(s, T0))).toBe('finished');
    expect(code(finishInterview(s, T0))).toBe('finished');
  });

  it('finishes early: the current question counts as asked only when marked, the rest as not reached', () => {
    const s = must(nextQuestion(started(PLAN), T0 + 5 * MIN));
    expect(must(finishInterview(s, T0 + 9 * MIN)).questions.map((q) => q.status)).toEqual(['asked', 'not-reached', 'not-reached']);
    const marked = must(tickPoint(s, { question: crash, now: T0 + 6 * MIN }, 0, true));
    expect(must(finishInterview(marked, T0 + 9 * MIN)).questions.map((q) => q.status)).toEqual(['asked', 'asked', 'not-reached']);
  });

  it('belongs to its author only', () => {
    const s = started(PLAN);
    expect(assertAuthor(s, { platform: 'slack', id: 'U1' }).ok).toBe(true);
    expect(assertAuthor(s, { platform: 'slack', id: 'U2' })).toMatchObject({ ok: false, error: { code: 'not-yours' } });
    // The same id on another platform is another person.
    expect(assertAuthor(s, { platform: 'discord', id: 'U1' }).ok).toBe(false);
  });
});

describe('marks', () => {
  const at = (question: Question, extra: { at?: number } = {}) => ({ question, now: T0 + MIN, ...extra });

  it('ticks and unticks key points, validating the index', () => {
    let s = started(PLAN);
    s = must(tickPoint(s, at(canary), 2, true));
    s = must(tickPoint(s, at(canary), 0, true));
    s = must(tickPoint(s, at(canary), 2, true));
    expect(s.questions[0]?.ticked).toEqual([0, 2]);
    expect(s.updatedAt).toBe(T0 + MIN);
    s = must(tickPoint(s, at(canary), 2, false));
    expect(s.questions[0]?.ticked).toEqual([0]);
    expect(tickPoint(s, at(canary), 3, true)).toMatchObject({
      ok: false,
      error: { code: 'bad-point', message: 'This question has key points 1 to 3; there is no point 4.' },
    });
    expect(code(tickPoint(s, at(canary), -1, true))).toBe('bad-point');
    expect(code(tickPoint(s, at(canary), 1.5, true))).toBe('bad-point');
    expect(code(setTicked(s, at(canary), [0, 1, 7]))).toBe('bad-point');
    expect(must(setTicked(s, at(canary), [2, 1, 2])).questions[0]?.ticked).toEqual([1, 2]);
  });

  it('checks the question is the one planned there, and reached', () => {
    const s = started(PLAN);
    expect(code(tickPoint(s, at(crash), 0, true))).toBe('wrong-question');
    expect(code(tickPoint(s, at(crash, { at: 1 }), 0, true))).toBe('bad-index');
    const later = must(nextQuestion(s, T0 + 5 * MIN));
    // A point noticed late may still be ticked on an earlier question.
    expect(must(tickPoint(later, at(canary, { at: 0 }), 1, true)).questions[0]?.ticked).toEqual([1]);
    const planning = createSession({ id: 's', roleId: 'r', author: ALICE, plan: PLAN, now: T0 });
    expect(code(tickPoint(planning, at(canary), 0, true))).toBe('not-started');
  });

  it('sets red flags from the question’s own list only', () => {
    let s = started(PLAN);
    s = must(toggleRedFlag(s, at(canary), 'no-rollback-plan'));
    expect(s.questions[0]?.redFlags).toEqual(['no-rollback-plan']);
    s = must(toggleRedFlag(s, at(canary), 'no-rollback-plan'));
    expect(s.questions[0]?.redFlags).toEqual([]);
    expect(setRedFlags(s, at(canary), ['made-up'])).toMatchObject({ ok: false, error: { code: 'bad-red-flag' } });
  });

  it('keeps a note of at most 1,000 characters; a blank note removes it', () => {
    let s = started(PLAN);
    s = must(setNote(s, at(canary), `  ${'x'.repeat(NOTE_MAX)}  `));
    expect(s.questions[0]?.note).toHaveLength(1000);
    expect(setNote(s, at(canary), 'y'.repeat(1001))).toMatchObject({
      ok: false,
      error: { code: 'note-too-long', message: 'A note holds at most 1000 characters; this one has 1001.' },
    });
    // Characters, not UTF-16 units: 1,000 emoji fit.
    expect(setNote(s, at(canary), '🙂'.repeat(1000)).ok).toBe(true);
    s = must(setNote(s, at(canary), '   '));
    expect(s.questions[0]).not.toHaveProperty('note');
  });

  it('grades a pasted answer, pre-ticks what it covered and keeps the verdicts, not the text', () => {
    let s = must(nextQuestion(started(PLAN), T0 + 5 * MIN));
    s = must(tickPoint(s, at(crash), 3, true));
    const answer = 'I would run kubectl describe pod to see the events and the exit code, then look for OOMKilled with exit code 137.';
    s = must(pasteAnswer(s, at(crash), answer, analyzer, { genericTerms: fixtureRole.genericTerms }));
    const q = s.questions[1];
    expect(q?.graded?.preTicked).toEqual([0, 4]);
    expect(q?.ticked).toEqual([0, 3, 4]);
    expect(q?.graded?.points.map((p) => p.status)).toEqual(['covered', 'missed', 'missed', 'missed', 'covered']);
    expect(q?.graded?.score).toBeGreaterThan(0);
    expect(JSON.stringify(s)).not.toContain('I would run');
    // The interviewer can untick what the grade found.
    s = must(tickPoint(s, at(crash), 4, false));
    expect(s.questions[1]?.ticked).toEqual([0, 3]);
    expect(code(pasteAnswer(s, at(crash), 'x'.repeat(5001), analyzer))).toBe('answer-too-long');
  });
});

describe('timer', () => {
  it('reads elapsed and remaining against the plan, and the pace', () => {
    let s = started(PLAN);
    // Plan: 5 + 6 + 6 minutes and 5 kept: 22.
    expect(timerLine(s, T0 + 3 * MIN)).toBe('Question 1 of 3 · 3 of 5 min · 3 min elapsed, 19 left of 22');
    expect(timerLine(s, T0 + 8 * MIN)).toBe('Question 1 of 3 · 8 of 5 min · 8 min elapsed, 14 left of 22 · 3 min behind');
    s = must(nextQuestion(s, T0 + 2 * MIN));
    expect(timerLine(s, T0 + 3 * MIN)).toBe('Question 2 of 3 · 1 of 6 min · 3 min elapsed, 19 left of 22 · 3 min ahead');
    s = must(finishInterview(s, T0 + 30 * MIN));
    expect(timerReading(s, T0 + 99 * MIN)).toEqual({ elapsed: 30, planned: 22, remaining: -8, behind: 0 });
    expect(timerLine(s, T0 + 99 * MIN)).toBe('30 min elapsed, 8 over 22');
  });
});
