/**
 * The scorecard of a finished interview: per question what was heard and the
 * level it reads at, coverage by topic, a suggested level with its evidence,
 * and what to probe in the next round. A snapshot: it quotes the prompts and
 * labels as they were, so later content edits do not rewrite it. Deterministic.
 */
import type { Mistake, Question, Tier } from '../content/schema.js';
import type { Actor } from '../requests.js';
import { count } from './plan-model.js';
import { type Reading, readingRank, readQuestion, rubricLine, suggestLevel } from './reading.js';
import { fail, type InterviewLevel, ok, type Result } from './result.js';
import type { InterviewSession } from './session.js';

/** One planned question on the scorecard. */
export interface ScorecardQuestion {
  readonly id: string;
  readonly prompt: string;
  readonly tier: Tier;
  readonly topics: readonly string[];
  readonly status: 'asked' | 'skipped' | 'not-reached';
  /** Labels of the key points ticked, and of the rest, in question order. */
  readonly ticked: readonly string[];
  readonly missed: readonly string[];
  readonly total: number;
  readonly redFlags: readonly { readonly id: string; readonly title: string }[];
  readonly note?: string;
  /** The auto-grade of a pasted answer, 0..100, when one was pasted. */
  readonly pastedScore?: number;
  /** Absent for a question not asked. */
  readonly reading?: Reading;
  /** Why it reads so ("4 of 5 key points (80%) → senior; 1 red flag heard → mid"), or why it was not assessed. */
  readonly evidence: string;
  /** The rubric's line for the reading. */
  readonly rubric?: string;
  /** Whole minutes spent on it, when it was reached. */
  readonly minutes?: number;
  readonly budget: number;
}

/** Key points heard of those asked, for one topic. */
export interface TopicCoverage {
  readonly topic: string;
  readonly ticked: number;
  readonly total: number;
  /** Questions on the topic asked, and skipped or not reached. */
  readonly asked: number;
  readonly skipped: number;
}

/** A finished interview, private to its author unless shared. */
export interface Scorecard {
  readonly id: string;
  readonly roleId: string;
  readonly author: Actor;
  readonly candidate?: string;
  /** The level the interview was planned for. */
  readonly level: InterviewLevel;
  readonly started: number;
  readonly finished: number;
  readonly minutes: { readonly planned: number; readonly used: number };
  readonly questions: readonly ScorecardQuestion[];
  /** By topic, alphabetically. */
  readonly coverage: readonly TopicCoverage[];
  readonly overall: { readonly ticked: number; readonly total: number };
  /** The suggested level; absent when no question was asked. */
  readonly suggested?: Reading;
  readonly evidence: string;
  /** Ids of the questions that support the suggestion. */
  readonly supporting: readonly string[];
  /** What to probe in the next round, most telling first. */
  readonly probe: readonly string[];
  /** What the plan had to cap or substitute. */
  readonly notes: readonly string[];
}

/** The content a scorecard quotes: the role's questions and mistakes. */
export interface ScorecardContent {
  readonly questions: readonly Question[];
  readonly mistakes: readonly Mistake[];
}

/** At most this many lines under "probe next round". */
export const PROBE_MAX = 8;

const MINUTE = 60_000;

