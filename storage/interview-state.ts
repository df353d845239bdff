/**
 * Interview sessions and scorecards in memory, for both stores (StoreState
 * holds one of these). Every record is filed under its author, so a read or
 * delete that names an owner can only ever find that owner's records: someone
 * else's id reads as unknown. The rules mirror the rest of the state: copied
 * (and, where the state validates, checked) on the way in, copies on the way
 * out, never mutated in place.
 */
import type { z } from 'zod';
import type { Scorecard } from '../src/interview/scorecard.js';
import type { InterviewSession } from '../src/interview/session.js';
import type { Owner } from '../src/ports.js';
import { admitValue, copyData } from './copy.js';
import { interviewSessionSchema, scorecardSchema } from './interview-schema.js';
import { type OwnedKey, type StoreChange, StoreValueError } from './store-change.js';

/** Interviews kept per author; beyond it the least recently updated goes (abandoned plans, not scorecards). */
export const MAX_INTERVIEWS_PER_AUTHOR = 20;
/** Scorecards kept per author; beyond it the earliest finished goes. Retention normally removes them long before. */
export const MAX_SCORECARDS_PER_AUTHOR = 1000;

type Owned = { readonly id: string; readonly author: Owner };
type Change = Extract<StoreChange, { kind: 'interview' | 'scorecard' }>;

const ownerKey = (platform: string, author: string) => JSON.stringify([platform, author]);
const byId = (a: Owned, b: Owned) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The key of a record: its author, then its id. */
export function keyOf(record: Owned): OwnedKey {
  return [record.author.platform, record.author.id, record.id];
}

/** One kind of owned record: owner → id → record, with its order, cap and schema. */
class OwnedMap<T extends Owned> {
  readonly #byOwner = new Map<string, Map<string, T>>();
  constructor(
    readonly kind: Change['kind'],
    readonly max: number,
    /** Newest first: what `list` returns and what the cap keeps. */
    readonly order: (a: T, b: T) => number,
    readonly admit: (value: T) => T,
  ) {}

  get([platform, author, id]: OwnedKey): T | undefined {
    return this.#byOwner.get(ownerKey(platform, author))?.get(id);
  }

  /** Puts a value in place (undefined: removes it), with no change event. */
  set([platform, author, id]: OwnedKey, value: T | undefined): void {
    const owner = ownerKey(platform, author);
    const records = this.#byOwner.get(owner);
    if (value !== undefined) {
      if (records === undefined) this.#byOwner.set(owner, new Map([[id, value]]));
      else records.set(id, value);
    } else if (records !== undefined) {
      records.delete(id);
      if (records.size === 0) this.#byOwner.delete(owner);
    }
  }

