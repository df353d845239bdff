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
import { analyseAnswer, quote, type AnswerText } from './answer-text.js';
import {
  alternativesOf,
  type Claim,
  Locator,
  readOccurrence,
  saidOf,
  type Subject,
  type SubjectMentions,
  subjectKey,
  subjectMentions,
  type Weak,
  weakTerms,
} from './claims.js';
import { isKeywordSoup } from './keyword-soup.js';
import { ABSENCE_TERM, matchTerm } from './negation.js';

/** How one key point fared: covered, missed, said in the negative, or contradicted. */
export type PointStatus = 'covered' | 'missed' | 'negated' | 'contradicted';

/** One key point's verdict, with the words heard and why it counted or not. */
export interface PointGrade {
  label: string;
  status: PointStatus;
  /** The answer's words the verdict rests on. */
  heard?: string;
  /** For a covered point: how much evidence was heard (1 for a single one-word mention). */
  strength?: number;
}

/** A wrong claim the answer made, and what the content says about it. */
export interface ContradictionHit {
  feedback: string;
  heard: string;
}

/** A grade: 0..100, each key point's verdict, the wrong claims, and any cap applied. */
export interface Grade {
  score: number;
  /** Labels of covered key points, in question order. */
  covered: string[];
  /** Labels of every other key point (missed, negated or contradicted), in question order. */
  missed: string[];
  points: PointGrade[];
  contradictions: ContradictionHit[];
  /** Set when the score was capped: the answer reads as a bare list of keywords. */
  capped?: { reason: 'keyword-list'; cap: number; uncapped: number };
}

/** Options that come from the role rather than the question. */
export interface GradeOptions {
  /** The role's generic terms: never evidence alone. */
  genericTerms?: readonly string[];
}

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

interface Prepared {
  points: { label: string; claim: Claim }[];
  contradictions: { feedback: string; claim: Claim }[];
  subjects: Subject[];
  termSet: Set<string>;
  modelTerms: Set<string>;
  questionTerms: Set<string>;
}

