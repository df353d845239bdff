/**
 * The answer modal's submit: close the modal, grade the text through the core,
 * and replace the quiz message through the response_url stored in the modal.
 */
import type { App } from '@slack/bolt';
import type { RequestContext } from '../../../src/requests.js';
import { serve } from '../../serve.js';
import { SLACK_PLATFORM } from '../config.js';
import { decodeMetadata, PROMPT_CALLBACK_ID, PROMPT_INPUT_ID } from '../modal.js';
import type { SlackResponse } from '../render.js';
import { type ListenerDeps, respondChannel } from './channels.js';
import { viewSubmissionPayload } from './payloads.js';

/** POSTs a message to a response_url, as Bolt's `respond` does; non-2xx throws. */
export function postToResponseUrl(url: string, fetchFn: typeof fetch = fetch): (m: SlackResponse) => Promise<void> {
  return async (message) => {
    const res = await fetchFn(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(message) });
    if (!res.ok) throw new Error(`response_url answered ${res.status}`);
  };
}

/** Registers the modal submit listener. */
export function registerViews(app: App, listenerDeps: ListenerDeps): void {
  const deps = { ...listenerDeps, platform: SLACK_PLATFORM };
  app.view(PROMPT_CALLBACK_ID, async ({ ack, body }) => {
    const parsed = viewSubmissionPayload.safeParse(body);
    if (!parsed.success) {
      await ack();
      deps.logger.warn('slack: malformed view submission', { type: body.type });
      return;
    }
    const b = parsed.data;
    const text = (b.view.state.values[PROMPT_INPUT_ID]?.[PROMPT_INPUT_ID]?.value ?? '').trim();
    if (!text) {
      // Keep the modal open with a hint rather than grade an empty answer.
      await ack({ response_action: 'errors', errors: { [PROMPT_INPUT_ID]: 'Type an answer first.' } });
      return;
    }
    await ack();
    const meta = decodeMetadata(b.view.private_metadata);
    if (!meta) {
      deps.logger.warn('slack: view submission without usable metadata', { team: b.team?.id ?? '', user: b.user.id });
      return;
    }
    const ctx: RequestContext = {
      user: { platform: SLACK_PLATFORM, id: b.user.id, name: b.user.username ?? b.user.name ?? b.user.id },
      space: b.team?.id ?? b.user.team_id ?? 'unknown',
      conversation: meta.channel,
    };
    await serve(deps, { type: 'action', actionId: meta.actionId, text, ctx }, respondChannel(postToResponseUrl(meta.responseUrl)));
  });
}
