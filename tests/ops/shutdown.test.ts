/**
 * `npm start` as a real process: SIGTERM while a request is in flight lets it
 * finish (the reply reaches Slack's response_url), then exits 0; OPS_PORT
 * serves the probes and /metrics for the console, which SIGTERM also stops.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { finished, startTs } from '../console/spawn.js';
import { cleanup, closedPort, listening, runEnv, SIGNING, SLACK_TOKEN, useStartupScratch } from '../console/startup-faults.js';
import { actionBody, sign, startFakeSlackApi, until } from '../slack/fakes.js';

useStartupScratch();

/** Resolves once `text()` matches `pattern`, or rejects when the process exits first. */
function waitFor(text: () => string, pattern: RegExp, exited: Promise<unknown>): Promise<void> {
  return Promise.race([
    until(() => (pattern.test(text()) ? true : undefined), String(pattern), 30_000).then(() => undefined),
    exited.then(() => Promise.reject(new Error(`exited: ${text()}`))),
  ]);
}

describe('SIGTERM', { timeout: 60_000 }, () => {
  it('waits for the request in flight to be answered, then exits 0', async () => {
    const api = await startFakeSlackApi();
    cleanup.push(() => api.close());
    // A response_url that holds its answer until released: the request stays in flight meanwhile.
    let held: { req: IncomingMessage; res: ServerResponse } | undefined;
    let answeredAt = 0;
    const responses = createServer((req, res) => {
      req.resume();
      req.on('end', () => (held = { req, res }));
    });
    const rport = await listening(responses);
    const port = await closedPort();
    const env = runEnv({ SLACK_BOT_TOKEN: SLACK_TOKEN, SLACK_SIGNING_SECRET: SIGNING, HOST: '127.0.0.1', PORT: String(port), SLACK_API_URL: api.url });
    const child = startTs('adapters/main.ts', [], env);
    const done = finished(child);
    let exitedAt = 0;
    void done.then(() => (exitedAt = Date.now()));
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.stdin.end();
    await waitFor(() => stderr, /HTTP mode listening/, done);

    const body = actionBody({ action_id: 'gone', value: 'devops|zz|1' }, `http://127.0.0.1:${rport}/r/1`);
    const ts = Math.floor(Date.now() / 1000);
    const ack = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign(body, ts, SIGNING) },
      body,
    });
    expect(ack.status).toBe(200);
    await until(() => held, 'the reply at the response_url', 10_000);
    child.kill('SIGTERM');
    await waitFor(() => stderr, /"msg":"shutting down"/, done);
    // Still running while the reply is in flight.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(exitedAt).toBe(0);
    answeredAt = Date.now();
    held!.res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    const run = await done;
    expect(run.code, run.stderr).toBe(0);
    expect(exitedAt).toBeGreaterThanOrEqual(answeredAt);
    const shutting = run.stderr.split('\n').find((l) => l.includes('"msg":"shutting down"'));
    expect(JSON.parse(shutting!)).toMatchObject({ inFlight: 1, timeoutMs: 10_000 });
    expect(run.stderr).not.toContain('still in flight');
    expect(run.stderr).not.toContain('processsecret');
  });
});

describe('OPS_PORT', { timeout: 60_000 }, () => {
  it('serves /healthz, /readyz and /metrics beside the console, and SIGTERM exits 0', async () => {
    const ops = await closedPort();
    const child = startTs('adapters/main.ts', [], runEnv({ OPS_PORT: String(ops), HOST: '127.0.0.1' }));
    const done = finished(child);
    cleanup.push(async () => {
      child.kill('SIGKILL');
      await done;
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    await waitFor(() => stderr, /"msg":"ops: listening"/, done);
    expect((await fetch(`http://127.0.0.1:${ops}/healthz`)).status).toBe(200);
    const ready = await fetch(`http://127.0.0.1:${ops}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
    const metrics = await (await fetch(`http://127.0.0.1:${ops}/metrics`)).text();
    expect(metrics).toContain('panelist_requests_total');
    expect(metrics).toContain('process_resident_memory_bytes');
    child.kill('SIGTERM');
    const run = await done;
    expect(run.code, run.stderr).toBe(0);
  });

  it('refuses an OPS_PORT that is not a port with one line and exit 1', async () => {
    const child = startTs('adapters/main.ts', [], runEnv({ OPS_PORT: 'nine' }));
    child.stdin.end();
    const run = await finished(child);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('panelist: ops configuration is invalid: OPS_PORT must be a whole number from 1 to 65535');
  });
});
