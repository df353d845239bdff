/**
 * Users and quiz sessions in Postgres. A user is one row per (space, user):
 * the record as jsonb, plus copies of the fields leaderboards rank by, so a
 * top 10 is a walk down an index however many users a space has.
 * `updateUser` is a read-modify-write under a row lock (`SELECT ... FOR
 * UPDATE`), so concurrent updates from any number of processes queue on the
 * row and none is lost. Inside `durably` a session read locks the session's
 * key for the request (`getSession`), so quiz steps never interleave across processes.
 */
import type { Period, QuizSession, UserRecord } from '../../src/ports.js';
import { admitValue } from '../copy.js';
import { quizSessionSchema, userRecordSchema } from '../file-schema.js';
import { StoreValueError } from '../store-change.js';
import type { Db } from './db.js';
import { jsonText, rowLimit } from './json.js';

const COLUMNS = 'record, points, correct, updated_at, week_id, week_points, week_correct';

function rankColumns(record: UserRecord): unknown[] {
  return [record.points, record.correct, record.updatedAt, record.week.id, record.week.points, record.week.correct];
}

export async function getUser(db: Db, space: string, userId: string): Promise<UserRecord | undefined> {
  const { rows } = await db.read<{ record: UserRecord }>('SELECT record FROM panelist_users WHERE space = $1 AND user_id = $2', [space, userId]);
  return rows[0]?.record;
}

/** Checks what `update` returned as the memory and file stores do, and gives its JSON text. */
function admitUser(space: string, userId: string, next: UserRecord): { kept: UserRecord; text: string } {
  const kept = admitValue(userRecordSchema, next, true, (issues) => new StoreValueError(`refused record for user ${userId} in ${space}: ${issues}`));
  if (kept?.userId !== userId) throw new StoreValueError(`update for user ${userId} in ${space} returned a record for ${String(kept?.userId)}`);
  return { kept, text: jsonText(kept, `record for user ${userId} in ${space}`) };
}

export function updateUser(db: Db, space: string, userId: string, update: (current: UserRecord | undefined) => UserRecord): Promise<UserRecord> {
  return db.atomic(async (sql) => {
    // Two processes creating the same user both find no row to lock: the loser's insert does
    // nothing, and it goes round again to lock the winner's row. `update` is pure, so rerunning it is safe.
    for (;;) {
      const { rows } = await sql<{ record: UserRecord }>('SELECT record FROM panelist_users WHERE space = $1 AND user_id = $2 FOR UPDATE', [space, userId]);
      const current = rows[0]?.record;
      // `current` is freshly parsed: `update` may mutate it, nothing stored changes.
      const next = update(current);
      const { kept, text } = admitUser(space, userId, next);
      if (current !== undefined) {
        await sql(
          `UPDATE panelist_users SET record = $3::jsonb, points = $4, correct = $5, updated_at = $6, week_id = $7, week_points = $8, week_correct = $9
           WHERE space = $1 AND user_id = $2`,
          [space, userId, text, ...rankColumns(kept)],
        );
        return next;
      }
      const inserted = await sql(
        `INSERT INTO panelist_users (space, user_id, ${COLUMNS}) VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (space, user_id) DO NOTHING`,
        [space, userId, text, ...rankColumns(kept)],
      );
      if (inserted.rowCount === 1) return next;
    }
  });
}

/** Puts a record as it is, replacing any (the import): no `update`, no lock dance. */
export async function putUser(db: Db, space: string, record: UserRecord, replace: boolean): Promise<boolean> {
  const { kept, text } = admitUser(space, record.userId, record);
  return db.atomic(async (sql) => {
    const conflict = replace
      ? `ON CONFLICT (space, user_id) DO UPDATE SET record = EXCLUDED.record, points = EXCLUDED.points, correct = EXCLUDED.correct,
         updated_at = EXCLUDED.updated_at, week_id = EXCLUDED.week_id, week_points = EXCLUDED.week_points, week_correct = EXCLUDED.week_correct`
      : 'ON CONFLICT (space, user_id) DO NOTHING';
    const result = await sql(`INSERT INTO panelist_users (space, user_id, ${COLUMNS}) VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8, $9) ${conflict}`, [
      space,
      kept.userId,
      text,
      ...rankColumns(kept),
    ]);
    return result.rowCount === 1;
  });
}

/** The leaderboard queries, exported so a test can EXPLAIN them. */
export const TOP_ALL_TIME = 'SELECT record FROM panelist_users WHERE space = $1 ORDER BY points DESC, correct DESC, updated_at ASC, user_id ASC LIMIT $2';
export const TOP_WEEK =
  'SELECT record FROM panelist_users WHERE space = $1 AND week_id = $3 ORDER BY week_points DESC, week_correct DESC, updated_at ASC, user_id ASC LIMIT $2';

export async function topUsers(db: Db, space: string, period: Period, limit: number): Promise<UserRecord[]> {
  const count = rowLimit(limit);
  if (count === 0) return [];
  const { rows } =
    period.kind === 'all'
      ? await db.read<{ record: UserRecord }>(TOP_ALL_TIME, [space, count])
      : await db.read<{ record: UserRecord }>(TOP_WEEK, [space, count, period.week]);
  return rows.map((r) => r.record);
}

/** Advisory lock class of quiz sessions ("panh"; flags and migrations use "pane", interviews and scorecards "panf"/"pang"). */
const SESSION_LOCK_CLASS = 0x70616e68;

/**
 * A session by key. With `lock` (inside `durably`) the read begins the
 * request's transaction and first takes a transaction-scoped advisory lock on
 * the key, held until the commit: two requests on one quiz, in any processes,
 * run one after the other, and the second reads what the first committed (a
 * double click's second press finds the question answered: a stale button).
 * An advisory lock rather than `FOR UPDATE`: it also holds when no row exists
 * yet, so two concurrent starts make one quiz. The session is always the first
 * thing a quiz request locks (before its user row), so locks are taken in one order.
 */
export async function getSession(db: Db, key: string, lock = false): Promise<QuizSession | undefined> {
  const query = 'SELECT value FROM panelist_sessions WHERE key = $1';
  const { rows } = lock
    ? await db.atomic(async (sql) => {
        await sql('SELECT pg_advisory_xact_lock($1, hashtext($2))', [SESSION_LOCK_CLASS, key]);
        return sql<{ value: QuizSession }>(query, [key]);
      })
    : await db.read<{ value: QuizSession }>(query, [key]);
  return rows[0]?.value;
}

/** Stores a session (replacing one under its key, unless `replace` is false); true when written. */
export async function putSession(db: Db, session: QuizSession, replace = true): Promise<boolean> {
  const kept = admitValue(quizSessionSchema, session, true, (issues) => new StoreValueError(`refused session ${String(session?.key)}: ${issues}`));
  const text = jsonText(kept, `session ${kept.key}`);
  const conflict = replace ? 'DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at' : 'DO NOTHING';
  const result = await db.atomic((sql) =>
    sql(`INSERT INTO panelist_sessions (key, value, updated_at) VALUES ($1, $2::jsonb, $3) ON CONFLICT (key) ${conflict}`, [kept.key, text, kept.updatedAt]),
  );
  return result.rowCount === 1;
}

export async function deleteSession(db: Db, key: string): Promise<void> {
  await db.atomic((sql) => sql('DELETE FROM panelist_sessions WHERE key = $1', [key]));
}

/** Drops sessions last updated before `before`; how many went. */
export async function purgeSessions(db: Db, before: number): Promise<number> {
  return (await db.atomic((sql) => sql('DELETE FROM panelist_sessions WHERE updated_at < $1', [before]))).rowCount;
}
