/**
 * Versioned records (`RecordStore` in src/ports.ts) in memory, for both stores
 * (StoreState holds one of these). The rules are those of the port: a kind is
 * lowercase letters, digits and dashes, a key 1..200 characters, a value plain
 * JSON data of at most 64 KiB; `putRecord` is a compare-and-set on the version.
 * Values are checked and copied on the way in whatever the store (a record is
 * opaque to the store, so there is no schema to skip), copied on the way out,
 * and a stored record is never mutated: every write stores a fresh object, so
 * the file store may keep references to write or to put back.
 */
import type { RecordWrite, StoredRecord } from '../src/ports.js';
import { type RecordKey, type StoreChange, StoreValueError } from './store-change.js';

/** What a kind looks like: it names a feature's records, so it is short and plain. */
export const RECORD_KIND = /^[a-z][a-z0-9-]{0,39}$/;
/** Longest key, in UTF-16 code units (JavaScript string length). */
export const MAX_RECORD_KEY = 200;
/** Largest value, in bytes of its JSON text (UTF-8). */
export const MAX_RECORD_BYTES = 64 * 1024;
/** How many records `listRecords` returns when no limit is given. */
export const DEFAULT_RECORD_LIMIT = 1000;
/** Deepest nesting a value may have: deep enough for any feature, shallow enough never to overflow the stack. */
const MAX_DEPTH = 64;

type Change = Extract<StoreChange, { kind: 'record' }>;

/** Throws a `StoreValueError` unless `kind` is well formed. */
export function checkRecordKind(kind: string): void {
  if (typeof kind !== 'string' || !RECORD_KIND.test(kind)) {
    throw new StoreValueError(`refused record kind ${JSON.stringify(String(kind))}: lowercase letters, digits and dashes, at most 40`);
  }
}

/** Throws a `StoreValueError` unless `kind` and `key` are well formed. */
export function checkRecordKey(kind: string, key: string): void {
  checkRecordKind(kind);
  if (typeof key !== 'string' || key.length < 1 || key.length > MAX_RECORD_KEY) {
    throw new StoreValueError(`refused ${kind} record key: 1 to ${MAX_RECORD_KEY} characters`);
  }
}

/**
 * A copy of `value` if it is plain JSON data (objects with the plain prototype,
 * arrays, strings, finite numbers, booleans, null), else a `StoreValueError`:
 * `undefined`, functions, bigints, NaN, Date, Map, cycles are all refused
 * rather than turned into something else by JSON.stringify.
 */
export function copyJson(value: unknown, what: string, depth = 0): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    throw new StoreValueError(`refused ${what}: ${value} is not JSON`);
  }
  if (typeof value !== 'object') throw new StoreValueError(`refused ${what}: a ${typeof value} is not JSON`);
  // Depth also stops a cycle, which would otherwise recurse until the stack gives out.
  if (depth >= MAX_DEPTH) throw new StoreValueError(`refused ${what}: nested deeper than ${MAX_DEPTH} (or circular)`);
  if (Array.isArray(value)) return value.map((item) => copyJson(item, what, depth + 1));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw new StoreValueError(`refused ${what}: a ${proto?.constructor?.name ?? 'class'} instance is not JSON`);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = copyJson((value as Record<string, unknown>)[key], what, depth + 1);
    // Assignment to `__proto__` would set the prototype instead of creating the key.
    if (key === '__proto__') Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    else out[key] = item;
  }
  return out;
}

/** A copy of a stored record, safe to hand out. */
function copyRecord(record: StoredRecord): StoredRecord {
  const out: StoredRecord = { kind: record.kind, key: record.key, version: record.version, value: copyJson(record.value, 'record') };
  if (record.due !== undefined) out.due = record.due;
  return out;
}

const byKey = (a: StoredRecord, b: StoredRecord) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Records by kind, then key. */
export class RecordState {
  readonly #byKind = new Map<string, Map<string, StoredRecord>>();

  /** `changed` hears of every accepted change (StoreState passes it on to its listener). */
  constructor(private readonly changed: (change: Change) => void) {}

