import { describe, expect, it } from 'vitest';
import { buildScorecard } from '../../src/interview/scorecard.js';
import { handBuilt, MISTAKES, QUESTIONS } from './hand-built.js';
import { fixedPlan, MIN, must, started, T0 } from './support.js';

const content = { questions: QUESTIONS, mistakes: MISTAKES };

describe('buildScorecard on a hand-built interview', () => {
  const card = must(buildScorecard(handBuilt(), content));

  it('carries who, when and how long', () => {
    expect(card).toMatchObject({
      id: 'abc12345',
      roleId: 'devops-engineer',
      author: { platform: 'slack', id: 'U1', name: 'Alice' },
      candidate: 'Jordan',
      level: 'mid',
      started: T0,
      finished: T0 + 28 * MIN,
      minutes: { planned: 42, used: 28 },
    });
  });

  it('lists per question the points heard, red flags, note, time and reading', () => {
    expect(card.questions.map((q) => [q.id, q.status, `${q.ticked.length}/${q.total}`, q.reading, q.minutes])).toEqual([
      ['b0', 'asked', '4/4', 'mid', 5],
      ['t1', 'asked', '3/5', 'junior', 7],
      ['t2', 'asked', '4/4', 'senior', 6],
      ['a3', 'asked', '4/5', 'senior', 8],
      ['a4', 'skipped', '0/5', undefined, 1],
      ['t5', 'not-reached', '0/4', undefined, 1],
    ]);
    const t1 = card.questions[1];
    expect(t1).toMatchObject({
      ticked: ['t1 point 1', 't1 point 2', 't1 point 3'],
      missed: ['t1 point 4', 't1 point 5'],
      redFlags: [{ id: 'no-rollback-plan', title: 'Automating deploys without a rollback plan' }],
      note: 'Knew the steps; no rollback story.',
      evidence: '3 of 5 key points (60%) → mid; 1 red flag heard → junior',
      rubric: 't1: junior line',
    });
    expect(card.questions[0]?.evidence).toBe('4 of 4 key points (100%) → senior; at most mid on a basic question');
    expect(card.questions[4]).toMatchObject({ evidence: 'Skipped: not assessed.' });
    expect(card.questions[4]).not.toHaveProperty('rubric');
    expect(card.questions[5]).toMatchObject({ evidence: 'Not reached: not assessed.' });
  });

  it('covers topics by key points heard of those asked, counting questions not asked apart', () => {
    expect(card.overall).toEqual({ ticked: 15, total: 18 });
    expect(card.coverage).toEqual([
      { topic: 'shared', ticked: 7, total: 9, asked: 2, skipped: 0 },
      { topic: 't0', ticked: 4, total: 4, asked: 1, skipped: 0 },
      { topic: 't1', ticked: 3, total: 5, asked: 1, skipped: 0 },
      { topic: 't2', ticked: 4, total: 4, asked: 1, skipped: 0 },
      { topic: 't3', ticked: 4, total: 5, asked: 1, skipped: 0 },
      { topic: 't4', ticked: 0, total: 0, asked: 0, skipped: 1 },
      { topic: 't5', ticked: 0, total: 0, asked: 0, skipped: 1 },
    ]);
  });

  it('suggests a level with the questions behind it', () => {
    expect(card.suggested).toBe('senior');
    expect(card.supporting).toEqual(['t2', 'a3']);
    expect(card.evidence).toBe('2 of 4 questions read senior or higher (t2, a3); backed by advanced a3; 1 red flag heard.');
  });

  it('says what to probe next: red flags, topics not assessed, points missed below the planned level', () => {
    expect(card.probe).toEqual([
      'Red flag heard on t1: Automating deploys without a rollback plan.',
      't4: not assessed (1 question skipped or not reached).',
      't5: not assessed (1 question skipped or not reached).',
      'Missed on t1: t1 point 4.',
      'Missed on t1: t1 point 5.',
    ]);
  });

  it('a red flag on the advanced question brings the suggestion down to mid', () => {
    const flagged = must(buildScorecard(handBuilt({ a3Flag: true }), content));
    expect(flagged.questions[3]?.reading).toBe('mid');
    expect(flagged.suggested).toBe('mid');
    expect(flagged.evidence).toBe(
      '3 of 4 questions read mid or higher (b0, t2, a3); backed by technical or advanced t2, a3; not senior: only 1 of 4 read senior; 2 red flags heard.',
    );
    expect(flagged.probe[1]).toBe('Red flag heard on a3: Automating deploys without a rollback plan.');
  });

  it('is deterministic', () => {
    expect(must(buildScorecard(handBuilt(), content))).toEqual(card);
  });

  it('waits for the finish, and copes with nothing asked or a question gone from the bank', () => {
    expect(buildScorecard(started(fixedPlan(QUESTIONS)), content)).toMatchObject({ ok: false, error: { code: 'not-finished' } });
    const empty = must(buildScorecard(handBuilt(), { questions: [], mistakes: [] }));
    expect(empty.questions[0]).toMatchObject({
      prompt: '(b0: no longer in the question bank)',
      ticked: ['Key point 1', 'Key point 2', 'Key point 3', 'Key point 4'],
    });
    expect(empty.questions[1]?.redFlags).toEqual([{ id: 'no-rollback-plan', title: 'no-rollback-plan' }]);
  });
});
