/**
 * The pure renderer: a neutral Reply in, a Discord message payload out, inside
 * every Discord limit. No I/O, so it is unit-tested over all content.
 */

import type { APIEmbed } from 'discord.js';
import { MessageFlags } from 'discord.js';
import { deepFreeze } from '../../src/memo.js';
import type { Reply, View } from '../../src/views.js';
import { feedbackOf, footnoteOf, noteOf } from '../format/view.js';
import { type ComponentRow, viewComponents } from './components.js';
import { cardEmbeds, errorEmbeds, helpEmbeds, leaderboardEmbeds, noticeEmbeds, roleEmbeds, searchEmbeds, statsEmbeds } from './embeds.js';
import { interviewCardEmbeds, interviewListEmbeds, interviewPlanEmbeds, interviewScorecardEmbeds } from './interview-embeds.js';
import { clip, fitEmbeds, LIMITS } from './limits.js';
import { feedbackEmbed, quizQuestionEmbeds, quizSummaryEmbeds } from './quiz-embeds.js';
import { challengeQuestionEmbeds, challengeRevealEmbeds, challengeStandingsEmbeds } from './render-challenge.js';
import { dailyQuestionEmbeds, dailyStatusEmbeds } from './render-daily.js';
import { userText } from './style.js';

export { buildModal } from './modal.js';

/** A message as Discord takes it; `flags` carries Ephemeral for private replies. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: ComponentRow[];
  flags?: MessageFlags.Ephemeral;
}

function kindEmbeds(view: View): APIEmbed[] {
  switch (view.kind) {
    case 'role':
      return roleEmbeds(view);
    case 'card':
      return cardEmbeds(view);
    case 'quiz-question':
      return quizQuestionEmbeds(view);
    case 'quiz-summary':
      return quizSummaryEmbeds(view);
    case 'search':
      return searchEmbeds(view);
    case 'leaderboard':
      return leaderboardEmbeds(view);
    case 'stats':
      return statsEmbeds(view);
    case 'help':
      return helpEmbeds(view);
    case 'notice':
      return noticeEmbeds(view);
    case 'error':
      return errorEmbeds(view);
    case 'interview-plan':
      return interviewPlanEmbeds(view);
    case 'interview-card':
      return interviewCardEmbeds(view);
    case 'interview-scorecard':
      return interviewScorecardEmbeds(view);
    case 'interview-list':
      return interviewListEmbeds(view);
    case 'challenge-question':
      return challengeQuestionEmbeds(view);
    case 'challenge-reveal':
      return challengeRevealEmbeds(view);
    case 'challenge-standings':
      return challengeStandingsEmbeds(view);
    case 'daily-question':
      return dailyQuestionEmbeds(view);
    case 'daily-status':
      return dailyStatusEmbeds(view);
  }
}

/**
 * The embeds of a view before limits are applied. What any kind may carry is
 * placed alike for all: feedback on the last answer is its own embed first; the
 * note opens the view's main embed and the footnote closes its footer. Both
 * ride inside that embed (not in `content`) because a button's update keeps
 * content it is not given, and a note would then outlive its step.
 */
export function viewEmbeds(view: View): APIEmbed[] {
  const [main, ...rest] = kindEmbeds(view);
  const feedback = feedbackOf(view);
  const note = noteOf(view);
  const footnote = footnoteOf(view);
  const embeds = main ? [{ ...main }, ...rest] : [];
  const first = embeds[0];
  if (first && note) first.description = [`ℹ️ ${userText(note, 500)}`, first.description].filter(Boolean).join('\n\n');
  if (first && footnote) first.footer = { text: [first.footer?.text, footnote].filter(Boolean).join('\n') };
  return feedback ? [feedbackEmbed(feedback), ...embeds] : embeds;
}

/**
 * Embeds and rows that discord.js sends as they are. A plain object would go
 * through its jsonTransformer, which snake-cases every key of every embed and
 * component on every send (a sizeable share of a reply's CPU); ours are
 * Discord API JSON already, so that changes nothing. The `toJSON` is not
 * enumerable, so they still compare and serialise as plain JSON.
 */
function sendable<T extends object>(items: T[]): T[] {
  for (const item of items) Object.defineProperty(item, 'toJSON', { value: () => item, enumerable: false });
  return items;
}

/** What a view renders to apart from its visibility. */
interface Rendered {
  embeds: APIEmbed[];
  components: ComponentRow[];
}

function renderBody(view: View): Rendered {
  return { embeds: sendable(fitEmbeds(viewEmbeds(view))), components: sendable(viewComponents(view)) };
}

/**
 * Renderings of frozen views: the core freezes the views it reuses (role
 * posts, cards), so their embeds and buttons are made once and shared, frozen.
 * Unfrozen views (stats, quiz steps) are rendered afresh every time.
 */
const rendered = new WeakMap<View, Rendered>();

/** Renders a reply: embeds and buttons within limits, Ephemeral when private. */
export function renderReply(reply: Reply): DiscordMessage {
  const { view } = reply;
  let body = Object.isFrozen(view) ? rendered.get(view) : undefined;
  if (!body) {
    body = renderBody(view);
    if (Object.isFrozen(view)) rendered.set(view, deepFreeze(body));
  }
  // A fresh message object each time: discord.js writes into the options it is given (attachments).
  const message: DiscordMessage = { embeds: body.embeds, components: body.components };
  if (reply.visibility === 'private') message.flags = MessageFlags.Ephemeral;
  return message;
}

/** A plain text message (apologies, notices), within the content limit. */
export function renderText(text: string, visibility: Reply['visibility']): DiscordMessage {
  const message: DiscordMessage = { content: clip(text, LIMITS.content), embeds: [], components: [] };
  if (visibility === 'private') message.flags = MessageFlags.Ephemeral;
  return message;
}