  /** Takes over validated records from a file (a later duplicate wins), silently. */
  load(records: readonly StoredRecord[]): void {
    for (const record of records) this.set([record.kind, record.key], record);
  }

  /** Every record, for the snapshot: the stored values themselves, never mutated. */
  toFile(): StoredRecord[] {
    const all: StoredRecord[] = [];
    for (const records of this.#byKind.values()) all.push(...records.values());
    return all;
  }

  size(): number {
    let n = 0;
    for (const records of this.#byKind.values()) n += records.size;
    return n;
  }

  get(kind: string, key: string): StoredRecord | undefined {
    checkRecordKey(kind, key);
    const record = this.#byKind.get(kind)?.get(key);
    return record === undefined ? undefined : copyRecord(record);
  }

  /** The compare-and-set write of `RecordStore.putRecord`; undefined when the version did not match. */
  put(kind: string, key: string, value: unknown, write: RecordWrite): StoredRecord | undefined {
    checkRecordKey(kind, key);
    const expected = write.expected;
    if (expected !== 'any' && !(Number.isInteger(expected) && (expected as number) >= 0)) {
      throw new StoreValueError(`refused ${kind} record ${key}: expected must be a version (0: none yet) or 'any'`);
    }
    const due = write.due ?? undefined;
    if (due !== undefined && !Number.isFinite(due)) throw new StoreValueError(`refused ${kind} record ${key}: due must be a finite time`);
    // Checked before the version, so a bad value is refused even when it would have lost the race.
    const kept = copyJson(value, `${kind} record ${key}`);
    const bytes = Buffer.byteLength(JSON.stringify(kept));
    if (bytes > MAX_RECORD_BYTES) throw new StoreValueError(`refused ${kind} record ${key}: ${bytes} bytes of JSON, at most ${MAX_RECORD_BYTES}`);
    const before = this.#byKind.get(kind)?.get(key);
    if (expected !== 'any' && expected !== (before?.version ?? 0)) return undefined;
    const record: StoredRecord = { kind, key, version: (before?.version ?? 0) + 1, value: kept };
    if (due !== undefined) record.due = due;
    this.set([kind, key], record);
    this.changed({ kind: 'record', key: [kind, key], before });
    return copyRecord(record);
  }

  /** Deletes a record (only at version `expected`, when given); true when one went. */
  delete(kind: string, key: string, expected?: number): boolean {
    checkRecordKey(kind, key);
    const before = this.#byKind.get(kind)?.get(key);
    if (before === undefined || (expected !== undefined && expected !== before.version)) return false;
    this.set([kind, key], undefined);
    this.changed({ kind: 'record', key: [kind, key], before });
    return true;
  }

  /** Records of one kind in key order, or only those due by `dueBy` in due order (copies). */
  list(kind: string, query: { prefix?: string; dueBy?: number; limit?: number } = {}): StoredRecord[] {
    checkRecordKind(kind);
    const limit = Math.max(0, Math.floor(query.limit ?? DEFAULT_RECORD_LIMIT) || 0);
    const { prefix = '', dueBy } = query;
    let rows = [...(this.#byKind.get(kind)?.values() ?? [])].filter((r) => r.key.startsWith(prefix));
    if (dueBy === undefined) rows.sort(byKey);
    else rows = rows.filter((r) => r.due !== undefined && r.due <= dueBy).sort((a, b) => (a.due as number) - (b.due as number) || byKey(a, b));
    return rows.slice(0, limit).map(copyRecord);
  }

  /** The stored record itself, not a copy: for serialising only. */
  peek([kind, key]: RecordKey): StoredRecord | undefined {
    return this.#byKind.get(kind)?.get(key);
  }

  /** Puts a validated record back as it was (undefined: none), without a change event: replay and rollback. */
  set([kind, key]: RecordKey, record: StoredRecord | undefined): void {
    const records = this.#byKind.get(kind);
    if (record !== undefined) {
      if (records === undefined) this.#byKind.set(kind, new Map([[key, record]]));
      else records.set(key, record);
    } else if (records !== undefined) {
      records.delete(key);
      if (records.size === 0) this.#byKind.delete(kind);
    }
  }
}
