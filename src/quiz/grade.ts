/**
 * Grades a free-text answer the way an interviewer listens: which of the
 * question's key points it covers, in the candidate's own words (stems,
 * synonyms, small typos), with two guards against gaming: a bare list of
 * keywords is capped, and an answer whose words mostly belong elsewhere (a good
 * answer to another question) is scaled down, since key point terms are often
 * everyday words ("requests", "variables") that other answers use too.
 */
import type { Question } from '../content/schema.js';
import { editDistance, maxTypoDistance, type Analyzer, type Token } from '../search/text.js';

/** A grade: 0..100 and the key point labels covered and missed, in question order. */
export interface Grade {
  score: number;
  covered: string[];
  missed: string[];
}

/** Highest grade for an answer that is mostly a list of keywords. */
export const KEYWORD_SOUP_CAP = 40;

/** Share of the grade earned by key points; the rest by overlap with the model answer's vocabulary. */
const KEY_POINT_SHARE = 0.85;
/** Overlap with the model answer's content words that earns the whole vocabulary share. */
const FULL_VOCABULARY_OVERLAP = 0.4;
/**
 * Share of an answer's distinct content terms found in the question's own text
 * (prompt, model answer, keywords, key points, follow-ups) below which the answer
 * counts as off-topic, and above which it counts as fully on-topic; the grade
 * is scaled linearly in between. Measured on the real bank: other questions'
 * model answers reach at most about 0.26, paraphrased on-topic answers 0.6+.
 */
const OFF_TOPIC = 0.1;
const ON_TOPIC = 0.4;
/** Extra words allowed inside a multi-word term: "exit code 137" may be "exited with code 137". */
const PROXIMITY_SLACK = 3;
/** Below this share of connective words (the, to, because, ...), text reads as a list, not prose. */
const SOUP_CONNECTIVE_SHARE = 0.15;
/** ... and when at least this share of its content words are the question's terms, it is keyword soup. */
const SOUP_TERM_SHARE = 0.5;

/** One word of a key term: matched by analysed term, or by a near spelling of its surface word. */
interface Unit {
  term: string;
  word: string;
  maxTypos: number;
  /**
   * Answer words already compared with `word`, and whether they were near
   * enough: answers share most of their words, so each pair is measured once.
   */
  near: Map<string, boolean>;
}

/** Most answer words remembered per unit, so a long-running bot cannot grow the memo without bound. */
const NEAR_MEMO_MAX = 5_000;

function isNear(unit: Unit, word: string): boolean {
  let near = unit.near.get(word);
  if (near === undefined) {
    near = word !== unit.word && editDistance(word, unit.word, unit.maxTypos) <= unit.maxTypos;
    if (unit.near.size >= NEAR_MEMO_MAX) unit.near.clear();
    unit.near.set(word, near);
  }
  return near;
}

/** A question analysed once for grading. */
interface Prepared {
  points: { label: string; alternatives: Unit[][] }[];
  /** Terms of the key points and keywords: what makes a word "a term" for soup detection. */
  termSet: Set<string>;
  /** Content terms of the model answer. */
  modelTerms: Set<string>;
  /** Content terms of everything the question says, for the on-topic share. */
  questionTerms: Set<string>;
}

const cache = new WeakMap<Analyzer, Map<string, { question: Question; prepared: Prepared }>>();

/**
 * Grades `answer` against `question`. Deterministic; the question's analysis is
 * cached per analyzer and question id. Empty or blank answers score 0 with
 * every key point missed.
 */
export function gradeAnswer(question: Question, answer: string, analyzer: Analyzer): Grade {
  const prepared = prepare(question, analyzer);
  const labels = prepared.points.map((p) => p.label);
  if (answer.trim() === '') return { score: 0, covered: [], missed: labels };

  const tokens = analyzer.tokens(answer);
  const at = new Map<string, number[]>();
  for (const t of tokens) {
    const list = at.get(t.term) ?? [];
    list.push(t.pos);
    at.set(t.term, list);
  }
  // Surface words by length, in order of first occurrence: a typo check need only
  // compare words whose lengths differ by at most the typos allowed.
  const byLength = new Map<number, { word: string; order: number; list: number[] }[]>();
  const words = new Map<string, number[]>();
  for (const t of tokens) {
    if (t.source === 'phrase') continue;
    const list = words.get(t.word);
    if (list) {
      list.push(t.pos);
      continue;
    }
    const entry = { word: t.word, order: words.size, list: [t.pos] };
    words.set(t.word, entry.list);
    const bucket = byLength.get(t.word.length);
    if (bucket) bucket.push(entry);
    else byLength.set(t.word.length, [entry]);
  }
  // Units repeat across a point's alternatives.
  const seen = new Map<Unit, number[]>();
  const positions = (unit: Unit): number[] => {
    const exact = at.get(unit.term) ?? [];
    if (unit.maxTypos === 0) return exact;
    const known = seen.get(unit);
    if (known) return known;
    const close: { order: number; list: number[] }[] = [];
    for (let len = unit.word.length - unit.maxTypos; len <= unit.word.length + unit.maxTypos; len++) {
      if (maxTypoDistance(len) === 0) continue;
      for (const w of byLength.get(len) ?? []) {
        if (isNear(unit, w.word)) close.push(w);
      }
    }
    // Answer order, as before the buckets: the nearest-position pick in `matches` keeps the first of equals.
    close.sort((a, b) => a.order - b.order);
    const near = [...exact];
    for (const w of close) near.push(...w.list);
    seen.set(unit, near);
    return near;
  };

  const covered: string[] = [];
  const missed: string[] = [];
  for (const point of prepared.points) {
    const hit = point.alternatives.some((units) => matches(units.map(positions)));
    (hit ? covered : missed).push(point.label);
  }

  const keyShare = covered.length / Math.max(1, prepared.points.length);
  const answerTerms = new Set(tokens.map((t) => t.term));
  let shared = 0;
  for (const term of prepared.modelTerms) if (answerTerms.has(term)) shared += 1;
  const overlap = shared / Math.max(1, prepared.modelTerms.size);
  const vocabulary = Math.min(1, overlap / FULL_VOCABULARY_OVERLAP);
  let onTopic = 0;
  for (const term of answerTerms) if (prepared.questionTerms.has(term)) onTopic += 1;
  const relevance = clamp((onTopic / Math.max(1, answerTerms.size) - OFF_TOPIC) / (ON_TOPIC - OFF_TOPIC));
  let score = Math.round(100 * relevance * (KEY_POINT_SHARE * keyShare + (1 - KEY_POINT_SHARE) * vocabulary));
  if (isKeywordSoup(answer, tokens, prepared.termSet, analyzer)) score = Math.min(score, KEYWORD_SOUP_CAP);
  return { score, covered, missed };
}

