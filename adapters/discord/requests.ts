/**
 * Turns Discord interactions into the core's neutral requests. Option data is
 * parsed with zod: it is external input even after discord.js has shaped it.
 */
import type { BaseInteraction, ButtonInteraction, ChatInputCommandInteraction, ModalSubmitInteraction, StringSelectMenuInteraction } from 'discord.js';
import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord.js';
import { z } from 'zod';
import type { OptionValues, Request, RequestContext } from '../../src/requests.js';
import type { Reply } from '../../src/views.js';
import { DISCORD_PLATFORM } from './config.js';
import { LIMITS } from './limits.js';
import { ANSWER_INPUT_ID } from './modal.js';
import { discordPrivateReply } from './outbox.js';

/**
 * Who and where an interaction comes from, in the terms both modes have: the
 * gateway's discord.js objects and the HTTP mode's raw interaction JSON.
 */
export interface InteractionOrigin {
  user: { id: string; username: string; globalName?: string | null | undefined };
  guildId?: string | null | undefined;
  channelId?: string | null | undefined;
  /** The member's permissions in the channel (Discord's `member.permissions` bitfield); absent in DMs. */
  permissions?: bigint | null | undefined;
  /** The application id and interaction token, for one private follow-up later (a credential). */
  reply?: { applicationId: string; token: string } | undefined;
}

/** Manage Channels or Manage Server: who may stop anyone's channel challenge. */
const MANAGE = PermissionFlagsBits.ManageChannels | PermissionFlagsBits.ManageGuild;

/** Who and where: guild id as the space, or `dm:<user>` so DM leaderboards are per user. */
export function originContext(origin: InteractionOrigin): RequestContext {
  const { user } = origin;
  const privateReply = origin.reply ? discordPrivateReply(origin.reply.applicationId, origin.reply.token) : undefined;
  return {
    user: {
      platform: DISCORD_PLATFORM,
      id: user.id,
      name: user.globalName ?? user.username,
      ...(origin.permissions != null ? { canManage: (origin.permissions & MANAGE) !== 0n } : {}),
    },
    space: origin.guildId ?? `dm:${user.id}`,
    conversation: origin.channelId ?? `dm:${user.id}`,
    ...(privateReply ? { privateReply } : {}),
  };
}

/** {@link originContext} of a discord.js interaction. */
export function contextOf(interaction: BaseInteraction): RequestContext {
  const user = interaction.user;
  return originContext({
    user: { id: user.id, username: user.username, globalName: user.globalName },
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    permissions: interaction.memberPermissions?.bitfield,
    reply: { applicationId: interaction.applicationId, token: interaction.token },
  });
}

const valueSchema = z.union([z.string(), z.number(), z.boolean()]);
const leafSchema = z.object({ name: z.string().min(1), type: z.number(), value: valueSchema.optional() });
const optionSchema = leafSchema.extend({ options: z.array(leafSchema).optional() });
const dataSchema = z.array(optionSchema);

function values(options: readonly z.infer<typeof leafSchema>[]): OptionValues {
  const out: OptionValues = {};
  for (const o of options) if (o.value !== undefined) out[o.name] = o.value;
  return out;
}

/**
 * A slash command from its name and option data (`data.options` of the
 * interaction, as the API sends it): validated, then subcommand and values.
 */
export function optionsCommand(command: string, options: unknown, ctx: RequestContext): Request {
  const data = dataSchema.parse(options ?? []);
  const first = data[0];
  if (first && first.type === ApplicationCommandOptionType.Subcommand) {
    return { type: 'command', command, subcommand: first.name, options: values(first.options ?? []), ctx };
  }
  return { type: 'command', command, options: values(data), ctx };
}

/** A slash command as a typed command request (subcommand and option values). */
export function commandRequest(interaction: ChatInputCommandInteraction): Request {
  const data = interaction.options.data.map((o) => ({
    name: o.name,
    type: o.type,
    value: o.value,
    options: o.options?.map((s) => ({ name: s.name, type: s.type, value: s.value })),
  }));
  return optionsCommand(interaction.commandName, data, contextOf(interaction));
}

/** A button press as an action request. */
export function buttonRequest(interaction: ButtonInteraction): Request {
  return { type: 'action', actionId: interaction.customId, ctx: contextOf(interaction) };
}

/** A checklist (string select) change as an action request: every value now selected, space-separated. */
export function selectRequest(interaction: StringSelectMenuInteraction): Request {
  return { type: 'action', actionId: interaction.customId, text: interaction.values.join(' '), ctx: contextOf(interaction) };
}

/** A form submit as a request, or the private usage error for one we cannot take. */
export type ModalOutcome = { ok: true; request: Request } | { ok: false; problem: string; reply: Reply };

function refused(problem: string, message: string): ModalOutcome {
  return { ok: false, problem, reply: { visibility: 'private', view: { kind: 'error', code: 'bad-arguments', message } } };
}

/**
 * A submitted form as an action request carrying the typed text. Discord's
 * client enforces the input's limits, but a submit is external input: text
 * over Discord's 4000-character ceiling, or a form without our input, gets
 * the usage error (as a too-long command option would), never an apology.
 */
export function modalRequest(interaction: ModalSubmitInteraction): ModalOutcome {
  // Looked up, not `getTextInputValue`, which throws for a missing or retyped field.
  const field = interaction.fields.fields.get(ANSWER_INPUT_ID);
  const value = field && 'value' in field ? field.value : undefined;
  return formOutcome(interaction.customId, value, contextOf(interaction));
}

/** {@link modalRequest} from the form's custom id and the value of its answer input (`undefined` when absent). */
export function formOutcome(customId: string, value: unknown, ctx: RequestContext): ModalOutcome {
  if (typeof value !== 'string') return refused('no answer field', 'That form came back without an answer. Press the button again to reopen it.');
  if (value.length > LIMITS.modalValue) {
    return refused('answer too long', `Your answer is too long: at most ${LIMITS.modalValue} characters (got ${value.length}). Shorten it and submit again.`);
  }
  return { ok: true, request: { type: 'action', actionId: customId, text: value, ctx } };
}
