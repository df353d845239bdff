/**
 * Grades a free-text answer the way an interviewer listens: which of the
 * question's key points it claims, in the candidate's own words (stems,
 * synonyms, small typos), said of the right thing and not negated; which wrong
 * claims it makes; and two guards against gaming: a bare list of keywords is
 * capped, and an answer whose words mostly belong elsewhere (a good answer to
 * another question) is scaled down.
 */
import type { Question } from '../content/schema.js';
import type { Analyzer } from '../search/text.js';
import { type AnswerText, analyseAnswer, quote } from './answer-text.js';
import { Locator } from './claims.js';
import type { ContradictionHit, Grade, GradeOptions } from './grade-model.js';
import { isDenied, judgePoint } from './grade-points.js';
import { type Prepared, prepare } from './grade-prepare.js';
import { isKeywordSoup } from './keyword-soup.js';
import { saidOf, subjectMentions } from './subjects.js';

export type { ContradictionHit, Grade, GradeOptions, PointGrade, PointStatus } from './grade-model.js';

/** Highest grade for an answer that is mostly a list of keywords. */
export const KEYWORD_SOUP_CAP = 5;
/** Most an on-topic answer earns for claiming nothing wrong while showing no key point. */
const VAGUE_FLOOR = 12;

/** Share of the grade earned by key points; the rest by overlap with the model answer's own vocabulary. */
const KEY_POINT_SHARE = 0.85;
/** Overlap with the model answer's specific content words that earns the whole vocabulary share. */
const FULL_VOCABULARY_OVERLAP = 0.35;
/** Credit for a key point shown by one one-word mention only ("SLO", "S3"): it names the topic more than it makes the claim. */
const SINGLE_MENTION_CREDIT = 0.7;
/** Key points a wrong claim costs. */
const CONTRADICTION_COST = 1;
/**
 * Share of an answer's distinct content terms found in the question's own text
 * below which the answer counts as off-topic, and above which fully on-topic;
 * the grade is scaled linearly in between.
 */
const OFF_TOPIC = 0.1;
const ON_TOPIC = 0.4;

/**
 * Grades `answer` against `question`. Deterministic; the question's analysis
 * is cached per analyzer and question id. A blank answer scores 0 with every
 * key point missed.
 */
export function gradeAnswer(question: Question, answer: string, analyzer: Analyzer, options: GradeOptions = {}): Grade {
  const prepared = prepare(question, analyzer, options.genericTerms ?? []);
  const missedAll = (): Grade => ({
    score: 0,
    covered: [],
    missed: prepared.points.map((p) => p.label),
    points: prepared.points.map((p) => ({ label: p.label, status: 'missed' })),
    contradictions: [],
  });
  if (answer.trim() === '') return missedAll();
  const text = analyseAnswer(answer, analyzer);
  const locator = new Locator(text);
  const mentions = subjectMentions(text, locator, prepared.subjects);

  const points = prepared.points.map(({ label, claim }) => judgePoint(label, claim, text, locator, mentions));
  const contradictions: ContradictionHit[] = [];
  for (const { feedback, claim } of prepared.contradictions) {
    const hit = locator.occurrences(claim.alternatives).find((o) => o.specific && !isDenied(text, o) && saidOf(text, mentions, o, claim.about, true));
    if (hit) contradictions.push({ feedback, heard: quote(text, hit.start, hit.end) });
  }
  for (const p of points) {
    if (p.status === 'contradicted')
      contradictions.push({ feedback: `You said "${p.heard ?? ''}": a strong answer rules that out (${p.label}).`, heard: p.heard ?? '' });
  }

  const covered = points.filter((p) => p.status === 'covered').map((p) => p.label);
  const missed = points.filter((p) => p.status !== 'covered').map((p) => p.label);
  let heard = 0;
  for (const p of points) if (p.status === 'covered') heard += (p.strength ?? 2) >= 2 ? 1 : SINGLE_MENTION_CREDIT;
  const credit = Math.max(0, heard - CONTRADICTION_COST * contradictions.length);
  const keyShare = credit / Math.max(1, points.length);
  const onTopic = relevance(text, prepared);
  let score = Math.round(100 * onTopic * (KEY_POINT_SHARE * keyShare + (1 - KEY_POINT_SHARE) * vocabulary(text, prepared, contradictions.length)));
  // An on-topic answer that claims nothing wrong and denies nothing ranks above one that does:
  // vague is better than wrong, even when neither earns a point.
  const clean = contradictions.length === 0 && !points.some((p) => p.status === 'negated');
  if (clean) score = Math.max(score, Math.round(VAGUE_FLOOR * onTopic));
  const grade: Grade = { score, covered, missed, points, contradictions };
  if (score > KEYWORD_SOUP_CAP && isKeywordSoup(answer, analyzer)) {
    grade.score = KEYWORD_SOUP_CAP;
    grade.capped = { reason: 'keyword-list', cap: KEYWORD_SOUP_CAP, uncapped: score };
  }
  return grade;
}

/** Overlap with the model answer's specific vocabulary, counting only what was not negated. */
function vocabulary(text: AnswerText, prepared: Prepared, wrongClaims: number): number {
  if (wrongClaims > 0) return 0;
  const said = new Set(text.tokens.filter((t) => !text.negatedBy.has(t.pos)).map((t) => t.term));
  let shared = 0;
  for (const term of prepared.modelTerms) if (said.has(term)) shared += 1;
  return Math.min(1, shared / Math.max(1, prepared.modelTerms.size) / FULL_VOCABULARY_OVERLAP);
}

/** How much of the answer is about this question at all. */
function relevance(text: AnswerText, prepared: Prepared): number {
  const terms = new Set(text.tokens.map((t) => t.term));
  let onTopic = 0;
  for (const term of terms) if (prepared.questionTerms.has(term)) onTopic += 1;
  return Math.min(1, Math.max(0, (onTopic / Math.max(1, terms.size) - OFF_TOPIC) / (ON_TOPIC - OFF_TOPIC)));
}
