/**
 * Renders neutral replies as terminal text. Pure: no IO, no environment; the
 * caller decides on colour. Every string from a view is neutralised, since
 * views carry user-typed text (quiz answers, search queries, display names).
 * One file per family of views, as for Slack: render-views.ts, render-quiz.ts.
 */
import type { Reply, View } from '../../src/views.js';
import { feedbackOf, footnoteOf, noteOf } from '../format/view.js';
import { challengeQuestionLines, challengeRevealLines, challengeStandingsLines } from './render-challenge.js';
import { dailyQuestionLines, dailyStatusLines } from './render-daily.js';
import { interviewCardHints, interviewCardLines, interviewListLines, interviewPlanLines, interviewScorecardLines } from './render-interview.js';
import { type Ctx, footnoteLines, hintLines, noteLines } from './render-parts.js';
import { feedbackLines, quizQuestionHints, quizQuestionLines, quizSummaryLines } from './render-quiz.js';
import { cardLines, errorLines, helpLines, leaderboardLines, noticeLines, roleLines, searchLines, statsLines } from './render-views.js';
import { neutralise, styles, wrap } from './text.js';

// The REPL matches typed words against the actions it was shown; it imports them from here.
export { type ActionHint, actionHints, matchActionWord, normaliseWords } from './action-words.js';

/** How to render. */
export interface RenderOptions {
  /** Emit ANSI colour; pass false when output is not a TTY or `NO_COLOR` is set. */
  color: boolean;
  /** Columns to wrap to; 100 by default. */
  width?: number;
}

function kindLines(c: Ctx, view: View): string[] {
  switch (view.kind) {
    case 'role':
      return roleLines(c, view);
    case 'card':
      return cardLines(c, view);
    case 'quiz-question':
      return quizQuestionLines(c, view);
    case 'quiz-summary':
      return quizSummaryLines(c, view);
    case 'search':
      return searchLines(c, view);
    case 'leaderboard':
      return leaderboardLines(c, view);
    case 'stats':
      return statsLines(c, view);
    case 'help':
      return helpLines(c, view);
    case 'notice':
      return noticeLines(c, view);
    case 'error':
      return errorLines(c, view);
    case 'interview-plan':
      return interviewPlanLines(c, view);
    case 'interview-card':
      return interviewCardLines(c, view);
    case 'interview-scorecard':
      return interviewScorecardLines(c, view);
    case 'interview-list':
      return interviewListLines(c, view);
    case 'challenge-question':
      return challengeQuestionLines(c, view);
    case 'challenge-reveal':
      return challengeRevealLines(c, view);
    case 'challenge-standings':
      return challengeStandingsLines(c, view);
    case 'daily-question':
      return dailyQuestionLines(c, view);
    case 'daily-status':
      return dailyStatusLines(c, view);
  }
}

/** The words that work next; a quiz question also says how to answer. */
function hints(c: Ctx, view: View): string[] {
  if (view.kind === 'quiz-question') return quizQuestionHints(c, view);
  if (view.kind === 'interview-card') return interviewCardHints(c, view);
  return 'actions' in view ? hintLines(c, view.actions) : [];
}

/**
 * What any kind may carry, placed alike for all (as on Slack and Discord):
 * feedback on the last answer first, then the note, the view, its footnote,
 * and the action words last.
 */
function viewLines(c: Ctx, view: View): string[] {
  const feedback = feedbackOf(view);
  const footer = hints(c, view);
  return [
    ...(feedback ? [...feedbackLines(c, feedback), ''] : []),
    ...noteLines(c, noteOf(view)),
    ...kindLines(c, view),
    ...footnoteLines(c, footnoteOf(view)),
    ...(footer.length > 0 ? ['', ...footer] : []),
  ];
}

const MIN_WIDTH = 40;

/** Renders one reply as terminal text (no trailing newline). */
export function renderReply(reply: Reply, options: RenderOptions): string {
  const c: Ctx = { s: styles(options.color), width: Math.max(MIN_WIDTH, options.width ?? 100) };
  const out = viewLines(c, reply.view);
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

/** Renders text the console writes itself around replies (banners, notes), neutralised and wrapped. */
export function renderText(text: string, options: RenderOptions): string {
  return wrap(neutralise(text), Math.max(MIN_WIDTH, options.width ?? 100)).join('\n');
}
