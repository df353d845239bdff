/**
 * The whole install, end to end: real Bolt in OAuth mode, the real file store,
 * the real assistant, the local fake Slack. Install two workspaces through the
 * browser flow, serve each with its own token, refuse bad states with a page,
 * and forget a workspace on app_uninstalled / tokens_revoked.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../adapters/logger.js';
import { BOT_SCOPES } from '../../../adapters/slack/manifest.js';
import { INSTALL_KIND } from '../../../adapters/slack/oauth/installation-store.js';
import { type LowdbStore, openLowdbStore } from '../../../storage/lowdb-store.js';
import { makeTestAssistant } from '../../helpers/assistant.js';
import { buttonsOf, type Posted } from '../fakes.js';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  type OAuthHarness,
  PUBLIC_URL,
  postSignedAs,
  STATE_COOKIE,
  STATE_SECRET,
  startOAuthHarness,
  TEAM_A,
  TEAM_B,
  TEAM_C,
  teamAction,
  teamCommand,
  teamEvent,
} from './harness.js';

let h: OAuthHarness;
let store: LowdbStore;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'panelist-oauth-'));
  store = await openLowdbStore({ dataDir, logger: silentLogger });
  const { assistant } = await makeTestAssistant({ store });
  h = await startOAuthHarness(assistant, store);
});
afterAll(async () => {
  await h?.close();
  await store?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Every byte the store has on disk, as text. */
