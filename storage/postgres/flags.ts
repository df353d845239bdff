/**
 * Question flags in Postgres: one row per flag identity (the same key the
 * memory store uses), ordered by `at` and then arrival (`seq`), at most
 * `MAX_FLAGS` kept. Adding takes a transaction-scoped advisory lock, so the
 * insert and the trim of the oldest are one step even across processes.
 */
import type { QuestionFlag } from '../../src/ports.js';
import { admitValue } from '../copy.js';
import { questionFlagSchema } from '../file-schema.js';
import { StoreValueError } from '../store-change.js';
import { MAX_FLAGS } from '../store-state.js';
import type { Db } from './db.js';
import { jsonText } from './json.js';

const LOCK_CLASS = 0x70616e65;
const LOCK_FLAGS = 2;

/** Identity of a flag, as the memory store computes it (JSON, so no separator can collide). */
export function flagKey(flag: QuestionFlag): string {
  if (flag.kind === 'dispute') return JSON.stringify(['dispute', flag.roleId, flag.questionId, flag.space, flag.userId, flag.dispute?.answer ?? '']);
  return JSON.stringify([flag.roleId, flag.questionId, flag.space, flag.userId]);
}

/** Records a flag unless the same one is kept; true when it was added and is still among the kept. */
export async function addFlag(db: Db, flag: QuestionFlag): Promise<boolean> {
  const kept = admitValue(questionFlagSchema, flag, true, (issues) => new StoreValueError(`refused flag of question ${String(flag?.questionId)}: ${issues}`));
  const text = jsonText(kept, `flag of question ${kept.questionId}`);
  return db.atomic(async (sql) => {
    await sql('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_CLASS, LOCK_FLAGS]);
    const inserted = await sql<{ seq: string }>(
      'INSERT INTO panelist_flags (flag_key, at, value) VALUES ($1, $2, $3::jsonb) ON CONFLICT (flag_key) DO NOTHING RETURNING seq',
      [flagKey(kept), kept.at, text],
    );
    const seq = inserted.rows[0]?.seq;
    if (seq === undefined) return false;
    const dropped = await sql<{ seq: string }>(
      `DELETE FROM panelist_flags WHERE seq IN (SELECT seq FROM panelist_flags ORDER BY at DESC, seq DESC OFFSET $1) RETURNING seq`,
      [MAX_FLAGS],
    );
    // A flag older than every one of a full list goes at once: not added.
    return !dropped.rows.some((r) => r.seq === seq);
  });
}

/** Every kept flag, newest first. */
export async function listFlags(db: Db): Promise<QuestionFlag[]> {
  const { rows } = await db.read<{ value: QuestionFlag }>('SELECT value FROM panelist_flags ORDER BY at DESC, seq DESC');
  return rows.map((r) => r.value);
}
