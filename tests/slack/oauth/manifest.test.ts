/** The manifest of an app installed in many workspaces: its redirect URL and the events that uninstall it. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildManifest, OAUTH_BOT_EVENTS } from '../../../adapters/slack/manifest.js';
import { makeTestAssistant } from '../../helpers/assistant.js';

const run = (args: string[], env: Record<string, string> = {}) =>
  promisify(execFile)('npx', ['tsx', 'adapters/slack/manifest-cli.ts', ...args], {
    cwd: process.cwd(),
    env: { ...process.env, SLACK_APP_TOKEN: '', SLACK_CLIENT_ID: '', SLACK_PUBLIC_URL: '', ...env },
  });

describe('buildManifest with OAuth', () => {
  it('adds the redirect URL and subscribes to app_uninstalled and tokens_revoked at the request URL', async () => {
    const { assistant } = await makeTestAssistant();
    const m = buildManifest(assistant.commands, {
      socketMode: false,
      requestUrl: 'https://bot.example.com/slack/events',
      oauth: { redirectUrl: 'https://bot.example.com/slack/oauth_redirect' },
    });
    expect(m.oauth_config.redirect_urls).toEqual(['https://bot.example.com/slack/oauth_redirect']);
    expect(m.settings.event_subscriptions).toEqual({ request_url: 'https://bot.example.com/slack/events', bot_events: ['app_uninstalled', 'tokens_revoked'] });
    expect([...OAUTH_BOT_EVENTS]).toEqual(['app_uninstalled', 'tokens_revoked']);
  });

  it('adds neither without OAuth', async () => {
    const { assistant } = await makeTestAssistant();
    const m = buildManifest(assistant.commands, { socketMode: false, requestUrl: 'https://bot.example.com/slack/events' });
    expect(m.oauth_config.redirect_urls).toBeUndefined();
    expect(m.settings.event_subscriptions).toBeUndefined();
  });
});

describe('npm run slack:manifest with OAuth', () => {
  it('takes the public URL from --public-url, for the redirect and the request URLs', async () => {
    const { stdout } = await run(['--oauth', '--public-url', 'https://bot.example.com/']);
    const m = JSON.parse(stdout) as ReturnType<typeof buildManifest>;
    expect(m.oauth_config.redirect_urls).toEqual(['https://bot.example.com/slack/oauth_redirect']);
    expect(m.settings.event_subscriptions?.request_url).toBe('https://bot.example.com/slack/events');
    expect(m.settings.interactivity.request_url).toBe('https://bot.example.com/slack/events');
  });

  it('turns OAuth on when SLACK_CLIENT_ID is set, the base from SLACK_PUBLIC_URL or --url', async () => {
    const fromEnv = JSON.parse((await run([], { SLACK_CLIENT_ID: '1.2', SLACK_PUBLIC_URL: 'https://env.example.com' })).stdout) as ReturnType<
      typeof buildManifest
    >;
    expect(fromEnv.oauth_config.redirect_urls).toEqual(['https://env.example.com/slack/oauth_redirect']);
    const fromUrl = JSON.parse((await run(['--url', 'https://u.example.com/slack/events'], { SLACK_CLIENT_ID: '1.2' })).stdout) as ReturnType<
      typeof buildManifest
    >;
    expect(fromUrl.oauth_config.redirect_urls).toEqual(['https://u.example.com/slack/oauth_redirect']);
    expect(fromUrl.settings.event_subscriptions?.bot_events).toEqual(['app_uninstalled', 'tokens_revoked']);
  });

  it('refuses OAuth with Socket Mode', async () => {
    await expect(run(['--oauth', '--socket'])).rejects.toMatchObject({ stderr: expect.stringContaining('HTTP mode only') });
  });
});
