/**
 * The HTTP endpoint's guard and probes, with real Bolt on 127.0.0.1: a body
 * over the limit is refused before it is read, every malformed signed body
 * gets an answer at once (never a hang or Bolt's 404 after 3 s), and
 * `/readyz` reports readiness.
 */
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES, LINGER_MS } from '../../adapters/slack/receiver.js';
import { fakeAssistant } from './fake-assistant.js';
import { commandBody, postSigned, sign } from './fakes.js';
import { type Harness, startHarness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/**
 * Writes a raw HTTP request (head, then optional body writes); resolves with
 * the status line, how long it took, and whether the server then ended the
 * connection within LINGER_MS and a margin.
 */
function rawRequest(port: number, head: string, body?: (write: (chunk: string) => boolean) => void): Promise<{ status: string; ms: number; closed: boolean }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let status = '';
    let ms = 0;
    const done = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ status, ms, closed });
    };
    socket.on('data', (d: Buffer) => {
      received += d.toString('latin1');
      if (!status && received.includes('\r\n')) {
        status = received.split('\r\n')[0]!;
        ms = Date.now() - started;
      }
    });
    socket.on('close', () => done(true));
    socket.on('error', () => undefined);
    const timer = setTimeout(() => done(false), LINGER_MS + 1500);
    socket.write(head);
    body?.((chunk) => !socket.destroyed && socket.write(chunk));
  });
}

const form = (o: unknown) => `payload=${encodeURIComponent(JSON.stringify(o))}`;

describe('body limit', () => {
  it("is well below Bolt's 4 MB and above anything Slack sends", () => {
    expect(BODY_LIMIT_BYTES).toBeLessThanOrEqual(1024 * 1024);
    expect(BODY_LIMIT_BYTES).toBeGreaterThanOrEqual(256 * 1024);
  });

  it('refuses a declared Content-Length over the limit with 413 before any body is sent, and closes', async () => {
    h = await startHarness(fakeAssistant());
    const head = `POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${2 * 1024 * 1024}\r\n\r\n`;
    const res = await rawRequest(h.slack.address()!.port, head);
    expect(res.status).toBe('HTTP/1.1 413 Payload Too Large');
    expect(res.ms).toBeLessThan(1000);
    // The body never comes: the server gives up on the connection instead of waiting for it.
    expect(res.closed).toBe(true);
    expect(h.logs.some((l) => l.includes('request body too large'))).toBe(true);
  });

  it('cuts off a chunked body as soon as it passes the limit', async () => {
    h = await startHarness(fakeAssistant(), { bodyLimit: 64 * 1024 });
    const head = 'POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n';
    const chunk = 'a'.repeat(16 * 1024);
    const res = await rawRequest(h.slack.address()!.port, head, (write) => {
      // 160 KB and never the end of the body: only the cap can answer it.
      for (let i = 0; i < 10; i += 1) write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    });
    expect(res.status).toBe('HTTP/1.1 413 Payload Too Large');
    expect(res.ms).toBeLessThan(1000);
    expect(res.closed).toBe(true);
  });

  it('refuses a large body from an ordinary client, and still serves one under the limit', async () => {
    h = await startHarness(fakeAssistant(), { bodyLimit: 32 * 1024 });
    const big = await fetch(h.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `a=${'b'.repeat(40 * 1024)}` });
    expect(big.status).toBe(413);
    const url = h.responses.next();
    const ok = await postSigned(h.url, commandBody('test-echo', 'x'.repeat(20 * 1024), url));
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text).text).toContain('xxxx');
  });
});

