/**
 * Interaction JSON, as Discord POSTs it, validated with zod and mapped to the
 * core's requests by the same pure functions the gateway bot uses
 * (adapters/discord/requests.ts): one command means the same thing either way.
 * Only the fields we read are checked; Discord adds fields freely.
 */
import { z } from 'zod';
import type { Request } from '../../src/requests.js';
import { promptActionId } from '../discord/components.js';
import { ANSWER_INPUT_ID } from '../discord/modal.js';
import { formOutcome, type ModalOutcome, optionsCommand, originContext } from '../discord/requests.js';

/** Discord's interaction types we take (discord-api-types InteractionType). */
export const INTERACTION = { ping: 1, command: 2, component: 3, modalSubmit: 5 } as const;
/** Component types we render: buttons and string selects (checklists). */
const COMPONENT = { button: 2, stringSelect: 3 } as const;

const snowflake = z.string().regex(/^\d{1,25}$/);
const userSchema = z.object({ id: snowflake, username: z.string().min(1).max(100), global_name: z.string().max(100).nullish() });
const baseSchema = z.object({
  id: snowflake,
  application_id: snowflake,
  // Interaction tokens are a few hundred characters; a path segment of our REST calls.
  token: z.string().regex(/^[\w.-]{1,500}$/),
  guild_id: snowflake.optional(),
  channel_id: snowflake.optional(),
  member: z
    .object({
      user: userSchema,
      permissions: z
        .string()
        .regex(/^\d{1,40}$/)
        .optional(),
    })
    .optional(),
  user: userSchema.optional(),
  message: z.object({ id: snowflake, flags: z.number().int().nonnegative().optional() }).optional(),
});
const customId = z.string().min(1).max(100);
const interactionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal(INTERACTION.ping) }),
  baseSchema.extend({
    type: z.literal(INTERACTION.command),
    // Option data is checked by optionsCommand, the gateway's own validation.
    data: z.object({ name: z.string().min(1).max(32), options: z.array(z.unknown()).max(25).optional() }),
  }),
  baseSchema.extend({
    type: z.literal(INTERACTION.component),
    data: z.object({ custom_id: customId, component_type: z.number().int(), values: z.array(z.string().max(100)).max(25).optional() }),
  }),
  baseSchema.extend({
    type: z.literal(INTERACTION.modalSubmit),
    data: z.object({ custom_id: customId, components: z.array(z.unknown()).max(10) }),
  }),
]);

type Interaction = Exclude<z.infer<typeof interactionSchema>, { type: 1 }>;

/** What every answer needs: who to answer (id, token) and the message a component sits on. */
export interface InteractionMeta {
  id: string;
  applicationId: string;
  token: string;
  /** The message the component (or the form opened from it) is on; `ephemeral` from its flags. */
  message?: { id: string; ephemeral: boolean };
}

/** An interaction, sorted by how it is answered. */
export type Incoming =
  | { kind: 'ping' }
  | { kind: 'command'; meta: InteractionMeta; request: Request }
  /** A component press or checklist change, answered by updating its message when the reply replaces. */
  | { kind: 'component'; meta: InteractionMeta; request: Request }
  /** A form button: its modal must be the first response, with no time to ask the core. */
  | { kind: 'form'; meta: InteractionMeta; formId: string }
  | { kind: 'submit'; meta: InteractionMeta; outcome: ModalOutcome };

/** Why a payload was refused (400): the zod path of the first problem, never a value. */
export type Refused = { ok: false; problem: string };

const EPHEMERAL = 64;

function metaOf(i: Interaction): InteractionMeta {
  const meta: InteractionMeta = { id: i.id, applicationId: i.application_id, token: i.token };
  if (i.message) meta.message = { id: i.message.id, ephemeral: ((i.message.flags ?? 0) & EPHEMERAL) !== 0 };
  return meta;
}

const inputSchema = z.object({ custom_id: z.string(), value: z.unknown() });
const nestedSchema = z.object({ components: z.array(z.unknown()).optional(), component: z.unknown().optional() });

/**
 * The value of our answer input, wherever the form put it: inside a label
 * (type 18, `component`) as we send them, or inside an action row (type 1,
 * `components`) as older clients answer. Undefined when it is not there.
 */
export function answerValue(components: readonly unknown[], depth = 0): unknown {
  if (depth > 3) return undefined;
  for (const node of components) {
    const input = inputSchema.safeParse(node);
    if (input.success && input.data.custom_id === ANSWER_INPUT_ID && input.data.value !== undefined) return input.data.value;
    const nested = nestedSchema.safeParse(node);
    if (!nested.success) continue;
    const children = [...(nested.data.components ?? []), ...(nested.data.component !== undefined ? [nested.data.component] : [])];
    const found = answerValue(children, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The interaction in `body` (parsed JSON), or why it cannot be served. */
export function parseInteraction(body: unknown): { ok: true; incoming: Incoming } | Refused {
  const parsed = interactionSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: `${issue?.path.join('.') || 'body'}: ${issue?.code ?? 'invalid'}` };
  }
  const i = parsed.data;
  if (i.type === INTERACTION.ping) return { ok: true, incoming: { kind: 'ping' } };
  // In a guild the user is inside `member`; in a DM it is `user`.
  const user = i.member?.user ?? i.user;
  if (!user) return { ok: false, problem: 'user: missing' };
  const ctx = originContext({
    user: { id: user.id, username: user.username, globalName: user.global_name },
    guildId: i.guild_id,
    channelId: i.channel_id,
    permissions: i.member?.permissions !== undefined ? BigInt(i.member.permissions) : undefined,
    reply: { applicationId: i.application_id, token: i.token },
  });
  const meta = metaOf(i);
  switch (i.type) {
    case INTERACTION.command: {
      // The same validation as the gateway's: a malformed option is a refused payload here.
      try {
        return { ok: true, incoming: { kind: 'command', meta, request: optionsCommand(i.data.name, i.data.options, ctx) } };
      } catch {
        return { ok: false, problem: 'data.options: invalid' };
      }
    }
    case INTERACTION.component: {
      if (!meta.message) return { ok: false, problem: 'message: missing' };
      const { custom_id: id, component_type: type, values } = i.data;
      if (type === COMPONENT.button) {
        const formId = promptActionId(id);
        if (formId !== undefined) return { ok: true, incoming: { kind: 'form', meta, formId } };
        return { ok: true, incoming: { kind: 'component', meta, request: { type: 'action', actionId: id, ctx } } };
      }
      if (type === COMPONENT.stringSelect) {
        // A checklist: the whole selection at once, space-separated, as the gateway sends it.
        return { ok: true, incoming: { kind: 'component', meta, request: { type: 'action', actionId: id, text: (values ?? []).join(' '), ctx } } };
      }
      return { ok: false, problem: 'data.component_type: unsupported' };
    }
    case INTERACTION.modalSubmit:
      return { ok: true, incoming: { kind: 'submit', meta, outcome: formOutcome(i.data.custom_id, answerValue(i.data.components), ctx) } };
  }
}
