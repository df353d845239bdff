/**
 * The bot token to call Slack with for a workspace: what the bot posts with
 * when it speaks by itself (channel challenges, the question of the day). One
 * workspace: SLACK_BOT_TOKEN. Many (OAuth): the workspace's installation,
 * decrypted on each call so an uninstall takes effect at once on every replica.
 */
import type { RecordStore } from '../../../src/ports.js';
import type { SlackConfig } from '../config.js';
import { createInstallationStore, type PanelistInstallationStore } from './installation-store.js';

/** Resolves bot tokens by workspace. */
export interface BotTokens {
  /**
   * The bot token for the workspace `teamId` (in `enterpriseId`, for Enterprise
   * Grid); undefined when the app is not installed there (never installed, or
   * uninstalled). Rejects only on a fault: the store failing, or a stored
   * installation that does not decrypt with SLACK_TOKEN_KEY. Never log the result.
   */
  botTokenFor(teamId: string, enterpriseId?: string): Promise<string | undefined>;
}

/** Single-workspace mode: the one token, whatever the team. */
export function singleWorkspaceTokens(botToken: string): BotTokens {
  return { botTokenFor: async () => botToken };
}

/** OAuth mode: the installation of the workspace, or of its org when installed org-wide. */
export function installationTokens(store: PanelistInstallationStore): BotTokens {
  return {
    async botTokenFor(teamId, enterpriseId) {
      const found = await store.find({ teamId, enterpriseId, isEnterpriseInstall: false });
      return found?.bot?.token;
    },
  };
}

/**
 * The token source of a configuration: SLACK_BOT_TOKEN, or the installations
 * in `records` (required with OAuth).
 */
export function botTokens(config: SlackConfig, records?: RecordStore): BotTokens {
  if (config.oauth) {
    if (!records) throw new Error('slack: OAuth needs the record store for its installations');
    return installationTokens(createInstallationStore({ records, key: config.oauth.tokenKey }));
  }
  if (!config.botToken) throw new Error('slack: no SLACK_BOT_TOKEN and no OAuth configuration');
  return singleWorkspaceTokens(config.botToken);
}
