import tokenizers from 'natural/lib/natural/tokenizers/index.js';
import { describe, expect, it } from 'vitest';
import { createTokenTable } from '../../src/search/token-table.js';
import { loadBank } from './bank.js';

const natural = new tokenizers.AggressiveTokenizer();
/** natural's tokens, typographic apostrophes read as apostrophes. */
const reference = (text: string): string[] => natural.tokenize(text.replace(/[\u2018\u2019]/g, "'")) ?? [];

function tokens(table: ReturnType<typeof createTokenTable<string>>, text: string): string[] {
  const out: string[] = [];
  table.each(text, (t) => out.push(t));
  return out;
}

describe('the token table', () => {
  it('splits exactly as natural’s AggressiveTokenizer, on the whole bank', () => {
    const table = createTokenTable((t) => t, 50_000);
    const texts: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') texts.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(loadBank());
    for (const text of texts) expect(tokens(table, text), text).toEqual(reference(text));
  });

  it('splits exactly as natural on random text, with odd characters', () => {
    const table = createTokenTable((t) => t, 50_000);
    const alphabet = "ab-/'’‘ 9Z.é_,\t\n🙂xY";
    let seed = 3;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let k = 0; k < 500; k++) {
      const chars = Array.from({ length: Math.floor(random() * 40) }, () => [...alphabet][Math.floor(random() * [...alphabet].length)] ?? ' ');
      const text = chars.join('');
      expect(tokens(table, text), JSON.stringify(text)).toEqual(reference(text));
    }
  });

  it('makes each token once, and starts over when full', () => {
    const made: string[] = [];
    const table = createTokenTable((t) => (made.push(t), t.toUpperCase()), 3);
    expect(tokens(table, 'a b a c a')).toEqual(['A', 'B', 'A', 'C', 'A']);
    expect(made).toEqual(['a', 'b', 'c']);
    tokens(table, 'd a');
    // Full at three: "d" started a new table, so "a" was made again.
    expect(made).toEqual(['a', 'b', 'c', 'd', 'a']);
  });

  it('reads typographic apostrophes as apostrophes, whatever the table held before', () => {
    const table = createTokenTable((t) => t, 100);
    expect(tokens(table, "don't don’t")).toEqual(["don't", "don't"]);
  });
});
