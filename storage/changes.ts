/**
 * The changes a group commit writes, and how they are undone: per key, the
 * value it had before the first change since the last cut.
 */
import type { Scorecard } from '../src/interview/scorecard.js';
import type { InterviewSession } from '../src/interview/session.js';
import type { QuestionFlag, QuizSession, StoredRecord, UserRecord } from '../src/ports.js';
import type { JournalItem } from './journal.js';
import type { OwnedKey, RecordKey, StoreChange, StoreState } from './store-state.js';

/** Changed owned records (interviews or scorecards): JSON of the key → the key and its value before. */
type OwnedChanges<T> = Map<string, { key: OwnedKey; before: T | undefined }>;

/** Changes since a cut, with the values they replaced. */
export class Changes {
  readonly users = new Map<string, { space: string; userId: string; before: UserRecord | undefined }>();
  readonly sessions = new Map<string, QuizSession | undefined>();
  readonly flags: QuestionFlag[] = [];
  flagsBefore: readonly QuestionFlag[] | undefined;
  readonly interviews: OwnedChanges<InterviewSession> = new Map();
  readonly scorecards: OwnedChanges<Scorecard> = new Map();
  /** Changed versioned records: JSON of [kind, key] → the key and the record before. */
  readonly records = new Map<string, { key: RecordKey; before: StoredRecord | undefined }>();
  /** Number of the last change in this set; 0 when empty. */
  last = 0;

  /** Adds change number `seq`; only a key's first change keeps its value before. */
  add(change: StoreChange, seq: number): void {
    this.last = seq;
    if (change.kind === 'user') {
      const key = JSON.stringify([change.space, change.userId]);
      if (!this.users.has(key)) this.users.set(key, { space: change.space, userId: change.userId, before: change.before });
    } else if (change.kind === 'session') {
      if (!this.sessions.has(change.key)) this.sessions.set(change.key, change.before);
    } else if (change.kind === 'interview') {
      const id = JSON.stringify(change.key);
      if (!this.interviews.has(id)) this.interviews.set(id, { key: change.key, before: change.before });
    } else if (change.kind === 'scorecard') {
      const id = JSON.stringify(change.key);
      if (!this.scorecards.has(id)) this.scorecards.set(id, { key: change.key, before: change.before });
    } else if (change.kind === 'record') {
      const id = JSON.stringify(change.key);
      if (!this.records.has(id)) this.records.set(id, { key: change.key, before: change.before });
    } else {
      this.flags.push(change.added);
      this.flagsBefore ??= change.before;
    }
  }

  /**
   * The journal records of this set: each changed key's current value. Stored
   * values are never mutated, so these stay right however long writing takes.
   */
  items(state: StoreState): JournalItem[] {
    const items: JournalItem[] = [];
    for (const { space, userId } of this.users.values()) items.push({ t: 'user', space, id: userId, v: state.peekUser(space, userId) ?? null });
    for (const key of this.sessions.keys()) items.push({ t: 'session', key, v: state.peekSession(key) ?? null });
    for (const flag of this.flags) items.push({ t: 'flag', v: flag });
    for (const { key } of this.interviews.values()) items.push({ t: 'interview', key, v: state.interviews.peekInterview(key) ?? null });
    for (const { key } of this.scorecards.values()) items.push({ t: 'scorecard', key, v: state.interviews.peekScorecard(key) ?? null });
    for (const { key } of this.records.values()) items.push({ t: 'record', key, v: state.records.peek(key) ?? null });
    return items;
  }
}

/**
 * Puts every key changed in `inflight` (the group being written) or `pending`
 * (changed since) back to its durable value: for a key in both, that is its
 * value before the group in flight.
 */
export function rollback(state: StoreState, inflight: Changes | undefined, pending: Changes): void {
  for (const set of inflight ? [inflight, pending] : [pending]) {
    for (const [key, user] of set.users) {
      if (set === inflight || !inflight?.users.has(key)) state.setUser(user.space, user.userId, user.before);
    }
    for (const [key, before] of set.sessions) {
      if (set === inflight || !inflight?.sessions.has(key)) state.setSession(key, before);
    }
    for (const [id, { key, before }] of set.interviews) {
      if (set === inflight || !inflight?.interviews.has(id)) state.interviews.setInterview(key, before);
    }
    for (const [id, { key, before }] of set.scorecards) {
      if (set === inflight || !inflight?.scorecards.has(id)) state.interviews.setScorecard(key, before);
    }
    for (const [id, { key, before }] of set.records) {
      if (set === inflight || !inflight?.records.has(id)) state.records.set(key, before);
    }
  }
  const flagsBefore = inflight?.flagsBefore ?? pending.flagsBefore;
  if (flagsBefore !== undefined) state.setFlags(flagsBefore);
}
