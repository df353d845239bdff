/**
 * How Discord answers one interaction, for the shared serve loop
 * (adapters/serve.ts): directly when the core is quick, otherwise deferred
 * before Discord's 3-second deadline with the answer following; exactly once.
 */

import type {
  ButtonInteraction,
  ChatInputCommandInteraction,
  ModalMessageModalSubmitInteraction,
  ModalSubmitInteraction,
  StringSelectMenuInteraction,
} from 'discord.js';
import { MessageFlags } from 'discord.js';
import type { Reply } from '../../src/views.js';
import { APOLOGY } from '../format/words.js';
import type { Channel } from '../serve.js';
import { type DiscordMessage, renderReply, renderText } from './render.js';

/** An interaction we answer: a slash command, a button, a checklist (string select), or a form submit. */
export type Answerable = ChatInputCommandInteraction | ButtonInteraction | StringSelectMenuInteraction | ModalSubmitInteraction;

/** A component on a message: a button, a checklist, or a form opened from one. */
type OnMessage = ButtonInteraction | StringSelectMenuInteraction | ModalMessageModalSubmitInteraction;

/**
 * How an interaction is answered: with a new message, or (buttons and forms
 * opened from a message) possibly by updating the message the component sits on.
 */
export type Target = { mode: 'message'; interaction: ChatInputCommandInteraction | ModalSubmitInteraction } | { mode: 'component'; interaction: OnMessage };

/** Defer when the core has not answered after this long; Discord allows 3 s. */
export const DEFER_AFTER_MS = 2000;

function withoutFlags(message: DiscordMessage): Omit<DiscordMessage, 'flags'> {
  const { flags: _flags, ...rest } = message;
  return rest;
}

function isEphemeralMessage(interaction: OnMessage): boolean {
  return interaction.message.flags.has(MessageFlags.Ephemeral);
}

/**
 * Whether a reply should replace the message its button was on. Errors never
 * do (a stale press must not wipe the quiz it came from), and a public reply
 * never replaces a private message (that would not show it to anyone).
 */
function replaces(interaction: OnMessage, reply: Reply): boolean {
  if (reply.replace !== true || reply.view.kind === 'error') return false;
  return !(reply.visibility === 'public' && isEphemeralMessage(interaction));
}

async function answerNow(target: Target, message: DiscordMessage, reply: Reply): Promise<void> {
  if (target.mode === 'component' && replaces(target.interaction, reply)) {
    await target.interaction.update(withoutFlags(message));
  } else {
    await target.interaction.reply(message);
  }
}

async function answerLate(target: Target, message: DiscordMessage, reply: Reply): Promise<void> {
  const { interaction } = target;
  if (target.mode === 'component') {
    // After deferUpdate, editReply edits the message the component is on.
    if (replaces(target.interaction, reply)) await interaction.editReply(withoutFlags(message));
    else await interaction.followUp(message);
    return;
  }
  // Commands were deferred privately (the visibility was not known yet): a
  // private answer fills the placeholder, a public one is posted and the placeholder removed.
  if (reply.visibility === 'private') {
    await interaction.editReply(withoutFlags(message));
  } else {
    await interaction.followUp(message);
    await interaction.deleteReply().catch(() => undefined);
  }
}

/**
 * Tells the user, privately, that something broke. Uses discord.js's own
 * replied/deferred state so an interaction is never acknowledged twice; a
 * failure here is returned, not thrown, since there is nothing left to try.
 */
export async function apologise(interaction: Answerable): Promise<unknown> {
  const message = renderText(APOLOGY, 'private');
  try {
    if (interaction.replied || interaction.deferred) await interaction.followUp(message);
    else await interaction.reply(message);
    return undefined;
  } catch (error) {
    return error;
  }
}

/** How `target` is answered; deferred after `deferAfterMs` (default {@link DEFER_AFTER_MS}). */
export function discordChannel(target: Target, deferAfterMs = DEFER_AFTER_MS): Channel<DiscordMessage> {
  return {
    render: renderReply,
    deadline: {
      ms: deferAfterMs,
      defer: async () => {
        if (target.mode === 'component') await target.interaction.deferUpdate();
        else await target.interaction.deferReply({ flags: MessageFlags.Ephemeral });
      },
    },
    answer: (message, reply) => answerNow(target, message, reply),
    answerLate: (message, reply) => answerLate(target, message, reply),
    apologise: async () => {
      const failed = await apologise(target.interaction);
      if (failed !== undefined) throw failed;
    },
  };
}
