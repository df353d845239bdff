/**
 * `npm start`: runs every platform the environment configures (platforms.ts),
 * or the interactive console when none is. Set-up problems (content, database
 * file, configuration) print one clear line and exit 1.
 */
import { existsSync } from 'node:fs';
import { type Booted, boot, exitOnSetupError, exitOnStartupFault } from './boot.js';
import { createLogger, LOG_LEVELS, type LogLevel } from './logger.js';
import { processMetrics } from './metrics.js';
import { createOpsHandler, type OpsServer, parseOpsConfig, startOpsServer } from './ops-http.js';
import { chosenPlatforms, type Platform, type Running } from './platform.js';
import { PLATFORMS } from './platforms.js';
import { watchServing } from './serve.js';
import { createInFlight, shutdownTimeoutMs } from './shutdown.js';
import { startTicker, type Ticker } from './ticker.js';

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
  let ops: ReturnType<typeof parseOpsConfig>;
  let drainMs: number;
  const running: Running[] = [];
  // Every request served is counted (GET /metrics) and tracked, so SIGTERM can wait for the ones in flight.
  const metrics = processMetrics();
  const inFlight = createInFlight();
  watchServing(metrics.watcher);
  watchServing(inFlight.watcher);
  try {
    // Configuration first: a half-set platform is refused before the database is opened and locked.
    chosen = chosenPlatforms(PLATFORMS, env);
    ops = parseOpsConfig(env);
    drainMs = shutdownTimeoutMs(env);
    booted = await boot(env, 'file', { wrapStore: (store) => metrics.observeStore(store) });
  } catch (error) {
    exitOnStartupFault(error);
  }

  let stopping = false;
  let ticker: Ticker | undefined;
  let opsServer: OpsServer | undefined;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { inFlight: inFlight.count(), timeoutMs: drainMs });
    // No more reveals or posts once stopping: a step left half done is finished by the next process (or another replica).
    await ticker?.stop();
    // Stop accepting, then let what was accepted finish: its answers are built inside the store's durable step.
    for (const r of running) await r.stop().catch((error: unknown) => logger.error('stop failed', { error }));
    if (!(await inFlight.drained(drainMs)))
      logger.warn('shutdown: requests still in flight after the timeout', { inFlight: inFlight.count(), timeoutMs: drainMs });
    // A failed close means the last changes may not be on disk: say so in the exit code, for supervisors and scripts.
    const closed = await booted.close().then(
      () => true,
      (error: unknown) => {
        logger.error('closing the store failed: the last changes may not be saved', { error });
        return false;
      },
    );
    await opsServer?.close();
    process.exit(closed ? code : 1);
  };
  // A stray rejection is a bug to log, not a reason to drop every user's session.
  process.on('unhandledRejection', (error) => logger.error('unhandled rejection', { error }));

  // Not ready once stopping, so a load balancer sends nothing new while requests drain.
  const readiness = async () => (stopping ? { ok: false, reason: 'shutting down' } : booted.ready());
  const deps = { assistant: booted.assistant, roles: booted.roles, env, logger, readiness, records: booted.store };
  try {
    for (const platform of chosen) running.push(await platform.start(deps));
    // For modes with no HTTP server of their own (Socket Mode, the gateway, the console): the probes and /metrics on OPS_PORT.
    if (ops.port !== undefined)
      opsServer = await startOpsServer({ port: ops.port, host: ops.host, logger, handler: createOpsHandler({ readiness, logger, metrics }) });
  } catch (error) {
    for (const r of running) await r.stop().catch(() => undefined);
    await booted.close().catch(() => undefined);
    await opsServer?.close();
    // A port in use, a refused token, an unreachable API: one line naming what to check, exit 1.
    exitOnStartupFault(error);
  }

  // Challenges and the question of the day: run through each platform's outbox, starting with anything overdue.
  const targets = chosen.flatMap((platform, i) => {
    const outbox = running[i]?.outbox;
    return outbox ? [{ platform: platform.name, outbox }] : [];
  });
  ticker = startTicker({ assistant: booted.assistant, targets, logger });

  // SIGTERM (an orchestrator, a deploy) stops gracefully in every mode, the console included.
  process.on('SIGTERM', () => void shutdown(0));
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
}

await main();
