/**
 * Where an answer says something in the negative. A grader that only looks for
 * words credits "I would never use Vault" for "uses a secrets manager"; this
 * finds the scope of each negation cue (never, not, n't, without, instead of,
 * ...) within its clause, so the words inside can be told apart.
 *
 * Rules, measured against the calibration set in tests/grading:
 * - A verbal cue ("not", "never", "don't", "no") negates its clause, the words
 *   before it in the clause included ("the scheduler does not use them"), and a
 *   list that follows it ("not opentelemetry, trace ids, spans or jaeger").
 * - A prepositional cue ("without", "instead of", "rather than") negates only
 *   the phrase after it, up to the next comma: "instead of big-bang, shift
 *   traffic gradually" keeps the second half positive.
 * - A clause ends at a contrast ("but", "whereas", "however") or where a new
 *   clause starts ("and I", ", then", ", just").
 */

/**
 * Words that say "absent" interchangeably inside a key term: "without
 * requests", "no requests" and "missing requests" are one claim, as are "zero
 * downtime" and "no downtime". Terms and answers both map them to one term.
 */
const ABSENCE = new Set(['no', 'not', 'without', 'missing', 'lacking', 'zero', 'none']);
export const ABSENCE_TERM = '¬';

/** The matching term of a token: an absence word's shared term, or the token's own. */
export function matchTerm(word: string, term: string): string {
  return ABSENCE.has(word) ? ABSENCE_TERM : term;
}

/** One raw word of a sentence, with the comma piece it belongs to. */
export interface SentenceWord {
  /** Cleaned lowercase word ("don" for "don't"). */
  word: string;
  /** Lowercase token as typed, apostrophes kept ("don't"). */
  raw: string;
  pos: number;
  /** Index of the comma-separated piece of the sentence. */
  piece: number;
}

const VERBAL = new Set(['not', 'no', 'never', 'none', 'nothing', 'neither', 'nor', 'cannot', 'nobody', 'nowhere', 'hardly', 'barely']);
const PREPOSITIONAL = new Set(['without', 'instead of', 'rather than', 'in place of', 'lack of', 'no need', 'no longer']);
/** Two-word openings that look like a cue but do not negate what follows. */
const NOT_NEGATING = new Set([
  'not only',
  'not just',
  'not least',
  'no matter',
  'no doubt',
  'never forget',
  "don't forget",
  'dont forget',
  'not to mention',
  'nothing but',
]);
/** Words that end a negation's scope inside a piece: a contrast or a new reason. */
const SCOPE_END = new Set([
  'but',
  'however',
  'though',
  'although',
  'whereas',
  'yet',
  'except',
  'because',
  'since',
  'so',
  'while',
  'unless',
  'otherwise',
  'until',
  'when',
  'whenever',
  'where',
  'once',
  'after',
  'before',
]);
/** Words that start a new clause after a comma or an "and"/"or". */
const CLAUSE_START = new Set([
  'i',
  "i'd",
  "i'll",
  'we',
  "we'd",
  'you',
  'they',
  'it',
  'he',
  'she',
  'this',
  'that',
  'there',
  'then',
  'just',
  'instead',
  'rather',
  'only',
  'also',
  'which',
  'who',
]);
/** Openers of a sentence that sets a condition, under which a negation describes a consequence. */
const CONDITION_OPENERS = new Set(['without', 'if', 'unless', 'no', 'missing']);
/** Auxiliaries and modals: after an "and", one of them means a new clause with a verb of its own. */
const AUXILIARY = new Set([
  'can',
  'will',
  'is',
  'are',
  'was',
  'were',
  'should',
  'must',
  'would',
  'could',
  'may',
  'might',
  'does',
  'do',
  'has',
  'have',
  'gets',
  'get',
]);
/** Verbs that reject their object: only a prohibition ("avoid hardcoding secrets") counts them as a negation. */
export const REJECTING = new Set([
  'avoid',
  'prevent',
  'forbid',
  'ban',
  'block',
  'stop',
  'eliminate',
  'prohibit',
  'disallow',
  'reject',
  'remove',
  'detect',
  'catch',
  'flag',
  'fail',
]);

