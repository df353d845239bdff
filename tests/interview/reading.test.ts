import { describe, expect, it } from 'vitest';
import { readQuestion, rubricLine, suggestLevel } from '../../src/interview/reading.js';

describe('readQuestion: share of key points ticked, tier ceiling, red flags', () => {
  it.each([
    [4, 5, 'technical', 0, 'senior', '4 of 5 key points (80%) → senior'],
    [3, 4, 'advanced', 0, 'mid', '3 of 4 key points (75%) → mid'],
    [3, 5, 'technical', 0, 'mid', '3 of 5 key points (60%) → mid'],
    [2, 5, 'technical', 0, 'junior', '2 of 5 key points (40%) → junior'],
    [1, 5, 'advanced', 0, 'below', '1 of 5 key points (20%) → below'],
    [5, 5, 'basic', 0, 'mid', '5 of 5 key points (100%) → senior; at most mid on a basic question'],
    [5, 5, 'advanced', 2, 'junior', '5 of 5 key points (100%) → senior; 2 red flags heard → junior'],
    [4, 4, 'basic', 1, 'junior', '4 of 4 key points (100%) → senior; at most mid on a basic question; 1 red flag heard → junior'],
    [0, 4, 'basic', 3, 'below', '0 of 4 key points (0%) → below; 3 red flags heard → below'],
  ] as const)('%i of %i on %s with %i red flags → %s', (ticked, total, tier, flags, reading, evidence) => {
    expect(readQuestion(ticked, total, tier, flags)).toEqual({ reading, evidence });
  });

  it('quotes the rubric line of the reading; below quotes the junior bar', () => {
    const rubric = { junior: 'Names the tool.', mid: 'Explains the steps.', senior: 'Explains the trade-offs.' };
    expect(rubricLine(rubric, 'mid')).toBe('Explains the steps.');
    expect(rubricLine(rubric, 'below')).toBe('Below the junior bar: Names the tool.');
  });
});

describe('suggestLevel: the highest level half the questions reach, backed by a hard enough question', () => {
  it('suggests nothing when nothing was asked', () => {
    expect(suggestLevel([], 0)).toBeUndefined();
  });

  it('suggests senior when half read senior and an advanced one does', () => {
    const s = suggestLevel(
      [
        { id: 'b0', tier: 'basic', reading: 'mid' },
        { id: 't1', tier: 'technical', reading: 'junior' },
        { id: 't2', tier: 'technical', reading: 'senior' },
        { id: 'a3', tier: 'advanced', reading: 'senior' },
      ],
      1,
    );
    expect(s).toEqual({
      level: 'senior',
      supporting: ['t2', 'a3'],
      evidence: '2 of 4 questions read senior or higher (t2, a3); backed by advanced a3; 1 red flag heard.',
    });
  });

  it('will not suggest senior without an advanced question read senior', () => {
    const s = suggestLevel(
      [
        { id: 't1', tier: 'technical', reading: 'senior' },
        { id: 't2', tier: 'technical', reading: 'senior' },
        { id: 'b1', tier: 'basic', reading: 'mid' },
      ],
      0,
    );
    expect(s?.level).toBe('mid');
    expect(s?.evidence).toBe(
      '3 of 3 questions read mid or higher (t1, t2, b1); backed by technical or advanced t1, t2; not senior: no advanced question read senior.',
    );
  });

  it('will not suggest mid from basic questions alone', () => {
    const s = suggestLevel(
      [
        { id: 'b1', tier: 'basic', reading: 'mid' },
        { id: 'b2', tier: 'basic', reading: 'mid' },
        { id: 'b3', tier: 'basic', reading: 'junior' },
        { id: 't1', tier: 'technical', reading: 'junior' },
      ],
      0,
    );
    expect(s?.level).toBe('junior');
    expect(s?.evidence).toBe('4 of 4 questions read junior or higher (b1, b2, b3, t1); not mid: no technical or advanced question read mid.');
  });

  it('reads below when fewer than half reach the junior bar', () => {
    const s = suggestLevel(
      [
        { id: 'b1', tier: 'basic', reading: 'below' },
        { id: 'b2', tier: 'basic', reading: 'below' },
        { id: 'b3', tier: 'basic', reading: 'junior' },
      ],
      2,
    );
    expect(s).toEqual({
      level: 'below',
      supporting: [],
      evidence: 'Only 1 of 3 questions reached the junior bar; 2 red flags heard.',
    });
  });
});
