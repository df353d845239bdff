/**
 * The Slack app manifest, generated from the command table so the slash
 * commands Slack knows always match what the app serves.
 */

import { usageOf } from '../../src/commands/info.js';
import type { CommandInfo, SubcommandSpec } from '../../src/commands/spec.js';
import { clip, oneLine } from './blocks.js';

/** Manifest limits (Slack app manifest reference). */
export const MANIFEST_LIMITS = { name: 35, commandName: 32, description: 2000, usageHint: 1000, appDescription: 140 } as const;

/**
 * Bot scopes the app needs. Replies go through response_url and forms through
 * views.open with a trigger id, neither of which needs `chat:write`; but the bot
 * also posts by itself (challenge questions, the question of the day: outbox.ts),
 * which does, and `chat:write.public` lets it post in public channels it was not
 * invited to.
 */
export const BOT_SCOPES = ['commands', 'chat:write', 'chat:write.public'] as const;

export interface ManifestOptions {
  /** Socket Mode: no request URLs. */
  socketMode: boolean;
  /** Public URL of `/slack/events` (HTTP mode). */
  requestUrl?: string;
  name?: string;
  /** Installing in many workspaces: the OAuth redirect URL (`https://host/slack/oauth_redirect`). */
  oauth?: { redirectUrl: string };
}

/** Events an OAuth app subscribes to, so it forgets a workspace that uninstalls it or revokes its token. */
export const OAUTH_BOT_EVENTS = ['app_uninstalled', 'tokens_revoked'] as const;

/** A slash command entry of the manifest. */
export interface ManifestCommand {
  command: string;
  description: string;
  usage_hint?: string;
  should_escape: boolean;
  url?: string;
}

/** The parts of the manifest schema we fill in. */
export interface SlackManifest {
  _metadata: { major_version: 1; minor_version: 1 };
  display_information: { name: string; description: string; background_color: string };
  features: { bot_user: { display_name: string; always_online: boolean }; slash_commands: ManifestCommand[] };
  oauth_config: { scopes: { bot: string[] }; redirect_urls?: string[] };
  settings: {
    event_subscriptions?: { request_url?: string; bot_events: string[] };
    interactivity: { is_enabled: true; request_url?: string };
    org_deploy_enabled: boolean;
    socket_mode_enabled: boolean;
    token_rotation_enabled: boolean;
  };
}

function subUsage(s: SubcommandSpec): string {
  return [s.name, usageOf(s.options)].filter(Boolean).join(' ');
}

/** The usage hint Slack shows under the command: options, or subcommands with theirs. */
export function usageHint(info: CommandInfo): string {
  const hint = info.subcommands.length > 0 ? info.subcommands.map(subUsage).join(' | ') : info.usage;
  return clip(oneLine(hint), MANIFEST_LIMITS.usageHint);
}

/** Builds the manifest for the given commands. */
export function buildManifest(commands: readonly CommandInfo[], options: ManifestOptions): SlackManifest {
  const name = clip(options.name ?? 'Panelist', MANIFEST_LIMITS.name);
  const url = options.socketMode ? undefined : options.requestUrl;
  const slash = commands.map((c): ManifestCommand => {
    const hint = usageHint(c);
    return {
      command: `/${c.name}`.slice(0, MANIFEST_LIMITS.commandName + 1),
      description: clip(oneLine(c.description), MANIFEST_LIMITS.description),
      ...(hint ? { usage_hint: hint } : {}),
      // Unescaped text keeps `<@U…>` as typed; the renderer escapes whatever it echoes.
      should_escape: false,
      ...(url ? { url } : {}),
    };
  });
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name,
      description: clip('Interview questions, role guides and quizzes for your team.', MANIFEST_LIMITS.appDescription),
      background_color: '#1d3557',
    },
    features: { bot_user: { display_name: name, always_online: true }, slash_commands: slash },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] }, ...(options.oauth ? { redirect_urls: [options.oauth.redirectUrl] } : {}) },
    settings: {
      ...(options.oauth ? { event_subscriptions: { ...(url ? { request_url: url } : {}), bot_events: [...OAUTH_BOT_EVENTS] } } : {}),
      interactivity: { is_enabled: true, ...(url ? { request_url: url } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: options.socketMode,
      token_rotation_enabled: false,
    },
  };
}