  /** The owner's records, newest first (the stored values: copy before handing out). */
  list(owner: Owner): T[] {
    return [...(this.#byOwner.get(ownerKey(owner.platform, owner.id))?.values() ?? [])].sort(this.order);
  }

  *all(): Generator<T> {
    for (const records of this.#byOwner.values()) yield* records.values();
  }

  size(): number {
    let n = 0;
    for (const records of this.#byOwner.values()) n += records.size;
    return n;
  }

  /** Stores a validated value, then drops the owner's oldest beyond the cap (never the one just stored). */
  insert(value: T, changed: (change: Change) => void): void {
    const key = keyOf(value);
    const before = this.get(key);
    this.set(key, value);
    changed(this.change(key, before));
    if ((this.#byOwner.get(ownerKey(key[0], key[1]))?.size ?? 0) <= this.max) return;
    const others = this.list(value.author).filter((r) => r !== value);
    for (const old of others.slice(this.max - 1)) this.remove(keyOf(old), changed);
  }

  /** Removes a key; true when it was there. */
  remove(key: OwnedKey, changed: (change: Change) => void): boolean {
    const before = this.get(key);
    if (before === undefined) return false;
    this.set(key, undefined);
    changed(this.change(key, before));
    return true;
  }

  private change(key: OwnedKey, before: T | undefined): Change {
    return this.kind === 'interview'
      ? { kind: 'interview', key, before: before as InterviewSession | undefined }
      : { kind: 'scorecard', key, before: before as Scorecard | undefined };
  }
}

/** What a put keeps: never the caller's object (checked against the schema when the state validates). */
function admitter<T extends Owned>(schema: z.ZodType, what: string, validate: () => boolean) {
  return (value: T): T =>
    admitValue(schema as z.ZodType<T>, value, validate(), (issues) => new StoreValueError(`refused ${what} ${String(value?.id)}: ${issues}`));
}

/** Interview sessions and scorecards, filed by author. */
export class InterviewState {
  readonly #interviews: OwnedMap<InterviewSession>;
  readonly #scorecards: OwnedMap<Scorecard>;

  /**
   * `changed` hears of every accepted change (StoreState passes it on to its
   * listener); `validate` says whether puts are checked against the file
   * schemas (the file store's boundary) or only copied, as for the rest of the state.
   */
  constructor(
    private readonly changed: (change: Change) => void,
    validate: () => boolean = () => true,
  ) {
    this.#interviews = new OwnedMap<InterviewSession>(
      'interview',
      MAX_INTERVIEWS_PER_AUTHOR,
      (a, b) => b.updatedAt - a.updatedAt || byId(a, b),
      admitter(interviewSessionSchema, 'interview', validate),
    );
    this.#scorecards = new OwnedMap<Scorecard>(
      'scorecard',
      MAX_SCORECARDS_PER_AUTHOR,
      (a, b) => b.finished - a.finished || byId(a, b),
      admitter(scorecardSchema, 'scorecard', validate),
    );
  }

  /** Takes over validated records from a file, by the usual rules (a later duplicate wins, caps apply), silently. */
  load(interviews: readonly InterviewSession[], scorecards: readonly Scorecard[]): void {
    for (const session of interviews) this.#interviews.insert(session, () => {});
    for (const card of scorecards) this.#scorecards.insert(card, () => {});
  }

  /** Every record, for the snapshot: the stored values themselves, never mutated. */
  toFile(): { interviews: InterviewSession[]; scorecards: Scorecard[] } {
    return { interviews: [...this.#interviews.all()], scorecards: [...this.#scorecards.all()] };
  }

  size(): { interviews: number; scorecards: number } {
    return { interviews: this.#interviews.size(), scorecards: this.#scorecards.size() };
  }

  getInterview(owner: Owner, id: string): InterviewSession | undefined {
    const session = this.#interviews.get([owner.platform, owner.id, id]);
    return session === undefined ? undefined : copyData(session);
  }

  listInterviews(owner: Owner, limit: number): InterviewSession[] {
    return this.#interviews
      .list(owner)
      .slice(0, Math.max(0, Math.floor(limit) || 0))
      .map((s) => copyData(s));
  }

  putInterview(session: InterviewSession): void {
    this.#interviews.insert(this.#interviews.admit(session), this.changed);
  }

  deleteInterview(owner: Owner, id: string): boolean {
    return this.#interviews.remove([owner.platform, owner.id, id], this.changed);
  }

  purgeInterviews(cutoff: number): number {
    const old = [...this.#interviews.all()].filter((s) => s.updatedAt <= cutoff);
    for (const session of old) this.#interviews.remove(keyOf(session), this.changed);
    return old.length;
  }

  getScorecard(owner: Owner, id: string): Scorecard | undefined {
    const card = this.#scorecards.get([owner.platform, owner.id, id]);
    return card === undefined ? undefined : copyData(card);
  }

  listScorecards(owner: Owner, limit: number): Scorecard[] {
    return this.#scorecards
      .list(owner)
      .slice(0, Math.max(0, Math.floor(limit) || 0))
      .map((c) => copyData(c));
  }

  /** Every author's scorecards, latest finished first: for the operator's export only, never the chat core. */
  allScorecards(): Scorecard[] {
    return [...this.#scorecards.all()].sort(this.#scorecards.order).map((c) => copyData(c));
  }

  putScorecard(card: Scorecard): void {
    this.#scorecards.insert(this.#scorecards.admit(card), this.changed);
  }

  deleteScorecard(owner: Owner, id: string): boolean {
    return this.#scorecards.remove([owner.platform, owner.id, id], this.changed);
  }

  purgeScorecards(cutoff: number): number {
    const old = [...this.#scorecards.all()].filter((c) => c.finished <= cutoff);
    for (const card of old) this.#scorecards.remove(keyOf(card), this.changed);
    return old.length;
  }

  /** The stored interview itself, not a copy: for serialising only. */
  peekInterview(key: OwnedKey): InterviewSession | undefined {
    return this.#interviews.get(key);
  }

  /** The stored scorecard itself, not a copy: for serialising only. */
  peekScorecard(key: OwnedKey): Scorecard | undefined {
    return this.#scorecards.get(key);
  }

  /** Puts a validated value back as it was (undefined: none), without a change event: replay and rollback. */
  setInterview(key: OwnedKey, session: InterviewSession | undefined): void {
    this.#interviews.set(key, session);
  }

  /** As `setInterview`, for scorecards. */
  setScorecard(key: OwnedKey, card: Scorecard | undefined): void {
    this.#scorecards.set(key, card);
  }
}
