/**
 * Prints the Slack app manifest (JSON) for the role files in CONTENT_DIR.
 *
 *   npm run slack:manifest -- [--socket] [--url https://host/slack/events] [--name Panelist]
 *                             [--oauth] [--public-url https://host]
 *
 * Socket Mode is on with `--socket` or when SLACK_APP_TOKEN is set. OAuth
 * (many workspaces) is on with `--oauth` or when SLACK_CLIENT_ID is set: the
 * manifest then adds the redirect URL `{public URL}/slack/oauth_redirect` and
 * the app_uninstalled and tokens_revoked events. The public URL is
 * `--public-url`, else SLACK_PUBLIC_URL, else `--url` without `/slack/events`;
 * with a public URL and no `--url`, the request URL is `{public URL}/slack/events`.
 */
import { parseArgs } from 'node:util';
import { commandInfos } from '../../src/commands/info.js';
import { loadRoles } from '../../src/content/load.js';
import { contentDir, exitOnSetupError } from '../boot.js';
import { SlackConfigError } from './config.js';
import { buildManifest } from './manifest.js';
import { REDIRECT_PATH } from './oauth/paths.js';
import { EVENTS_PATH } from './receiver.js';

const PLACEHOLDER_BASE = 'https://your-host.example.com';
const PLACEHOLDER_URL = `${PLACEHOLDER_BASE}${EVENTS_PATH}`;
const USAGE = 'usage: npm run slack:manifest -- [--socket] [--url https://host/slack/events] [--name NAME] [--oauth] [--public-url https://host]\n';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      socket: { type: 'boolean', default: false },
      url: { type: 'string' },
      name: { type: 'string' },
      oauth: { type: 'boolean', default: false },
      'public-url': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const env = process.env;
  const socketMode = values.socket === true || Boolean(env.SLACK_APP_TOKEN?.trim());
  const oauth = values.oauth === true || Boolean(env.SLACK_CLIENT_ID?.trim());
  if (oauth && socketMode) throw new SlackConfigError('slack:manifest: OAuth (many workspaces) runs in HTTP mode only: drop --socket (and SLACK_APP_TOKEN)');
  const fromUrl = values.url?.endsWith(EVENTS_PATH) ? values.url.slice(0, -EVENTS_PATH.length) : undefined;
  const base = (values['public-url'] ?? (env.SLACK_PUBLIC_URL?.trim() || undefined) ?? fromUrl)?.replace(/\/+$/, '');
  const requestUrl = values.url ?? (base ? `${base}${EVENTS_PATH}` : PLACEHOLDER_URL);
  if (!socketMode && requestUrl === PLACEHOLDER_URL) {
    process.stderr.write(`slack:manifest: no --url given; using ${PLACEHOLDER_URL} (edit it before creating the app)\n`);
  }
  if (oauth && !base) process.stderr.write(`slack:manifest: no --public-url given; the redirect URL uses ${PLACEHOLDER_BASE} (edit it)\n`);
  const redirectUrl = `${base ?? PLACEHOLDER_BASE}${REDIRECT_PATH}`;
  const roles = await loadRoles(contentDir(env));
  const manifest = buildManifest(commandInfos(roles), {
    socketMode,
    requestUrl,
    ...(values.name ? { name: values.name } : {}),
    ...(oauth ? { oauth: { redirectUrl } } : {}),
  });
  process.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
}

main().catch(exitOnSetupError);
