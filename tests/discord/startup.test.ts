/**
 * Discord start-up faults with real discord.js against the fake: a refused
 * token, an unreachable API, a gateway that never answers, and registration
 * refusals each become a StartupError naming what to check, never the token.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REST } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { isSetupError } from '../../adapters/boot.js';
import { createDiscordBot } from '../../adapters/discord/bot.js';
import type { DiscordConfig } from '../../adapters/discord/config.js';
import { registerCommands } from '../../adapters/discord/register.js';
import { discordStartupError } from '../../adapters/discord/startup.js';
import { silentLogger } from '../../adapters/logger.js';
import { fakeAssistant } from '../slack/fake-assistant.js';
import { APP_ID, FakeDiscord } from './fake-discord.js';

// Shaped like a real bot token, so nothing could mistake it for a word.
const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.GsEcRt.secretvalue-secretvalue-secretva';

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c().catch(() => undefined);
});

async function fake(): Promise<FakeDiscord> {
  const f = await new FakeDiscord().start();
  cleanup.push(() => f.stop());
  return f;
}

/** A port nothing listens on (closed right after the OS handed it out). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function checked(error: unknown): Error {
  expect(error).toBeInstanceOf(Error);
  const e = error as Error;
  expect(e.name).toBe('StartupError');
  expect(isSetupError(e)).toBe(true);
  expect(e.message).not.toContain('\n');
  expect(e.message).not.toContain('secretvalue');
  return e;
}

async function loginFault(config: Omit<DiscordConfig, 'token' | 'applicationId'>, readyTimeoutMs?: number): Promise<Error> {
  const bot = createDiscordBot({
    assistant: fakeAssistant(),
    config: { token: TOKEN, applicationId: APP_ID, ...config },
    logger: silentLogger,
    rest: { retries: 0, timeout: 2000 },
    ...(readyTimeoutMs === undefined ? {} : { readyTimeoutMs }),
  });
  cleanup.push(() => bot.stop());
  return checked(
    await bot.start().then(
      () => new Error('started'),
      (e: unknown) => e,
    ),
  );
}

describe('Discord login faults', () => {
  it('a token Discord refuses names DISCORD_TOKEN', async () => {
    const f = await fake();
    f.intercept((call, res) => {
      if (call.path !== '/gateway/bot') return false;
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"401: Unauthorized","code":0}');
      return true;
    });
    const error = await loginFault({ apiUrl: f.apiUrl });
    expect(error.message).toMatch(/^Discord refused DISCORD_TOKEN: check DISCORD_TOKEN is the bot token/);
  });

  it('an unreachable API names the address, the network and DISCORD_API_URL', async () => {
    const port = await closedPort();
    const error = await loginFault({ apiUrl: `http://127.0.0.1:${port}/api` });
    expect(error.message).toBe(
      `cannot reach the Discord API at http://127.0.0.1:${port}/api (ECONNREFUSED): check the network connection, any proxy or firewall, and DISCORD_API_URL`,
    );
  });

  it('a gateway that never answers fails start-up after the ready timeout instead of hanging', async () => {
    const f = await fake();
    const port = await closedPort();
    f.intercept((call, res) => {
      if (call.path !== '/gateway/bot') return false;
      const body = { url: `ws://127.0.0.1:${port}`, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      return true;
    });
    const started = Date.now();
    const error = await loginFault({ apiUrl: f.apiUrl }, 500);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error.message).toMatch(/^Discord's gateway did not answer within \d+ s: check the network connection/);
  });
});

describe('registration faults', () => {
  const register = async (config: DiscordConfig) => {
    const rest = new REST({ api: config.apiUrl ?? '', retries: 0, timeout: 2000 }).setToken(config.token);
    const options = { rest, applicationId: config.applicationId, commands: [], ...(config.guildId ? { guildId: config.guildId } : {}) };
    return registerCommands(options).then(
      () => new Error('registered'),
      (e: unknown) => discordStartupError(e, 'register', config),
    );
  };
  const refuse = (f: FakeDiscord, status: number, body: object) =>
    f.intercept((call, res) => {
      if (!call.path.endsWith('/commands')) return false;
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      return true;
    });

  it('401 names DISCORD_TOKEN', async () => {
    const f = await fake();
    refuse(f, 401, { message: '401: Unauthorized', code: 0 });
    const error = checked(await register({ token: TOKEN, applicationId: APP_ID, apiUrl: f.apiUrl }));
    expect(error.message).toMatch(/^Discord refused DISCORD_TOKEN \(401: Unauthorized\)/);
  });

  it('403 on a guild names DISCORD_GUILD_ID and the scope the bot needs', async () => {
    const f = await fake();
    refuse(f, 403, { message: 'Missing Access', code: 50001 });
    const error = checked(await register({ token: TOKEN, applicationId: APP_ID, guildId: '300000000000000001', apiUrl: f.apiUrl }));
    expect(error.message).toMatch(
      /\(Missing Access\): check DISCORD_APPLICATION_ID, and that DISCORD_GUILD_ID 300000000000000001 is a guild the bot was invited to with the applications\.commands scope$/,
    );
  });

  it('404 for the application names DISCORD_APPLICATION_ID', async () => {
    const f = await fake();
    refuse(f, 404, { message: 'Unknown Application', code: 10002 });
    const error = checked(await register({ token: TOKEN, applicationId: APP_ID, apiUrl: f.apiUrl }));
    expect(error.message).toMatch(/\(Unknown Application\): check DISCORD_APPLICATION_ID is the application of DISCORD_TOKEN/);
  });

  it('no network names DISCORD_API_URL', async () => {
    const port = await closedPort();
    const config = { token: TOKEN, applicationId: APP_ID, apiUrl: `http://127.0.0.1:${port}/api` };
    const error = checked(await register(config));
    expect(error.message).toMatch(/^cannot reach the Discord API at http:\/\/127\.0\.0\.1:\d+\/api \(ECONNREFUSED\)/);
  });

  it('leaves errors it does not recognise as they are', () => {
    const bug = new TypeError('x is not a function');
    expect(discordStartupError(bug, 'login', { token: TOKEN, applicationId: APP_ID })).toBe(bug);
  });
});
