/**
 * The real Bolt app in OAuth mode against the local fake Slack: the fake
 * answers oauth.v2.access for the codes of known workspaces (once each) and
 * auth.test by token; a "browser" walks /slack/install and /slack/oauth_redirect
 * carrying the state cookie, and signed requests come from any team.
 */
import { createLogger } from '../../../adapters/logger.js';
import { createSlackApp, type SlackApp } from '../../../adapters/slack/app.js';
import type { SlackConfig } from '../../../adapters/slack/config.js';
import { BOT_SCOPES } from '../../../adapters/slack/manifest.js';
import type { Assistant } from '../../../src/assistant.js';
import type { RecordStore } from '../../../src/ports.js';
import { type FakeSlackApi, type ResponseServer, SIGNING_SECRET, sign, startFakeSlackApi, startResponseServer } from '../fakes.js';

export const CLIENT_ID = '1234.5678';
export const CLIENT_SECRET = 'test-client-secret-value';
export const STATE_SECRET = 'test-state-secret-0123456789';
/** 32 bytes as 64 hex digits. */
export const TOKEN_KEY_HEX = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
export const PUBLIC_URL = 'https://panelist.example.com';
export const STATE_COOKIE = 'slack-app-oauth-state';

/** A workspace the fake can install into. */
export interface FakeTeam {
  id: string;
  name: string;
  token: string;
  botUserId: string;
  enterpriseId?: string;
}
export const TEAM_A: FakeTeam = { id: 'T0A', name: 'Alpha Co', token: 'xoxb-0A-alpha-secret-token', botUserId: 'UBOTA' };
export const TEAM_B: FakeTeam = { id: 'T0B', name: 'Beta <b>Co</b>', token: 'xoxb-0B-beta-secret-token', botUserId: 'UBOTB' };
export const TEAM_C: FakeTeam = { id: 'T0C', name: 'Gamma', token: 'xoxb-0C-gamma-secret-token', botUserId: 'UBOTC' };

/** The config of the app under test: OAuth, HTTP on a free loopback port, the fake's Web API. */
export function oauthConfig(apiUrl: string, tokenKey: Buffer = Buffer.from(TOKEN_KEY_HEX, 'hex')): SlackConfig {
  return {
    mode: 'http',
    signingSecret: SIGNING_SECRET,
    port: 0,
    host: '127.0.0.1',
    apiUrl,
    oauth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, stateSecret: STATE_SECRET, tokenKey, publicUrl: PUBLIC_URL },
  };
}

/** Answers oauth.v2.access (code `code-<team id>`, once, right client) and auth.test (by bearer token). */
function answerOAuth(api: FakeSlackApi, teams: FakeTeam[]): void {
  const used = new Set<string>();
  api.answers = (call) => {
    if (call.method === 'oauth.v2.access') {
      if (call.args.client_id !== CLIENT_ID || call.args.client_secret !== CLIENT_SECRET) return { ok: false, error: 'invalid_client_id' };
      const team = teams.find((t) => call.args.code === `code-${t.id}`);
      if (!team || used.has(String(call.args.code))) return { ok: false, error: 'invalid_code' };
      used.add(String(call.args.code));
      return {
        app_id: 'A0PANEL',
        authed_user: { id: 'UINSTALLER' },
        scope: BOT_SCOPES.join(','),
        token_type: 'bot',
        access_token: team.token,
        bot_user_id: team.botUserId,
        team: { id: team.id, name: team.name },
        enterprise: team.enterpriseId ? { id: team.enterpriseId, name: 'Grid' } : null,
        is_enterprise_install: false,
      };
    }
    if (call.method === 'auth.test') {
      const team = teams.find((t) => call.authorization === `Bearer ${t.token}`);
      if (!team) return { ok: false, error: 'invalid_auth' };
      return { team_id: team.id, team: team.name, user_id: team.botUserId, bot_id: `B${team.id}`, url: 'https://example.slack.com/' };
    }
    return undefined;
  };
}

/** What a browser gets back. */
export interface Page {
  status: number;
  text: string;
  location: string | null;
  setCookie: string | null;
}

