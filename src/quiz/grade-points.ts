/**
 * One key point's verdict: where the answer says it, in which polarity, of
 * which subject, and how strongly; with the point's own label words as a net
 * under its listed terms.
 */
import { type AnswerText, quote } from './answer-text.js';
import { type Claim, type Locator, readOccurrence } from './claims.js';
import type { PointGrade } from './grade-model.js';
import { type SubjectMentions, saidOf } from './subjects.js';

/** Said in the negative, or as the object of a rejecting verb. */
export const isDenied = (text: AnswerText, o: { start: number; end: number; positions: number[] }): boolean => {
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

export function judgePoint(label: string, claim: Claim, text: AnswerText, locator: Locator, mentions: SubjectMentions): PointGrade {
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
