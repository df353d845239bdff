/**
 * Slack start-up faults with real Bolt: each becomes a StartupError whose one
 * line names what to check (the variable, the port, the network), never a token.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isSetupError } from '../../adapters/boot.js';
import { silentLogger } from '../../adapters/logger.js';
import { createSlackApp, type SlackApp } from '../../adapters/slack/app.js';
import type { SlackConfig } from '../../adapters/slack/config.js';
import { fakeAssistant } from './fake-assistant.js';
import { type FakeSlackApi, startFakeSlackApi } from './fakes.js';

const BOT = 'xoxb-1-secretvalue';
const APP = 'xapp-1-secretvalue';

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c().catch(() => undefined);
});

async function listening(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => new Promise((resolve) => server.close(resolve)));
  return (server.address() as AddressInfo).port;
}

/** A Web API that answers every method with `{ ok: false, error }`, except those in `ok`. */
async function refusingApi(error: string, ok: string[] = []): Promise<string> {
  const server = createServer((req, res) => {
    const method = (req.url ?? '').replace(/^\/api\//, '');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(ok.includes(method) ? { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' } : { ok: false, error }));
  });
  return `http://127.0.0.1:${await listening(server)}/api/`;
}

async function fakeApi(): Promise<FakeSlackApi> {
  const api = await startFakeSlackApi();
  cleanup.push(() => api.close());
  return api;
}

/** The error `start()` rejects with, after checking it is a one-line set-up error without secrets. */
async function startFault(config: SlackConfig, socketTimeoutMs?: number): Promise<Error> {
  const slack: SlackApp = createSlackApp({ assistant: fakeAssistant(), logger: silentLogger, config, ...(socketTimeoutMs ? { socketTimeoutMs } : {}) });
  cleanup.push(() => slack.stop());
  const error = await slack.start().then(
    () => new Error('started'),
    (e: unknown) => e as Error,
  );
  expect(error.name).toBe('StartupError');
  expect(isSetupError(error)).toBe(true);
  expect(error.message).not.toContain('\n');
  expect(error.message).not.toContain('secretvalue');
  return error;
}

const http = (over: Partial<SlackConfig>): SlackConfig => ({ mode: 'http', botToken: BOT, signingSecret: 's', port: 0, host: '127.0.0.1', ...over });

describe('Slack start-up faults', () => {
  it('a port in use names the port and PORT', async () => {
    const api = await fakeApi();
    const port = await listening(createServer());
    const error = await startFault(http({ port, apiUrl: api.url }));
    expect(error.message).toBe(`port ${port} is already in use (127.0.0.1:${port}): stop whatever uses it, or set PORT to a free port`);
  });

  it('a HOST that is not this machine names HOST', async () => {
    const api = await fakeApi();
    // 192.0.2.1 is TEST-NET-1: documentation only, never a local address.
    const error = await startFault(http({ host: '192.0.2.1', apiUrl: api.url }));
    expect(error.message).toMatch(/^cannot listen on 192\.0\.2\.1:0: HOST 192\.0\.2\.1 is not an address of this machine; set HOST/);
  });

  it("invalid_auth names SLACK_BOT_TOKEN and Slack's answer", async () => {
    const error = await startFault(http({ apiUrl: await refusingApi('invalid_auth') }));
    expect(error.message).toMatch(/^Slack refused SLACK_BOT_TOKEN \(auth\.test: invalid_auth\): check SLACK_BOT_TOKEN/);
  });

  it('a revoked app token in Socket Mode names SLACK_APP_TOKEN', async () => {
    const apiUrl = await refusingApi('invalid_auth', ['auth.test']);
    const error = await startFault({ mode: 'socket', botToken: BOT, appToken: APP, port: 0, host: '127.0.0.1', apiUrl });
    expect(error.message).toMatch(/^Slack refused SLACK_APP_TOKEN \(apps\.connections\.open: invalid_auth\): check SLACK_APP_TOKEN/);
  });

  it('a Socket Mode WebSocket that never opens fails start-up after the timeout instead of retrying forever', async () => {
    const api = await fakeApi();
    const closed = await listening(createServer());
    await cleanup.pop()!();
    api.socketUrl = `ws://127.0.0.1:${closed}/socket`;
    const started = Date.now();
    const error = await startFault({ mode: 'socket', botToken: BOT, appToken: APP, port: 0, host: '127.0.0.1', apiUrl: api.url }, 500);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error.message).toMatch(/^Slack's Socket Mode connection did not open within \d+ s: check the network connection/);
    // Stopped: no more reconnection attempts once start-up has failed.
    const opened = api.calls.filter((c) => c.method === 'apps.connections.open').length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(api.calls.filter((c) => c.method === 'apps.connections.open').length).toBe(opened);
  });

  it('an unreachable Web API names the address, the network and SLACK_API_URL', async () => {
    // A port that was just closed refuses connections.
    const port = await listening(createServer());
    await cleanup.pop()!();
    const error = await startFault(http({ apiUrl: `http://127.0.0.1:${port}/api/` }));
    expect(error.message).toBe(
      `cannot reach the Slack API at http://127.0.0.1:${port}/api/ (auth.test: ECONNREFUSED): check the network connection, any proxy or firewall, and SLACK_API_URL`,
    );
  });

  it('a Web API that answers HTTP errors names SLACK_API_URL', async () => {
    const server = createServer((_req, res) => res.writeHead(404).end('not here'));
    const error = await startFault(http({ apiUrl: `http://127.0.0.1:${await listening(server)}/nope/` }));
    expect(error.message).toMatch(/^the Slack API at http:\/\/127\.0\.0\.1:\d+\/nope\/ answered auth\.test with HTTP 404: check SLACK_API_URL/);
  });
});
