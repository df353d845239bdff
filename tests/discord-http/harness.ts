/**
 * The HTTP interactions server on 127.0.0.1 with a generated key, its webhook
 * fake, and a client signing like Discord.
 */
import type { AddressInfo } from 'node:net';
import { createDiscordHttpServer, type DiscordHttpOptions, type DiscordHttpServer } from '../../adapters/discord-http/server.js';
import type { Assistant } from '../../src/assistant.js';
import { APP_ID } from '../discord/fake-discord.js';
import { type MemoryLogger, memoryLogger } from '../discord/harness.js';
import { InteractionClient, type TestKeys, testKeys } from './client.js';
import { FakeWebhooks } from './fake-webhooks.js';

/** The bot token the tests configure: it must never reach a webhook call or a log line. */
export const BOT_TOKEN = 'fake-bot-token-never-sent';

export interface HttpHarness {
  app: DiscordHttpServer;
  address: AddressInfo;
  base: string;
  fake: FakeWebhooks;
  keys: TestKeys;
  client: InteractionClient;
  logger: MemoryLogger;
  close(): Promise<void>;
}

export async function startHttpHarness(
  assistant: Assistant,
  extra: Partial<Omit<DiscordHttpOptions, 'assistant' | 'config' | 'logger'>> = {},
): Promise<HttpHarness> {
  const fake = await new FakeWebhooks().start();
  const keys = testKeys();
  const logger = memoryLogger();
  const app = createDiscordHttpServer({
    assistant,
    config: {
      token: BOT_TOKEN,
      applicationId: APP_ID,
      apiUrl: fake.apiUrl,
      http: { publicKey: keys.publicHex, port: 0, host: '127.0.0.1', portSource: 'DISCORD_PORT' },
    },
    logger,
    rest: { retries: 0, timeout: 2000 },
    ...extra,
  });
  const address = await app.start();
  const base = `http://127.0.0.1:${address.port}`;
  return {
    app,
    address,
    base,
    fake,
    keys,
    client: new InteractionClient(`${base}/discord/interactions`, keys, fake),
    logger,
    async close() {
      await app.stop();
      await fake.stop();
    },
  };
}
