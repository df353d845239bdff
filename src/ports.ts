/**
 * What the core needs from the outside world, injected so it can be tested
 * with no file, no network and no real time.
 */
import type { Role, Tier } from './content/schema.js';
import type { Scorecard } from './interview/scorecard.js';
import type { InterviewSession } from './interview/session.js';
import type { Actor } from './requests.js';

/**
 * Everything the core is built from: content plus the injected ports. It lives
 * here, beside the ports, rather than in assistant.ts, so handlers can name it
 * without importing the assistant that imports them.
 */
export interface AssistantDeps {
  roles: readonly Role[];
  store: Store;
  clock: Clock;
  random: Random;
  /** Time zone of question-of-the-day schedules that name none (`DAILY_TZ`, checked at start-up); UTC when absent. */
  dailyTz?: string;
}

/** Wall-clock time in epoch milliseconds. */
export interface Clock {
  now(): number;
}

/** A source of uniform numbers in [0, 1); seed it in tests. */
export interface Random {
  next(): number;
}

/** Answered/correct counters for one tier or topic. */
export interface Tally {
  answered: number;
  correct: number;
}

/** Leitner state of a question the user once missed. */
export interface ReviewItem {
  /** Box 1..3: a miss puts it in box 1; each correct answer moves it up. */
  box: number;
  /** Epoch ms when it is next due. */
  due: number;
  /** Correct answers in a row; two retire the item. */
  run: number;
}

/** One answer in a user's capped recent history. */
export interface RecentAnswer {
  questionId: string;
  correct: boolean;
  points: number;
  at: number;
  /** A free-text answer as given, kept on the latest few entries only, so a grade can be disputed. */
  given?: string;
  /** Its grade, 0..100. */
  score?: number;
}

/**
 * Everything kept about one user in one space: bounded aggregates plus a capped
 * recent history, so the store stays small however many answers it has seen.
 */
export interface UserRecord {
  userId: string;
  /** Display name as last seen; never used to mention anyone. */
  name: string;
  points: number;
  answered: number;
  correct: number;
  /** Points of the current ISO week only (`2026-W48`). */
  week: { id: string; points: number; answered: number; correct: number };
  streak: number;
  bestStreak: number;
  byTier: Partial<Record<Tier, Tally>>;
  byTopic: Record<string, Tally>;
  /** Question ids already served per pool (role, tier, topic), cleared when the pool is used up. */
  seen: Record<string, string[]>;
  /** Questions to bring back in review mode, by question id. */
  review: Record<string, ReviewItem>;
  recent: RecentAnswer[];
  updatedAt: number;
}

/** How one quiz question ended. */
export interface QuizAnswer {
  questionId: string;
  outcome: 'correct' | 'wrong' | 'skipped';
  points: number;
  /** What the user answered (choice text or free text, capped). */
  given?: string;
  /** Free-text grade, 0..100. */
  score?: number;
}

/** A running solo quiz; one per user per conversation. */
export interface QuizSession {
  /** Short random id carried in button ids, so buttons of another quiz are recognised as stale. */
  id: string;
  /** `space|conversation|user`: at most one session per key. */
  key: string;
  roleId: string;
  userId: string;
  mode: 'choice' | 'text';
  tier: Tier | 'mixed';
  review: boolean;
  questionIds: string[];
  /** Index of the current question in `questionIds`. */
  index: number;
  /** Display order of the current question's choices: 0 is the correct one, 1..3 the wrong ones. */
  order: number[];
  answers: QuizAnswer[];
  points: number;
  streak: number;
  bestStreak: number;
  startedAt: number;
  updatedAt: number;
}

/**
 * A user's report that a question is bad (wrong, unclear, outdated), kept for
 * the content team to review. One per (roleId, questionId, space, userId).
 */
export interface QuestionFlag {
  /** The role the question belongs to (`devops-engineer`). */
  roleId: string;
  /** The flagged question's id in the role's question bank. */
  questionId: string;
  /** Store space the flag was raised in (`<role>@<platform>:<team or guild>`). */
  space: string;
  /** Platform user id of who flagged it; never shown as a mention. */
  userId: string;
  /** When it was flagged, epoch ms. */
  at: number;
  /**
   * `dispute`: the user thinks a free-text grade was wrong ("I think I was
   * right"); one per user per answer. Absent for a plain flag.
   */
  kind?: 'flag' | 'dispute';
  /** For a dispute: the answer as given, its grade, and the user's display name (plain text). */
  dispute?: { answer: string; score: number; name: string };
}

/**
 * Whose an interview or a scorecard is: the platform user who ran it. Every
 * read and delete of one names its owner, so no call reaches someone else's.
 */
export type Owner = Pick<Actor, 'platform' | 'id'>;

/** Which leaderboard: all-time, or one ISO week. */
export type Period = { kind: 'all' } | { kind: 'week'; week: string };

/**
 * A change could not be made durable (the disk refused the write, or another
 * process took the database over). The store has undone it, so the user must be
 * told it was not saved and may simply try again.
 */
export class StoreWriteError extends Error {
  override name = 'StoreWriteError';
}

/** Whether the store can save changes right now: what a readiness check reports. */
export interface StoreHealth {
  /** False while writes fail, after the lock was lost, and once closed: not ready. */
  ok: boolean;
  state: 'ok' | 'failing' | 'lock-lost' | 'closed';
  /** What is wrong (a path and the system's message), when not ok. */
  error?: string;
  /** When the current failure began, epoch ms. */
  since?: number;
  /**
   * The snapshot file could not be rewritten: answers are still durable (in the
   * journal) but the readable JSON file falls behind. Does not make `ok` false.
   */
  compactionError?: string;
}

