/**
 * `npm start`: runs Slack and/or Discord when their variables are set, and the
 * interactive console when neither is. Set-up problems (content, database file,
 * configuration) print one clear line and exit 1.
 */
import { existsSync } from 'node:fs';
import { boot, exitOnSetupError, exitOnStartupFault, type Booted } from './boot.js';
import { runRepl } from './console/repl.js';
import { loadDiscordConfig } from './discord/config.js';
import { createLogger, LOG_LEVELS, type LogLevel } from './logger.js';
import { parseSlackConfig } from './slack/config.js';

function configError(message: string): Error {
  const error = new Error(message);
  error.name = 'ConfigError';
  return error;
}

interface Running {
  stop(): Promise<void>;
}

async function main(): Promise<void> {
  // A local .env is a convenience; real deployments set the environment.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const env = process.env;
  const level = env.LOG_LEVEL?.trim() || 'info';
  if (!LOG_LEVELS.includes(level as LogLevel)) exitOnSetupError(configError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${level}")`));
  const logger = createLogger({ level: level as LogLevel });

  let booted: Booted;
  let wanted: { slack: boolean; discord: boolean };
  const running: Running[] = [];
  try {
    // Configuration first: a half-set platform is refused before the database is opened and locked.
    wanted = { slack: parseSlackConfig(env) !== undefined, discord: loadDiscordConfig(env) !== undefined };
    booted = await boot(env, 'file');
  } catch (error) {
    exitOnStartupFault(error);
  }

  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const r of running) await r.stop().catch((error: unknown) => logger.error('stop failed', { error }));
    // A failed close means the last changes may not be on disk: say so in the exit code, for supervisors and scripts.
    const closed = await booted.close().then(
      () => true,
      (error: unknown) => {
        logger.error('closing the store failed: the last changes may not be saved', { error });
        return false;
      },
    );
    process.exit(closed ? code : 1);
  };
  // A stray rejection is a bug to log, not a reason to drop every user's session.
  process.on('unhandledRejection', (error) => logger.error('unhandled rejection', { error }));

  try {
    // Bolt and discord.js take about 0.3 s and 0.4 s to import: only load what is configured.
    if (wanted.slack) {
      const { startSlack } = await import('./slack/app.js');
      const slack = await startSlack({ assistant: booted.assistant, env, logger, readiness: () => booted.ready() });
      if (slack) running.push(slack);
    }
    if (wanted.discord) {
      const { startDiscord } = await import('./discord/bot.js');
      const discord = await startDiscord({ assistant: booted.assistant, env, logger });
      if (discord) running.push(discord);
    }
  } catch (error) {
    for (const r of running) await r.stop().catch(() => undefined);
    await booted.close().catch(() => undefined);
    // A port in use, a refused token, an unreachable API: one line naming what to check, exit 1.
    exitOnStartupFault(error);
  }

  if (running.length === 0) {
    await runRepl({ assistant: booted.assistant, roles: booted.roles, input: process.stdin, output: process.stdout, logger });
    await shutdown(0);
    return;
  }
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
}

await main();
