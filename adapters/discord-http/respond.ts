/**
 * How one HTTP interaction is answered, as a serve-loop {@link Channel}: in
 * time, the answer is the HTTP response itself (an interaction callback);
 * past the deadline the response is a deferral and the answer follows through
 * the interaction's webhook with @discordjs/rest. The rules match the gateway
 * bot's (adapters/discord/respond.ts): the same replies land the same way.
 */
import type { REST } from '@discordjs/rest';
import { type APIInteractionResponse, InteractionResponseType, MessageFlags, Routes } from 'discord.js';
import type { Reply } from '../../src/views.js';
import type { DiscordMessage } from '../discord/render.js';
import { renderReply, renderText } from '../discord/render.js';
import { DEFER_AFTER_MS } from '../discord/respond.js';
import { APOLOGY } from '../format/words.js';
import type { Channel } from '../serve.js';
import type { InteractionMeta } from './interactions.js';

/** The HTTP response of one interaction: sent once, as the interaction's callback. */
export interface Exchange {
  /** Sends `callback` as the response; throws when one was sent already or the request is gone. */
  respond(callback: APIInteractionResponse): void;
  readonly responded: boolean;
}

/** Where late answers go: the interaction's webhook (its token authorises it; no bot token is sent). */
export interface Webhook {
  rest: REST;
  meta: InteractionMeta;
}

/** A new message answering a command or form, or a component's message that the answer may replace. */
export type HttpTarget = 'message' | 'component';

/** What Discord takes as a message body: ours, never pinging anyone whatever text it echoes. */
export type MessageBody = Omit<DiscordMessage, 'flags'> & { flags?: number; allowed_mentions: { parse: [] } };

/** `message` as sent: mentions off always. */
export function bodyOf(message: DiscordMessage): MessageBody {
  return { ...message, allowed_mentions: { parse: [] } };
}

/** `message` as an edit: flags cannot change on an existing message. */
function editOf(message: DiscordMessage): MessageBody {
  const { flags: _flags, ...rest } = message;
  return { ...rest, allowed_mentions: { parse: [] } };
}

/**
 * Whether a reply replaces the message its component is on: the gateway's
 * rule. Errors never do (a stale press must not wipe the quiz), and a public
 * reply never replaces a private message (no one else would see it).
 */
export function replacesMessage(target: HttpTarget, meta: InteractionMeta, reply: Reply): boolean {
  if (target !== 'component' || reply.replace !== true || reply.view.kind === 'error') return false;
  return !(reply.visibility === 'public' && meta.message?.ephemeral === true);
}

const original = (meta: InteractionMeta) => Routes.webhookMessage(meta.applicationId, meta.token, '@original');

/** Edits the interaction's original message (the reply, its placeholder, or the component's message after a deferred update). */
export async function editOriginal(hook: Webhook, body: MessageBody): Promise<void> {
  await hook.rest.patch(original(hook.meta), { body, auth: false });
}

/** Posts a follow-up message to the interaction. */
export async function followUp(hook: Webhook, body: MessageBody): Promise<void> {
  await hook.rest.post(Routes.webhook(hook.meta.applicationId, hook.meta.token), { body, auth: false, query: new URLSearchParams({ wait: 'true' }) });
}

async function answerLate(hook: Webhook, target: HttpTarget, message: DiscordMessage, reply: Reply): Promise<void> {
  if (target === 'component') {
    // After a deferred update, @original is the message the component is on.
    if (replacesMessage(target, hook.meta, reply)) await editOriginal(hook, editOf(message));
    else await followUp(hook, bodyOf(message));
    return;
  }
  // Commands are deferred privately (the visibility is not known yet): a private
  // answer fills the placeholder; a public one is posted and the placeholder removed.
  if (reply.visibility === 'private') {
    await editOriginal(hook, editOf(message));
    return;
  }
  await followUp(hook, bodyOf(message));
  await hook.rest.delete(original(hook.meta), { auth: false }).catch(() => undefined);
}

/** The private apology: the response if none was sent yet, otherwise a follow-up. */
export async function apologiseOver(exchange: Exchange, hook: Webhook): Promise<void> {
  const body = bodyOf(renderText(APOLOGY, 'private'));
  if (!exchange.responded) exchange.respond({ type: InteractionResponseType.ChannelMessageWithSource, data: body });
  else await followUp(hook, body);
}

/** How one HTTP interaction is answered; deferred after `deferAfterMs` (default {@link DEFER_AFTER_MS}). */
export function httpChannel(exchange: Exchange, hook: Webhook, target: HttpTarget, deferAfterMs = DEFER_AFTER_MS): Channel<DiscordMessage> {
  return {
    render: renderReply,
    deadline: {
      ms: deferAfterMs,
      defer: async () => {
        if (target === 'component') exchange.respond({ type: InteractionResponseType.DeferredMessageUpdate });
        else exchange.respond({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
      },
    },
    answer: async (message, reply) => {
      if (replacesMessage(target, hook.meta, reply)) exchange.respond({ type: InteractionResponseType.UpdateMessage, data: editOf(message) });
      else exchange.respond({ type: InteractionResponseType.ChannelMessageWithSource, data: bodyOf(message) });
    },
    answerLate: (message, reply) => answerLate(hook, target, message, reply),
    apologise: () => apologiseOver(exchange, hook),
  };
}
