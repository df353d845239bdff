/** Slack configuration from the environment, and startSlack's contract. */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../adapters/logger.js';
import { startSlack } from '../../adapters/slack/app.js';
import { parseSlackConfig } from '../../adapters/slack/config.js';
import { fakeAssistant } from './fake-assistant.js';
import { startFakeSlackApi } from './fakes.js';

/** A port that was free a moment ago (the OS picks it). */
async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const BOT = 'xoxb-1-secretvalue';
const APP = 'xapp-1-secretvalue';

describe('parseSlackConfig', () => {
  it('is off when no Slack variable is set (empty counts as unset)', () => {
    expect(parseSlackConfig({})).toBeUndefined();
    expect(parseSlackConfig({ SLACK_APP_TOKEN: '', PORT: 'not-a-port' })).toBeUndefined();
  });

  it('runs HTTP with a bot token and signing secret, on PORT (default 3000) and HOST (default 0.0.0.0)', () => {
    expect(parseSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 's' })).toEqual({
      mode: 'http',
      botToken: BOT,
      signingSecret: 's',
      port: 3000,
      host: '0.0.0.0',
    });
    expect(parseSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 's', PORT: '8080' })?.port).toBe(8080);
    expect(parseSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 's', PORT: ' 65535 ' })?.port).toBe(65535);
    expect(parseSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 's', PORT: '1' })?.port).toBe(1);
  });

  it('treats a blank PORT as unset (3000), never as port 0 (a random port)', () => {
    for (const PORT of ['', ' ', '\t']) expect(parseSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 's', PORT })?.port).toBe(3000);
  });

  it.each(['0', '0xb864', '0b1', '0o17', '1e3', '80.0', '+80', '-1', '65536', '99999', '8080abc', 'eighty', '80 80', 'Infinity'])(
    'refuses PORT=%j: a whole number from 1 to 65535 only',
    (PORT) => {
      expect(() => parseSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 's', PORT })).toThrow(/PORT must be a whole number from 1 to 65535/);
    },
  );

  it('listens on HOST: IP addresses and host names, blank for the default', () => {
    const host = (HOST: string) => parseSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 's', HOST })?.host;
    expect(host('127.0.0.1')).toBe('127.0.0.1');
    expect(host(' ::1 ')).toBe('::1');
    expect(host('localhost')).toBe('localhost');
    expect(host('panelist.internal')).toBe('panelist.internal');
    expect(host(' ')).toBe('0.0.0.0');
    for (const bad of ['http://0.0.0.0', '0.0.0.0:3000', 'two words', '-leading.dash', 'under_score.example'])
      expect(() => host(bad), bad).toThrow(/HOST must be an IP address or a host name/);
  });

  it('runs Socket Mode when an app token is added', () => {
    const c = parseSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 's', SLACK_APP_TOKEN: APP });
    expect(c).toMatchObject({ mode: 'socket', appToken: APP });
    expect(parseSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP })?.mode).toBe('socket');
  });

  it('takes SLACK_API_URL as the Web API base, ending in a slash', () => {
    expect(parseSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'http://127.0.0.1:9/api' })?.apiUrl).toBe(
      'http://127.0.0.1:9/api/',
    );
  });

  it.each([
    [{ SLACK_BOT_TOKEN: BOT }, /SLACK_SIGNING_SECRET.*SLACK_APP_TOKEN/],
    [{ SLACK_SIGNING_SECRET: 's' }, /SLACK_BOT_TOKEN/],
    [{ SLACK_APP_TOKEN: APP }, /SLACK_BOT_TOKEN/],
    [{ SLACK_API_URL: 'http://x/' }, /SLACK_BOT_TOKEN/],
    [{ SLACK_BOT_TOKEN: APP, SLACK_SIGNING_SECRET: 's' }, /SLACK_BOT_TOKEN must be a bot token/],
    [{ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: BOT }, /SLACK_APP_TOKEN must be an app-level token/],
    [{ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 's', PORT: '99999' }, /PORT/],
  ])('refuses a half-set or malformed configuration, naming the variable: %j', (env, message) => {
    let error: unknown;
    try {
      parseSlackConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('ConfigError');
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('secretvalue');
  });
});

describe('startSlack', () => {
  it('is undefined when Slack is not configured, and throws on a half-set one', async () => {
    expect(await startSlack({ assistant: fakeAssistant(), env: {}, logger: silentLogger })).toBeUndefined();
    await expect(startSlack({ assistant: fakeAssistant(), env: { SLACK_BOT_TOKEN: BOT }, logger: silentLogger })).rejects.toThrow(/SLACK_SIGNING_SECRET/);
  });

  it('starts HTTP mode against SLACK_API_URL on PORT and HOST, and stops', async () => {
    const api = await startFakeSlackApi();
    const lines: string[] = [];
    const { createLogger } = await import('../../adapters/logger.js');
    const port = await freePort();
    const running = await startSlack({
      assistant: fakeAssistant(),
      env: { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 's', SLACK_API_URL: api.url, PORT: String(port), HOST: '127.0.0.1' },
      logger: createLogger({ write: (l) => lines.push(l) }),
    });
    expect(running).toBeDefined();
    expect(api.calls.map((c) => c.method)).toContain('auth.test');
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    const started = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => String(l.msg).includes('HTTP mode'));
    expect(started).toMatchObject({ host: '127.0.0.1', port });
    expect(lines.join('\n')).not.toContain('secretvalue');
    await running!.stop();
    await api.close();
  });
});
