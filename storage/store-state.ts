/**
 * The in-memory state both stores share: users by space, sessions by key,
 * question flags, interviews and scorecards by author (interview-state.ts),
 * and the rules of the `Store` contract (validation, copying, ordering). The file
 * store adds persistence around it; the memory store uses it as is.
 *
 * Stored values are never mutated in place (every change stores a fresh object),
 * so the file store may keep references to them: to write them later, or to put
 * them back when a write fails.
 */
import type { Period, QuestionFlag, QuizSession, UserRecord } from '../src/ports.js';
import { admitValue, copyData } from './copy.js';
import { FILE_VERSION, questionFlagSchema, quizSessionSchema, type StoreFile, userRecordSchema } from './file-schema.js';
import { InterviewState } from './interview-state.js';
import { RecordState } from './record-state.js';
import { type StoreChange, StoreValueError } from './store-change.js';

export { type OwnedKey, type RecordKey, type StoreChange, StoreValueError } from './store-change.js';

/** How many question flags are kept; beyond it the oldest go. */
export const MAX_FLAGS = 1000;

/** Identity of a flag: one per user per question per space. JSON so no separator can collide. */
function flagKey(flag: QuestionFlag): string {
  // A dispute is one per user per answer: the same user may dispute two different answers.
  if (flag.kind === 'dispute') return JSON.stringify(['dispute', flag.roleId, flag.questionId, flag.space, flag.userId, flag.dispute?.answer ?? '']);
  return JSON.stringify([flag.roleId, flag.questionId, flag.space, flag.userId]);
}

/**
 * Users and sessions in Maps (a user id such as `__proto__` is just a key here),
 * mutated synchronously so each read-modify-write is atomic on the event loop.
 */