export interface OAuthHarness {
  api: FakeSlackApi;
  responses: ResponseServer;
  slack: SlackApp;
  /** http://127.0.0.1:PORT */
  base: string;
  events: string;
  logs: string[];
  /** GET a path, not following redirects, with an optional Cookie header. */
  get(path: string, cookie?: string): Promise<Page>;
  /** The whole browser flow for `team`: install, authorize (the fake's code), redirect back with the cookie. */
  install(team: FakeTeam): Promise<Page>;
  close(): Promise<void>;
}

/** Starts the app over `records` with the fake knowing `teams`. */
export async function startOAuthHarness(
  assistant: Assistant,
  records: RecordStore,
  options: { teams?: FakeTeam[]; tokenKey?: Buffer } = {},
): Promise<OAuthHarness> {
  const api = await startFakeSlackApi();
  answerOAuth(api, options.teams ?? [TEAM_A, TEAM_B, TEAM_C]);
  const responses = await startResponseServer();
  const logs: string[] = [];
  const logger = createLogger({ level: 'debug', write: (l) => logs.push(l) });
  const slack = createSlackApp({ assistant, logger, records, config: oauthConfig(api.url, options.tokenKey), ackDeadlineMs: 2000 });
  await slack.start();
  const base = `http://127.0.0.1:${slack.address()!.port}`;
  const get = async (path: string, cookie?: string): Promise<Page> => {
    const res = await fetch(`${base}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    return { status: res.status, text: await res.text(), location: res.headers.get('location'), setCookie: res.headers.get('set-cookie') };
  };
  return {
    api,
    responses,
    slack,
    base,
    events: `${base}/slack/events`,
    logs,
    get,
    async install(team) {
      const started = await get('/slack/install');
      const state = new URL(started.location ?? 'http://none').searchParams.get('state') ?? '';
      return get(`/slack/oauth_redirect?code=code-${team.id}&state=${encodeURIComponent(state)}`, `${STATE_COOKIE}=${state}`);
    },
    async close() {
      await slack.stop();
      await responses.close();
      await api.close();
    },
  };
}

/** A slash-command body from `team` (the fakes' commandBody is fixed to T1). */
export function teamCommand(team: string, command: string, text: string, responseUrl: string, user = 'U1'): string {
  return new URLSearchParams({
    token: 'legacy',
    team_id: team,
    team_domain: 'test',
    channel_id: 'C1',
    channel_name: 'general',
    user_id: user,
    user_name: 'ada',
    command: `/${command}`,
    text,
    api_app_id: 'A0PANEL',
    response_url: responseUrl,
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
  }).toString();
}

/** A block_actions body pressing `button` in `team`. */
export function teamAction(team: string, button: { action_id: string; value?: string }, responseUrl: string, user = 'U1'): string {
  const payload = {
    type: 'block_actions',
    team: { id: team, domain: 'test' },
    user: { id: user, username: 'ada', name: 'ada', team_id: team },
    api_app_id: 'A0PANEL',
    token: 'legacy',
    container: { type: 'message', message_ts: '1.000', channel_id: 'C1', is_ephemeral: true },
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
    channel: { id: 'C1', name: 'general' },
    response_url: responseUrl,
    actions: [{ type: 'button', block_id: 'b', action_id: button.action_id, value: button.value, text: { type: 'plain_text', text: 'x' }, action_ts: '1.0' }],
  };
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** An Events API envelope (JSON) for `event` in `team`. */
export function teamEvent(team: string, event: Record<string, unknown>): string {
  return JSON.stringify({
    token: 'legacy',
    team_id: team,
    api_app_id: 'A0PANEL',
    type: 'event_callback',
    event_id: `Ev${Math.random().toString(36).slice(2)}`,
    event_time: Math.floor(Date.now() / 1000),
    event,
  });
}

/** POSTs a signed body (JSON for events, a form otherwise) to the events endpoint. */
export async function postSignedAs(url: string, body: string, json = false): Promise<{ status: number; text: string }> {
  const timestamp = Math.floor(Date.now() / 1000);
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sign(body, timestamp),
    },
    body,
  });
  return { status: res.status, text: await res.text() };
}
