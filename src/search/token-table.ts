/**
 * Raw tokens of a text, each looked up in a table of the tokens seen before.
 *
 * The rule is natural's AggressiveTokenizer's: a token is a run of ASCII
 * letters, digits, apostrophes, hyphens and slashes; anything else separates.
 * (Typographic apostrophes count as apostrophes: phones type "don’t".)
 * Splitting with natural and then looking each token up by string allocated a
 * string per word and hashed it again; at 10k questions that was a fifth of
 * building the index. Here the text is scanned once, hashing as it goes, and a
 * token already in the table is found by comparing it in place: no string is
 * made for a token seen before.
 */

/** Token characters, by char code: a-z A-Z 0-9 ' - /. */
const TOKEN_CHAR = new Uint8Array(128);
for (const c of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'-/") TOKEN_CHAR[c.charCodeAt(0)] = 1;
const LEFT_QUOTE = 0x2018;
const RIGHT_QUOTE = 0x2019;

const isTokenChar = (c: number): boolean => (c < 128 ? TOKEN_CHAR[c] === 1 : c === RIGHT_QUOTE || c === LEFT_QUOTE);

/** A table of tokens and what was made of each; see the module comment. */
export interface TokenTable<T> {
  /** Calls `visit` with the value of each token of the text, in order. */
  each(text: string, visit: (value: T) => void): void;
}

/**
 * A table that makes a token's value with `make` (given the token with
 * typographic apostrophes made plain) the first time it is met. Holds at most
 * `max` tokens, then starts over, so free text cannot grow it without end.
 */
export function createTokenTable<T>(make: (token: string) => T, max: number): TokenTable<T> {
  // Open addressing: slots hold 1 + an entry's index, 0 when empty.
  let slots = new Int32Array(1024);
  let tokens: string[] = [];
  let hashes: number[] = [];
  let values: T[] = [];

  const insert = (index: number): void => {
    const mask = slots.length - 1;
    let slot = (hashes[index] ?? 0) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = index + 1;
  };
  const add = (token: string, hash: number): T => {
    if (tokens.length >= max) {
      slots = new Int32Array(1024);
      tokens = [];
      hashes = [];
      values = [];
    }
    const plain = token.includes('\u2019') || token.includes('\u2018') ? token.replace(/[\u2018\u2019]/g, "'") : token;
    const value = make(plain);
    tokens.push(token);
    hashes.push(hash);
    values.push(value);
    // Kept at most half full, so probes stay short.
    if (tokens.length * 2 > slots.length) {
      slots = new Int32Array(slots.length * 2);
      for (let i = 0; i < tokens.length; i++) insert(i);
    } else {
      insert(tokens.length - 1);
    }
    return value;
  };
  const find = (text: string, start: number, end: number, hash: number): T => {
    const mask = slots.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = (slots[slot] ?? 0) - 1;
      if (entry < 0) return add(text.slice(start, end), hash);
      const token = tokens[entry] ?? '';
      if (hashes[entry] === hash && token.length === length && text.startsWith(token, start)) return values[entry] as T;
    }
  };

  return {
    each(text, visit) {
      let i = 0;
      const n = text.length;
      while (i < n) {
        while (i < n && !isTokenChar(text.charCodeAt(i))) i++;
        if (i >= n) break;
        const start = i;
        // FNV-1a over the token's char codes.
        let hash = 0x811c9dc5;
        for (let c = text.charCodeAt(i); i < n && isTokenChar(c); c = text.charCodeAt(++i)) hash = Math.imul(hash ^ c, 0x01000193);
        visit(find(text, start, i, hash >>> 0));
      }
    },
  };
}
