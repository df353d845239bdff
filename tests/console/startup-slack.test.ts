/**
 * End to end: `npm start` with Slack configured, as a real process against
 * local fakes: each start-up fault is one `panelist:` line and exit 1, and a
 * healthy start serves the probes.
 */
import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startFakeSlackApi } from '../slack/fakes.js';
import { finished, startTs } from './spawn.js';
import { cleanup, closedPort, faultLine, listening, runEnv, SIGNING, SLACK_TOKEN, useStartupScratch } from './startup-faults.js';

useStartupScratch();

const slackEnv = (over: Record<string, string>) => ({ SLACK_BOT_TOKEN: SLACK_TOKEN, SLACK_SIGNING_SECRET: SIGNING, HOST: '127.0.0.1', ...over });

describe('npm start: Slack start-up faults', { timeout: 60_000 }, () => {
  it('a port in use', async () => {
    const api = await startFakeSlackApi();
    cleanup.push(() => api.close());
    const port = await listening(createServer());
    const line = await faultLine('adapters/main.ts', slackEnv({ SLACK_API_URL: api.url, PORT: String(port) }));
    expect(line).toBe(`panelist: port ${port} is already in use (127.0.0.1:${port}): stop whatever uses it, or set PORT to a free port`);
  });

  it('invalid_auth', async () => {
    const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":false,"error":"invalid_auth"}'));
    const port = await listening(server);
    const line = await faultLine('adapters/main.ts', slackEnv({ SLACK_API_URL: `http://127.0.0.1:${port}/api/`, PORT: String(await closedPort()) }));
    expect(line).toMatch(/^panelist: Slack refused SLACK_BOT_TOKEN \(auth\.test: invalid_auth\): check SLACK_BOT_TOKEN/);
  });

  it('the Slack API unreachable', async () => {
    const port = await closedPort();
    const line = await faultLine('adapters/main.ts', slackEnv({ SLACK_API_URL: `http://127.0.0.1:${port}/api/`, PORT: String(await closedPort()) }));
    expect(line).toMatch(/^panelist: cannot reach the Slack API at http:\/\/127\.0\.0\.1:\d+\/api\/ \(auth\.test: ECONNREFUSED\): check the network/);
  });

  it('a PORT that is not a port', async () => {
    const line = await faultLine('adapters/main.ts', slackEnv({ PORT: '0xb864' }));
    expect(line).toBe('panelist: Slack configuration is invalid: PORT must be a whole number from 1 to 65535');
  });
});

describe('npm start: Slack HTTP mode probes', { timeout: 60_000 }, () => {
  it('serves GET /readyz (content loaded, store healthy) beside /healthz', async () => {
    const api = await startFakeSlackApi();
    cleanup.push(() => api.close());
    const port = await closedPort();
    const env = runEnv(slackEnv({ SLACK_API_URL: api.url, PORT: String(port) }));
    const child = startTs('adapters/main.ts', [], env);
    const done = finished(child);
    cleanup.push(async () => {
      child.kill('SIGTERM');
      await done;
    });
    let stderr = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (c: Buffer) => {
        stderr += c.toString('utf8');
        if (stderr.includes('HTTP mode listening')) resolve();
      });
      child.on('close', () => reject(new Error(`exited early: ${stderr}`)));
    });
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect(stderr).not.toContain('processsecret');
  });
});
