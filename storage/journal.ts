/**
 * The journal: an append-only file of changed records beside the snapshot.
 *
 * Each group commit appends one line, `{"g":[record, ...]}`, holding the latest
 * value of every user, session, flag, interview, scorecard and record changed since the last group, and
 * fsyncs it. A write costs what changed, not the size of the whole database.
 * One line is one group, so a group is all-or-nothing: a line cut short by a
 * crash or power cut (no newline, bad JSON, zeros) can only be the last thing
 * in the file and is ignored; a bad line with good lines after it is damage,
 * and the store refuses to open rather than guess.
 */
import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { z } from 'zod';
import type { Scorecard } from '../src/interview/scorecard.js';
import type { InterviewSession } from '../src/interview/session.js';
import type { QuestionFlag, QuizSession, StoredRecord, UserRecord } from '../src/ports.js';
import { describeIssues, questionFlagSchema, quizSessionSchema, storedRecordSchema, userRecordSchema } from './file-schema.js';
import { StoreOpenError, syncDir } from './files.js';
import { interviewSessionSchema, scorecardSchema } from './interview-schema.js';
import { slicer } from './slices.js';
import type { OwnedKey, RecordKey, StoreState } from './store-state.js';

/** One record of a group: the value a key has after the group (null: gone). */
export type JournalItem =
  | { t: 'user'; space: string; id: string; v: UserRecord | null }
  | { t: 'session'; key: string; v: QuizSession | null }
  | { t: 'flag'; v: QuestionFlag }
  /** `key`: the author's platform and id, then the record's id. */
  | { t: 'interview'; key: OwnedKey; v: InterviewSession | null }
  | { t: 'scorecard'; key: OwnedKey; v: Scorecard | null }
  /** `key`: the record's kind, then its key. */
  | { t: 'record'; key: RecordKey; v: StoredRecord | null };

const ownedKey = z.tuple([z.string(), z.string(), z.string()]);
const itemSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('user'), space: z.string(), id: z.string(), v: userRecordSchema.nullable() }),
  z.object({ t: z.literal('session'), key: z.string(), v: quizSessionSchema.nullable() }),
  z.object({ t: z.literal('flag'), v: questionFlagSchema }),
  z.object({ t: z.literal('interview'), key: ownedKey, v: interviewSessionSchema.nullable() }),
  z.object({ t: z.literal('scorecard'), key: ownedKey, v: scorecardSchema.nullable() }),
  z.object({ t: z.literal('record'), key: z.tuple([z.string(), z.string()]), v: storedRecordSchema.nullable() }),
]);
const groupSchema = z.object({ g: z.array(itemSchema) });

/**
 * Append, create, and O_DSYNC: each write returns only once its data (and the
 * new length) is on disk, which is what fdatasync after it would give, in one
 * system call instead of two.
 */
const APPEND_DURABLY = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_DSYNC;

/** A group with no records: what the writer appends to prove the disk takes writes again. */
export const EMPTY_GROUP = '{"g":[]}\n';

/**
 * One group as a journal line. Records are serialised one by one with pauses,
 * so a burst of large records does not hold the event loop.
 */
export async function encodeGroup(items: readonly JournalItem[], pause = slicer()): Promise<string> {
  const parts: string[] = [];
  for (const item of items) {
    parts.push(JSON.stringify(item));
    await pause();
  }
  return `{"g":[${parts.join(',')}]}\n`;
}

type Parsed = { ok: true; items: JournalItem[] } | { ok: false; why: string };

function parseLine(line: string): Parsed {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    return { ok: false, why: `not valid JSON (${(error as Error).message})` };
  }
  const parsed = groupSchema.safeParse(json);
  if (!parsed.success) return { ok: false, why: describeIssues(parsed.error) };
  // The raw JSON, as for the snapshot: JSON.parse keeps keys such as `__proto__` as plain own properties.
  return { ok: true, items: (json as { g: JournalItem[] }).g };
}

function apply(items: readonly JournalItem[], state: StoreState): void {
  for (const item of items) {
    if (item.t === 'user') state.setUser(item.space, item.id, item.v ?? undefined);
    else if (item.t === 'session') state.setSession(item.key, item.v ?? undefined);
    else if (item.t === 'interview') state.interviews.setInterview(item.key, item.v ?? undefined);
    else if (item.t === 'scorecard') state.interviews.setScorecard(item.key, item.v ?? undefined);
    else if (item.t === 'record') state.records.set(item.key, item.v ?? undefined);
    else state.replayFlag(item.v);
  }
}

/** What replaying one journal found. */
export interface Replayed {
  groups: number;
  /** Bytes of a cut-short last line that were ignored. */
  tornBytes: number;
}

/** Applies every complete group of `text` (the journal at `path`) to `state`, in order. */
export function replayJournal(text: string, state: StoreState, path: string): Replayed {
  const lines = text.split('\n');
  // What follows the last newline: empty, or a line whose write never finished.
  const tail = lines.pop() ?? '';
  let groups = 0;
  for (const [index, line] of lines.entries()) {
    const parsed = parseLine(line);
    if (parsed.ok) {
      apply(parsed.items, state);
      groups++;
      continue;
    }
    // A torn write is always the end of the file: a good group after a bad one means damage.
    const later = lines.slice(index + 1).findIndex((l) => parseLine(l).ok);
    if (later >= 0 || parseLine(tail).ok) {
      throw new StoreOpenError(
        'damaged',
        path,
        `cannot open the database journal ${path}: line ${index + 1} is damaged (${parsed.why}) but later lines are not. ` +
          `The file was left untouched; restore a backup of the data directory, or move this journal away to lose the changes it holds.`,
      );
    }
    return { groups, tornBytes: Buffer.byteLength(lines.slice(index).join('\n')) + 1 + Buffer.byteLength(tail) };
  }
  return { groups, tornBytes: Buffer.byteLength(tail) };
}

/** The open journal this process appends to. */
export class JournalFile {
  private constructor(
    readonly path: string,
    private handle: FileHandle,
    /** Bytes known to be complete groups on disk. */
    private goodSize: number,
  ) {}

  /** Opens (creating if missing) the journal at `path` for appending; the new name is fsynced into `dir`. */
  static async open(path: string, dir: string): Promise<JournalFile> {
    const handle = await open(path, APPEND_DURABLY, 0o644);
    try {
      const { size } = await handle.stat();
      await syncDir(dir);
      return new JournalFile(path, handle, size);
    } catch (error) {
      await handle.close().catch(() => {});
      throw error;
    }
  }

  /** Bytes of complete, durable groups. */
  get size(): number {
    return this.goodSize;
  }

  /** Appends `text` durably (O_DSYNC). If this fails the file may hold part of it, until `recover()`. */
  async append(text: string): Promise<void> {
    const bytes = Buffer.from(text);
    let done = 0;
    while (done < bytes.length) {
      const { bytesWritten } = await this.handle.write(bytes, done, bytes.length - done);
      done += bytesWritten;
    }
    this.goodSize += bytes.length;
  }

  /**
   * After a failed append: reopens the file, cuts off whatever that append left
   * (so a group reported lost can never come back on replay), and proves the disk
   * takes writes again with an empty group.
   */
  async recover(): Promise<void> {
    await this.handle.close().catch(() => {});
    this.handle = await open(this.path, APPEND_DURABLY, 0o644);
    await this.handle.truncate(this.goodSize);
    // O_DSYNC covers writes, not the truncation: make the cut durable before anything follows it.
    await this.handle.datasync();
    await this.append(EMPTY_GROUP);
  }

  async close(): Promise<void> {
    await this.handle.close().catch(() => {});
  }
}
