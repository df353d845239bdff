/**
 * The pages a browser sees at the end of the install flow: installed, or why
 * not, in plain words. Static HTML, nothing echoed but escaped names, no
 * scripts, never cached.
 */
import type { ServerResponse } from 'node:http';
import { INSTALL_PATH } from './paths.js';

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Writes a small HTML page. */
export function page(res: ServerResponse, status: number, title: string, body: string): void {
  if (res.headersSent) return;
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    'x-content-type-options': 'nosniff',
  });
  res.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
      '<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5}</style>' +
      `</head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`,
  );
}

/** Why an install did not complete, as the browser is told: status, title and what to do. */
export interface FailurePage {
  status: number;
  title: string;
  advice: string;
}

const START_AGAIN = `<a href="${INSTALL_PATH}">Start the installation again</a>`;

/**
 * The page for a failed install, by Bolt's error code (and Slack's answer to
 * oauth.v2.access, when that is what failed).
 */
export function failurePage(code: string | undefined, slackError: string | undefined): FailurePage {
  switch (code) {
    case 'slack_oauth_missing_state':
    case 'slack_oauth_invalid_state':
      return {
        status: 400,
        title: 'This install link is not valid here',
        advice: `It has expired (links last 10 minutes), was already used, or was opened in another browser than the one that started. ${START_AGAIN} in this browser.`,
      };
    case 'slack_oauth_missing_code':
      return { status: 400, title: 'Slack sent no authorization code', advice: `${START_AGAIN}.` };
    case 'slack_oauth_installer_authorization_error':
      return { status: 400, title: 'The installation was cancelled', advice: `Nothing was installed. ${START_AGAIN} whenever you like.` };
    case 'slack_webapi_platform_error':
      return {
        status: 400,
        title: 'Slack refused the installation',
        advice: `Slack answered <code>${escapeHtml(slackError ?? 'an error')}</code> (the code may have been used already). ${START_AGAIN}.`,
      };
    default:
      return {
        status: 500,
        title: 'The installation could not be completed',
        advice: `Something went wrong on our side and nothing was saved. ${START_AGAIN} in a minute; if it keeps failing, tell the app's operator.`,
      };
  }
}

/** The page after a successful install. */
export function successBody(workspace: string | undefined, helpCommand: string | undefined): string {
  const where = workspace ? ` in <strong>${escapeHtml(workspace)}</strong>` : '';
  const help = helpCommand ? ` and type <code>/${escapeHtml(helpCommand)}</code> to see its commands` : '';
  return `<p>Panelist is installed${where}. Open Slack${help}.</p>`;
}
