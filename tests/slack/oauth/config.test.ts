/** SLACK_CLIENT_ID & co.: OAuth only when complete, refusals that name what is missing, and single-workspace mode unchanged. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../adapters/logger.js';
import { createSlackApp } from '../../../adapters/slack/app.js';
import { parseSlackConfig } from '../../../adapters/slack/config.js';
import { fakeAssistant } from '../fake-assistant.js';

const KEY = randomBytes(32);
const OAUTH = {
  SLACK_SIGNING_SECRET: 'signing-secret',
  SLACK_CLIENT_ID: '1234.5678',
  SLACK_CLIENT_SECRET: 'client-secret-value',
  SLACK_STATE_SECRET: 'state-secret-0123456789',
  SLACK_TOKEN_KEY: KEY.toString('base64'),
};

describe('parseSlackConfig with OAuth', () => {
  it('turns on OAuth over HTTP with every variable, the key decoded, the public URL trimmed', () => {
    const config = parseSlackConfig({ ...OAUTH, SLACK_PUBLIC_URL: 'https://bot.example.com/', SLACK_API_URL: 'http://127.0.0.1:9/api' });
    expect(config).toMatchObject({ mode: 'http', signingSecret: 'signing-secret', apiUrl: 'http://127.0.0.1:9/api/' });
    expect(config?.botToken).toBeUndefined();
    expect(config?.oauth).toEqual({
      clientId: '1234.5678',
      clientSecret: 'client-secret-value',
      stateSecret: 'state-secret-0123456789',
      tokenKey: KEY,
      publicUrl: 'https://bot.example.com',
    });
    expect(parseSlackConfig({ ...OAUTH, SLACK_TOKEN_KEY: KEY.toString('hex') })?.oauth?.tokenKey).toEqual(KEY);
  });

  it.each([
    ['SLACK_CLIENT_SECRET', { SLACK_CLIENT_SECRET: '' }],
    ['SLACK_STATE_SECRET and SLACK_TOKEN_KEY', { SLACK_STATE_SECRET: undefined, SLACK_TOKEN_KEY: ' ' }],
    ['SLACK_CLIENT_ID', { SLACK_CLIENT_ID: undefined }],
    ['SLACK_SIGNING_SECRET', { SLACK_SIGNING_SECRET: undefined }],
  ])('refuses a half-set OAuth configuration, naming %s', (names, over) => {
    const env = { ...OAUTH, ...over };
    expect(() => parseSlackConfig(env)).toThrow(`Slack OAuth (many workspaces) is half configured: missing ${names}`);
    try {
      parseSlackConfig(env);
    } catch (error) {
      expect((error as Error).name).toBe('ConfigError');
      // Names, never values.
      for (const value of Object.values(OAUTH)) expect((error as Error).message).not.toContain(value);
    }
  });

  it('refuses a wrong-length or malformed SLACK_TOKEN_KEY clearly', () => {
    for (const bad of [randomBytes(16).toString('base64'), randomBytes(31).toString('hex'), 'not a key']) {
      expect(() => parseSlackConfig({ ...OAUTH, SLACK_TOKEN_KEY: bad })).toThrow(/SLACK_TOKEN_KEY must be 32 bytes: 64 hex digits or base64/);
    }
  });

  it('refuses a short state secret and a public URL with a query', () => {
    expect(() => parseSlackConfig({ ...OAUTH, SLACK_STATE_SECRET: 'short' })).toThrow(/SLACK_STATE_SECRET must be at least 16 characters/);
    expect(() => parseSlackConfig({ ...OAUTH, SLACK_PUBLIC_URL: 'https://bot.example.com/?x=1' })).toThrow(/SLACK_PUBLIC_URL must be/);
    expect(() => parseSlackConfig({ ...OAUTH, SLACK_PUBLIC_URL: 'bot.example.com' })).toThrow(/SLACK_PUBLIC_URL must be/);
  });

  it('refuses OAuth beside a single bot token, or in Socket Mode', () => {
    expect(() => parseSlackConfig({ ...OAUTH, SLACK_BOT_TOKEN: 'xoxb-1-abc' })).toThrow(/both SLACK_BOT_TOKEN .* and SLACK_CLIENT_ID/);
    expect(() => parseSlackConfig({ ...OAUTH, SLACK_APP_TOKEN: 'xapp-1-abc' })).toThrow(/HTTP mode only: unset SLACK_APP_TOKEN/);
  });

  it('leaves single-workspace mode exactly as it was (a public URL alone changes nothing)', () => {
    const single = { mode: 'http', botToken: 'xoxb-1-abc', signingSecret: 's', port: 3000, host: '0.0.0.0' };
    expect(parseSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1-abc', SLACK_SIGNING_SECRET: 's' })).toEqual(single);
    expect(parseSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1-abc', SLACK_SIGNING_SECRET: 's', SLACK_PUBLIC_URL: 'https://x.example.com' })).toEqual(single);
    expect(() => parseSlackConfig({ SLACK_PUBLIC_URL: 'https://x.example.com' })).toThrow(/missing SLACK_BOT_TOKEN/);
  });
});

describe('createSlackApp with OAuth', () => {
  it('refuses to start without a database for the installations', () => {
    const config = parseSlackConfig(OAUTH)!;
    expect(() => createSlackApp({ assistant: fakeAssistant(), config, logger: silentLogger })).toThrow(/needs a database/);
  });

  it('hands out SLACK_BOT_TOKEN for every workspace in single-workspace mode', async () => {
    const config = parseSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1-abc', SLACK_SIGNING_SECRET: 's' })!;
    const slack = createSlackApp({ assistant: fakeAssistant(), config, logger: silentLogger });
    expect(await slack.tokens.botTokenFor('T1')).toBe('xoxb-1-abc');
    expect(await slack.tokens.botTokenFor('T2', 'E1')).toBe('xoxb-1-abc');
  });
});
