/**
 * Zod schemas for the parts of Slack payloads we read. Bolt types the bodies
 * but does not validate them; these keep malformed input out of the core.
 */
import { parse as parseForm } from 'node:querystring';
import { z } from 'zod';

/** The slash-command fields we use. */
export const commandPayload = z.object({
  text: z.string().default(''),
  user_id: z.string().min(1),
  user_name: z.string().default(''),
  team_id: z.string().min(1),
  channel_id: z.string().min(1),
  response_url: z.string().min(1),
});
export type CommandPayload = z.infer<typeof commandPayload>;

/** The block_actions fields we use: who, where, and the pressed button. */
export const blockActionPayload = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: z.string().min(1), username: z.string().optional(), name: z.string().optional(), team_id: z.string().optional() }),
  team: z.object({ id: z.string().min(1) }).nullish(),
  channel: z.object({ id: z.string().min(1) }).nullish(),
  container: z.object({ channel_id: z.string().optional() }).passthrough().nullish(),
  response_url: z.string().min(1),
  trigger_id: z.string().min(1),
  actions: z
    .array(
      z.object({
        action_id: z.string().min(1),
        type: z.string().optional(),
        value: z.string().optional(),
        // A checkboxes element sends every box ticked now (none: an empty list).
        selected_options: z.array(z.object({ value: z.string() }).passthrough()).optional(),
      }),
    )
    .min(1),
});
export type BlockActionPayload = z.infer<typeof blockActionPayload>;

/** The view_submission fields we use: who, the metadata we stored and the typed text. */
export const viewSubmissionPayload = z.object({
  type: z.literal('view_submission'),
  user: z.object({ id: z.string().min(1), name: z.string().optional(), username: z.string().optional(), team_id: z.string().optional() }),
  team: z.object({ id: z.string().min(1) }).nullish(),
  view: z.object({
    private_metadata: z.string().optional(),
    state: z.object({
      values: z.record(z.string(), z.record(z.string(), z.object({ value: z.string().nullish() }).passthrough())),
    }),
  }),
});
export type ViewSubmissionPayload = z.infer<typeof viewSubmissionPayload>;

/**
 * What Bolt needs to route a request without crashing or timing out: a slash
 * command's name, or an interaction with its user and what was pressed or
 * submitted, or an Events API event. Slack's own handshakes (ssl_check, url_verification) pass too.
 */
const envelopeSchema = z.union([
  z.object({ ssl_check: z.literal('1') }),
  z.object({ type: z.literal('url_verification'), challenge: z.string() }),
  z.object({ command: z.string().startsWith('/') }),
  z.object({
    type: z.literal('block_actions'),
    user: z.object({ id: z.string().min(1) }),
    actions: z.array(z.object({ action_id: z.string().min(1) })).min(1),
  }),
  z.object({
    type: z.literal('view_submission'),
    user: z.object({ id: z.string().min(1) }),
    view: z.object({ callback_id: z.string().min(1) }),
  }),
  // Events API: app_uninstalled and tokens_revoked (OAuth mode, oauth/events.ts).
  z.object({ type: z.literal('event_callback'), event: z.object({ type: z.string().min(1) }) }),
]);

/**
 * Why a request body cannot be served, or undefined when Bolt can route it.
 * Parses the way Bolt does: a form when the content type is exactly
 * `application/x-www-form-urlencoded` (its `payload` field holding JSON), JSON otherwise.
 */
export function envelopeProblem(contentType: string | undefined, raw: string): string | undefined {
  let body: unknown;
  try {
    if (contentType === 'application/x-www-form-urlencoded') {
      const form = parseForm(raw);
      if (Array.isArray(form.payload)) return 'more than one payload field';
      body = typeof form.payload === 'string' ? JSON.parse(form.payload) : { ...form };
    } else {
      body = JSON.parse(raw);
    }
  } catch {
    return 'not valid JSON';
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'not a JSON object';
  if (envelopeSchema.safeParse(body).success) return undefined;
  const type = (body as { type?: unknown }).type;
  return typeof type === 'string' ? `unsupported or malformed ${type.slice(0, 40)} payload` : 'neither a slash command nor an interaction';
}
