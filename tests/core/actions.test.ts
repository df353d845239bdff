/** Button ids: encode/decode round trips, the 100-character limit, and rejection of foreign ids. */
import { describe, expect, it } from 'vitest';
import { type ActionRef, actionPrefix, decodeAction, encodeAction, MAX_ACTION_ID } from '../../src/actions.js';

const ID48 = 'abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcd';
const LONG_PREFIX = 'abcdefghijklmnopqrst'; // 20 characters, the longest prefix the schema allows

const ROUND_TRIPS: ActionRef[] = [
  { area: 'card', op: 'open', questionId: 'k8s-requests-limits' },
  { area: 'card', op: 'show', questionId: 'k8s-requests-limits', tier: 'basic' },
  { area: 'card', op: 'another', questionId: 'k8s-requests-limits', topic: 'kubernetes' },
  { area: 'card', op: 'harder', questionId: 'terraform-remote-state', tier: 'technical', topic: 'terraform state' },
  { area: 'card', op: 'easier', questionId: 'terraform-remote-state', tier: 'advanced' },
  { area: 'quiz', op: 'choice', sessionId: 'a1b2c3d4', index: 0, choice: 0 },
  { area: 'quiz', op: 'choice', sessionId: 'a1b2c3d4', index: 19, choice: 3 },
  { area: 'quiz', op: 'text', sessionId: 'zz00zz00', index: 4 },
  { area: 'quiz', op: 'skip', sessionId: 'zz00zz00', index: 2 },
  { area: 'quiz', op: 'stop', sessionId: 'zz00zz00' },
  { area: 'quiz', op: 'new', tier: 'mixed', count: 5, mode: 'choice' },
  { area: 'quiz', op: 'new', tier: 'advanced', count: 20, mode: 'text' },
  { area: 'quiz', op: 'new', tier: 'basic', count: 1, mode: 'choice' },
  { area: 'quiz', op: 'new', tier: 'technical', count: 3, mode: 'text' },
  { area: 'quiz', op: 'review' },
  { area: 'quiz', op: 'stats' },
  { area: 'board', op: 'show', period: 'all' },
  { area: 'board', op: 'show', period: 'week' },
  { area: 'board', op: 'share', period: 'week' },
  { area: 'board', op: 'share', period: 'all' },
  { area: 'role', op: 'section', section: 'use-cases' },
  { area: 'role', op: 'section', section: 'summary' },
  { area: 'flag', questionId: 'k8s-requests-limits' },
];

describe('encodeAction / decodeAction', () => {
  it.each(ROUND_TRIPS.map((ref) => [`${ref.area} ${'op' in ref ? ref.op : ''}`.trimEnd(), ref] as const))('round-trips %s', (_name, ref) => {
    const id = encodeAction('devops', ref);
    expect(id.startsWith('devops|')).toBe(true);
    expect(id.length).toBeLessThanOrEqual(MAX_ACTION_ID);
    expect(decodeAction(id)).toEqual(ref);
    expect(actionPrefix(id)).toBe('devops');
  });

  it('gives different ids to different refs', () => {
    const ids = ROUND_TRIPS.map((ref) => encodeAction('devops', ref));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps a 48-character question id and a long topic within 100 characters and intact', () => {
    for (const op of ['open', 'show', 'another', 'harder', 'easier'] as const) {
      const ref: ActionRef = { area: 'card', op, questionId: ID48, tier: 'technical', topic: 'kubernetes networking and service mesh policies' };
      const id = encodeAction('devops', ref);
      expect(id.length).toBeLessThanOrEqual(MAX_ACTION_ID);
      const decoded = decodeAction(id);
      expect(decoded).toMatchObject({ area: 'card', op, questionId: ID48, tier: 'technical' });
      // The topic is shortened, but to a prefix of what was asked.
      const topic = decoded && decoded.area === 'card' ? decoded.topic : undefined;
      expect(topic && 'kubernetes networking and service mesh policies'.startsWith(topic)).toBe(true);
    }
  });

  it('never lets the question id be cut, even with the longest prefix', () => {
    const id = encodeAction(LONG_PREFIX, { area: 'card', op: 'another', questionId: ID48, tier: 'advanced', topic: 'x'.repeat(80) });
    expect(id.length).toBeLessThanOrEqual(MAX_ACTION_ID);
    expect(decodeAction(id)).toMatchObject({ area: 'card', op: 'another', questionId: ID48, tier: 'advanced' });
    expect(actionPrefix(id)).toBe(LONG_PREFIX);
  });

  it('cleans the separator and whitespace out of topics', () => {
    const id = encodeAction('devops', { area: 'card', op: 'another', questionId: 'q1', topic: '  tf |state\tlocking ' });
    expect(id.split('|')).toHaveLength(6);
    expect(decodeAction(id)).toEqual({ area: 'card', op: 'another', questionId: 'q1', topic: 'tf state locking' });
  });

  it('drops a topic made only of separators rather than breaking the id', () => {
    const id = encodeAction('devops', { area: 'card', op: 'show', questionId: 'q1', topic: ' | | ' });
    expect(decodeAction(id)).toEqual({ area: 'card', op: 'show', questionId: 'q1' });
  });

  it('encodes a flag compactly and keeps a 48-character question id intact with the longest prefix', () => {
    expect(encodeAction('devops', { area: 'flag', questionId: 'q1' })).toBe('devops|f|q1');
    const id = encodeAction(LONG_PREFIX, { area: 'flag', questionId: ID48 });
    expect(id.length).toBeLessThanOrEqual(MAX_ACTION_ID);
    expect(decodeAction(id)).toEqual({ area: 'flag', questionId: ID48 });
  });

  it('does not decode the "mixed" tier on a card', () => {
    expect(decodeAction('devops|c|open|q1|m')).toEqual({ area: 'card', op: 'open', questionId: 'q1' });
  });
});

describe('malformed and foreign ids', () => {
  it.each([
    '',
    'devops',
    'devops|',
    'devops|c',
    'devops|c|open',
    'devops|c|fly|q1',
    'devops|x|open|q1',
    'devops|z',
    'devops|z|choice|s1|0',
    'devops|z|choice|s1|0|4',
    'devops|z|choice|s1|x|1',
    'devops|z|choice|s1|-1|1',
    'devops|z|choice|s1|12345|1',
    'devops|z|choice||0|1',
    'devops|z|text|s1',
    'devops|z|skip|s1|one',
    'devops|z|stop',
    'devops|z|new|q|5|choice',
    'devops|z|new|m|0|choice',
    'devops|z|new|m|5|voice',
    'devops|z|new|m||choice',
    'devops|z|dance',
    'devops|b|show|month',
    'devops|b|post|all',
    'devops|r|section',
    'devops|r|open|skills',
    'devops|f',
    'devops|f|',
    'devops|f|q1|',
    'devops|f|q1|extra',
    'approve_request',
    'slack-action-123',
    'button:click:42',
  ])('decodes %j to undefined', (id) => {
    expect(decodeAction(id)).toBeUndefined();
  });

  it('rejects ids longer than 100 characters', () => {
    const valid = `devops|c|open|${'q'.repeat(MAX_ACTION_ID - 'devops|c|open|'.length)}`;
    expect(valid).toHaveLength(MAX_ACTION_ID);
    expect(decodeAction(valid)).toBeDefined();
    expect(decodeAction(`${valid}q`)).toBeUndefined();
  });

  it('finds no prefix in ids without one', () => {
    expect(actionPrefix('noseparator')).toBeUndefined();
    expect(actionPrefix('|c|open|q1')).toBeUndefined();
    expect(actionPrefix('')).toBeUndefined();
  });
});
