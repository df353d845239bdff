/**
 * The on-disk shape of the store file and the zod schemas that guard it.
 *
 * Records are validated both when the file is read and when a record is
 * accepted, so a value JSON cannot round-trip (NaN, Infinity) is refused at
 * the call that produced it instead of bricking the next start-up.
 */
import { z } from 'zod';
import { TIERS } from '../src/content/schema.js';
import type { Scorecard } from '../src/interview/scorecard.js';
import type { InterviewSession } from '../src/interview/session.js';
import type { QuestionFlag, QuizSession, StoredRecord, UserRecord } from '../src/ports.js';
import { interviewSessionSchema, scorecardSchema } from './interview-schema.js';
import { MAX_RECORD_KEY, RECORD_KIND } from './record-state.js';

/** The file format version this code writes and reads. */
export const FILE_VERSION = 1;

// z.number() in zod 4 already refuses NaN and ±Infinity; counters are integers.
const count = z.number().int().nonnegative();
const tally = z.looseObject({ answered: count, correct: count });

// looseObject everywhere: fields the core adds later must survive a
// read-write cycle instead of being silently stripped by an older schema.
const reviewItem = z.looseObject({ box: z.number().int(), due: z.number(), run: z.number().int() });
const recentAnswer = z.looseObject({
  questionId: z.string(),
  correct: z.boolean(),
  points: z.number(),
  at: z.number(),
  given: z.string().max(4000).optional(),
  score: z.number().min(0).max(100).optional(),
});

/** One user's record as stored; unknown extra fields are kept. */
export const userRecordSchema = z.looseObject({
  userId: z.string().min(1),
  name: z.string(),
  points: z.number(),
  answered: count,
  correct: count,
  week: z.looseObject({ id: z.string(), points: z.number(), answered: count, correct: count }),
  streak: count,
  bestStreak: count,
  byTier: z.partialRecord(z.enum(TIERS), tally),
  byTopic: z.record(z.string(), tally),
  seen: z.record(z.string(), z.array(z.string())),
  review: z.record(z.string(), reviewItem),
  recent: z.array(recentAnswer),
  updatedAt: z.number(),
});

const quizAnswer = z.looseObject({
  questionId: z.string(),
  outcome: z.enum(['correct', 'wrong', 'skipped']),
  points: z.number(),
  given: z.string().optional(),
  score: z.number().optional(),
});

/** One running quiz session as stored; unknown extra fields are kept. */
export const quizSessionSchema = z.looseObject({
  id: z.string().min(1),
  key: z.string().min(1),
  roleId: z.string(),
  userId: z.string(),
  mode: z.enum(['choice', 'text']),
  tier: z.enum([...TIERS, 'mixed']),
  review: z.boolean(),
  questionIds: z.array(z.string()),
  index: z.number().int().nonnegative(),
  order: z.array(z.number().int()),
  answers: z.array(quizAnswer),
  points: z.number(),
  streak: count,
  bestStreak: count,
  startedAt: z.number(),
  updatedAt: z.number(),
});

/** One question flag as stored; unknown extra fields are kept. */
export const questionFlagSchema = z.looseObject({
  roleId: z.string().min(1),
  questionId: z.string().min(1),
  space: z.string(),
  userId: z.string().min(1),
  at: z.number(),
  kind: z.enum(['flag', 'dispute']).optional(),
  dispute: z.looseObject({ answer: z.string().max(4000), score: z.number().min(0).max(100), name: z.string().max(200) }).optional(),
});

/** One versioned record (`RecordStore`) as stored: its value is any JSON, which the feature owning it checks. */
export const storedRecordSchema = z.object({
  kind: z.string().regex(RECORD_KIND),
  key: z.string().min(1).max(MAX_RECORD_KEY),
  version: z.number().int().positive(),
  value: z.json(),
  due: z.number().optional(),
});

/**
 * Version 1 of the file: users keyed by space, then by user id; sessions keyed
 * by their `space|conversation|user` key; question flags oldest first. `flags`
 * came later within version 1, so a file without it opens with none; so did
 * `journal`, the first journal generation not yet folded into this file (none:
 * every journal beside it is newer), `interviews` and `scorecards` (each
 * record names its author and id, so a list is enough), and `records` (each
 * names its kind and key).
 */
export const storeFileSchema = z.object({
  version: z.literal(FILE_VERSION),
  journal: z.number().int().nonnegative().optional(),
  users: z.record(z.string(), z.record(z.string(), userRecordSchema)),
  sessions: z.record(z.string(), quizSessionSchema),
  flags: z.array(questionFlagSchema).default([]),
  interviews: z.array(interviewSessionSchema).default([]),
  scorecards: z.array(scorecardSchema).default([]),
  records: z.array(storedRecordSchema).default([]),
});

/** The parsed contents of a version 1 store file. */
export interface StoreFile {
  version: typeof FILE_VERSION;
  /** Journals of this generation and later hold changes made after this snapshot. */
  journal?: number;
  users: Record<string, Record<string, UserRecord>>;
  sessions: Record<string, QuizSession>;
  /** Oldest first. */
  flags: QuestionFlag[];
  /** In no particular order: each is filed by its author and id. */
  interviews: InterviewSession[];
  scorecards: Scorecard[];
  /** Versioned records, in no particular order; absent reads as none (files written before records). */
  records?: StoredRecord[];
}

// Compile-time proof that what the schemas accept is what ports.ts promises;
// if the core changes UserRecord or QuizSession these lines stop compiling.
type Assert<T extends true> = T;
export type _UserRecordMatches = Assert<z.output<typeof userRecordSchema> extends UserRecord ? true : false>;
export type _SessionMatches = Assert<z.output<typeof quizSessionSchema> extends QuizSession ? true : false>;
export type _StoredRecordMatches = Assert<z.output<typeof storedRecordSchema> extends StoredRecord ? true : false>;
export type _FlagMatches = Assert<z.output<typeof questionFlagSchema> extends QuestionFlag ? true : false>;
export type _FileMatches = Assert<z.output<typeof storeFileSchema> extends StoreFile ? true : false>;

/** Shortens zod issues to one line each, with the JSON path, for an error message. */
export function describeIssues(error: z.ZodError, max = 5): string {
  const lines = error.issues.slice(0, max).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
    return `${where}: ${issue.message}`;
  });
  const more = error.issues.length - lines.length;
  if (more > 0) lines.push(`… and ${more} more`);
  return lines.join('; ');
}
