/**
 * A bot logged into the fake Discord, with a driver to act as users.
 */
import { createDiscordBot, type DiscordBot } from '../../adapters/discord/bot.js';
import type { Logger } from '../../adapters/logger.js';
import type { Assistant } from '../../src/assistant.js';
import { Driver } from './driver.js';
import { APP_ID, FakeDiscord } from './fake-discord.js';

/** Log lines kept in memory so tests can assert what was logged. */
export interface MemoryLogger extends Logger {
  lines: { level: string; msg: string; fields: Record<string, unknown> }[];
}

export function memoryLogger(): MemoryLogger {
  const lines: MemoryLogger['lines'] = [];
  const at =
    (level: string) =>
    (msg: string, fields: Record<string, unknown> = {}) =>
      void lines.push({ level, msg, fields });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export interface Harness {
  fake: FakeDiscord;
  bot: DiscordBot;
  driver: Driver;
  logger: MemoryLogger;
  close(): Promise<void>;
}

/** Starts a fake Discord and a bot logged into it. */
export async function startHarness(assistant: Assistant, options: { deferAfterMs?: number; fake?: FakeDiscord } = {}): Promise<Harness> {
  const fake = options.fake ?? (await new FakeDiscord().start());
  const logger = memoryLogger();
  const bot = createDiscordBot({
    assistant,
    config: { token: 'fake-token', applicationId: APP_ID, apiUrl: fake.apiUrl },
    logger,
    rest: { retries: 0, timeout: 2000 },
    ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
  });
  await bot.start();
  return {
    fake,
    bot,
    driver: new Driver(fake),
    logger,
    async close() {
      await bot.stop();
      if (!options.fake) await fake.stop();
    },
  };
}
