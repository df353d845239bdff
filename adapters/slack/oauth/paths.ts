/** Where the install flow is served (HTTP mode, beside /slack/events). */

/** Starts an install: redirects to Slack's authorize page with a signed state (and sets the state cookie). */
export const INSTALL_PATH = '/slack/install';
/** Where Slack sends the browser back with `code` and `state`: the code is exchanged with oauth.v2.access. */
export const REDIRECT_PATH = '/slack/oauth_redirect';
