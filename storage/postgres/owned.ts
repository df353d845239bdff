/**
 * Interviews and scorecards in Postgres, filed under their author (platform,
 * user id) and then their own id: every read and delete names the owner in
 * its WHERE clause, so someone else's id simply finds nothing. A put and the
 * trim of the author's oldest beyond the cap happen in one transaction under
 * a per-author advisory lock, so two replicas cannot both leave 21.
 */
import type { z } from 'zod';
import type { Scorecard } from '../../src/interview/scorecard.js';
import type { InterviewSession } from '../../src/interview/session.js';
import type { Owner } from '../../src/ports.js';
import { admitValue } from '../copy.js';
import { interviewSessionSchema, scorecardSchema } from '../interview-schema.js';
import { MAX_INTERVIEWS_PER_AUTHOR, MAX_SCORECARDS_PER_AUTHOR } from '../interview-state.js';
import { StoreValueError } from '../store-change.js';
import type { Db } from './db.js';
import { jsonText, rowLimit } from './json.js';

type Owned = { readonly id: string; readonly author: Owner };

/** One kind of owned record: its table, the column it is ordered by, its cap and schema. */
interface OwnedTable<T extends Owned> {
  what: string;
  table: 'panelist_interviews' | 'panelist_scorecards';
  /** The time column, newest first: what lists return and what the cap keeps. */
  column: 'updated_at' | 'finished';
  time: (value: T) => number;
  max: number;
  schema: z.ZodType;
  lockClass: number;
}

export const INTERVIEWS: OwnedTable<InterviewSession> = {
  what: 'interview',
  table: 'panelist_interviews',
  column: 'updated_at',
  time: (s) => s.updatedAt,
  max: MAX_INTERVIEWS_PER_AUTHOR,
  schema: interviewSessionSchema,
  lockClass: 0x70616e66,
};

export const SCORECARDS: OwnedTable<Scorecard> = {
  what: 'scorecard',
  table: 'panelist_scorecards',
  column: 'finished',
  time: (c) => c.finished,
  max: MAX_SCORECARDS_PER_AUTHOR,
  schema: scorecardSchema,
  lockClass: 0x70616e67,
};

export async function getOwned<T extends Owned>(db: Db, t: OwnedTable<T>, owner: Owner, id: string): Promise<T | undefined> {
  const { rows } = await db.read<{ value: T }>(`SELECT value FROM ${t.table} WHERE platform = $1 AND author = $2 AND id = $3`, [owner.platform, owner.id, id]);
  return rows[0]?.value;
}

export async function listOwned<T extends Owned>(db: Db, t: OwnedTable<T>, owner: Owner, limit: number): Promise<T[]> {
  const count = rowLimit(limit);
  if (count === 0) return [];
  const { rows } = await db.read<{ value: T }>(`SELECT value FROM ${t.table} WHERE platform = $1 AND author = $2 ORDER BY ${t.column} DESC, id ASC LIMIT $3`, [
    owner.platform,
    owner.id,
    count,
  ]);
  return rows.map((r) => r.value);
}

/**
 * Stores `value` under its author and id (replacing, unless `replace` is
 * false), then drops the author's oldest beyond the cap, never the one just
 * stored. Resolves to whether it was written.
 */
export async function putOwned<T extends Owned>(db: Db, t: OwnedTable<T>, value: T, replace = true): Promise<boolean> {
  const kept = admitValue(t.schema as z.ZodType<T>, value, true, (issues) => new StoreValueError(`refused ${t.what} ${String(value?.id)}: ${issues}`));
  const text = jsonText(kept, `${t.what} ${kept.id}`);
  const { platform, id: author } = kept.author;
  return db.atomic(async (sql) => {
    await sql('SELECT pg_advisory_xact_lock($1, hashtext($2))', [t.lockClass, JSON.stringify([platform, author])]);
    const conflict = replace ? `DO UPDATE SET value = EXCLUDED.value, ${t.column} = EXCLUDED.${t.column}` : 'DO NOTHING';
    const written = await sql(
      `INSERT INTO ${t.table} (platform, author, id, ${t.column}, value) VALUES ($1, $2, $3, $4, $5::jsonb)
       ON CONFLICT (platform, author, id) ${conflict}`,
      [platform, author, kept.id, t.time(kept), text],
    );
    await sql(
      `DELETE FROM ${t.table} WHERE platform = $1 AND author = $2 AND id <> $3 AND id NOT IN (
         SELECT id FROM ${t.table} WHERE platform = $1 AND author = $2 AND id <> $3 ORDER BY ${t.column} DESC, id ASC LIMIT $4)`,
      [platform, author, kept.id, t.max - 1],
    );
    return written.rowCount === 1;
  });
}

export async function deleteOwned<T extends Owned>(db: Db, t: OwnedTable<T>, owner: Owner, id: string): Promise<boolean> {
  const result = await db.atomic((sql) => sql(`DELETE FROM ${t.table} WHERE platform = $1 AND author = $2 AND id = $3`, [owner.platform, owner.id, id]));
  return result.rowCount > 0;
}

/** Drops every record whose time is at or before `cutoff`, whoever's; how many went. */
export async function purgeOwned<T extends Owned>(db: Db, t: OwnedTable<T>, cutoff: number): Promise<number> {
  return (await db.atomic((sql) => sql(`DELETE FROM ${t.table} WHERE ${t.column} <= $1`, [cutoff]))).rowCount;
}

/** Every author's records, newest first (the operator's export and the import's check). */
export async function allOwned<T extends Owned>(db: Db, t: OwnedTable<T>): Promise<T[]> {
  const { rows } = await db.read<{ value: T }>(`SELECT value FROM ${t.table} ORDER BY ${t.column} DESC, id ASC`);
  return rows.map((r) => r.value);
}
