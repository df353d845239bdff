/** Banks and sessions for the interview tests, independent of the real content. */
import type { Question, Tier } from '../../src/content/schema.js';
import { buildPlan, type Plan } from '../../src/interview/plan.js';
import type { InterviewLevel, Result } from '../../src/interview/result.js';
import { createSession, type InterviewSession, startInterview } from '../../src/interview/session.js';
import { seededRandom } from '../../src/random.js';
import type { Actor } from '../../src/requests.js';
import { fixtureRole } from '../search/fixture.js';

export const ALICE: Actor = { platform: 'slack', id: 'U1', name: 'Alice' };
export const T0 = Date.UTC(2026, 11, 1, 14, 0);
export const MIN = 60_000;

const template = fixtureRole.questions[0] as Question;

/** A question shaped like the real ones, with `points` key points. */
export function question(id: string, tier: Tier, topics: string[], points = 4, redFlags: string[] = []): Question {
  return {
    ...template,
    id,
    tier,
    topics,
    prompt: `Question ${id}?`,
    keyPoints: Array.from({ length: points }, (_, i) => ({ point: `${id} point ${i + 1}`, terms: [`${id}-term-${i + 1}`] })),
    redFlags,
    rubric: { junior: `${id}: junior line`, mid: `${id}: mid line`, senior: `${id}: senior line` },
  };
}

/** `perTier` questions of each tier, question i of a tier on topic `t<i % topics>` only. */
export function bank(perTier = 10, topics = 8): Question[] {
  return (['basic', 'technical', 'advanced'] as const).flatMap((tier) =>
    Array.from({ length: perTier }, (_, i) => question(`${tier[0]}${i}`, tier, [`t${i % topics}`])),
  );
}

/** Behavioural questions: one per tier. */
export const behaviouralQuestions: Question[] = [
  question('story-basic', 'basic', ['behavioural', 'culture']),
  question('story-technical', 'technical', ['behavioural', 'incident-response']),
  question('story-advanced', 'advanced', ['behavioural', 'leadership']),
];

/** The element at `i`, failing the test when there is none (instead of a non-null assertion). */
export function nth<T>(items: readonly T[], i: number): T {
  const item = items.at(i);
  if (item === undefined) throw new Error(`no element ${i} of ${items.length}`);
  return item;
}

/** Unwraps a result a test expects to succeed, failing with its message otherwise. */
export function must<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

export function plan(questions: readonly Question[], level: InterviewLevel, minutes?: number, seed = 1, topics?: string[]): Plan {
  return must(buildPlan({ questions, level, ...(minutes !== undefined ? { minutes } : {}), ...(topics ? { topics } : {}), random: seededRandom(seed) }));
}

/** A started session over the given plan. */
export function started(p: Plan, candidate = 'Jordan'): InterviewSession {
  return must(startInterview(createSession({ id: 'abc12345', roleId: 'devops-engineer', author: ALICE, candidate, plan: p, now: T0 - MIN }), T0));
}

/** A plan of exactly these questions, in order, at their tier's budget. */
export function fixedPlan(questions: readonly Question[], level: InterviewLevel = 'mid'): Plan {
  const minutes = { basic: 5, technical: 6, advanced: 7 } as const;
  return {
    level,
    minutes: 45,
    reserveMinutes: 5,
    topics: [],
    items: questions.map((q) => ({
      questionId: q.id,
      tier: q.tier,
      topics: q.topics,
      minutes: minutes[q.tier],
      behavioural: q.topics.includes('behavioural'),
    })),
    excluded: [],
    passed: [],
    notes: [],
  };
}
