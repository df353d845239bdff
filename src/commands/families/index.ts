/**
 * Every command family, listed once. The command table, the button router and
 * help (its text and its option list) are derived from this list; a new family
 * (challenge, daily, interview) is one module added here.
 */
import { challengeFamily } from './challenge.js';
import { dailyFamily } from './daily.js';
import { helpFamily } from './help.js';
import { interviewFamily } from './interview.js';
import { questionFamily } from './question.js';
import { quizFamily } from './quiz.js';
import { roleFamily } from './role.js';
import { searchFamily } from './search.js';

const FEATURES = [roleFamily, questionFamily, quizFamily, searchFamily, interviewFamily, challengeFamily, dailyFamily] as const;

/** The families in the order help lists them; help comes last, built from the others. */
export const FAMILIES = [...FEATURES, helpFamily(FEATURES)] as const;