async function onDisk(): Promise<string> {
  const files = await readdir(dataDir, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(files.filter((f) => f.isFile()).map((f) => readFile(join(f.parentPath, f.name), 'utf8')));
  return texts.join('\n');
}

/** What is on disk once it contains `text` (the journal is written behind the reply). */
async function diskWith(text: string): Promise<string> {
  const deadline = Date.now() + 3000;
  for (;;) {
    const disk = await onDisk();
    if (disk.includes(text)) return disk;
    if (Date.now() > deadline) throw new Error(`"${text}" never reached the disk`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Runs a command from `team`; the ack's body (empty when Bolt called no listener). */
async function command(team: string, name: string, text = ''): Promise<{ status: number; reply: Posted | undefined; responseUrl: string }> {
  const responseUrl = h.responses.next();
  const res = await postSignedAs(h.events, teamCommand(team, name, text, responseUrl));
  return { status: res.status, reply: res.text ? (JSON.parse(res.text) as Posted) : undefined, responseUrl };
}

/** Starts a free-text quiz in `team` and presses Answer: the modal opens with views.open; resolves to that call. */
async function openAnswerModal(team: string) {
  const { reply } = await command(team, 'devops-quiz', 'start technical 2 text');
  const answer = buttonsOf(reply!).find((b) => b.text.text === 'Answer')!;
  const opened = h.api.calls.filter((c) => c.method === 'views.open').length;
  const res = await postSignedAs(h.events, teamAction(team, answer, h.responses.next()));
  expect(res.status).toBe(200);
  return h.api.waitFor('views.open', opened);
}

describe('installing through /slack/install', () => {
  it('redirects to Slack with a signed state that the cookie pins to this browser', async () => {
    const page = await h.get('/slack/install');
    expect(page.status).toBe(302);
    const url = new URL(page.location!);
    expect(`${url.origin}${url.pathname}`).toBe('https://slack.com/oauth/v2/authorize');
    expect(url.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(url.searchParams.get('scope')).toBe(BOT_SCOPES.join(','));
    expect(url.searchParams.get('redirect_uri')).toBe(`${PUBLIC_URL}/slack/oauth_redirect`);
    const state = url.searchParams.get('state')!;
    expect(state.length).toBeGreaterThan(20);
    expect(page.setCookie).toContain(`${STATE_COOKIE}=${state}`);
    expect(page.setCookie).toMatch(/HttpOnly/);
  });

  it('exchanges the code, stores the installation sealed, and says so on a page', async () => {
    const page = await h.install(TEAM_A);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Panelist is installed');
    expect(page.text).toContain('Alpha Co');
    const exchange = h.api.calls.find((c) => c.method === 'oauth.v2.access')!;
    expect(exchange.args).toMatchObject({ code: `code-${TEAM_A.id}`, client_id: CLIENT_ID, redirect_uri: `${PUBLIC_URL}/slack/oauth_redirect` });
    // Bolt learns the bot id with the new token.
    expect(h.api.calls.some((c) => c.method === 'auth.test' && c.authorization === `Bearer ${TEAM_A.token}`)).toBe(true);

    const record = await store.getRecord(INSTALL_KIND, `team:${TEAM_A.id}`);
    expect(record).toBeDefined();
    const raw = JSON.stringify(record);
    expect(raw).not.toContain('xoxb-');
    expect(raw).toContain('A256GCM');
    expect(record!.value).toMatchObject({ team: { id: TEAM_A.id, name: 'Alpha Co' }, bot: { userId: TEAM_A.botUserId, scopes: [...BOT_SCOPES] } });
    // The file store writes its journal behind the reply: wait until the record is on disk.
    const disk = await diskWith(INSTALL_KIND);
    expect(disk).not.toContain(TEAM_A.token);
    expect(disk).not.toContain('xoxb-');
  });

  it('answers a signed command from the new workspace and calls the Web API with its token', async () => {
    const { status, reply } = await command(TEAM_A.id, 'devops-help');
    expect(status).toBe(200);
    expect(JSON.stringify(reply)).toContain('/devops-quiz');
    const call = await openAnswerModal(TEAM_A.id);
    expect(call.authorization).toBe(`Bearer ${TEAM_A.token}`);
    expect(await h.slack.tokens.botTokenFor(TEAM_A.id)).toBe(TEAM_A.token);
  });

  it('serves two workspaces, each with its own token', async () => {
    const page = await h.install(TEAM_B);
    expect(page.status).toBe(200);
    // The team name is escaped on the page.
    expect(page.text).toContain('Beta &lt;b&gt;Co&lt;/b&gt;');
    expect((await openAnswerModal(TEAM_B.id)).authorization).toBe(`Bearer ${TEAM_B.token}`);
    expect((await openAnswerModal(TEAM_A.id)).authorization).toBe(`Bearer ${TEAM_A.token}`);
    expect(await h.slack.tokens.botTokenFor(TEAM_B.id)).toBe(TEAM_B.token);
    expect(await h.slack.tokens.botTokenFor('T0NOBODY')).toBeUndefined();
    expect((await store.listRecords(INSTALL_KIND)).map((r) => r.key)).toEqual([`team:${TEAM_A.id}`, `team:${TEAM_B.id}`]);
  });

  it('ignores a command from a workspace that never installed the app, without crashing', async () => {
    const { status, reply, responseUrl } = await command('T0NOBODY', 'devops-help');
    expect(status).toBe(200);
    expect(reply).toBeUndefined();
    await new Promise((r) => setTimeout(r, 100));
    expect(h.responses.all(responseUrl)).toHaveLength(0);
    expect(h.logs.some((l) => l.includes('without an installation'))).toBe(true);
    // Still serving.
    expect((await command(TEAM_A.id, 'devops-help')).reply).toBeDefined();
  });
});

describe('a bad or missing state', () => {
  const refused = async (path: string, cookie?: string) => {
    const page = await h.get(path, cookie);
    expect(page.status).toBe(400);
    expect(page.text).not.toMatch(/at .*\.js|Error:/);
    return page.text;
  };

  it('is refused with a page saying to start again, and exchanges nothing', async () => {
    const exchanges = h.api.calls.filter((c) => c.method === 'oauth.v2.access').length;
    expect(await refused('/slack/oauth_redirect?code=code-T0A&state=forged', `${STATE_COOKIE}=forged`)).toContain('not valid here');
    expect(await refused('/slack/oauth_redirect?code=code-T0A')).toContain('not valid here');
    // A genuine state, but from another browser (no cookie).
    const started = await h.get('/slack/install');
    const state = new URL(started.location!).searchParams.get('state')!;
    expect(await refused(`/slack/oauth_redirect?code=code-T0A&state=${state}`)).toContain('Start the installation again');
    expect(h.api.calls.filter((c) => c.method === 'oauth.v2.access')).toHaveLength(exchanges);
  });

  it('explains a cancelled install and a code Slack refuses', async () => {
    expect(await refused('/slack/oauth_redirect?error=access_denied&state=x')).toContain('cancelled');
    const started = await h.get('/slack/install');
    const state = new URL(started.location!).searchParams.get('state')!;
    // code-T0A was used already: the fake answers invalid_code.
    expect(await refused(`/slack/oauth_redirect?code=code-T0A&state=${state}`, `${STATE_COOKIE}=${state}`)).toContain('invalid_code');
  });
});

describe('forgetting a workspace', () => {
  it('keeps the bot when only user tokens are revoked', async () => {
    const res = await postSignedAs(h.events, teamEvent(TEAM_A.id, { type: 'tokens_revoked', tokens: { oauth: ['UINSTALLER'] } }), true);
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect(await store.getRecord(INSTALL_KIND, `team:${TEAM_A.id}`)).toBeDefined();
  });

  it('deletes the installation on app_uninstalled; later commands from that team are ignored', async () => {
    const res = await postSignedAs(h.events, teamEvent(TEAM_B.id, { type: 'app_uninstalled' }), true);
    expect(res.status).toBe(200);
    await waitGone(`team:${TEAM_B.id}`);
    expect(await h.slack.tokens.botTokenFor(TEAM_B.id)).toBeUndefined();
    const { status, reply } = await command(TEAM_B.id, 'devops-help');
    expect(status).toBe(200);
    expect(reply).toBeUndefined();
    // The other workspace is untouched.
    expect((await command(TEAM_A.id, 'devops-help')).reply).toBeDefined();
  });

  it('deletes the installation when the bot token is revoked', async () => {
    await postSignedAs(h.events, teamEvent(TEAM_A.id, { type: 'tokens_revoked', tokens: { bot: [TEAM_A.botUserId] } }), true);
    await waitGone(`team:${TEAM_A.id}`);
    expect((await command(TEAM_A.id, 'devops-help')).reply).toBeUndefined();
    expect(await onDisk()).not.toContain('xoxb-');
  });

  it('never logged a token, the client secret or the state secret', () => {
    const all = h.logs.join('\n');
    for (const secret of [TEAM_A.token, TEAM_B.token, CLIENT_SECRET, STATE_SECRET, 'xoxb-']) expect(all).not.toContain(secret);
    expect(all).toContain('slack: installed');
    expect(all).toContain('slack: installation removed');
  });
});

describe('a database sealed with another SLACK_TOKEN_KEY', () => {
  it('refuses the workspace and logs a fault naming the variable, not "not installed"', async () => {
    expect((await h.install(TEAM_C)).status).toBe(200);
    const other = await startOAuthHarness((await makeTestAssistant()).assistant, store, { tokenKey: randomBytes(32) });
    try {
      const responseUrl = other.responses.next();
      const res = await postSignedAs(other.events, teamCommand('T0C', 'devops-help', '', responseUrl));
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
      const faults = other.logs.filter((l) => l.includes('"level":"error"') || l.includes('"level":50'));
      expect(faults.join('\n')).toContain('SLACK_TOKEN_KEY');
      expect(other.logs.join('\n')).not.toContain('without an installation');
    } finally {
      await other.close();
    }
  });
});

async function waitGone(key: string): Promise<void> {
  const deadline = Date.now() + 3000;
  while (await store.getRecord(INSTALL_KIND, key)) {
    if (Date.now() > deadline) throw new Error(`${key} was not removed`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
