/**
 * Bolt's logger interface on top of our structured logger, so Bolt's own
 * messages land in the same JSON lines (and through the same token masking).
 */
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../logger.js';

function line(parts: unknown[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : p instanceof Error ? p.message : JSON.stringify(p))).join(' ');
}

/** Wraps `logger` for Bolt; Bolt's chatty info lines are demoted to debug. */
export function boltLogger(logger: Logger): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  // Bolt logs at debug several times per request; building those lines (JSON of its arguments) only to drop them showed in profiles.
  const debug = (msg: unknown[]) => {
    if (logger.enabled?.('debug') !== false) logger.debug(line(msg), { source: 'bolt' });
  };
  return {
    debug: (...msg: unknown[]) => debug(msg),
    info: (...msg: unknown[]) => debug(msg),
    warn: (...msg: unknown[]) => logger.warn(line(msg), { source: 'bolt' }),
    error: (...msg: unknown[]) => logger.error(line(msg), { source: 'bolt' }),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
