import { describe, expect, it } from 'vitest';
import { ownScorecard, ownScorecards } from '../../src/interview/access.js';
import { interviewCard, planOverview } from '../../src/interview/card.js';
import { buildScorecard } from '../../src/interview/scorecard.js';
import { setNote, setRedFlags, tickPoint } from '../../src/interview/session.js';
import { handBuilt, MISTAKES, QUESTIONS } from './hand-built.js';
import { ALICE, fixedPlan, MIN, must, nth, started, T0 } from './support.js';

const content = { questions: QUESTIONS, mistakes: MISTAKES };

describe('planOverview', () => {
  it('lists the questions with their budgets and the time they add up to', () => {
    const o = planOverview(fixedPlan(QUESTIONS.slice(0, 3)), QUESTIONS);
    expect(o.summary).toBe("3 questions · 17 minutes + 5 for introductions and the candidate's questions · 22 of 45 planned");
    expect(o.lines[1]).toEqual({
      number: 2,
      questionId: 't1',
      tier: 'technical',
      topics: ['t1', 'shared'],
      minutes: 6,
      prompt: 'Question t1?',
      behavioural: false,
    });
  });
});

describe('interviewCard', () => {
  it('shows the current question with its checkboxes, red flags, rubric and timer', () => {
    let s = started(fixedPlan(QUESTIONS));
    const on = { question: nth(QUESTIONS, 0), now: T0 + MIN };
    s = must(tickPoint(s, on, 1, true));
    s = must(setNote(s, on, 'Good start.'));
    const card = interviewCard(s, content, T0 + 2 * MIN);
    if (!card) throw new Error('no card');
    expect(card).toMatchObject({
      number: 1,
      of: 6,
      questionId: 'b0',
      prompt: 'Question b0?',
      note: 'Good start.',
      timer: expect.stringMatching(/^Question 1 of 6 · 2 of 5 min/),
    });
    expect(card.keyPoints.map((k) => k.ticked)).toEqual([false, true, false, false]);
    expect(card.rubric.senior).toBe('b0: senior line');
    expect(card.answer).toBe(nth(QUESTIONS, 0).answer);
  });

  it('marks the red flags heard', () => {
    const on = { question: nth(QUESTIONS, 1), now: T0 };
    const s = must(setRedFlags(started(fixedPlan([on.question])), on, ['no-rollback-plan']));
    expect(interviewCard(s, content, T0)?.redFlags).toEqual([
      { id: 'no-rollback-plan', title: 'Automating deploys without a rollback plan', text: 'Risky.', heard: true },
    ]);
  });
});

describe('scorecard access', () => {
  const mine = must(buildScorecard(handBuilt(), content));
  const older = { ...mine, id: 'older', finished: mine.finished - 1000 };
  const theirs = { ...mine, id: 'theirs', author: { platform: 'slack' as const, id: 'U2', name: 'Bo' } };

  it('lists only the author’s scorecards, newest first', () => {
    expect(ownScorecards([older, theirs, mine], ALICE).map((c) => c.id)).toEqual(['abc12345', 'older']);
    expect(ownScorecards([older, theirs, mine], ALICE, 1).map((c) => c.id)).toEqual(['abc12345']);
  });

  it('finds one by id for its author; anyone else’s reads as not found', () => {
    expect(ownScorecard([mine, theirs], ' abc12345 ', ALICE).ok).toBe(true);
    expect(ownScorecard([mine, theirs], 'theirs', ALICE)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(ownScorecard([mine], 'abc12345', { platform: 'discord', id: 'U1' }).ok).toBe(false);
  });
});
