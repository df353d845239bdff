/** Choosing the HTTP mode from the environment, and refusing what cannot work. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { loadDiscordConfig } from '../../adapters/discord/config.js';
import { discordPlatform } from '../../adapters/discord/platform.js';
import { parseDiscordHttpConfig, refusePortClash } from '../../adapters/discord-http/config.js';
import { startDiscordHttp } from '../../adapters/discord-http/server.js';
import { memoryLogger } from '../discord/harness.js';
import { makeTestAssistant } from '../helpers/assistant.js';
import { signed, testKeys } from './client.js';

const KEY = 'A'.repeat(64);
const BASE = { DISCORD_TOKEN: 'tok', DISCORD_APPLICATION_ID: '123456789012345678' };
const SLACK_HTTP = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret' };

describe('Discord HTTP configuration', () => {
  it('stays on the gateway without DISCORD_PUBLIC_KEY, and ignores PORT there', () => {
    expect(loadDiscordConfig({ ...BASE, PORT: 'nope' })?.http).toBeUndefined();
    expect(parseDiscordHttpConfig({ DISCORD_PUBLIC_KEY: '  ' })).toBeUndefined();
  });

  it('chooses HTTP with the key: DISCORD_PORT, else PORT, else 3000; HOST like Slack', () => {
    expect(loadDiscordConfig({ ...BASE, DISCORD_PUBLIC_KEY: KEY })?.http).toEqual({
      publicKey: 'a'.repeat(64),
      port: 3000,
      portSource: 'default',
      host: '0.0.0.0',
    });
    expect(parseDiscordHttpConfig({ DISCORD_PUBLIC_KEY: KEY, PORT: '8080', HOST: '127.0.0.1' })).toMatchObject({
      port: 8080,
      portSource: 'PORT',
      host: '127.0.0.1',
    });
    expect(parseDiscordHttpConfig({ DISCORD_PUBLIC_KEY: KEY, PORT: '8080', DISCORD_PORT: '8081' })).toMatchObject({ port: 8081, portSource: 'DISCORD_PORT' });
  });

  it('refuses a malformed key or port, naming the variable (never the value)', () => {
    expect(() => loadDiscordConfig({ ...BASE, DISCORD_PUBLIC_KEY: 'abc123' })).toThrow(/DISCORD_PUBLIC_KEY must be the 64 hex characters/);
    expect(() => loadDiscordConfig({ ...BASE, DISCORD_PUBLIC_KEY: `${'g'.repeat(64)}` })).toThrow(/DISCORD_PUBLIC_KEY/);
    expect(() => loadDiscordConfig({ ...BASE, DISCORD_PUBLIC_KEY: KEY, DISCORD_PORT: '70000' })).toThrow(/DISCORD_PORT must be a whole number/);
    expect(() => loadDiscordConfig({ ...BASE, DISCORD_PUBLIC_KEY: KEY, PORT: '0x10' })).toThrow(/PORT must be/);
    expect(() => loadDiscordConfig({ ...BASE, DISCORD_PORT: '3001' })).toThrow(/set DISCORD_PUBLIC_KEY too/);
    try {
      loadDiscordConfig({ ...BASE, DISCORD_PUBLIC_KEY: 'secret-looking-value' });
    } catch (error) {
      expect((error as Error).name).toBe('ConfigError');
      expect((error as Error).message).not.toContain('secret-looking-value');
    }
  });

  it('needs the token and application id with the key', () => {
    expect(() => loadDiscordConfig({ DISCORD_PUBLIC_KEY: KEY })).toThrow(/DISCORD_TOKEN and DISCORD_APPLICATION_ID/);
  });

  it('refuses sharing a port with Slack HTTP mode in the same process', () => {
    expect(() => discordPlatform.configured({ ...BASE, ...SLACK_HTTP, DISCORD_PUBLIC_KEY: KEY })).toThrow(/set DISCORD_PORT to another port/);
    expect(() => discordPlatform.configured({ ...BASE, ...SLACK_HTTP, PORT: '4000', DISCORD_PUBLIC_KEY: KEY, DISCORD_PORT: '4000' })).toThrow(
      /DISCORD_PORT is 4000/,
    );
    expect(discordPlatform.configured({ ...BASE, ...SLACK_HTTP, DISCORD_PUBLIC_KEY: KEY, DISCORD_PORT: '3001' })).toBe(true);
    // Socket Mode listens on nothing: no clash.
    expect(discordPlatform.configured({ ...BASE, SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', DISCORD_PUBLIC_KEY: KEY })).toBe(true);
    const http = parseDiscordHttpConfig({ DISCORD_PUBLIC_KEY: KEY })!;
    expect(() => refusePortClash({ ...SLACK_HTTP }, http)).toThrow(/the default/);
  });

  it('npm start serves POST /discord/interactions instead of the gateway when DISCORD_PUBLIC_KEY is set', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const keys = testKeys();
    const { assistant, roles } = await makeTestAssistant();
    const logger = memoryLogger();
    // DISCORD_API_URL points at nothing: no gateway or REST call is made at start-up.
    const env = { ...BASE, DISCORD_PUBLIC_KEY: keys.publicHex, DISCORD_PORT: String(port), HOST: '127.0.0.1', DISCORD_API_URL: 'http://127.0.0.1:9/api' };
    const running = await discordPlatform.start({ assistant, roles, env, logger, readiness: async () => ({ ok: false, reason: 'store degraded' }) });
    try {
      const body = JSON.stringify({ id: '1', application_id: BASE.DISCORD_APPLICATION_ID, type: 1, token: 't', version: 1 });
      const res = await fetch(`http://127.0.0.1:${port}/discord/interactions`, { method: 'POST', headers: signed(keys, body), body });
      expect(await res.json()).toEqual({ type: 1 });
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.text()).toContain('store degraded');
      expect(logger.lines.find((l) => l.msg === 'discord listening')?.fields).toMatchObject({ mode: 'http', port, path: '/discord/interactions' });
      expect(running.outbox).toBeDefined();
    } finally {
      await running.stop();
    }
  });

  it('names DISCORD_PORT when its port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const port = (taken.address() as AddressInfo).port;
    const { assistant } = await makeTestAssistant();
    const config = {
      token: 't',
      applicationId: '123456789012345678',
      http: { publicKey: 'a'.repeat(64), port, host: '127.0.0.1', portSource: 'DISCORD_PORT' as const },
    };
    await expect(startDiscordHttp({ assistant, config, logger: memoryLogger() })).rejects.toThrow(
      new RegExp(`port ${port} is already in use.*set DISCORD_PORT`),
    );
    await new Promise<void>((r) => taken.close(() => r()));
  });
});
