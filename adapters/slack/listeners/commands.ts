/**
 * Slash commands: one listener per command of the table. Ack at once (Slack
 * wants it within 3 s), then answer through the response_url.
 */
import type { App } from '@slack/bolt';
import type { RequestContext } from '../../../src/requests.js';
import { commandPayload } from './payloads.js';
import { serve, type ListenerDeps } from './serve.js';

/** Registers `/name` for every command the assistant offers. */
export function registerCommands(app: App, deps: ListenerDeps): void {
  for (const info of deps.assistant.commands) {
    app.command(`/${info.name}`, async ({ ack, body, respond }) => {
      await ack();
      const parsed = commandPayload.safeParse(body);
      if (!parsed.success) {
        deps.logger.warn('slack: malformed slash command', { command: info.name, issues: parsed.error.issues.length });
        return;
      }
      const c = parsed.data;
      const ctx: RequestContext = {
        user: { platform: 'slack', id: c.user_id, name: c.user_name || c.user_id },
        space: c.team_id,
        conversation: c.channel_id,
      };
      await serve(deps, { type: 'command', command: info.name, text: c.text, ctx }, (m) => respond(m));
    });
  }
}
