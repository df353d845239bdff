/**
 * Every renderer the contract holds to, one line each. A new platform joins the
 * contract by adding its line: how to render a reply and read back what it
 * shows (visible.ts), and how its buttons' ids derive from the view's actions.
 */
import { renderReply as renderConsole } from '../../adapters/console/render.js';
import { customIdFor } from '../../adapters/discord/components.js';
import { renderReply as renderDiscord } from '../../adapters/discord/render.js';
import { renderReply as renderSlack } from '../../adapters/slack/render.js';
import type { Action, Reply } from '../../src/views.js';
import { consoleShown, discordShown, type Shown, slackShown } from './visible.js';

/** A renderer as the contract sees it. */
export interface Platform {
  name: string;
  /** Renders a reply and returns what its user sees. */
  show(reply: Reply): Shown;
  /** The id a press of this action sends; absent where actions are typed words, not buttons (the console). */
  buttonId?(action: Action): string | undefined;
}

export const PLATFORMS: Platform[] = [
  { name: 'console', show: (reply) => consoleShown(renderConsole(reply, { color: false, width: 100 }), 'actions' in reply.view ? reply.view.actions : []) },
  { name: 'slack', show: (reply) => slackShown(renderSlack(reply)), buttonId: (action) => action.id },
  { name: 'discord', show: (reply) => discordShown(renderDiscord(reply)), buttonId: customIdFor },
];
