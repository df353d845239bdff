import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { copyData } from '../../storage/copy.js';
import { makeSession, makeUser } from './records.js';

describe('copyData', () => {
  it('copies records deeply: equal, and sharing no object with the original', () => {
    for (const value of [makeUser('u1', { seen: { pool: ['a', 'b'] } }), makeSession('s|c|u')]) {
      const copy = copyData(value);
      expect(isDeepStrictEqual(copy, value)).toBe(true);
      const shared = (a: unknown, b: unknown): boolean =>
        typeof a === 'object' && a !== null && (a === b || Object.keys(a).some((k) => shared((a as never)[k], (b as never)[k])));
      expect(shared(copy, value)).toBe(false);
    }
  });

  it('keeps an own __proto__ key a plain key, as JSON.parse makes it', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": true}, "list": [{"__proto__": 1}]}') as Record<string, unknown>;
    const copy = copyData(parsed);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'list']);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(parsed));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('passes primitives and null through', () => {
    expect([copyData(1), copyData('x'), copyData(null), copyData(true)]).toEqual([1, 'x', null, true]);
  });
});
