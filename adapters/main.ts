/**
 * `npm start`: runs every platform the environment configures (platforms.ts),
 * or the interactive console when none is. Set-up problems (content, database
 * file, configuration) print one clear line and exit 1.
 */
import { existsSync } from 'node:fs';
import { type Booted, boot, exitOnSetupError, exitOnStartupFault } from './boot.js';
import { createLogger, LOG_LEVELS, type LogLevel } from './logger.js';
import { chosenPlatforms, type Platform, type Running } from './platform.js';
import { PLATFORMS } from './platforms.js';

function configError(message: string): Error {
  const error = new Error(message);
  error.name = 'ConfigError';
  return error;
}

async function main(): Promise<void> {
  // A local .env is a convenience; real deployments set the environment.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const env = process.env;
  const level = env.LOG_LEVEL?.trim() || 'info';
  if (!LOG_LEVELS.includes(level as LogLevel)) exitOnSetupError(configError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${level}")`));
  const logger = createLogger({ level: level as LogLevel });

  let booted: Booted;
  let chosen: Platform[];
  const running: Running[] = [];
  try {
    // Configuration first: a half-set platform is refused before the database is opened and locked.
    chosen = chosenPlatforms(PLATFORMS, env);
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

  const deps = { assistant: booted.assistant, roles: booted.roles, env, logger, readiness: () => booted.ready() };
  try {
    for (const platform of chosen) running.push(await platform.start(deps));
  } catch (error) {
    for (const r of running) await r.stop().catch(() => undefined);
    await booted.close().catch(() => undefined);
    // A port in use, a refused token, an unreachable API: one line naming what to check, exit 1.
    exitOnStartupFault(error);
  }

  // A platform that ends by itself (the console, when its input ends) ends the process; servers run until a signal.
  const ends = running.flatMap((r) => (r.done ? [r.done] : []));
  if (ends.length > 0) {
    const code = await Promise.race(ends).then(
      () => 0,
      (error: unknown) => {
        logger.error('platform failed', { error });
        return 1;
      },
    );
    await shutdown(code);
    return;
  }
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
}

await main();
