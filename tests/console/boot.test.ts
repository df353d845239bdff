/**
 * The start-up helpers every entry point shares: readiness from content and
 * the store's health, recognising network faults, printing one line without
 * secrets, and exiting 1 on any start-up fault.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  exitOnStartupFault,
  faultLine,
  isSetupError,
  listenFailure,
  networkFailure,
  printableUrl,
  readiness,
  StartupError,
  withoutSecrets,
} from '../../adapters/boot.js';
import type { Role } from '../../src/content/schema.js';
import type { Store } from '../../src/ports.js';
import { createMemoryStore } from '../../storage/memory-store.js';

const ROLE = { id: 'r' } as unknown as Role;
const withHealth = (health: unknown): Store => ({ ...createMemoryStore(), health }) as unknown as Store;

describe('readiness', () => {
  it('is ready with content and a healthy store', async () => {
    expect(
      await readiness(
        [ROLE],
        withHealth(() => ({ ok: true, state: 'ok' })),
      ),
    ).toEqual({ ok: true });
  });

  it('is not ready without content, or while the store reports a problem, and says why', async () => {
    expect(await readiness([], createMemoryStore())).toEqual({ ok: false, reason: 'no content loaded' });
    const failing = withHealth(() => ({ ok: false, state: 'failing', error: 'data/panelist.json: ENOSPC' }));
    expect(await readiness([ROLE], failing)).toEqual({ ok: false, reason: 'store failing: data/panelist.json: ENOSPC' });
    expect(
      await readiness(
        [ROLE],
        withHealth(async () => ({ ok: false, reason: 'closed' })),
      ),
    ).toEqual({ ok: false, reason: 'store unhealthy: closed' });
    const throwing = withHealth(() => {
      throw new Error('boom');
    });
    expect(await readiness([ROLE], throwing)).toEqual({ ok: false, reason: 'store health check failed: boom' });
  });

  it('counts a store without a health check as healthy', async () => {
    expect(await readiness([ROLE], withHealth(undefined))).toEqual({ ok: true });
  });
});

describe('fault helpers', () => {
  it('finds the system error code through causes, and timeouts', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(networkFailure(new TypeError('fetch failed', { cause: refused }))).toBe('ECONNREFUSED');
    expect(networkFailure({ code: 'slack_webapi_request_error', original: new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } }) })).toBe('ENOTFOUND');
    expect(networkFailure(Object.assign(new Error('aborted'), { name: 'AbortError' }))).toBe('timed out');
    expect(networkFailure(new Error('bug'))).toBeUndefined();
    expect(networkFailure(undefined)).toBeUndefined();
  });

  it('prints URLs without credentials or query', () => {
    expect(printableUrl('https://user:pw@proxy.example/api/?token=x')).toBe('https://proxy.example/api/');
    expect(printableUrl('not a url')).toBe('(unparsable URL)');
  });

  it('names PORT or HOST for listen errors, and nothing for others', () => {
    expect(listenFailure({ code: 'EADDRINUSE' }, 3000, '0.0.0.0')?.message).toMatch(/^port 3000 is already in use \(0\.0\.0\.0:3000\): .*set PORT/);
    expect(listenFailure({ code: 'EACCES' }, 80, '0.0.0.0')?.message).toMatch(/port 80 .*set PORT to 1024 or above/);
    expect(listenFailure({ code: 'ENOTFOUND' }, 3000, 'nope.invalid')?.message).toMatch(/HOST nope\.invalid does not resolve/);
    expect(listenFailure(new Error('other'), 3000, '0.0.0.0')).toBeUndefined();
  });

  it('blanks the values of secret variables in anything printed', () => {
    const env = { SLACK_BOT_TOKEN: 'xoxb-123-abc', DISCORD_TOKEN: ' tok.en.value ', PORT: '3000', SHORT_TOKEN: 'abc' };
    expect(withoutSecrets('sent xoxb-123-abc and tok.en.value on 3000 abc', env)).toBe('sent [redacted] and [redacted] on 3000 abc');
    expect(faultLine(new StartupError('bad xoxb-123-abc'), env)).toBe('panelist: bad [redacted]');
  });

  it('treats StartupError as a set-up error', () => {
    expect(isSetupError(new StartupError('x'))).toBe(true);
    expect(isSetupError(new Error('x'))).toBe(false);
  });
});

describe('exitOnStartupFault', () => {
  afterEach(() => vi.restoreAllMocks());

  function run(error: unknown, env: NodeJS.ProcessEnv): { code: number | undefined; out: string } {
    let out = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    let code: number | undefined;
    vi.spyOn(process, 'exit').mockImplementation(((c?: number) => {
      code = c;
      throw new Error('exited');
    }) as never);
    expect(() => exitOnStartupFault(error, env)).toThrow('exited');
    return { code, out };
  }

  it('prints a start-up error as its one line and exits 1', () => {
    const { code, out } = run(new StartupError('port 3000 is already in use'), {});
    expect(code).toBe(1);
    expect(out).toBe('panelist: port 3000 is already in use\n');
  });

  it('prints an unexpected error as one line too, with the stack only at LOG_LEVEL=debug, never a secret', () => {
    const bug = new TypeError('cannot read x of undefined (xoxb-9-zz)\nsecond line');
    const quiet = run(bug, { SLACK_BOT_TOKEN: 'xoxb-9-zz' });
    expect(quiet.code).toBe(1);
    expect(quiet.out).toBe('panelist: could not start: cannot read x of undefined ([redacted]) (LOG_LEVEL=debug prints the details)\n');
    vi.restoreAllMocks();
    const verbose = run(bug, { SLACK_BOT_TOKEN: 'xoxb-9-zz', LOG_LEVEL: 'debug' });
    expect(verbose.out).toMatch(/^panelist: could not start: .*\nTypeError: cannot read x/);
    expect(verbose.out).toMatch(/\n\s+at /);
    expect(verbose.out).not.toContain('xoxb-9-zz');
  });
});
