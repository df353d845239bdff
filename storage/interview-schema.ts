/**
 * The zod schemas of interview sessions and scorecards as stored. They guard
 * the file and every put, as the schemas in file-schema.ts do for users and
 * quizzes: a value JSON cannot round-trip (NaN, Infinity) is refused at the
 * call that made it. looseObject throughout, so fields a newer core adds
 * survive a read-write cycle.
 */
import { z } from 'zod';
import { TIERS } from '../src/content/schema.js';
import { READINGS } from '../src/interview/reading.js';
import { INTERVIEW_LEVELS } from '../src/interview/result.js';
import type { Scorecard } from '../src/interview/scorecard.js';
import type { InterviewSession } from '../src/interview/session.js';

const count = z.number().int().nonnegative();
const strings = z.array(z.string());

/** Who an interview or scorecard belongs to; platforms are an open set (requests.ts), so any id is kept. */
const author = z.looseObject({ platform: z.string().min(1), id: z.string().min(1), name: z.string() });

const planItem = z.looseObject({
  questionId: z.string().min(1),
  tier: z.enum(TIERS),
  topics: strings,
  minutes: z.number(),
  behavioural: z.boolean(),
});

const plan = z.looseObject({
  level: z.enum(INTERVIEW_LEVELS),
  minutes: z.number(),
  reserveMinutes: z.number(),
  topics: strings,
  items: z.array(planItem),
  excluded: strings,
  passed: strings,
  notes: strings,
});

const pastedGrade = z.looseObject({
  score: z.number(),
  points: z.array(z.looseObject({ label: z.string(), status: z.enum(['covered', 'missed', 'negated', 'contradicted']), heard: z.string().optional() })),
  contradictions: strings,
  capped: z.boolean(),
  preTicked: z.array(count),
});

const questionState = z.looseObject({
  questionId: z.string().min(1),
  status: z.enum(['pending', 'asked', 'skipped', 'not-reached']),
  ticked: z.array(count),
  redFlags: strings,
  note: z.string().optional(),
  graded: pastedGrade.optional(),
  startedAt: z.number().optional(),
  endedAt: z.number().optional(),
});

/** One interview session as stored; unknown extra fields are kept. */
export const interviewSessionSchema = z.looseObject({
  id: z.string().min(1),
  roleId: z.string(),
  author,
  candidate: z.string().optional(),
  level: z.enum(INTERVIEW_LEVELS),
  plan,
  phase: z.enum(['planning', 'running', 'finished']),
  index: count,
  questions: z.array(questionState),
  createdAt: z.number(),
  startedAt: z.number().optional(),
  finishedAt: z.number().optional(),
  updatedAt: z.number(),
});

const scorecardQuestion = z.looseObject({
  id: z.string(),
  prompt: z.string(),
  tier: z.enum(TIERS),
  topics: strings,
  status: z.enum(['asked', 'skipped', 'not-reached']),
  ticked: strings,
  missed: strings,
  total: count,
  redFlags: z.array(z.looseObject({ id: z.string(), title: z.string() })),
  note: z.string().optional(),
  pastedScore: z.number().optional(),
  reading: z.enum(READINGS).optional(),
  evidence: z.string(),
  rubric: z.string().optional(),
  minutes: z.number().optional(),
  budget: z.number(),
});

const coverage = z.looseObject({ topic: z.string(), ticked: count, total: count, asked: count, skipped: count });

/** One scorecard as stored; unknown extra fields are kept. */
export const scorecardSchema = z.looseObject({
  id: z.string().min(1),
  roleId: z.string(),
  author,
  candidate: z.string().optional(),
  level: z.enum(INTERVIEW_LEVELS),
  started: z.number(),
  finished: z.number(),
  minutes: z.looseObject({ planned: z.number(), used: z.number() }),
  questions: z.array(scorecardQuestion),
  coverage: z.array(coverage),
  overall: z.looseObject({ ticked: count, total: count }),
  suggested: z.enum(READINGS).optional(),
  evidence: z.string(),
  supporting: strings,
  probe: strings,
  notes: strings,
});

// Compile-time proof that what the schemas accept is what the interview modules
// promise; if InterviewSession or Scorecard change, these lines stop compiling.
type Assert<T extends true> = T;
export type _InterviewMatches = Assert<z.output<typeof interviewSessionSchema> extends InterviewSession ? true : false>;
export type _ScorecardMatches = Assert<z.output<typeof scorecardSchema> extends Scorecard ? true : false>;
