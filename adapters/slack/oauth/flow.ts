/**
 * Bolt's OAuth flow, configured for Panelist: `GET /slack/install` redirects
 * straight to Slack's authorize page (state signed with SLACK_STATE_SECRET and
 * pinned to the browser by a cookie), `GET /slack/oauth_redirect` exchanges
 * the code with oauth.v2.access and stores the installation, tokens sealed, in
 * Panelist's own database. The browser gets a plain page either way; the log
 * gets ids and error codes, never a token or an installation.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger as BoltLogger, HTTPReceiverOptions, Installation, webApi } from '@slack/bolt';
import { type Logger, maskSecrets } from '../../logger.js';
import type { SlackOAuthConfig } from '../config.js';
import { BOT_SCOPES } from '../manifest.js';
import type { ReceiverOAuthOptions } from '../receiver.js';
import type { PanelistInstallationStore } from './installation-store.js';
import { failurePage, page, successBody } from './pages.js';
import { INSTALL_PATH, REDIRECT_PATH } from './paths.js';

// Bolt re-exports neither type by name; both are reached through what it does export.
type InstallerOptions = NonNullable<HTTPReceiverOptions['installerOptions']>;
type CallbackOptions = NonNullable<InstallerOptions['callbackOptions']>;

/** How long an install link (its state) stays valid: Bolt's default, 10 minutes. */
export const STATE_TTL_SECONDS = 600;

/** What the flow needs. */
export interface OAuthFlowDeps {
  oauth: SlackOAuthConfig;
  store: PanelistInstallationStore;
  logger: Logger;
  /** The Web API options of the app (SLACK_API_URL, retries, timeout), for oauth.v2.access and auth.test. */
  clientOptions: Omit<webApi.WebClientOptions, 'logger' | 'logLevel'>;
  /** The help command to name on the success page (`devops-help`). */
  helpCommand?: string;
}

/** The redirect URL Slack must send the browser back to, when a public URL is configured. */
export function redirectUrl(oauth: SlackOAuthConfig): string | undefined {
  return oauth.publicUrl ? `${oauth.publicUrl}${REDIRECT_PATH}` : undefined;
}

/** Ids of an installation, fit to log. */
function idsOf(installation: Installation): Record<string, string> {
  const ids: Record<string, string> = {};
  if (installation.team?.id) ids.team = installation.team.id;
  if (installation.enterprise?.id) ids.enterprise = installation.enterprise.id;
  return ids;
}

function callbacks(deps: OAuthFlowDeps): CallbackOptions {
  return {
    success: (installation: Installation, _options: unknown, _req: IncomingMessage, res: ServerResponse) => {
      deps.logger.info('slack: installed', { ...idsOf(installation), orgWide: installation.isEnterpriseInstall === true });
      const where = installation.team?.name ?? installation.enterprise?.name;
      page(res, 200, 'Panelist is installed', successBody(where, deps.helpCommand));
    },
    failure: (error, _options, _req, res) => {
      const slackError = (error as { data?: { error?: unknown } }).data?.error;
      const answer = typeof slackError === 'string' ? slackError : undefined;
      const p = failurePage(error.code, answer);
      // A refused state or a cancel is the visitor's business; anything else is ours to look at.
      const fields = { code: error.code, ...(answer ? { slackError: answer } : {}), status: p.status };
      if (p.status >= 500) deps.logger.error('slack: install failed', { ...fields, error });
      else deps.logger.warn('slack: install refused', fields);
      page(res, p.status, p.title, `<p>${p.advice}</p>`);
    },
  };
}

/** The HTTPReceiver options that serve the install flow over `deps.store`. */
export function oauthReceiverOptions(deps: OAuthFlowDeps): ReceiverOAuthOptions {
  const { oauth } = deps;
  const redirectUri = redirectUrl(oauth);
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    installationStore: deps.store,
    scopes: [...BOT_SCOPES],
    ...(redirectUri ? { redirectUri } : {}),
    installerOptions: {
      installPath: INSTALL_PATH,
      redirectUriPath: REDIRECT_PATH,
      // Straight to Slack's authorize page: Bolt's own landing page adds a click and nothing else.
      directInstall: true,
      stateVerification: true,
      stateCookieExpirationSeconds: STATE_TTL_SECONDS,
      clientOptions: deps.clientOptions,
      callbackOptions: callbacks(deps),
    },
  };
}

/**
 * Bolt's logger for the OAuth flow, masking the client and state secrets:
 * at debug, the Web API client logs the body of oauth.v2.access, client_secret
 * included, and the process-wide masking only knows the values it was started with.
 */
export function maskingBoltLogger(inner: BoltLogger, secrets: readonly string[]): BoltLogger {
  const known = secrets.filter((s) => s.length >= 4);
  const mask = (msg: unknown[]) =>
    msg.map((m) => (typeof m === 'string' ? maskSecrets(m, known) : m instanceof Error ? m : maskSecrets(JSON.stringify(m) ?? '', known)));
  return {
    debug: (...msg: unknown[]) => inner.debug(...mask(msg)),
    info: (...msg: unknown[]) => inner.info(...mask(msg)),
    warn: (...msg: unknown[]) => inner.warn(...mask(msg)),
    error: (...msg: unknown[]) => inner.error(...mask(msg)),
    setLevel: (level) => inner.setLevel(level),
    getLevel: () => inner.getLevel(),
    setName: (name) => inner.setName(name),
  };
}
