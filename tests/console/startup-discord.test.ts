/**
 * End to end: `npm start` with Discord configured and `npm run discord:register`,
 * as real processes against local fakes: each start-up fault is one
 * `panelist:` line and exit 1.
 */
import { describe, expect, it } from 'vitest';
import { FakeDiscord } from '../discord/fake-discord.js';
import { APP_ID, cleanup, closedPort, DISCORD_TOKEN, faultLine, useStartupScratch } from './startup-faults.js';

useStartupScratch();

describe('npm start: Discord start-up faults', { timeout: 60_000 }, () => {
  it('a token Discord refuses', async () => {
    const fake = await new FakeDiscord().start();
    cleanup.push(() => fake.stop());
    fake.intercept((call, res) => {
      if (call.path !== '/gateway/bot') return false;
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"401: Unauthorized","code":0}');
      return true;
    });
    const line = await faultLine('adapters/main.ts', { DISCORD_TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl });
    expect(line).toMatch(/^panelist: Discord refused DISCORD_TOKEN: check DISCORD_TOKEN is the bot token/);
  });

  it('the Discord API unreachable', async () => {
    const port = await closedPort();
    const line = await faultLine('adapters/main.ts', { DISCORD_TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: `http://127.0.0.1:${port}/api` });
    expect(line).toBe(
      `panelist: cannot reach the Discord API at http://127.0.0.1:${port}/api (ECONNREFUSED): check the network connection, any proxy or firewall, and DISCORD_API_URL`,
    );
  });
});

describe('npm run discord:register faults', { timeout: 60_000 }, () => {
  it('without network', async () => {
    const port = await closedPort();
    const env = { DISCORD_TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_GUILD_ID: '300000000000000001', DISCORD_API_URL: `http://127.0.0.1:${port}/api` };
    const line = await faultLine('adapters/discord/register-cli.ts', env);
    expect(line).toBe(
      `panelist: cannot reach the Discord API at http://127.0.0.1:${port}/api (ECONNREFUSED): check the network connection, any proxy or firewall, and DISCORD_API_URL`,
    );
  });

  it('a refused token', async () => {
    const fake = await new FakeDiscord().start();
    cleanup.push(() => fake.stop());
    fake.intercept((_call, res) => {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"401: Unauthorized","code":0}');
      return true;
    });
    const line = await faultLine('adapters/discord/register-cli.ts', { DISCORD_TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl });
    expect(line).toMatch(/^panelist: Discord refused DISCORD_TOKEN \(401: Unauthorized\): check DISCORD_TOKEN/);
  });
});
