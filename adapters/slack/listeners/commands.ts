/**
 * Slash commands: one listener per command of the table. The reply rides in
 * the ack when it is ready in time; otherwise an empty ack, then the reply
 * through the response_url.
 */
import type { App } from '@slack/bolt';
import type { RequestContext } from '../../../src/requests.js';
import { serve } from '../../serve.js';
import { SLACK_PLATFORM } from '../config.js';
import { slackPrivateReply } from '../outbox.js';
import { commandChannel, type ListenerDeps } from './channels.js';
import { commandPayload } from './payloads.js';

/**
 * How long a command may take before we ack empty and answer through the
 * response_url instead. Slack shows the user an error when the ack takes more
 * than 3 s; 2 s leaves a second for the network and Bolt.
 */
export const ACK_DEADLINE_MS = 2000;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Registers `/name` for every command the assistant offers, and one listener
 * for any other command (a stale one, after a role was removed): the core
 * answers it with its unknown-command error instead of Bolt's 404 after 3 s.
 */
export function registerCommands(app: App, listenerDeps: ListenerDeps, ackDeadlineMs = ACK_DEADLINE_MS): void {
  const deps = { ...listenerDeps, platform: SLACK_PLATFORM };
  const listener =
    (fixed: string | undefined): Parameters<App['command']>[1] =>
    async ({ ack, body, respond }) => {
      const name = fixed ?? String(body.command ?? '').replace(/^\//, '');
      const parsed = commandPayload.safeParse(body);
      if (!parsed.success) {
        await ack();
        deps.logger.warn('slack: malformed slash command', { command: name.slice(0, 40), issues: parsed.error.issues.length });
        return;
      }
      const c = parsed.data;
      const ctx: RequestContext = {
        user: { platform: SLACK_PLATFORM, id: c.user_id, name: c.user_name || c.user_id },
        space: c.team_id,
        conversation: c.channel_id,
        privateReply: slackPrivateReply(c.response_url),
      };
      const request = { type: 'command', command: name, text: c.text, ctx } as const;
      await serve(
        deps,
        request,
        commandChannel(
          (m) => ack(m),
          (m) => respond(m),
          ackDeadlineMs,
        ),
      );
    };
  const names = deps.assistant.commands.map((info) => info.name);
  for (const name of names) app.command(`/${name}`, listener(name));
  const known = names.map(escapeRegExp).join('|');
  app.command(known ? new RegExp(`^/(?!(?:${known})$)`) : /^\//, listener(undefined));
}
