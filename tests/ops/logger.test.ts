/**
 * The pino logger never writes a secret: a Slack token, a Discord token, a
 * DATABASE_URL password, an Authorization header and a signing secret, given
 * as fields, nested objects, error messages, stacks and causes, all come out
 * censored; the lines stay one JSON object each, with the request's fields.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, currentLogFields, maskSecrets, silentLogger, withLogFields } from '../../adapters/logger.js';

const SLACK = 'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp';
const APP = 'xapp-1-A0123-4567-abcdef0123456789';
const DISCORD = 'MTAwMDAwMDAwMDAwMDAwMDAx.GsEcRt.abcdefghijklmnopqrstuvwxyz0123';
const DB_PASSWORD = 'Hunter2-db-Secret';
const DATABASE_URL = `postgres://panelist:${DB_PASSWORD}@db.internal:5432/panelist`;
const SIGNING = '8f14e45fceea167a5a36dedd4bea2543';
const BEARER = 'Bearer sk-live-authorization-value';
const SECRETS = [SLACK, APP, DISCORD, DB_PASSWORD, SIGNING, 'sk-live-authorization-value'];

afterEach(() => vi.unstubAllEnvs());

function capture(level: 'debug' | 'info' = 'debug') {
  const lines: string[] = [];
  const logger = createLogger({ level, write: (l) => lines.push(l), base: { component: 'test' } });
  return { logger, lines };
}

describe('secrets never reach a log line', () => {
  it('masks them in fields, nested objects, arrays, messages, error messages, stacks and causes', () => {
    vi.stubEnv('SLACK_SIGNING_SECRET', SIGNING);
    vi.stubEnv('DATABASE_URL', DATABASE_URL);
    const { logger, lines } = capture();
    const cause = new Error(`connect failed for ${DATABASE_URL}`);
    const error = new Error(`auth failed with ${SLACK} and ${DISCORD}; signing ${SIGNING}`, { cause });
    error.stack = `${error.stack}\n    at token ${APP}`;
    logger.error(`request failed: ${SLACK}`, {
      error,
      token: SLACK,
      botToken: DISCORD,
      signingSecret: SIGNING,
      headers: { authorization: BEARER, Authorization: BEARER, cookie: 'sid=abc', 'x-slack-signature': `v0=${SIGNING}` },
      config: { db: { url: DATABASE_URL, options: { password: DB_PASSWORD } } },
      list: [SLACK, { note: `see ${DATABASE_URL}` }],
      text: `password=${DB_PASSWORD} host=db`,
    });
    logger.warn(`plain ${SIGNING} and ${DB_PASSWORD}`);
    const out = lines.join('\n');
    for (const secret of SECRETS) expect(out).not.toContain(secret);
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({ level: 'error', component: 'test', token: '[redacted]', signingSecret: '[redacted]' });
    expect(line.headers).toEqual({ authorization: '[redacted]', Authorization: '[redacted]', cookie: '[redacted]', 'x-slack-signature': '[redacted]' });
    // What is left is still useful: the error's name and shape, the URL's user and host.
    expect(line.error.name).toBe('Error');
    expect(line.error.stack).toContain('at ');
    expect(line.error.cause.message).toBe('connect failed for postgres://panelist:[redacted]@db.internal:5432/panelist');
    expect(line.config.db.url).toBe('postgres://panelist:[redacted]@db.internal:5432/panelist');
    expect(line.msg).toBe('request failed: [redacted]');
    expect(typeof line.time).toBe('string');
  });

  it('masks token shapes and URL passwords without knowing the environment', () => {
    expect(maskSecrets(`a ${SLACK} b ${APP} c ${DISCORD}`)).toBe('a [redacted] b [redacted] c [redacted]');
    expect(maskSecrets('postgresql://u:p%40ss@h/db and redis://:pw@cache:6379')).toBe('postgresql://u:[redacted]@h/db and redis://:[redacted]@cache:6379');
    expect(maskSecrets('no secret here: https://example.com/a?b=c')).toBe('no secret here: https://example.com/a?b=c');
  });
});

describe('levels and request fields', () => {
  it('writes only at or above the level, and reports what is enabled', () => {
    const { logger, lines } = capture('info');
    logger.debug('hidden');
    logger.info('shown');
    expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['shown']);
    expect(logger.enabled?.('debug')).toBe(false);
    expect(logger.enabled?.('warn')).toBe(true);
    expect(silentLogger.enabled?.('error')).toBe(false);
  });

  it('adds the fields of withLogFields to every line written inside it, across awaits, and none outside', async () => {
    const { logger, lines } = capture();
    await withLogFields({ rid: 'r-1', team: 'T1' }, async () => {
      logger.info('first');
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(currentLogFields()).toEqual({ rid: 'r-1', team: 'T1' });
      logger.info('second', { extra: 1 });
    });
    logger.info('outside');
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed[0]).toMatchObject({ rid: 'r-1', team: 'T1', msg: 'first' });
    expect(parsed[1]).toMatchObject({ rid: 'r-1', extra: 1 });
    expect(parsed[2]?.rid).toBeUndefined();
  });
});
