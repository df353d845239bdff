/**
 * Renders the core's neutral replies as Slack messages (Block Kit plus the
 * notification fallback text). Pure: no I/O, no Bolt. Every text put into
 * mrkdwn is escaped, and every message fits Block Kit's limits however long
 * the content — it is split or shortened, never refused.
 */
import { deepFreeze } from '../../src/memo.js';
import type { Reply, View } from '../../src/views.js';
import { feedbackOf, footnoteOf, noteOf } from '../format/view.js';
import { APOLOGY } from '../format/words.js';
import { divider, LIMITS, type MessageBlock } from './blocks.js';
import { fit } from './blocks-fit.js';
import { clip, esc } from './blocks-text.js';
import { renderChallengeQuestion, renderChallengeReveal, renderChallengeStandings } from './render-challenge.js';
import { renderDailyQuestion, renderDailyStatus } from './render-daily.js';
import { renderInterviewCard, renderInterviewList, renderInterviewPlan, renderInterviewScorecard } from './render-interview.js';
import { footnoteBlocks, noteBlocks, type Parts } from './render-parts.js';
import { feedbackBlocks, renderQuizQuestion, renderQuizSummary } from './render-quiz.js';
import { renderCard, renderError, renderHelp, renderLeaderboard, renderNotice, renderRole, renderSearch, renderStats } from './render-views.js';

export { type PromptModal, promptModal } from './modal.js';

/** A rendered message: notification text and blocks. */
export interface SlackMessage {
  /** Fallback for notifications and screen readers (escaped: top-level text parses mentions too). */
  text: string;
  blocks: MessageBlock[];
}

/** A message ready for `respond()`: where it goes and whether it replaces the original. */
export interface SlackResponse extends SlackMessage {
  response_type: 'in_channel' | 'ephemeral';
  replace_original: boolean;
}

/** How a view is shown: private (ephemeral) messages notify no one, so mentions are safe there. */
export interface RenderOptions {
  private?: boolean;
}

function parts(view: View, options: RenderOptions): Parts {
  switch (view.kind) {
    case 'role':
      return renderRole(view);
    case 'card':
      return renderCard(view);
    case 'quiz-question':
      return renderQuizQuestion(view);
    case 'quiz-summary':
      return renderQuizSummary(view);
    case 'search':
      return renderSearch(view);
    case 'leaderboard':
      return renderLeaderboard(view, options.private === true);
    case 'stats':
      return renderStats(view);
    case 'help':
      return renderHelp(view);
    case 'notice':
      return renderNotice(view);
    case 'error':
      return renderError(view);
    case 'interview-plan':
      return renderInterviewPlan(view);
    case 'interview-card':
      return renderInterviewCard(view);
    case 'interview-scorecard':
      return renderInterviewScorecard(view);
    case 'interview-list':
      return renderInterviewList(view);
    case 'challenge-question':
      return renderChallengeQuestion(view);
    case 'challenge-reveal':
      return renderChallengeReveal(view);
    case 'challenge-standings':
      return renderChallengeStandings(view);
    case 'daily-question':
      return renderDailyQuestion(view);
    case 'daily-status':
      return renderDailyStatus(view);
  }
}

/**
 * What any kind may carry, placed alike for all: feedback on the last answer
 * first, then the note, the view itself, and its footnote last.
 */
function compose(view: View, options: RenderOptions): Parts {
  const p = parts(view, options);
  const feedback = feedbackOf(view);
  const top = [...(feedback ? [...feedbackBlocks(feedback), divider()] : []), ...noteBlocks(noteOf(view))];
  return { ...p, body: [...top, ...p.body, ...footnoteBlocks(footnoteOf(view))] };
}

/** Renders one view as a message within every Block Kit limit. */
export function renderView(view: View, options: RenderOptions = {}): SlackMessage {
  const p = compose(view, options);
  return { text: clip(esc(p.fallback), LIMITS.fallbackText), blocks: fit(p.body, p.footer) };
}

/**
 * Renderings of frozen views. The core freezes the views it reuses (role
 * posts, cards), so their rendering never changes either: it is made once per
 * view and way of showing it, and shared, frozen, by every request that gets it.
 * Unfrozen views (stats, quiz steps) are rendered afresh every time.
 */
const rendered = new WeakMap<View, Map<string, SlackResponse>>();

/** Renders a reply: public replies go to the channel, private ones only to the user. */
export function renderReply(reply: Reply): SlackResponse {
  const { view } = reply;
  const make = (): SlackResponse => ({
    ...renderView(view, { private: reply.visibility === 'private' }),
    response_type: reply.visibility === 'public' ? 'in_channel' : 'ephemeral',
    replace_original: reply.replace === true,
  });
  if (!Object.isFrozen(view)) return make();
  let byWay = rendered.get(view);
  if (!byWay) {
    byWay = new Map();
    rendered.set(view, byWay);
  }
  const way = `${reply.visibility}:${reply.replace === true}`;
  let message = byWay.get(way);
  if (!message) {
    message = deepFreeze(make());
    byWay.set(way, message);
  }
  return message;
}

/** The short private apology sent when serving a request failed. */
export function apology(): SlackResponse {
  const text = `:sweat_smile: ${APOLOGY}`;
  return {
    text,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text, verbatim: true } }],
    response_type: 'ephemeral',
    replace_original: false,
  };
}