const cache = new WeakMap<Analyzer, Map<string, { question: Question; prepared: Prepared }>>();

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
    const hit = locator
      .occurrences(claim.alternatives)
      .find((o) => o.specific && !isDenied(text, o) && saidOf(text, mentions, o, claim.about, true));
    if (hit) contradictions.push({ feedback, heard: quote(text, hit.start, hit.end) });
  }
  for (const p of points) {
    if (p.status === 'contradicted') contradictions.push({ feedback: `You said "${p.heard ?? ''}": a strong answer rules that out (${p.label}).`, heard: p.heard ?? '' });
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

/** Said in the negative, or as the object of a rejecting verb. */
const isDenied = (text: AnswerText, o: { start: number; end: number; positions: number[] }): boolean => {
  const r = readOccurrence(text, { ...o, specific: true });
  return r.negated || r.rejected;
};

/** Distinct specific words of a point's label that, said close together, show the point. */
const LABEL_WORDS_NEEDED = 2;
/** How close: within this many word positions of each other. */
const LABEL_WINDOW = 8;

/**
 * The point said in its label's own words: two of the label's specific words
 * close together in one sentence, neither negated, said of the right subject.
 * A general net under the listed terms, which cannot foresee every paraphrase.
 */
function labelEvidence(claim: Claim, text: AnswerText, locator: Locator, mentions: SubjectMentions): { start: number; end: number } | undefined {
  const hits: { word: number; start: number; end: number }[] = [];
  claim.labelWords.forEach((alt, word) => {
    for (const o of locator.occurrences([alt])) {
      if (!readOccurrence(text, o).negated && saidOf(text, mentions, o, claim.about, false)) hits.push({ word, start: o.start, end: o.end });
    }
  });
  hits.sort((a, b) => a.start - b.start);
  for (let i = 0; i < hits.length; i++) {
    const a = hits[i];
    if (!a) continue;
    const near = new Set([a.word]);
    let end = a.end;
    for (let j = i + 1; j < hits.length; j++) {
      const b = hits[j];
      if (!b || b.start - a.start > LABEL_WINDOW || text.sentenceOf(b.start) !== text.sentenceOf(a.start)) break;
      near.add(b.word);
      end = Math.max(end, b.end);
      if (near.size >= LABEL_WORDS_NEEDED) return { start: a.start, end };
    }
  }
  return undefined;
}

function judgePoint(label: string, claim: Claim, text: AnswerText, locator: Locator, mentions: SubjectMentions): PointGrade {
  const found = locator.occurrences(claim.alternatives).filter((o) => o.specific && saidOf(text, mentions, o, claim.about, false));
  let negated: PointGrade | undefined;
  let contradicted: PointGrade | undefined;
  let covered: PointGrade | undefined;
  // How much evidence: a one-word mention is weaker than a phrase or two separate terms.
  const evidence = new Map<number, number>();
  for (const o of found) {
    const r = readOccurrence(text, o);
    // Quote from the negation's cue, so the feedback shows "never use vault", not "vault".
    const cue = o.positions.map((p) => text.negatedBy.get(p)).find((c) => c !== undefined && !o.positions.includes(c));
    const heard = quote(text, Math.min(o.start, cue ?? o.start), o.end);
    const good = claim.either || (claim.negative ? r.negated || r.rejected : !r.negated);
    if (good) {
      covered ??= { label, status: 'covered', heard };
      evidence.set(o.start, Math.max(evidence.get(o.start) ?? 0, o.positions.length > 1 ? 2 : 1));
    } else if (claim.negative) contradicted ??= { label, status: 'contradicted', heard };
    else negated ??= { label, status: 'negated', heard };
  }
  if (covered) {
    let strength = 0;
    for (const v of evidence.values()) strength += v;
    return { ...covered, strength };
  }
  if (contradicted ?? negated) return contradicted ?? negated ?? { label, status: 'missed' };
  const byLabel = claim.negative ? undefined : labelEvidence(claim, text, locator, mentions);
  return byLabel ? { label, status: 'covered', heard: quote(text, byLabel.start, byLabel.end), strength: 2 } : { label, status: 'missed' };
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

function prepare(question: Question, analyzer: Analyzer, generic: readonly string[]): Prepared {
  let byId = cache.get(analyzer);
  if (!byId) {
    byId = new Map();
    cache.set(analyzer, byId);
  }
  const hit = byId.get(question.id);
  if (hit && hit.question === question) return hit.prepared;
  const weak = weakTerms(question, generic, analyzer);
  const subjects = new Map<string, Subject>();
  const claimOf = (about: readonly string[] | undefined, terms: readonly string[], negative: boolean, label = '', either = false): Claim => {
    const keys = about?.map((a) => subjectKey(a, analyzer)).filter((k) => k !== '');
    for (const [i, a] of (about ?? []).entries()) {
      const key = keys?.[i];
      if (key && !subjects.has(key)) subjects.set(key, { key, alternatives: alternativesOf(a, analyzer, { terms: new Set(), phrases: [] }) });
    }
    // A claim's own subject words are not evidence for it: "limits" says nothing about what limits do.
    const own: Weak = { terms: new Set(weak.terms), phrases: weak.phrases };
    for (const k of keys ?? []) for (const t of k.split(' ')) (own.terms as Set<string>).add(t);
    const labelWords = [
      ...new Set(
        analyzer
          .tokens(label)
          .filter((t) => t.source === 'word' && !own.terms.has(t.term) && matchTerm(t.word, t.term) !== ABSENCE_TERM && !/^[0-9]+$/.test(t.term))
          .map((t) => t.word),
      ),
    ];
    return {
      alternatives: terms.flatMap((t) => alternativesOf(t, analyzer, own)),
      labelWords: labelWords.flatMap((w) => alternativesOf(w, analyzer, own)),
      ...(keys && keys.length > 0 ? { about: new Set(keys) } : {}),
      negative,
      either,
    };
  };
  const points = question.keyPoints.map((kp) => ({ label: kp.point, claim: claimOf(kp.about, kp.terms, kp.negative ?? false, kp.point, kp.either ?? false) }));
  const contradictions = question.contradictions.map((c) => ({ feedback: c.feedback, claim: claimOf(c.about, c.terms, false) }));
  const termSet = new Set<string>();
  for (const p of points) for (const a of p.claim.alternatives) for (const u of a.units) termSet.add(u.term);
  for (const k of question.keywords) for (const t of analyzer.terms(k)) termSet.add(t);
  const modelTerms = new Set(
    analyzer
      .tokens(question.answer)
      .filter((t) => t.source !== 'camel' && !weak.terms.has(t.term))
      .map((t) => t.term),
  );
  const questionTerms = new Set([...modelTerms, ...termSet, ...weak.terms]);
  for (const text of [...question.keyPoints.map((k) => k.point), ...question.followUps]) for (const t of analyzer.terms(text)) questionTerms.add(t);
  const prepared: Prepared = { points, contradictions, subjects: [...subjects.values()], termSet, modelTerms, questionTerms };
  byId.set(question.id, { question, prepared });
  return prepared;
}
