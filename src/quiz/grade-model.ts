/** What a grade holds: the score, each key point's verdict, the wrong claims heard and any cap. */

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
