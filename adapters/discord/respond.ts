/**
 * Answers one interaction with a reply from the core, on time and exactly once:
 * the answer goes out directly when the core is quick, otherwise the interaction
 * is deferred before Discord's 3-second deadline and the answer follows.
 */
import { MessageFlags } from 'discord.js';
import type { ButtonInteraction, ChatInputCommandInteraction, ModalMessageModalSubmitInteraction, ModalSubmitInteraction } from 'discord.js';
import type { Reply } from '../../src/views.js';
import { renderReply, renderText, type DiscordMessage } from './render.js';

/** An interaction we answer: a slash command, a button, or a form submit. */
export type Answerable = ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction;

/**
 * How an interaction is answered: with a new message, or (buttons and forms
 * opened from a message) possibly by updating the message the component sits on.
 */
export type Target =
  | { mode: 'message'; interaction: ChatInputCommandInteraction | ModalSubmitInteraction }
  | { mode: 'component'; interaction: ButtonInteraction | ModalMessageModalSubmitInteraction };

type Outcome = { ok: true; reply: Reply } | { ok: false; error: unknown };

/** What a user sees when something broke on our side. */
export const APOLOGY = 'Sorry, something went wrong on our side. Please try again in a moment.';

function settle(work: Promise<Reply>): Promise<Outcome> {
  return work.then(
    (reply) => ({ ok: true, reply }),
    (error: unknown) => ({ ok: false, error }),
  );
}

function withoutFlags(message: DiscordMessage): Omit<DiscordMessage, 'flags'> {
  const { flags: _flags, ...rest } = message;
  return rest;
}

function isEphemeralMessage(interaction: ButtonInteraction | ModalMessageModalSubmitInteraction): boolean {
  return interaction.message.flags.has(MessageFlags.Ephemeral);
}

/**
 * Whether a reply should replace the message its button was on. Errors never
 * do (a stale press must not wipe the quiz it came from), and a public reply
 * never replaces a private message (that would not show it to anyone).
 */
function replaces(interaction: ButtonInteraction | ModalMessageModalSubmitInteraction, reply: Reply): boolean {
  if (reply.replace !== true || reply.view.kind === 'error') return false;
  return !(reply.visibility === 'public' && isEphemeralMessage(interaction));
}

async function answerNow(target: Target, reply: Reply): Promise<void> {
  const message = renderReply(reply);
  if (target.mode === 'component' && replaces(target.interaction, reply)) {
    await target.interaction.update(withoutFlags(message));
  } else {
    await target.interaction.reply(message);
  }
}

async function answerLate(target: Target, reply: Reply): Promise<void> {
  const message = renderReply(reply);
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

/** Timing of answers; the default defers after 2 s, well inside Discord's 3 s. */
export interface AnswerOptions {
  deferAfterMs: number;
}

/**
 * Answers `interaction` with the reply `work` produces. Throws when the core
 * faulted or Discord refused a call; the caller then apologises via {@link apologise}.
 */
export async function answer(target: Target, work: Promise<Reply>, options: AnswerOptions): Promise<void> {
  const outcome = settle(work);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), options.deferAfterMs);
  });
  const first = await Promise.race([outcome, late]);
  clearTimeout(timer);
  if (first !== 'late') {
    if (!first.ok) throw first.error;
    await answerNow(target, first.reply);
    return;
  }
  if (target.mode === 'component') await target.interaction.deferUpdate();
  else await target.interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const result = await outcome;
  if (!result.ok) throw result.error;
  await answerLate(target, result.reply);
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
