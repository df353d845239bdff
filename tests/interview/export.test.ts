import { describe, expect, it } from 'vitest';
import { scorecardJson, scorecardMarkdown } from '../../src/interview/export.js';
import { hasMention } from '../../src/interview/mentions.js';
import { buildScorecard } from '../../src/interview/scorecard.js';
import { handBuilt, MISTAKES, QUESTIONS } from './hand-built.js';
import { must } from './support.js';

const content = { questions: QUESTIONS, mistakes: MISTAKES };
const card = must(buildScorecard(handBuilt(), content));

describe('scorecardMarkdown', () => {
  const md = scorecardMarkdown(card, { roleTitle: 'DevOps Engineer' });
  const lines = md.split('\n');

  it('opens with who, when, the levels and the totals', () => {
    expect(lines.slice(0, 9)).toEqual([
      '# Interview scorecard: Jordan',
      '',
      '- **Role:** DevOps Engineer',
      '- **Interviewer:** Alice (slack)',
      '- **Planned level:** mid · **Suggested level:** senior',
      '- **Started:** 2026-12-01 14:00 UTC · 28 minutes used of 42 planned',
      '- **Key points heard:** 15 of 18 (83%)',
      '- **Scorecard id:** abc12345',
      '',
    ]);
    expect(md).toContain('## Suggested level: senior\n\n2 of 4 questions read senior or higher (t2, a3); backed by advanced a3; 1 red flag heard.\n');
  });

  it('shows each question with its reading, rubric line, red flags, checkboxes and note', () => {
    const start = lines.indexOf('### 2. Question t1?');
    expect(lines.slice(start, start + 15)).toEqual([
      '### 2. Question t1?',
      '',
      '`t1` · technical · t1, shared · 7 of 6 min · **junior**',
      '',
      '- Reading: 3 of 5 key points (60%) → mid; 1 red flag heard → junior',
      '- Rubric (junior): t1: junior line',
      '- Red flags heard: Automating deploys without a rollback plan',
      '- Key points heard: 3 of 5',
      '  - [x] t1 point 1',
      '  - [x] t1 point 2',
      '  - [x] t1 point 3',
      '  - [ ] t1 point 4',
      '  - [ ] t1 point 5',
      '',
      '> Knew the steps; no rollback story.',
    ]);
    expect(md).toContain('`a4` · advanced · t4 · 1 of 7 min · **skipped**\n\n- Reading: Skipped: not assessed.\n');
  });

  it('ends with coverage by topic and what to probe', () => {
    expect(md).toContain('| Topic | Key points heard | Questions |\n|---|---|---|\n| shared | 7 of 9 (78%) | 2 asked |');
    expect(md).toContain('| t4 | — | 1 not asked |');
    expect(md).toMatch(/## Probe next round\n\n- Red flag heard on t1: Automating deploys without a rollback plan\.\n- t4: not assessed/);
    expect(md.endsWith('- Missed on t1: t1 point 5.\n')).toBe(true);
  });

  it('never carries a mention, whatever the note says', () => {
    const noisy = must(buildScorecard(handBuilt({ note: 'cc <@U123> and <!here>, <#C42|hiring>, @everyone, @here, <@&987>\nsecond line' }), content));
    const text = scorecardMarkdown({ ...noisy, author: { ...noisy.author, name: '@channel' } });
    expect(hasMention(text)).toBe(false);
    expect(text).toContain('> cc <\u200b@U123> and <\u200b!here>, <\u200b#C42|hiring>, @\u200beveryone, @\u200bhere, <\u200b@&987>\n> second line');
    expect(text).toContain('- **Interviewer:** @\u200bchannel (slack)');
  });
});

describe('scorecardJson', () => {
  it('has exactly the documented fields', () => {
    const line = scorecardJson(card);
    expect(Object.keys(line)).toEqual(['id', 'author', 'candidate', 'level', 'started', 'questions', 'summary']);
    expect(Object.keys(line.questions[0] ?? {})).toEqual(['id', 'prompt', 'ticked', 'redFlags', 'note']);
    expect(line.questions[1]).toEqual({
      id: 't1',
      prompt: 'Question t1?',
      ticked: ['t1 point 1', 't1 point 2', 't1 point 3'],
      redFlags: ['Automating deploys without a rollback plan'],
      note: 'Knew the steps; no rollback story.',
    });
    expect(line.questions[0]?.note).toBeNull();
    expect(line).toMatchObject({
      id: 'abc12345',
      author: { platform: 'slack', id: 'U1', name: 'Alice' },
      candidate: 'Jordan',
      level: 'mid',
      started: card.started,
    });
    expect(line.summary).toMatchObject({ suggested: 'senior', supporting: ['t2', 'a3'], points: { ticked: 15, total: 18 } });
    expect(line.summary.readings[4]).toEqual({ id: 'a4', status: 'skipped', reading: null, evidence: 'Skipped: not assessed.' });
    // One line of JSON, round-trips.
    const text = JSON.stringify(line);
    expect(text).not.toContain('\n');
    expect(JSON.parse(text)).toEqual(line);
  });

  it('adds plan notes when there are some, and a null candidate when unnamed', () => {
    const { candidate: _c, ...unnamed } = card;
    const line = scorecardJson({ ...unnamed, notes: ['Only 2 questions at this level mention terraform; filled with 4 on other topics.'] });
    expect(line.candidate).toBeNull();
    expect(line.notes).toEqual(['Only 2 questions at this level mention terraform; filled with 4 on other topics.']);
  });

  it('makes every string inert', () => {
    const noisy = must(buildScorecard(handBuilt({ note: '<@U1> @everyone' }), content));
    const text = JSON.stringify(scorecardJson(noisy));
    expect(hasMention(JSON.parse(text).questions[1].note)).toBe(false);
  });
});