/** The scorecard of a finished session. */
export function buildScorecard(session: InterviewSession, content: ScorecardContent): Result<Scorecard> {
  if (session.phase !== 'finished' || session.startedAt === undefined || session.finishedAt === undefined) {
    return fail('not-finished', 'The interview is not finished yet: its scorecard comes at the end.');
  }
  const byId = new Map(content.questions.map((q) => [q.id, q]));
  const titles = new Map(content.mistakes.map((m) => [m.id, m.title]));
  const questions = session.questions.map((state, i): ScorecardQuestion => {
    const item = session.plan.items[i];
    const q = byId.get(state.questionId);
    // A question removed from the bank since planning still shows, by id, with what was marked.
    const labels = q ? q.keyPoints.map((k) => k.point) : state.ticked.map((n) => `Key point ${n + 1}`);
    const ticked = state.ticked.flatMap((n) => labels[n] ?? []);
    const missed = labels.filter((_, n) => !state.ticked.includes(n));
    const status = state.status === 'pending' ? 'not-reached' : state.status;
    const tier = q?.tier ?? item?.tier ?? 'basic';
    const read = status === 'asked' ? readQuestion(ticked.length, labels.length, tier, state.redFlags.length) : undefined;
    const spent = state.startedAt !== undefined && state.endedAt !== undefined ? Math.floor((state.endedAt - state.startedAt) / MINUTE) : undefined;
    return {
      id: state.questionId,
      prompt: q?.prompt ?? `(${state.questionId}: no longer in the question bank)`,
      tier,
      topics: q?.topics ?? item?.topics ?? [],
      status,
      ticked,
      missed,
      total: labels.length,
      redFlags: state.redFlags.map((id) => ({ id, title: titles.get(id) ?? id })),
      ...(state.note !== undefined ? { note: state.note } : {}),
      ...(state.graded ? { pastedScore: state.graded.score } : {}),
      ...(read
        ? { reading: read.reading, evidence: read.evidence }
        : { evidence: status === 'skipped' ? 'Skipped: not assessed.' : 'Not reached: not assessed.' }),
      ...(read && q ? { rubric: rubricLine(q.rubric, read.reading) } : {}),
      ...(spent !== undefined ? { minutes: spent } : {}),
      budget: item?.minutes ?? 0,
    };
  });
  const asked = questions.filter((q) => q.reading !== undefined);
  const flags = asked.reduce((n, q) => n + q.redFlags.length, 0);
  const suggestion = suggestLevel(
    asked.map((q) => ({ id: q.id, tier: q.tier, reading: q.reading as Reading })),
    flags,
  );
  const coverage = coverageOf(questions);
  return ok({
    id: session.id,
    roleId: session.roleId,
    author: session.author,
    ...(session.candidate ? { candidate: session.candidate } : {}),
    level: session.level,
    started: session.startedAt,
    finished: session.finishedAt,
    minutes: {
      planned: session.plan.reserveMinutes + session.plan.items.reduce((n, i) => n + i.minutes, 0),
      used: Math.floor((session.finishedAt - session.startedAt) / MINUTE),
    },
    questions,
    coverage,
    overall: { ticked: asked.reduce((n, q) => n + q.ticked.length, 0), total: asked.reduce((n, q) => n + q.total, 0) },
    ...(suggestion ? { suggested: suggestion.level } : {}),
    evidence: suggestion?.evidence ?? 'No question was asked: nothing to suggest a level from.',
    supporting: suggestion?.supporting ?? [],
    probe: probeOf(questions, coverage, session.level),
    notes: session.plan.notes,
  });
}

function coverageOf(questions: readonly ScorecardQuestion[]): TopicCoverage[] {
  const byTopic = new Map<string, { ticked: number; total: number; asked: number; skipped: number }>();
  for (const q of questions) {
    for (const topic of q.topics) {
      const c = byTopic.get(topic) ?? { ticked: 0, total: 0, asked: 0, skipped: 0 };
      if (q.reading === undefined) c.skipped += 1;
      else {
        c.asked += 1;
        c.ticked += q.ticked.length;
        c.total += q.total;
      }
      byTopic.set(topic, c);
    }
  }
  return [...byTopic.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([topic, c]) => ({ topic, ...c }));
}

/**
 * What to probe next, most telling first: red flags heard; topics where less
 * than half the key points were heard, weakest first; topics never assessed;
 * then the key points missed on questions read below the planned level.
 */
function probeOf(questions: readonly ScorecardQuestion[], coverage: readonly TopicCoverage[], level: InterviewLevel): string[] {
  const out: string[] = [];
  for (const q of questions) for (const f of q.redFlags) out.push(`Red flag heard on ${q.id}: ${f.title}.`);
  const weak = coverage.filter((c) => c.total > 0 && c.ticked * 2 < c.total);
  weak.sort((a, b) => a.ticked / a.total - b.ticked / b.total || (a.topic < b.topic ? -1 : 1));
  for (const c of weak) out.push(`${c.topic}: ${c.ticked} of ${count(c.total, 'key point')} heard.`);
  for (const c of coverage.filter((c) => c.asked === 0)) out.push(`${c.topic}: not assessed (${count(c.skipped, 'question')} skipped or not reached).`);
  for (const q of questions) {
    if (q.reading === undefined || readingRank(q.reading) >= readingRank(level)) continue;
    for (const label of q.missed) out.push(`Missed on ${q.id}: ${label}.`);
  }
  return [...new Set(out)].slice(0, PROBE_MAX);
}