const clamp = (x: number): number => Math.min(1, Math.max(0, x));

/** Whether every unit has a position and some choice of positions lies within the allowed window. */
function matches(unitPositions: number[][]): boolean {
  if (unitPositions.some((p) => p.length === 0)) return false;
  const [first, ...rest] = unitPositions;
  if (!first) return false;
  if (rest.length === 0) return true;
  const window = unitPositions.length - 1 + PROXIMITY_SLACK;
  // Anchor on each occurrence of the first word and take the nearest of every other word.
  return first.some((anchor) => {
    let lo = anchor;
    let hi = anchor;
    for (const list of rest) {
      let best = list[0] ?? anchor;
      for (const p of list) if (Math.abs(p - anchor) < Math.abs(best - anchor)) best = p;
      lo = Math.min(lo, best);
      hi = Math.max(hi, best);
    }
    return hi - lo <= window;
  });
}

/**
 * A bare list of terms ("kubectl describe logs previous oomkilled liveness
 * probe env") has almost no connective words and is mostly the question's own
 * terms; prose explaining the same things does not read that way.
 */
function isKeywordSoup(answer: string, tokens: readonly Token[], termSet: ReadonlySet<string>, analyzer: Analyzer): boolean {
  const raw = answer.toLowerCase().match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? [];
  if (raw.length < 3) return raw.length > 0;
  const connective = raw.filter((w) => analyzer.isStopWord(w) && !/^[a-z0-9]$/.test(w)).length;
  if (connective / raw.length >= SOUP_CONNECTIVE_SHARE) return false;
  const content = tokens.filter((t) => t.source === 'word');
  if (content.length === 0) return false;
  const terms = content.filter((t) => termSet.has(t.term)).length;
  return terms / content.length >= SOUP_TERM_SHARE;
}

function prepare(question: Question, analyzer: Analyzer): Prepared {
  let byId = cache.get(analyzer);
  if (!byId) {
    byId = new Map();
    cache.set(analyzer, byId);
  }
  const hit = byId.get(question.id);
  if (hit && hit.question === question) return hit.prepared;
  const termSet = new Set<string>();
  const points = question.keyPoints.map((kp) => {
    const alternatives = kp.terms.flatMap((t) => alternativesOf(t, analyzer));
    for (const units of alternatives) for (const u of units) termSet.add(u.term);
    return { label: kp.point, alternatives };
  });
  for (const k of question.keywords) for (const t of analyzer.terms(k)) termSet.add(t);
  const modelTerms = new Set(analyzer.tokens(question.answer).filter((t) => t.source !== 'camel').map((t) => t.term));
  const questionTerms = new Set([...modelTerms, ...termSet]);
  const said = [question.prompt, ...question.keyPoints.map((k) => k.point), ...question.followUps];
  for (const text of said) for (const t of analyzer.terms(text)) questionTerms.add(t);
  const prepared: Prepared = { points, termSet, modelTerms, questionTerms };
  byId.set(question.id, { question, prepared });
  return prepared;
}

/**
 * The ways a key term can be said: its words as written; a synonym phrase in
 * it replaced by its canonical term ("infrastructure as code" ↔ "iac"); the
 * joined form of a compound ("post-mortem" ↔ "postmortem").
 */
function alternativesOf(term: string, analyzer: Analyzer): Unit[][] {
  const tokens = analyzer.tokens(term);
  const unit = (t: Token): Unit => ({
    term: t.term,
    word: t.word,
    maxTypos: /[0-9]/.test(t.word) || t.source === 'phrase' ? 0 : maxTypoDistance(t.word.length),
    near: new Map(),
  });
  const dedupe = (units: Unit[]): Unit[] => units.filter((u, i) => units.findIndex((v) => v.term === u.term) === i);
  const words = tokens.filter((t) => t.source === 'word');
  const out: Unit[][] = [];
  if (words.length > 0) out.push(dedupe(words.map(unit)));
  for (const p of tokens.filter((t) => t.source === 'phrase')) {
    const outside = words.filter((w) => w.pos < p.pos || w.pos >= p.pos + p.span);
    out.push(dedupe([unit(p), ...outside.map(unit)]));
  }
  for (const j of tokens.filter((t) => t.source === 'joined')) out.push([unit(j)]);
  return out;
}
