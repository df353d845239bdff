/** The text parser (Slack, console) and typed-option validator (Discord), against the real command table. */
import { describe, expect, it } from 'vitest';
import { commandInfos } from '../../src/commands/info.js';
import { type ParseResult, parseText, parseTyped } from '../../src/commands/parse.js';
import type { CommandInfo } from '../../src/commands/spec.js';
import { ANSWER_MAX } from '../../src/quiz/quiz-views.js';
import { MAX_QUIZ_LENGTH } from '../../src/quiz/session.js';

const infos = commandInfos([{ commandPrefix: 'devops' }]);
function info(name: string): CommandInfo {
  const found = infos.find((i) => i.name === `devops-${name}`);
  if (!found) throw new Error(`no command devops-${name}`);
  return found;
}
const question = info('question');
const quiz = info('quiz');
const search = info('search');
const role = info('role');

function ok(result: ParseResult): { subcommand?: string; values: Record<string, string | number | boolean> } {
  if (!result.ok) throw new Error(`expected success, got: ${result.error}`);
  return result.args;
}
function failure(result: ParseResult): { error: string; problems: string[]; subcommand?: string } {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.args)}`);
  return result;
}

describe('parseText: order-free choices and text', () => {
  it('fills tier and topic whatever the word order', () => {
    expect(ok(parseText(question, 'technical kubernetes'))).toEqual({ values: { tier: 'technical', topic: 'kubernetes' } });
    expect(ok(parseText(question, 'kubernetes technical'))).toEqual({ values: { tier: 'technical', topic: 'kubernetes' } });
  });

  it('joins leftover words into the text option and accepts choices in any case', () => {
    expect(ok(parseText(question, 'terraform ADVANCED state'))).toEqual({ values: { tier: 'advanced', topic: 'terraform state' } });
  });

  it('gives no values for empty or blank text', () => {
    expect(ok(parseText(question, ''))).toEqual({ values: {} });
    expect(ok(parseText(question, '   '))).toEqual({ values: {} });
  });

  it('rejects words a command without a text option cannot place', () => {
    const f = failure(parseText(role, 'skills banana'));
    expect(f.error).toContain('unexpected "banana"');
    expect(ok(parseText(role, 'use-cases'))).toEqual({ values: { section: 'use-cases' } });
  });
});

describe('parseText: integers', () => {
  it('reads a number as the count, in any position', () => {
    expect(ok(parseText(quiz, 'start advanced 10'))).toEqual({ subcommand: 'start', values: { tier: 'advanced', count: 10 } });
    expect(ok(parseText(quiz, 'start 10 advanced'))).toEqual({ subcommand: 'start', values: { tier: 'advanced', count: 10 } });
  });

  it('accepts both ends of the range', () => {
    expect(ok(parseText(quiz, 'start 1')).values.count).toBe(1);
    expect(ok(parseText(quiz, `start ${MAX_QUIZ_LENGTH}`)).values.count).toBe(MAX_QUIZ_LENGTH);
  });

  it.each(['0', String(MAX_QUIZ_LENGTH + 1), '-3'])('rejects %s as out of range, naming the subcommand', (n) => {
    const f = failure(parseText(quiz, `start ${n}`));
    expect(f.error).toBe(`count must be between 1 and ${MAX_QUIZ_LENGTH} (got ${Number(n)})`);
    expect(f.subcommand).toBe('start');
  });

  it('rejects a non-integer count given by name', () => {
    expect(failure(parseText(quiz, 'start count:many')).error).toContain('count must be a whole number');
    expect(failure(parseText(quiz, 'start count:2.5')).error).toContain('count must be a whole number');
  });
});

describe('parseText: aliases and name:value', () => {
  it.each([
    ['mc', 'choice'],
    ['multiple-choice', 'choice'],
    ['free', 'text'],
    ['written', 'text'],
    ['text', 'text'],
  ])('maps mode word %s to %s', (word, mode) => {
    expect(ok(parseText(quiz, `start ${word}`)).values).toEqual({ mode });
  });

  it('maps tier aliases to mixed and period aliases to week/all', () => {
    expect(ok(parseText(quiz, 'start all 3')).values).toEqual({ tier: 'mixed', count: 3 });
    expect(ok(parseText(quiz, 'leaderboard weekly')).values).toEqual({ period: 'week' });
    expect(ok(parseText(quiz, 'leaderboard all-time')).values).toEqual({ period: 'all' });
  });

  it('accepts name:value and name=value for choices and integers', () => {
    expect(ok(parseText(quiz, 'start tier:basic count=3 mode:free')).values).toEqual({ tier: 'basic', count: 3, mode: 'text' });
    expect(ok(parseText(question, 'tier:advanced'))).toEqual({ values: { tier: 'advanced' } });
  });

  it('reports a bad named choice with the allowed values', () => {
    const f = failure(parseText(quiz, 'start tier:hard'));
    expect(f.error).toBe('tier must be one of basic, technical, advanced, mixed (got "hard")');
    expect(f.subcommand).toBe('start');
  });

  it('accepts name:value for a text option too (topic:kubernetes means the topic kubernetes)', () => {
    // The parser documents "`name:value` is always accepted"; for the text option the
    // name must not end up inside the value (it changes the card filter and the pool key).
    expect(ok(parseText(question, 'topic:kubernetes'))).toEqual({ values: { topic: 'kubernetes' } });
  });
});

describe('parseText: boolean flags', () => {
  it('sets a flag given by its own name', () => {
    expect(ok(parseText(quiz, 'leaderboard week share'))).toEqual({ subcommand: 'leaderboard', values: { period: 'week', share: true } });
    expect(ok(parseText(quiz, 'leaderboard share'))).toEqual({ subcommand: 'leaderboard', values: { share: true } });
  });

  it('accepts share:no / share:yes and rejects other values', () => {
    expect(ok(parseText(quiz, 'leaderboard share:no')).values).toEqual({ share: false });
    expect(ok(parseText(quiz, 'leaderboard share=yes')).values).toEqual({ share: true });
    expect(failure(parseText(quiz, 'leaderboard share:maybe')).error).toContain('share must be yes or no');
  });

  it('does not treat the flag name as a flag in a command without it', () => {
    expect(ok(parseText(question, 'share'))).toEqual({ values: { topic: 'share' } });
  });
});

describe('parseText: subcommands', () => {
  it('uses the default subcommand (start) with no text', () => {
    expect(ok(parseText(quiz, ''))).toEqual({ subcommand: 'start', values: {} });
  });

  it('uses the default subcommand when the first word is one of its options', () => {
    expect(ok(parseText(quiz, 'advanced 10'))).toEqual({ subcommand: 'start', values: { tier: 'advanced', count: 10 } });
    expect(ok(parseText(quiz, 'free'))).toEqual({ subcommand: 'start', values: { mode: 'text' } });
    expect(ok(parseText(quiz, 'count:4'))).toEqual({ subcommand: 'start', values: { count: 4 } });
  });

  it('reports a range error of the default subcommand rather than an unknown subcommand', () => {
    const f = failure(parseText(quiz, '99'));
    expect(f.error).toContain('count must be between 1 and');
    expect(f.subcommand).toBe('start');
  });

  it('matches subcommand names case-insensitively', () => {
    expect(ok(parseText(quiz, 'STATS'))).toEqual({ subcommand: 'stats', values: {} });
  });

  it('rejects an unknown subcommand and lists the real ones', () => {
    const f = failure(parseText(quiz, 'frobnicate now'));
    expect(f.error).toBe('unknown subcommand "frobnicate": use one of start, answer, skip, stop, review, stats, leaderboard');
    expect(f.subcommand).toBeUndefined();
  });

  it('rejects extra words after a subcommand with no options', () => {
    const f = failure(parseText(quiz, 'stats please'));
    expect(f.error).toBe('unexpected "please"; this takes no options');
    expect(f.subcommand).toBe('stats');
  });
});

describe('parseText: required text and max length', () => {
  it('reports a missing required text option', () => {
    const f = failure(parseText(quiz, 'answer'));
    expect(f.error).toMatch(/^missing answer \(/);
    expect(f.subcommand).toBe('answer');
  });

  it('keeps numbers as text when the options include a text option', () => {
    expect(ok(parseText(quiz, 'answer 42'))).toEqual({ subcommand: 'answer', values: { answer: '42' } });
    expect(ok(parseText(quiz, 'answer Use a remote backend'))).toEqual({ subcommand: 'answer', values: { answer: 'Use a remote backend' } });
  });

  it('accepts text at the max length and rejects one character more', () => {
    expect(ok(parseText(search, 'k'.repeat(200))).values.query).toHaveLength(200);
    expect(failure(parseText(search, 'k'.repeat(201))).error).toBe('query is too long: at most 200 characters (got 201)');
    expect(failure(parseText(quiz, `answer ${'x'.repeat(ANSWER_MAX + 1)}`)).error).toContain(`at most ${ANSWER_MAX} characters`);
  });

  it('counts the joined words, not the raw whitespace', () => {
    // 100 words of one letter joined by single spaces = 199 characters, however they were spaced.
    const spaced = Array.from({ length: 100 }, () => 'a').join('     ');
    expect(ok(parseText(search, spaced)).values.query).toHaveLength(199);
  });
});

describe('parseTyped (Discord options)', () => {
  it('validates typed values of a subcommand', () => {
    expect(ok(parseTyped(quiz, 'start', { tier: 'advanced', count: 10, mode: 'text' }))).toEqual({
      subcommand: 'start',
      values: { tier: 'advanced', count: 10, mode: 'text' },
    });
  });

  it('applies aliases and the default subcommand', () => {
    expect(ok(parseTyped(quiz, undefined, { mode: 'mc' }))).toEqual({ subcommand: 'start', values: { mode: 'choice' } });
  });

  it('rejects an unknown option', () => {
    const f = failure(parseTyped(quiz, 'start', { colour: 'red' }));
    expect(f.error).toBe('unknown option "colour"');
    expect(f.subcommand).toBe('start');
  });

  it('rejects a bad choice', () => {
    expect(failure(parseTyped(question, undefined, { tier: 'expert' })).error).toBe('tier must be one of basic, technical, advanced (got "expert")');
    // A number is never a choice.
    expect(failure(parseTyped(question, undefined, { tier: 3 })).error).toContain('tier must be one of');
  });

  it('rejects out-of-range and fractional integers', () => {
    expect(failure(parseTyped(quiz, 'start', { count: 0 })).error).toBe(`count must be between 1 and ${MAX_QUIZ_LENGTH} (got 0)`);
    expect(failure(parseTyped(quiz, 'review', { count: MAX_QUIZ_LENGTH + 1 })).error).toContain('must be between');
    expect(failure(parseTyped(quiz, 'start', { count: 2.5 })).error).toContain('whole number');
  });

  it('rejects unknown subcommands, and subcommands of plain commands', () => {
    expect(failure(parseTyped(quiz, 'dance', {})).error).toContain('unknown subcommand "dance"');
    expect(failure(parseTyped(question, 'start', {})).error).toBe('devops-question has no subcommand "start"');
  });

  it('enforces required options, also when blank', () => {
    expect(failure(parseTyped(quiz, 'answer', {})).error).toMatch(/^missing answer \(/);
    expect(failure(parseTyped(quiz, 'answer', { answer: '   ' })).error).toMatch(/^missing answer \(/);
  });

  it('passes booleans through and enforces text max length', () => {
    expect(ok(parseTyped(quiz, 'leaderboard', { period: 'week', share: true })).values).toEqual({ period: 'week', share: true });
    expect(failure(parseTyped(search, undefined, { query: 'q'.repeat(201) })).error).toContain('too long');
  });
});

describe('parseText: every problem at once, with suggestions', () => {
  it('lists each bad word of one command in a single failure', () => {
    const f = failure(parseText(quiz, 'start legendary 99 foo'));
    expect(f.problems).toHaveLength(3);
    expect(f.problems[0]).toContain('"legendary"');
    expect(f.problems[1]).toBe('count must be between 1 and 20 (got 99)');
    expect(f.problems[2]).toContain('"foo"');
    expect(f.error).toBe(f.problems.join('; '));
  });

  it('suggests the choice a typo was meant to be', () => {
    expect(failure(parseText(quiz, 'start tecnical')).error).toBe('"tecnical" is not a tier: did you mean technical?');
    expect(failure(parseText(quiz, 'start tier:advnced')).error).toContain('did you mean advanced?');
    expect(failure(parseText(quiz, 'strat')).error).toContain('did you mean start?');
  });

  it('says what a command takes when a word fits nothing', () => {
    expect(failure(parseText(quiz, 'start banana')).error).toMatch(/unexpected "banana"; this takes tier \(basic, technical, advanced, mixed\)/);
  });
});