/**
 * A small versioned document a feature keeps for itself (a channel challenge,
 * a daily schedule, a Slack installation). The store keeps `value` as given
 * (JSON data) and never interprets it: the feature validates it on the way out.
 * `version` is 1 on the first write and grows by one on every write, so a
 * caller may write only if nobody wrote since it read (compare-and-set): that
 * is how several replicas agree that exactly one of them reveals a question.
 */
export interface StoredRecord {
  /** What sort of record (`challenge`, `daily`, `slack-install`): lowercase letters, digits, dashes, at most 40. */
  kind: string;
  /** Its key within the kind, at most 200 characters. */
  key: string;
  version: number;
  /** JSON data (a copy), at most 64 KiB serialised. */
  value: unknown;
  /** When it is next due (a deadline, a next run), epoch ms; what `listRecords({ dueBy })` finds. */
  due?: number;
}

/** What `putRecord` writes over: the version read (0: there must be none yet), or `any`. */
export interface RecordWrite {
  expected: number | 'any';
  /** When the record is next due; absent or null: never. */
  due?: number | null;
}

/** Versioned records by kind and key (see {@link StoredRecord}); every `Store` has them. */
export interface RecordStore {
  /** The record (a copy), or undefined. */
  getRecord(kind: string, key: string): Promise<StoredRecord | undefined>;
  /**
   * Writes `value` if the stored version is `write.expected` (0: only if there
   * is none; `any`: whatever is there). Resolves to the record as stored, or to
   * undefined when the version did not match: someone else wrote first, and
   * nothing was changed. Refuses (rejects) a bad kind, key or value.
   */
  putRecord(kind: string, key: string, value: unknown, write: RecordWrite): Promise<StoredRecord | undefined>;
  /** Deletes the record (only at version `expected`, when given); resolves to whether one was deleted. */
  deleteRecord(kind: string, key: string, expected?: number): Promise<boolean>;
  /**
   * Records of one kind in key order (copies): only keys starting with
   * `prefix`, only those due at or before `dueBy` (then in due order), at most
   * `limit` (default 1000).
   */
  listRecords(kind: string, query?: { prefix?: string; dueBy?: number; limit?: number }): Promise<StoredRecord[]>;
}

/**
 * Persistence for sessions and per-user aggregates. Implementations must apply
 * `updateUser` atomically per (space, user): concurrent updates never lose one another.
 */
export interface Store extends RecordStore {
  getUser(space: string, userId: string): Promise<UserRecord | undefined>;
  /** Read-modify-write of one user; `update` is pure and may run under a lock. */
  updateUser(space: string, userId: string, update: (current: UserRecord | undefined) => UserRecord): Promise<UserRecord>;
  /** Users of a space ordered by points for the period (ties: more correct, then earlier update), best first. */
  topUsers(space: string, period: Period, limit: number): Promise<UserRecord[]>;
  getSession(key: string): Promise<QuizSession | undefined>;
  putSession(session: QuizSession): Promise<void>;
  deleteSession(key: string): Promise<void>;
  /**
   * Records a flag; resolves to true when it is new, false when the same user
   * already flagged the same question in the same space (the first one is kept).
   * At most 1000 flags are kept: the oldest go first.
   */
  addFlag(flag: QuestionFlag): Promise<boolean>;
  /** Every kept flag, newest first (copies). */
  listFlags(): Promise<QuestionFlag[]>;
  /** The owner's interview with this id (a copy); undefined for an unknown id and for anyone else's. */
  getInterview(owner: Owner, id: string): Promise<InterviewSession | undefined>;
  /** The owner's interviews, most recently updated first, at most `limit` (copies). */
  listInterviews(owner: Owner, limit: number): Promise<InterviewSession[]>;
  /**
   * Stores an interview under its author and id, replacing the one there. At
   * most 20 are kept per author: beyond that the least recently updated goes.
   */
  putInterview(session: InterviewSession): Promise<void>;
  /** Deletes the owner's interview; resolves to whether there was one. */
  deleteInterview(owner: Owner, id: string): Promise<boolean>;
  /** Drops every interview last updated at or before `cutoff` (epoch ms), whoever's; resolves to how many went. */
  purgeInterviews(cutoff: number): Promise<number>;
  /** The owner's scorecard with this id (a copy); undefined for an unknown id and for anyone else's. */
  getScorecard(owner: Owner, id: string): Promise<Scorecard | undefined>;
  /** The owner's scorecards, latest finished first (ties by id), at most `limit` (copies). */
  listScorecards(owner: Owner, limit: number): Promise<Scorecard[]>;
  /**
   * Stores a scorecard under its author and id, replacing the one there. At
   * most 1000 are kept per author: beyond that the earliest finished goes.
   */
  putScorecard(card: Scorecard): Promise<void>;
  /** Deletes the owner's scorecard; resolves to whether there was one. */
  deleteScorecard(owner: Owner, id: string): Promise<boolean>;
  /** Drops every scorecard finished at or before `cutoff` (epoch ms), whoever's; resolves to how many went. */
  purgeScorecards(cutoff: number): Promise<number>;
  /**
   * Resolves once everything accepted so far is durably written; rejects with
   * `StoreWriteError` if some of it was lost or the store cannot write now.
   */
  flush(): Promise<void>;
  /**
   * Runs `work` against `store` (this store, tracking what `work` changes) and
   * resolves with its result only once every change it made is durable. Changes
   * waiting at the same moment share one write (group commit). Rejects with
   * `StoreWriteError` when they could not be written: none of them is kept.
   * A reply that records something is built inside `durably`, so it is never
   * sent before what it confirms is on disk.
   */
  durably<T>(work: (store: Store) => Promise<T>): Promise<T>;
  /** Whether writes work right now (for readiness checks); cheap, never throws. */
  health(): StoreHealth;
  close(): Promise<void>;
}
