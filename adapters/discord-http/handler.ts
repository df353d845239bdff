/**
 * Serves one verified interaction: the HTTP mode's counterpart of the gateway
 * bot's `route` (adapters/discord/bot.ts), through the same serve loop, the
 * same renderer and the same form memory.
 */
import type { REST } from '@discordjs/rest';
import { InteractionResponseType } from 'discord.js';
import type { Assistant } from '../../src/assistant.js';
import type { Request } from '../../src/requests.js';
import type { Reply } from '../../src/views.js';
import { viewPrompts } from '../discord/components.js';
import { DISCORD_PLATFORM } from '../discord/config.js';
import { buildModal, PromptMemory } from '../discord/modal.js';
import type { Logger } from '../logger.js';
import { requestIds, serveReply } from '../serve.js';
import type { Incoming } from './interactions.js';
import { type Exchange, type HttpTarget, httpChannel, type Webhook } from './respond.js';

/** What serving needs; `deferAfterMs` exists for tests (default 2 s: Discord allows 3). */
export interface HandlerDeps {
  assistant: Assistant;
  logger: Logger;
  rest: REST;
  deferAfterMs?: number;
}

/** Serves an interaction over its exchange; never rejects (faults are logged and apologised for). */
export type InteractionHandler = (incoming: Incoming, exchange: Exchange) => Promise<void>;

/** The handler of one process: it remembers the forms its replies' buttons open. */
export function createInteractionHandler(deps: HandlerDeps): InteractionHandler {
  const { assistant, logger, rest } = deps;
  const serveDeps = { platform: DISCORD_PLATFORM, logger };
  // Per process, like the gateway's: a form button pressed after a restart (or on
  // another instance) still opens a form with the same action id, with generic words.
  const prompts = new PromptMemory();

  const handle = async (request: Request): Promise<Reply> => {
    const reply = await assistant.handle(request);
    for (const prompt of viewPrompts(reply.view)) prompts.remember(prompt);
    return reply;
  };

  return async (incoming, exchange) => {
    if (incoming.kind === 'ping') return exchange.respond({ type: InteractionResponseType.Pong });
    const hook: Webhook = { rest, meta: incoming.meta };
    const ids = { interactionId: incoming.meta.id };
    if (incoming.kind === 'form') {
      // A modal must be the first response: shown at once from memory.
      return exchange.respond({ type: InteractionResponseType.Modal, data: buildModal(prompts.recall(incoming.formId)) });
    }
    const target: HttpTarget = incoming.kind === 'command' || (incoming.kind === 'submit' && !incoming.meta.message) ? 'message' : 'component';
    const channel = httpChannel(exchange, hook, target, deps.deferAfterMs);
    if (incoming.kind !== 'submit') return serveReply(serveDeps, { ...ids, ...requestIds(incoming.request) }, () => handle(incoming.request), channel);
    const { outcome } = incoming;
    if (outcome.ok) return serveReply(serveDeps, { ...ids, ...requestIds(outcome.request) }, () => handle(outcome.request), channel);
    // A submit Discord's own limits should have stopped is the user's problem, not a fault.
    logger.warn(`${DISCORD_PLATFORM}: form submit refused`, { ...ids, problem: outcome.problem });
    return serveReply(serveDeps, ids, async () => outcome.reply, channel);
  };
}
