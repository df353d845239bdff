/**
 * Slack start-up faults as one line naming what to check: a token Slack
 * refuses, an API the network cannot reach, a port or host we cannot listen on.
 * Messages carry Slack's error code and the API's address, never a token.
 */
import { listenFailure, networkFailure, printableUrl, StartupError } from '../boot.js';
import type { SlackConfig } from './config.js';

/** Slack's Web API when SLACK_API_URL is unset. */
export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';

/** Which step failed: verifying the bot token, opening the Socket Mode connection, or listening. */
export type SlackStartStep = 'auth' | 'socket' | 'listen';

// Slack's answers that mean "this token is not (or no longer) good".
const REFUSED_TOKEN = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'not_allowed_token_type',
  'missing_scope',
  'team_access_not_granted',
  'ekm_access_denied',
]);

const TOKEN_HINT = {
  SLACK_BOT_TOKEN: 'check SLACK_BOT_TOKEN is the app\'s current Bot User OAuth Token (xoxb-…, from "OAuth & Permissions") and that the app is installed',
  SLACK_APP_TOKEN: 'check SLACK_APP_TOKEN is a current app-level token (xapp-…) with the connections:write scope',
} as const;

/**
 * The {@link StartupError} for a failed start step, or `error` itself when it
 * is not a fault we recognise (a bug keeps its own message).
 */
export function slackStartupError(error: unknown, step: SlackStartStep, config: SlackConfig): unknown {
  if (step === 'listen') return listenFailure(error, config.port, config.host) ?? error;
  const variable = step === 'auth' ? 'SLACK_BOT_TOKEN' : 'SLACK_APP_TOKEN';
  const method = step === 'auth' ? 'auth.test' : 'apps.connections.open';
  const api = printableUrl(config.apiUrl ?? DEFAULT_SLACK_API_URL);
  const e = error as { code?: unknown; data?: { error?: unknown }; statusCode?: unknown } | null;
  if (e?.code === 'slack_webapi_platform_error') {
    const answer = typeof e.data?.error === 'string' ? e.data.error : 'an error';
    if (REFUSED_TOKEN.has(answer)) return new StartupError(`Slack refused ${variable} (${method}: ${answer}): ${TOKEN_HINT[variable]}`);
    return new StartupError(`Slack answered ${method} with ${answer}: check ${variable} and the app's configuration at https://api.slack.com/apps`);
  }
  if (e?.code === 'slack_webapi_http_error') {
    return new StartupError(
      `the Slack API at ${api} answered ${method} with HTTP ${String(e.statusCode)}: check SLACK_API_URL (unset means ${DEFAULT_SLACK_API_URL})`,
    );
  }
  if (e?.code === 'slack_webapi_rate_limited_error') {
    return new StartupError(`Slack rate-limited ${method} at start-up: wait a minute and start again`);
  }
  const network = networkFailure(error);
  if (network || e?.code === 'slack_webapi_request_error') {
    return new StartupError(
      `cannot reach the Slack API at ${api} (${method}: ${network ?? 'request failed'}): check the network connection, any proxy or firewall, and SLACK_API_URL`,
    );
  }
  return error;
}
