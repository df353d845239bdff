/**
 * A question analysed once for grading: its key points and contradictions as
 * claims, its subjects, and the vocabularies that measure relevance. Cached per
 * analyzer and question id, and rebuilt when the question object changes.
 */
import type { Question } from '../content/schema.js';
import type { Analyzer } from '../search/text.js';
import { alternativesOf, type Claim, type Subject, subjectKey, type Weak, weakTerms } from './claims.js';
import { ABSENCE_TERM, matchTerm } from './negation.js';

/** What grading needs of a question, analysed once. */
export interface Prepared {
  points: { label: string; claim: Claim }[];
  contradictions: { feedback: string; claim: Claim }[];
  subjects: Subject[];
  termSet: Set<string>;
  modelTerms: Set<string>;
  questionTerms: Set<string>;
}

const cache = new WeakMap<Analyzer, Map<string, { question: Question; prepared: Prepared }>>();

/** The question analysed for `analyzer`, from the cache when it is the same question. */
export function prepare(question: Question, analyzer: Analyzer, generic: readonly string[]): Prepared {
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
