/**
 * Prints the Slack app manifest (JSON) for the role files in CONTENT_DIR.
 *
 *   npm run slack:manifest -- [--socket] [--url https://host/slack/events] [--name Panelist]
 *
 * Socket Mode is on with `--socket` or when SLACK_APP_TOKEN is set.
 */
import { parseArgs } from 'node:util';
import { commandInfos } from '../../src/commands/info.js';
import { loadRoles } from '../../src/content/load.js';
import { contentDir, exitOnSetupError } from '../boot.js';
import { buildManifest } from './manifest.js';

const PLACEHOLDER_URL = 'https://your-host.example.com/slack/events';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { socket: { type: 'boolean', default: false }, url: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write('usage: npm run slack:manifest -- [--socket] [--url https://host/slack/events] [--name NAME]\n');
    return;
  }
  const socketMode = values.socket === true || Boolean(process.env.SLACK_APP_TOKEN?.trim());
  const requestUrl = values.url ?? PLACEHOLDER_URL;
  if (!socketMode && values.url === undefined) {
    process.stderr.write(`slack:manifest: no --url given; using ${PLACEHOLDER_URL} (edit it before creating the app)\n`);
  }
  const roles = await loadRoles(contentDir(process.env));
  const manifest = buildManifest(commandInfos(roles), { socketMode, requestUrl, ...(values.name ? { name: values.name } : {}) });
  process.stdout.write(JSON.stringify(manifest, null, 2) + '\n');
}

main().catch(exitOnSetupError);