describe('malformed signed bodies', () => {
  const cases: [string, string][] = [
    ['payload=null', 'payload=null'],
    ['payload=1', 'payload=1'],
    ['payload="text"', form('text')],
    ['payload=[]', form([])],
    ['payload={}', form({})],
    ['payload=not json', 'payload=not%20json'],
    ['two payload fields', `${form({ type: 'block_actions' })}&${form({ type: 'block_actions' })}`],
    ['an empty body', ''],
    ['neither command nor payload', 'a=b'],
    ['a command given twice', 'command=%2Ftest-echo&command=%2Ftest-echo'],
    ['block_actions without actions', form({ type: 'block_actions', user: { id: 'U1' } })],
    ['block_actions with empty actions', form({ type: 'block_actions', user: { id: 'U1' }, actions: [] })],
    ['block_actions with a null action', form({ type: 'block_actions', user: { id: 'U1' }, actions: [null] })],
    ['block_actions without a user', form({ type: 'block_actions', actions: [{ action_id: 'ok' }] })],
    ['view_submission without a view', form({ type: 'view_submission', user: { id: 'U1' } })],
    ['view_submission without a callback id', form({ type: 'view_submission', user: { id: 'U1' }, view: {} })],
    ['an unsupported type', form({ type: 'shortcut', callback_id: 'x', user: { id: 'U1' } })],
  ];

  it.each(cases)('answers 400 at once to %s, and keeps serving', async (_label, body) => {
    const assistant = fakeAssistant();
    h = await startHarness(assistant);
    const started = Date.now();
    const res = await postSigned(h.url, body);
    expect(res.status).toBe(400);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(assistant.requests).toHaveLength(0);
    expect(h.logs.some((l) => l.includes('malformed request refused'))).toBe(true);
    expect((await h.command('test-echo', 'still fine')).text).toContain('still fine');
  });

  it.each(['null', '1', '[]', '{}', '"x"'])('answers 400 at once to the JSON body %s', async (body) => {
    h = await startHarness(fakeAssistant());
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = { 'content-type': 'application/json', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': sign(body, timestamp) };
    const started = Date.now();
    const res = await fetch(h.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(2500) });
    expect(res.status).toBe(400);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("still answers 401 to an unsigned malformed body, and serves Slack's handshakes", async () => {
    h = await startHarness(fakeAssistant());
    expect((await postSigned(h.url, 'payload=null', { omitHeaders: true })).status).toBe(401);
    expect((await postSigned(h.url, 'payload=null', { secret: 'wrong' })).status).toBe(401);
    // Unsigned by design: Slack checks the certificate with it.
    expect((await postSigned(h.url, 'ssl_check=1', { omitHeaders: true })).status).toBe(200);
    const timestamp = Math.floor(Date.now() / 1000);
    const challenge = JSON.stringify({ type: 'url_verification', challenge: 'abc', token: 'legacy' });
    const res = await fetch(h.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': sign(challenge, timestamp) },
      body: challenge,
    });
    expect(await res.json()).toEqual({ challenge: 'abc' });
  });

  it('passes a well-formed command the app does not have to the core at once, instead of a 404 after 3 s', async () => {
    const assistant = fakeAssistant();
    h = await startHarness(assistant);
    const started = Date.now();
    const res = await postSigned(h.url, commandBody('gone-role-quiz', 'start', h.responses.next()));
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(assistant.requests[0]).toMatchObject({ type: 'command', command: 'gone-role-quiz', text: 'start' });
    // Known commands still reach their own listener, once.
    await h.command('test-echo', 'once');
    expect(assistant.requests.filter((r) => r.type === 'command' && r.command === 'test-echo')).toHaveLength(1);
  });
});

describe('GET /readyz', () => {
  const readyz = async (harness: Harness) => {
    const res = await fetch(new URL('/readyz', harness.url));
    return { status: res.status, text: await res.text() };
  };

  it('answers 200 when the readiness check passes, unsigned, beside /healthz', async () => {
    h = await startHarness(fakeAssistant(), { readiness: () => ({ ok: true }) });
    expect(await readyz(h)).toEqual({ status: 200, text: '{"status":"ready"}' });
    expect((await fetch(new URL('/healthz', h.url))).status).toBe(200);
  });

  it('answers 503 with the reason when it fails, throws or hangs, and 200 again once it passes', async () => {
    let verdict: () => Promise<{ ok: boolean; reason?: string }> = async () => ({ ok: false, reason: 'store failing: disk full' });
    h = await startHarness(fakeAssistant(), { readiness: () => verdict() });
    expect(await readyz(h)).toEqual({ status: 503, text: '{"status":"not ready","reason":"store failing: disk full"}' });
    verdict = async () => {
      throw new Error('probe exploded');
    };
    expect(await readyz(h)).toEqual({ status: 503, text: '{"status":"not ready","reason":"readiness check failed: probe exploded"}' });
    verdict = () => new Promise(() => undefined);
    const started = Date.now();
    expect(await readyz(h)).toEqual({ status: 503, text: '{"status":"not ready","reason":"readiness check timed out"}' });
    expect(Date.now() - started).toBeLessThan(3000);
    verdict = async () => ({ ok: true });
    expect((await readyz(h)).status).toBe(200);
  });
});
