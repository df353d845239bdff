/**
 * Values on their way into a jsonb column. Every value has been checked (zod
 * schemas, or the record rules) before it gets here; what is left is what
 * JSON allows but jsonb refuses: a NUL character and a lone surrogate in a
 * string. Refused here, with the store's usual error, rather than failing the
 * statement (which would read as the database being down).
 */
import { StoreValueError } from '../store-change.js';

// JSON.stringify escapes NUL as \u0000 and a lone surrogate as \udXXX; paired ones it writes raw.
// An odd number of backslashes before the `u` makes it an escape, not an escaped backslash.
const JSONB_REFUSES = /(?:^|[^\\])(?:\\\\)*\\u(?:0000|d[89a-f][0-9a-f]{2})/i;

/** The JSON text of `value` for a `$n::jsonb` parameter; refuses what jsonb cannot hold. */
export function jsonText(value: unknown, what: string): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new StoreValueError(`refused ${what}: not JSON`);
  if (JSONB_REFUSES.test(text)) throw new StoreValueError(`refused ${what}: text holds a NUL character or a lone surrogate, which the database cannot store`);
  return text;
}

/** A `limit` argument as SQL takes it: a whole number of rows (null: no limit); 0 for anything not positive. */
export function rowLimit(limit: number): number | null {
  const count = Math.floor(limit);
  if (!(count > 0)) return 0;
  return Number.isFinite(count) ? count : null;
}
