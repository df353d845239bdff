/**
 * The ops endpoints over real HTTP on 127.0.0.1 (the OPS_PORT server), and
 * the store metrics behind /metrics: /healthz, /readyz (JSON reason, secrets
 * masked, a hanging check bounded), /metrics in Prometheus text with the
 * store's write timings, failures and open quizzes; OPS_PORT validated.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../adapters/logger.js';
import { createMetrics } from '../../adapters/metrics.js';
import { createOpsHandler, type OpsServer, parseOpsConfig, type ReadinessCheck, startOpsServer } from '../../adapters/ops-http.js';
import { type QuizSession, type Store, StoreWriteError } from '../../src/ports.js';
import { createMemoryStore } from '../../storage/memory-store.js';

let server: OpsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  vi.unstubAllEnvs();
});

const quiet = createLogger({ level: 'error', write: () => undefined });

async function start(readiness?: ReadinessCheck, metrics = createMetrics({ processMetrics: false })) {
  server = await startOpsServer({
    port: 0,
    host: '127.0.0.1',
    logger: quiet,
    handler: createOpsHandler({ ...(readiness ? { readiness } : {}), logger: quiet, metrics }),
  });
  const url = (path: string) => `http://127.0.0.1:${server!.port}${path}`;
  return { url, metrics };
}

describe('ops server', () => {
  it('answers /healthz 200, /readyz 200 JSON, /metrics Prometheus text, anything else 404, a POST 405', async () => {
    const { url } = await start(() => ({ ok: true }));
    const health = await fetch(url('/healthz'));
    expect([health.status, await health.text()]).toEqual([200, 'ok\n']);
    const ready = await fetch(url('/readyz'));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    const metrics = await fetch(url('/metrics'));
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await metrics.text()).toContain('# TYPE panelist_requests_total counter');
    expect((await fetch(url('/slack/events'))).status).toBe(404);
    expect((await fetch(url('/readyz'), { method: 'POST' })).status).toBe(405);
  });

  it('answers /readyz 503 with a JSON reason, secrets masked; a throwing or hanging check is not ready, bounded', async () => {
    vi.stubEnv('DATABASE_URL', 'postgres://panelist:pw-Secret-123@db:5432/p');
    let check: ReadinessCheck = () => ({ ok: false, reason: 'store failing: connect postgres://panelist:pw-Secret-123@db:5432/p refused' });
    const { url } = await start(() => check());
    const failing = await fetch(url('/readyz'));
    expect(failing.status).toBe(503);
    const body = await failing.text();
    expect(body).not.toContain('pw-Secret-123');
    expect(JSON.parse(body)).toEqual({ status: 'not ready', reason: 'store failing: connect postgres://panelist:[redacted]@db:5432/p refused' });
    check = () => {
      throw new Error('probe exploded');
    };
    expect(await (await fetch(url('/readyz'))).json()).toEqual({ status: 'not ready', reason: 'readiness check failed: probe exploded' });
    check = () => new Promise(() => undefined);
    const started = Date.now();
    const hung = await fetch(url('/readyz'));
    expect(hung.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('names OPS_PORT when its port is in use', async () => {
    await start();
    await expect(startOpsServer({ port: server!.port, host: '127.0.0.1', logger: quiet, handler: () => false })).rejects.toThrow(
      new RegExp(`port ${server!.port} is already in use .*set OPS_PORT to a free port`),
    );
  });
});

describe('OPS_PORT and HOST', () => {
  it('reads a port, defaults the host, and refuses a port that is not one with a ConfigError naming OPS_PORT', () => {
    expect(parseOpsConfig({})).toEqual({ host: '0.0.0.0' });
    expect(parseOpsConfig({ OPS_PORT: ' 9100 ', HOST: '127.0.0.1' })).toEqual({ port: 9100, host: '127.0.0.1' });
    for (const bad of ['0', '70000', 'abc', '91.5']) {
      expect(() => parseOpsConfig({ OPS_PORT: bad })).toThrow(/OPS_PORT must be a whole number from 1 to 65535/);
    }
    try {
      parseOpsConfig({ OPS_PORT: 'x' });
    } catch (error) {
      expect((error as Error).name).toBe('ConfigError');
    }
  });
});

const session = (key: string): QuizSession => ({
  id: 's1',
  key,
  roleId: 'r',
  userId: 'U1',
  mode: 'choice',
  tier: 'basic',
  review: false,
  questionIds: ['q1'],
  index: 0,
  order: [0, 1, 2, 3],
  answers: [],
  points: 0,
  streak: 0,
  bestStreak: 0,
  startedAt: 0,
  updatedAt: 0,
});

/** A memory store whose durable writes fail while `failing` is set (the disk refusing them). */
function flakyStore(): Store & { failing: boolean } {
  const inner = createMemoryStore();
  const flaky = Object.assign(Object.create(inner) as Store, { failing: false });
  flaky.durably = async (work) => {
    if (!flaky.failing) return inner.durably(work);
    await work(inner);
    throw new StoreWriteError('disk full');
  };
  return flaky;
}

describe('store metrics', () => {
  it('times durable writes, counts failures, and counts open quizzes only once their change is durable', async () => {
    const metrics = createMetrics({ processMetrics: false });
    const raw = flakyStore();
    const store = metrics.observeStore(raw);
    await store.durably(async (s) => s.putSession(session('a')));
    await store.durably(async (s) => s.putSession(session('b')));
    await store.durably(async (s) => s.getSession('a'));
    raw.failing = true;
    await expect(store.durably(async (s) => s.putSession(session('c')))).rejects.toBeInstanceOf(StoreWriteError);
    raw.failing = false;
    await store.durably(async (s) => s.deleteSession('a'));
    // Calls outside durably still reach the store, bound to it.
    expect(await store.getSession('b')).toMatchObject({ key: 'b' });
    expect(store.health().ok).toBe(true);
    const text = await metrics.text();
    expect(text).toContain('panelist_open_quizzes 1');
    expect(text).toContain('panelist_store_write_failures_total 1');
    // Three writes that succeeded, one that failed; the read-only section is not a write.
    expect(text).toContain('panelist_store_write_seconds_count 4');
  });

  it('serves the default process metrics when asked to', async () => {
    const { url } = await start(undefined, createMetrics());
    const text = await (await fetch(url('/metrics'))).text();
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });
});
