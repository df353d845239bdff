/**
 * Button presses: one listener for every action id. A plain button goes to the
 * core; a prompt button opens the answer modal instead (the trigger id is only
 * valid for 3 s, so the modal opens right after the ack).
 */
import type { App } from '@slack/bolt';
import type { RequestContext } from '../../../src/requests.js';
import { apologise, serve } from '../../serve.js';
import { SLACK_PLATFORM } from '../config.js';
import { decodePromptButton, promptModal } from '../modal.js';
import { slackPrivateReply } from '../outbox.js';
import { type ListenerDeps, respondChannel } from './channels.js';
import { type BlockActionPayload, blockActionPayload } from './payloads.js';

function contextOf(b: BlockActionPayload): RequestContext {
  return {
    user: { platform: SLACK_PLATFORM, id: b.user.id, name: b.user.username ?? b.user.name ?? b.user.id },
    space: b.team?.id ?? b.user.team_id ?? 'unknown',
    conversation: b.channel?.id ?? b.container?.channel_id ?? 'unknown',
    privateReply: slackPrivateReply(b.response_url),
  };
}

/** Registers the catch-all button listener. */
export function registerActions(app: App, listenerDeps: ListenerDeps): void {
  const deps = { ...listenerDeps, platform: SLACK_PLATFORM };
  app.action(/.+/, async ({ ack, body, respond, client }) => {
    await ack();
    const parsed = blockActionPayload.safeParse(body);
    if (!parsed.success) {
      deps.logger.warn('slack: unsupported or malformed action payload', { type: body.type });
      return;
    }
    const b = parsed.data;
    const ctx = contextOf(b);
    const pressed = b.actions[0]!;
    // A checklist: the whole selection at once, its values space-separated (see Checklist in src/view-parts.ts).
    if (pressed.type === 'checkboxes') {
      const text = (pressed.selected_options ?? []).map((o) => o.value).join(' ');
      await serve(
        deps,
        { type: 'action', actionId: pressed.action_id, text, ctx },
        respondChannel((m) => respond(m)),
      );
      return;
    }
    const prompt = decodePromptButton(pressed.value);
    if (prompt) {
      const ids = { team: ctx.space, user: ctx.user.id, channel: ctx.conversation, action: prompt.p.actionId };
      try {
        const view = promptModal(prompt.p, { actionId: prompt.p.actionId, responseUrl: b.response_url, channel: ctx.conversation }, prompt.q);
        await client.views.open({ trigger_id: b.trigger_id, view });
      } catch (error) {
        deps.logger.error('slack: could not open the answer form', { ...ids, error });
        await apologise(
          deps,
          ids,
          respondChannel((m) => respond(m)),
        );
      }
      return;
    }
    // The value holds the core's id: action_ids may carry a "#2" suffix to stay unique in a message.
    const actionId = pressed.value ?? pressed.action_id;
    await serve(
      deps,
      { type: 'action', actionId, ctx },
      respondChannel((m) => respond(m)),
    );
  });
}
