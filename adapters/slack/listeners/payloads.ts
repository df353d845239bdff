/**
 * Zod schemas for the parts of Slack payloads we read. Bolt types the bodies
 * but does not validate them; these keep malformed input out of the core.
 */
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
  actions: z.array(z.object({ action_id: z.string().min(1), value: z.string().optional() })).min(1),
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
