/**
 * Versioned records (`RecordStore`) in Postgres: table `records`, primary key
 * (kind, key). Compare-and-set is the database's: `UPDATE ... WHERE version =
 * $expected`, or `INSERT ... ON CONFLICT DO NOTHING` for "must not exist yet",
 * so of any number of replicas writing at one version exactly one wins. The
 * kind, key and value rules are the memory store's (record-state.ts), checked
 * before any statement runs.
 */
import type { RecordWrite, StoredRecord } from '../../src/ports.js';
import { checkRecordKey, copyJson, DEFAULT_RECORD_LIMIT, MAX_RECORD_BYTES } from '../record-state.js';
import { StoreValueError } from '../store-change.js';
import type { Db } from './db.js';
import { jsonText } from './json.js';

interface Row {
  kind: string;
  key: string;
  version: string;
  value: unknown;
  due: number | null;
}

const RETURNING = 'RETURNING kind, key, version, value, due';

function toRecord(row: Row): StoredRecord {
  const record: StoredRecord = { kind: row.kind, key: row.key, version: Number(row.version), value: row.value };
  if (row.due !== null) record.due = row.due;
  return record;
}

export async function getRecord(db: Db, kind: string, key: string): Promise<StoredRecord | undefined> {
  checkRecordKey(kind, key);
  const { rows } = await db.read<Row>('SELECT kind, key, version, value, due FROM records WHERE kind = $1 AND key = $2', [kind, key]);
  return rows[0] === undefined ? undefined : toRecord(rows[0]);
}

/** The checks of record-state.ts `put`, in the same order: a bad value is refused even when it would have lost the race. */
function admit(kind: string, key: string, value: unknown, write: RecordWrite): { text: string; due: number | null } {
  checkRecordKey(kind, key);
  const expected = write?.expected;
  if (expected !== 'any' && !(Number.isInteger(expected) && (expected as number) >= 0)) {
    throw new StoreValueError(`refused ${kind} record ${key}: expected must be a version (0: none yet) or 'any'`);
  }
  const due = write.due ?? null;
  if (due !== null && !Number.isFinite(due)) throw new StoreValueError(`refused ${kind} record ${key}: due must be a finite time`);
  const kept = copyJson(value, `${kind} record ${key}`);
  const text = jsonText(kept, `${kind} record ${key}`);
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_RECORD_BYTES) throw new StoreValueError(`refused ${kind} record ${key}: ${bytes} bytes of JSON, at most ${MAX_RECORD_BYTES}`);
  return { text, due };
}

export async function putRecord(db: Db, kind: string, key: string, value: unknown, write: RecordWrite): Promise<StoredRecord | undefined> {
  const { text, due } = admit(kind, key, value, write);
  const { expected } = write;
  const result = await db.atomic((sql) => {
    if (expected === 0) {
      return sql<Row>(
        `INSERT INTO records (kind, key, version, value, due) VALUES ($1, $2, 1, $3::jsonb, $4) ON CONFLICT (kind, key) DO NOTHING ${RETURNING}`,
        [kind, key, text, due],
      );
    }
    if (expected === 'any') {
      return sql<Row>(
        `INSERT INTO records (kind, key, version, value, due) VALUES ($1, $2, 1, $3::jsonb, $4)
         ON CONFLICT (kind, key) DO UPDATE SET version = records.version + 1, value = EXCLUDED.value, due = EXCLUDED.due ${RETURNING}`,
        [kind, key, text, due],
      );
    }
    return sql<Row>(`UPDATE records SET version = version + 1, value = $3::jsonb, due = $4 WHERE kind = $1 AND key = $2 AND version = $5 ${RETURNING}`, [
      kind,
      key,
      text,
      due,
      expected,
    ]);
  });
  return result.rows[0] === undefined ? undefined : toRecord(result.rows[0]);
}

export async function deleteRecord(db: Db, kind: string, key: string, expected?: number): Promise<boolean> {
  checkRecordKey(kind, key);
  const result = await db.atomic((sql) =>
    expected === undefined
      ? sql('DELETE FROM records WHERE kind = $1 AND key = $2', [kind, key])
      : sql('DELETE FROM records WHERE kind = $1 AND key = $2 AND version = $3', [kind, key, expected]),
  );
  return result.rowCount > 0;
}

export async function listRecords(db: Db, kind: string, query: { prefix?: string; dueBy?: number; limit?: number } = {}): Promise<StoredRecord[]> {
  checkRecordKey(kind, 'x');
  const limit = Math.max(0, Math.floor(query.limit ?? DEFAULT_RECORD_LIMIT) || 0);
  if (limit === 0) return [];
  const prefix = query.prefix ?? '';
  // The range lets the primary key find the first key with the prefix; starts_with keeps exactly those that have it.
  const where = ['kind = $1', 'key >= $2', 'starts_with(key, $2)'];
  const values: unknown[] = [kind, prefix];
  let order = 'key';
  if (query.dueBy !== undefined) {
    values.push(query.dueBy);
    where.push(`due <= $${values.length}`);
    order = 'due, key';
  }
  values.push(Number.isFinite(limit) ? limit : null);
  const { rows } = await db.read<Row>(
    `SELECT kind, key, version, value, due FROM records WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT $${values.length}`,
    values,
  );
  return rows.map(toRecord);
}

/** Writes a record exactly as given (version and due included) unless one is there: the import. True when written. */
export async function importRecord(db: Db, record: StoredRecord): Promise<boolean> {
  const { text, due } = admit(record.kind, record.key, record.value, { expected: 'any', due: record.due ?? null });
  const result = await db.atomic((sql) =>
    sql('INSERT INTO records (kind, key, version, value, due) VALUES ($1, $2, $3, $4::jsonb, $5) ON CONFLICT (kind, key) DO NOTHING', [
      record.kind,
      record.key,
      record.version,
      text,
      due,
    ]),
  );
  return result.rowCount === 1;
}
