/**
 * The pure renderer: a neutral Reply in, a Discord message payload out, inside
 * every Discord limit. No I/O, so it is unit-tested over all content.
 */
import { MessageFlags } from 'discord.js';
import type { APIEmbed } from 'discord.js';
import type { Reply, View } from '../../src/views.js';
import { viewComponents, type ButtonRow } from './components.js';
import { cardEmbeds, errorEmbeds, helpEmbeds, leaderboardEmbeds, noticeEmbeds, roleEmbeds, searchEmbeds, statsEmbeds } from './embeds.js';
import { LIMITS, clip, fitEmbeds } from './limits.js';
import { quizQuestionEmbeds, quizSummaryEmbeds } from './quiz-embeds.js';

export { buildModal } from './modal.js';

/** A message as Discord takes it; `flags` carries Ephemeral for private replies. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
  flags?: MessageFlags.Ephemeral;
}

/** The embeds of a view before limits are applied. */
export function viewEmbeds(view: View): APIEmbed[] {
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
  }
}

/** Renders a reply: embeds and buttons within limits, Ephemeral when private. */
export function renderReply(reply: Reply): DiscordMessage {
  const message: DiscordMessage = { embeds: fitEmbeds(viewEmbeds(reply.view)), components: viewComponents(reply.view) };
  if (reply.visibility === 'private') message.flags = MessageFlags.Ephemeral;
  return message;
}

/** A plain text message (apologies, notices), within the content limit. */
export function renderText(text: string, visibility: Reply['visibility']): DiscordMessage {
  const message: DiscordMessage = { content: clip(text, LIMITS.content), embeds: [], components: [] };
  if (visibility === 'private') message.flags = MessageFlags.Ephemeral;
  return message;
}