export class StoreState {
  readonly #users = new Map<string, Map<string, UserRecord>>();
  readonly #sessions = new Map<string, QuizSession>();
  /** Question flags ordered by `at`, oldest first, at most `MAX_FLAGS`. */
  readonly #flags: QuestionFlag[] = [];
  readonly #flagKeys = new Set<string>();
  /** Called after every accepted change, so the file store can journal it. */
  #onChange: (change: StoreChange) => void = () => {};
  /** Interviews and scorecards, filed by author; their changes reach the same listener. */
  readonly interviews = new InterviewState(
    (change) => this.#onChange(change),
    () => this.#validate,
  );
  /** Versioned records by kind and key (RecordStore); always checked, whatever `validate` says. */
  readonly records = new RecordState((change) => this.#onChange(change));
  /** Whether values are checked against the file schemas as they come in (the file store's boundary). */
  readonly #validate: boolean;

  /** `validate: false` (the memory store) only copies what comes in; the default checks it too. */
  constructor(options: { validate?: boolean } = {}) {
    this.#validate = options.validate ?? true;
  }

  /** Builds a state from a validated file; the values are taken over, not copied. */
  static fromFile(file: StoreFile): StoreState {
    const state = new StoreState();
    for (const [space, users] of Object.entries(file.users)) {
      state.#users.set(space, new Map(Object.entries(users)));
    }
    for (const [key, session] of Object.entries(file.sessions)) state.#sessions.set(key, session);
    // Through the same rules as addFlag, so a hand-edited file is deduplicated and capped too.
    for (const flag of file.flags) state.#insertFlag(flag);
    state.interviews.load(file.interviews, file.scorecards);
    state.records.load(file.records ?? []);
    return state;
  }

  /** Sets who hears of accepted changes (one listener; replay and rollback are not changes). */
  listen(onChange: (change: StoreChange) => void): void {
    this.#onChange = onChange;
  }

  /**
   * A plain object to serialise. It shares the stored values, which are never
   * mutated, so it stays a consistent picture of this moment however long the
   * serialising takes.
   */
  toFile(): StoreFile {
    // Object.fromEntries, not assignment: it creates own properties even for a key named `__proto__`.
    const entries: [string, Record<string, UserRecord>][] = [];
    for (const [space, byUser] of this.#users) {
      if (byUser.size > 0) entries.push([space, Object.fromEntries(byUser)]);
    }
    return {
      version: FILE_VERSION,
      users: Object.fromEntries(entries),
      sessions: Object.fromEntries(this.#sessions),
      flags: [...this.#flags],
      ...this.interviews.toFile(),
      records: this.records.toFile(),
    };
  }

  /** How many users, sessions, flags, interviews and scorecards are held (for tests and the benchmark). */
  size(): { users: number; sessions: number; flags: number; interviews: number; scorecards: number } {
    let users = 0;
    for (const byUser of this.#users.values()) users += byUser.size;
    return { users, sessions: this.#sessions.size, flags: this.#flags.length, ...this.interviews.size() };
  }

  getUser(space: string, userId: string): UserRecord | undefined {
    const record = this.#users.get(space)?.get(userId);
    return record === undefined ? undefined : copyData(record);
  }

  updateUser(space: string, userId: string, update: (current: UserRecord | undefined) => UserRecord): UserRecord {
    const byUser = this.#users.get(space);
    const stored = byUser?.get(userId);
    // `update` gets a copy: if it mutates its argument and then throws, the stored record is untouched.
    const next = update(stored === undefined ? undefined : copyData(stored));
    // Keep a fresh deep copy (the contract tests check it), not `next`: the caller may go on mutating it.
    const kept: UserRecord = admitValue(
      userRecordSchema,
      next,
      this.#validate,
      (issues) => new StoreValueError(`refused record for user ${userId} in ${space}: ${issues}`),
    );
    if (kept?.userId !== userId) {
      throw new StoreValueError(`update for user ${userId} in ${space} returned a record for ${String(kept?.userId)}`);
    }
    if (byUser === undefined) this.#users.set(space, new Map([[userId, kept]]));
    else byUser.set(userId, kept);
    this.#onChange({ kind: 'user', space, userId, before: stored });
    return next;
  }

  topUsers(space: string, period: Period, limit: number): UserRecord[] {
    const count = Math.floor(limit);
    const byUser = this.#users.get(space);
    if (byUser === undefined || !(count > 0)) return [];
    const rows: { record: UserRecord; points: number; correct: number }[] = [];
    for (const record of byUser.values()) {
      if (period.kind === 'all') {
        rows.push({ record, points: record.points, correct: record.correct });
      } else if (record.week.id === period.week) {
        // A user whose stored week is older scored nothing this week, however high their old week was.
        rows.push({ record, points: record.week.points, correct: record.week.correct });
      }
    }
    rows.sort(
      (a, b) =>
        b.points - a.points ||
        b.correct - a.correct ||
        a.record.updatedAt - b.record.updatedAt ||
        // Last resort so equal rows come out in the same order on every call.
        (a.record.userId < b.record.userId ? -1 : a.record.userId > b.record.userId ? 1 : 0),
    );
    return rows.slice(0, count).map((row) => copyData(row.record));
  }

  getSession(key: string): QuizSession | undefined {
    const session = this.#sessions.get(key);
    return session === undefined ? undefined : copyData(session);
  }

  putSession(session: QuizSession): void {
    // A fresh deep copy, so the caller's object stays theirs.
    const kept = admitValue(quizSessionSchema, session, this.#validate, (issues) => new StoreValueError(`refused session ${String(session.key)}: ${issues}`));
    const before = this.#sessions.get(session.key);
    this.#sessions.set(session.key, kept);
    this.#onChange({ kind: 'session', key: session.key, before });
  }

  deleteSession(key: string): void {
    const before = this.#sessions.get(key);
    if (this.#sessions.delete(key)) this.#onChange({ kind: 'session', key, before });
  }

  /** Drops sessions last updated before `before` (epoch ms); returns how many went. */
  purgeSessions(before: number): number {
    let removed = 0;
    for (const [key, session] of this.#sessions) {
      if (session.updatedAt < before) {
        this.#sessions.delete(key);
        this.#onChange({ kind: 'session', key, before: session });
        removed++;
      }
    }
    return removed;
  }

  /** Records a flag unless the same one is kept already; true when it was added. */
  addFlag(flag: QuestionFlag): boolean {
    // A fresh copy, so the caller's object stays theirs.
    const kept = admitValue(
      questionFlagSchema,
      flag,
      this.#validate,
      (issues) => new StoreValueError(`refused flag of question ${String(flag.questionId)}: ${issues}`),
    );
    const before = [...this.#flags];
    const added = this.#insertFlag(kept);
    if (added) this.#onChange({ kind: 'flag', added: kept, before });
    return added;
  }

  /** Every kept flag, newest first, as copies. */
  listFlags(): QuestionFlag[] {
    return this.#flags.map((flag) => copyData(flag)).reverse();
  }

  /** The stored record itself, not a copy: for serialising only. */
  peekUser(space: string, userId: string): UserRecord | undefined {
    return this.#users.get(space)?.get(userId);
  }

  /** The stored session itself, not a copy: for serialising only. */
  peekSession(key: string): QuizSession | undefined {
    return this.#sessions.get(key);
  }

  /** Puts a validated record back as it was (undefined: none), without a change event: replay and rollback. */
  setUser(space: string, userId: string, record: UserRecord | undefined): void {
    const byUser = this.#users.get(space);
    if (record !== undefined) {
      if (byUser === undefined) this.#users.set(space, new Map([[userId, record]]));
      else byUser.set(userId, record);
    } else if (byUser !== undefined) {
      byUser.delete(userId);
      if (byUser.size === 0) this.#users.delete(space);
    }
  }

  /** Puts a validated session back as it was (undefined: none), without a change event. */
  setSession(key: string, session: QuizSession | undefined): void {
    if (session === undefined) this.#sessions.delete(key);
    else this.#sessions.set(key, session);
  }

  /** Adds a validated flag by the usual rules, without a change event (journal replay). */
  replayFlag(flag: QuestionFlag): void {
    this.#insertFlag(flag);
  }

  /** Puts the whole flag list back as it was (rollback), oldest first. */
  setFlags(flags: readonly QuestionFlag[]): void {
    this.#flags.length = 0;
    this.#flagKeys.clear();
    for (const flag of flags) this.#insertFlag(flag);
  }

  /** Inserts in `at` order (after equal times, so ties keep arrival order), then drops the oldest over the cap; true when kept. */
  #insertFlag(flag: QuestionFlag): boolean {
    const key = flagKey(flag);
    if (this.#flagKeys.has(key)) return false;
    let at = this.#flags.length;
    // Flags nearly always arrive in time order: this scans back zero steps.
    while (at > 0 && (this.#flags[at - 1] as QuestionFlag).at > flag.at) at--;
    this.#flags.splice(at, 0, flag);
    this.#flagKeys.add(key);
    while (this.#flags.length > MAX_FLAGS) {
      const dropped = this.#flags.shift() as QuestionFlag;
      this.#flagKeys.delete(flagKey(dropped));
    }
    // False also for a flag older than every one of a full list: it went at once.
    return this.#flagKeys.has(key);
  }
}