/** Whether a raw token is a verbal negation: "not", "never", or a "n't" contraction. */
function isVerbalCue(raw: string): boolean {
  return (
    VERBAL.has(raw) ||
    /n['’]t$/.test(raw) ||
    /^(dont|doesnt|didnt|isnt|arent|wasnt|werent|wont|cant|shouldnt|wouldnt|couldnt|havent|hasnt|mustnt|neednt)$/.test(raw)
  );
}

/** The cue starting at word `i`, if any, and how many words it spans. */
export function cueAt(words: readonly SentenceWord[], i: number): { kind: 'verbal' | 'prepositional'; width: number } | undefined {
  const w = words[i];
  if (!w) return undefined;
  const next = words[i + 1];
  const pair = next && next.piece === w.piece ? `${w.raw} ${next.raw}` : undefined;
  if (pair && NOT_NEGATING.has(pair)) return undefined;
  if (pair && PREPOSITIONAL.has(pair)) return { kind: 'prepositional', width: 2 };
  if (PREPOSITIONAL.has(w.raw)) return { kind: 'prepositional', width: 1 };
  if (!isVerbalCue(w.raw)) return undefined;
  // "No, ..." answering the question is not a negation of what follows.
  if (w.raw === 'no' && (!next || next.piece !== w.piece)) return undefined;
  return { kind: 'verbal', width: 1 };
}

/** Longest piece that still reads as one more item of a negated list. */
const LIST_ITEM_WORDS = 4;

/** Words in the piece that starts at word `i`. */
function pieceLength(words: readonly SentenceWord[], i: number): number {
  const piece = words[i]?.piece;
  let n = 0;
  for (let j = i; j < words.length && words[j]?.piece === piece; j++) n++;
  return n;
}

/** Whether word `i` starts a new clause: after "and"/"or", or at the start of a piece. */
function startsClause(words: readonly SentenceWord[], i: number): boolean {
  const w = words[i];
  if (!w) return true;
  if (CLAUSE_START.has(w.raw) || CLAUSE_START.has(w.word)) return true;
  const next = words[i + 1];
  if (w.raw === 'and' || w.raw === 'or') {
    if (CLAUSE_START.has(next?.raw ?? '') || CLAUSE_START.has(next?.word ?? '')) return true;
    // "... cannot drift and every change can be audited": a verb of its own starts a new clause.
    for (let k = 1; k <= 3; k++) {
      const ahead = words[i + k];
      if (!ahead || ahead.piece !== w.piece) break;
      if (AUXILIARY.has(ahead.raw)) return true;
    }
  }
  return false;
}

/**
 * Positions that stand inside a negation's scope, each with the position of
 * the cue that negates it (so a key term that holds its own cue, "without
 * human approval", can tell the cue apart from a negation around it).
 */
export function negationScopes(words: readonly SentenceWord[]): Map<number, number> {
  const negated = new Map<number, number>();
  // "Without requests, the scheduler cannot place pods well" and "if you don't set limits, ..."
  // state a consequence of an absence: their "not" describes what goes wrong, it denies nothing.
  const conditional = CONDITION_OPENERS.has(words[0]?.raw ?? '');
  for (let i = 0; i < words.length; i++) {
    const cue = cueAt(words, i);
    if (!cue) continue;
    if (conditional && cue.kind === 'verbal') continue;
    const cuePos = words[i]?.pos ?? 0;
    const piece = words[i]?.piece ?? 0;
    // A verbal negation denies its whole clause: in "the scheduler does not use them" the
    // claim "the scheduler uses requests" is denied, subject included.
    if (cue.kind === 'verbal') {
      for (let j = i - 1; j >= 0; j--) {
        const w = words[j];
        if (!w || w.piece !== piece || SCOPE_END.has(w.raw) || ((w.raw === 'and' || w.raw === 'or') && startsClause(words, j))) break;
        if (!negated.has(w.pos)) negated.set(w.pos, cuePos);
        // A pronoun opens the clause ("... the ceiling it can never go over"): nothing before it is denied.
        if (CLAUSE_START.has(w.raw) || CLAUSE_START.has(w.word)) break;
      }
    }
    for (let j = i + cue.width; j < words.length; j++) {
      const w = words[j];
      if (!w) break;
      if (SCOPE_END.has(w.raw)) break;
      if (w.piece !== piece) {
        if (cue.kind === 'prepositional') break;
        // A new piece continues a list ("not X, Y or Z") unless it starts a clause of its own
        // or is too long to be a list item ("..., a comms lead who updates stakeholders").
        const first = j === 0 || words[j - 1]?.piece !== w.piece;
        if (first && (startsClause(words, j) || pieceLength(words, j) > LIST_ITEM_WORDS)) break;
      } else if ((w.raw === 'and' || w.raw === 'or') && startsClause(words, j)) break;
      if (!negated.has(w.pos)) negated.set(w.pos, cuePos);
    }
    i += cue.width - 1;
  }
  return negated;
}
