/**
 * Discord start-up faults (logging in, registering commands) as one line
 * naming what to check: the token, the application or guild id, the network.
 * Messages carry Discord's status and the API's address, never the token.
 */
import { networkFailure, printableUrl, StartupError } from '../boot.js';
import type { DiscordConfig } from './config.js';

/** Discord's REST API when DISCORD_API_URL is unset (discord.js appends the version). */
export const DEFAULT_DISCORD_API_URL = 'https://discord.com/api';

const TOKEN_HINT = 'check DISCORD_TOKEN is the bot token from the Developer Portal (Bot → Reset Token), not the client secret or public key';

/** What was being done when the fault happened. */
export type DiscordStartStep = 'login' | 'register';

interface RestFault {
  code?: unknown;
  status?: unknown;
  rawError?: { message?: unknown; code?: unknown };
}

/** One line for a refusal (HTTP status) from Discord's REST API. */
function refusal(e: RestFault, step: DiscordStartStep, config: DiscordConfig): StartupError {
  const status = Number(e.status);
  const detail = typeof e.rawError?.message === 'string' ? e.rawError.message.slice(0, 80) : `HTTP ${status}`;
  if (status === 401) return new StartupError(`Discord refused DISCORD_TOKEN (${detail}): ${TOKEN_HINT}`);
  if (step === 'register' && (status === 403 || status === 404)) {
    const where = config.guildId
      ? `check DISCORD_APPLICATION_ID, and that DISCORD_GUILD_ID ${config.guildId} is a guild the bot was invited to with the applications.commands scope`
      : 'check DISCORD_APPLICATION_ID is the application of DISCORD_TOKEN (Developer Portal → General Information)';
    return new StartupError(`Discord refused to register commands for application ${config.applicationId} (${detail}): ${where}`);
  }
  if (status === 429) return new StartupError(`Discord rate-limited the request (${detail}): wait a minute and try again`);
  if (status >= 500)
    return new StartupError(`Discord answered HTTP ${status} (${detail}): Discord may be having trouble; try again later (https://discordstatus.com)`);
  return new StartupError(`Discord refused the request (${detail}): check DISCORD_TOKEN, DISCORD_APPLICATION_ID and DISCORD_API_URL`);
}

/**
 * The {@link StartupError} for a failed login or registration, or `error`
 * itself when it is not a fault we recognise (a bug keeps its own message).
 */
export function discordStartupError(error: unknown, step: DiscordStartStep, config: DiscordConfig): unknown {
  const e = (error ?? {}) as RestFault;
  // discord.js turns a 401 on /gateway/bot (and a malformed token) into TokenInvalid.
  if (e.code === 'TokenInvalid') return new StartupError(`Discord refused DISCORD_TOKEN: ${TOKEN_HINT}`);
  if (e.code === 'DisallowedIntents')
    return new StartupError('Discord refused the gateway intents: enable them for the bot in the Developer Portal (Bot → Privileged Gateway Intents)');
  if (typeof e.status === 'number') return refusal(e, step, config);
  const network = networkFailure(error);
  if (network) {
    const api = printableUrl(config.apiUrl ?? DEFAULT_DISCORD_API_URL);
    return new StartupError(`cannot reach the Discord API at ${api} (${network}): check the network connection, any proxy or firewall, and DISCORD_API_URL`);
  }
  return error;
}
