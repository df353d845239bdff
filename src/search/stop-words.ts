/**
 * English stop words: natural's list, plus the fragments its tokenizer leaves of
 * contractions and the filler people type into a search or an interview answer.
 * Kept here rather than imported so search and grading cannot drift apart if
 * natural changes its list.
 */
const NATURAL = `about above after again all also am an and another any are as at be because been before
being below between both but by came can cannot come could did do does doing during each few for from further
get got has had he have her here him himself his how if in into is it its itself like make many me might more
most much must my myself never now of on only or other our ours ourselves out over own said same see she
should since so some still such take than that the their theirs them themselves then there these they this
those through to too under until up very was way we well were what where when which while who whom with would
why you your yours yourself a b c d e f g h i j k l m n o p q r s t u v w x y z 1 2 3 4 5 6 7 8 9 0`;

// "don't" becomes "don" once the apostrophe is split off; these carry nothing alone.
const CONTRACTIONS = 'don doesn didn isn aren wasn weren won wouldn shouldn couldn haven hasn hadn ll ve re';

const FILLER = "please tell explain etc eg ie vs versus us i'm";

/** Lowercase stop words, dropped before indexing and matching. */
export const STOP_WORDS: ReadonlySet<string> = new Set(`${NATURAL} ${CONTRACTIONS} ${FILLER}`.split(/\s+/));
