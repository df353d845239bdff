/**
 * Who a claim is said of: where the question's subjects ("requests",
 * "limits") are named in the answer, and which one a piece of evidence belongs
 * to, so "limits are the guaranteed minimum" does not count for requests.
 */
import type { AnswerText } from './answer-text.js';
import type { Locator, Occurrence, Subject } from './claims.js';

/** Words that put a subject aside ("unlike security groups", "compared with NACLs"): not what the clause is about. */
const ASIDE = new Set(['unlike', 'than', 'versus', 'vs', 'compared', 'opposed', 'besides', 'except']);

/** Where each subject of the question is mentioned in the answer, by start position. */
export type SubjectMentions = { key: string; start: number; end: number }[];

export function subjectMentions(text: AnswerText, locator: Locator, subjects: readonly Subject[]): SubjectMentions {
  const out: SubjectMentions = [];
  const aside = (start: number): boolean => [1, 2].some((k) => ASIDE.has(text.words.get(start - k)?.word ?? ''));
  for (const s of subjects) {
    for (const o of locator.occurrences(s.alternatives)) if (!aside(o.start)) out.push({ key: s.key, start: o.start, end: o.end });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Whether the occurrence is said of one of the claim's subjects: the nearest
 * subject mention before it in its sentence, else after it in its sentence,
 * else the last one before it ("Requests matter. They are the minimum.").
 * With no subject mentioned anywhere, a key point is given the benefit of the
 * doubt; a contradiction (`strict`) needs its subject in its own sentence.
 */
export function saidOf(text: AnswerText, mentions: SubjectMentions, occ: Occurrence, about: ReadonlySet<string> | undefined, strict: boolean): boolean {
  if (!about) return true;
  const outside = mentions.filter((m) => m.end < occ.start || m.start > occ.end);
  if (outside.length === 0) return !strict;
  const sentence = text.sentenceOf(occ.start);
  const pick = (list: SubjectMentions, last: boolean): boolean | undefined => {
    if (list.length === 0) return undefined;
    const at = last ? Math.max(...list.map((m) => m.start)) : Math.min(...list.map((m) => m.start));
    return list.some((m) => m.start === at && about.has(m.key));
  };
  const same = outside.filter((m) => text.sentenceOf(m.start) === sentence);
  const inSentence =
    pick(
      same.filter((m) => m.end < occ.start),
      true,
    ) ??
    pick(
      same.filter((m) => m.start > occ.end),
      false,
    );
  if (inSentence !== undefined) return inSentence;
  // A wrong claim must name its subject in its own sentence: a pronoun's referent is a guess.
  if (strict) return false;
  return (
    pick(
      outside.filter((m) => m.end < occ.start),
      true,
    ) ?? true
  );
}
