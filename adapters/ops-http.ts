/**
 * The operations endpoints, answered the same way by every HTTP server of the
 * process: `GET /healthz` (200 while the process serves), `GET /readyz` (200
 * when the readiness check passes, else 503 with a JSON reason, secrets
 * masked) and `GET /metrics` (Prometheus text). Slack's HTTP receiver and the
 * Discord interactions endpoint mount {@link createOpsHandler} in front of
 * their own routes; the modes with no server of their own (Socket Mode, the
 * gateway, the console) get one from `OPS_PORT` ({@link startOpsServer}).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { listenFailure, type Readiness, StartupError, withoutSecrets } from './boot.js';
import { type Logger, maskSecrets } from './logger.js';
import { type Metrics, processMetrics } from './metrics.js';

/** Liveness: 200 while the process serves HTTP. */
export const HEALTH_PATH = '/healthz';
/** Readiness: 200 when content is loaded and the store healthy, 503 with a reason otherwise. */
export const READY_PATH = '/readyz';
/** Prometheus metrics. */
export const METRICS_PATH = '/metrics';
/** A readiness check slower than this counts as not ready: probes must not pile up. */
export const READY_TIMEOUT_MS = 2000;

/** Reports whether the process can serve; the default (none given) is always ready. */
export type ReadinessCheck = () => Readiness | Promise<Readiness>;

/** What the ops endpoints report from. */
export interface OpsOptions {
  /** Backs `/readyz`; without one it always answers ready. */
  readiness?: ReadinessCheck;
  /** Backs `/metrics`; default: this process's ({@link processMetrics}). */
  metrics?: Metrics;
  /** Where a failing readiness check or a metrics fault is logged. */
  logger: Logger;
  /** Prefixes those lines (`slack: not ready`); default `ops`. */
  name?: string;
}

/** Answers `req` when it is for an ops path and returns true; returns false (answering nothing) for any other path. */
export type OpsHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

function send(res: ServerResponse, status: number, type: string, body: string, head: boolean): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
  res.end(head ? undefined : body);
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** The readiness verdict, never slower than READY_TIMEOUT_MS and never a throw. */
export async function checkReadiness(check: ReadinessCheck, timeoutMs = READY_TIMEOUT_MS): Promise<Readiness> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<Readiness>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: 'readiness check timed out' }), timeoutMs);
  });
  try {
    return await Promise.race([Promise.resolve().then(check), timeout]);
  } catch (error) {
    return { ok: false, reason: `readiness check failed: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    clearTimeout(timer);
  }
}

/** The ops endpoints as one request handler (see {@link OpsHandler}). */
export function createOpsHandler(options: OpsOptions): OpsHandler {
  const name = options.name ?? 'ops';
  const check = options.readiness ?? (() => ({ ok: true }));
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== HEALTH_PATH && path !== READY_PATH && path !== METRICS_PATH) return false;
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-length': 0 });
      res.end();
      return true;
    }
    // Says nothing but that the process serves HTTP.
    if (path === HEALTH_PATH) send(res, 200, 'text/plain; charset=utf-8', 'ok\n', head);
    else if (path === READY_PATH) {
      void checkReadiness(check).then((r) => {
        if (r.ok) return send(res, 200, JSON_TYPE, JSON.stringify({ status: 'ready' }), head);
        // A store's message may carry a path or a URL: no secret leaves with it.
        const reason = maskSecrets(withoutSecrets(r.reason ?? 'unknown'));
        options.logger.warn(`${name}: not ready`, { reason });
        send(res, 503, JSON_TYPE, JSON.stringify({ status: 'not ready', reason }), head);
      });
    } else {
      const metrics = options.metrics ?? processMetrics();
      metrics.text().then(
        (text) => send(res, 200, metrics.contentType, text, head),
        (error: unknown) => {
          options.logger.error(`${name}: metrics failed`, { error });
          send(res, 500, 'text/plain; charset=utf-8', 'metrics unavailable\n', head);
        },
      );
    }
    return true;
  };
}

/** The ops-only server's settings: `OPS_PORT` (unset: none) and `HOST` (default 0.0.0.0). */
export interface OpsConfig {
  port?: number;
  host: string;
}

const opsEnv = z.object({
  OPS_PORT: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(
      z
        .string()
        .regex(/^\d{1,5}$/, 'OPS_PORT must be a whole number from 1 to 65535')
        .transform(Number)
        .refine((n) => n >= 1 && n <= 65535, 'OPS_PORT must be a whole number from 1 to 65535')
        .optional(),
    ),
  HOST: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || '0.0.0.0'),
});

/** Reads OPS_PORT and HOST; throws a ConfigError naming the variable when one is invalid. */
export function parseOpsConfig(env: NodeJS.ProcessEnv): OpsConfig {
  const parsed = opsEnv.safeParse({ OPS_PORT: env.OPS_PORT, HOST: env.HOST });
  if (!parsed.success) {
    const error = new Error(`ops configuration is invalid: ${parsed.error.issues[0]?.message ?? 'OPS_PORT is invalid'}`);
    error.name = 'ConfigError';
    throw error;
  }
  return { host: parsed.data.HOST, ...(parsed.data.OPS_PORT === undefined ? {} : { port: parsed.data.OPS_PORT }) };
}

/** A running ops-only server. */
export interface OpsServer {
  /** The port it listens on. */
  port: number;
  close(): Promise<void>;
}

/**
 * Listens on `port` serving only the ops endpoints (404 for anything else).
 * A port in use, a forbidden port or a bad host is a StartupError naming OPS_PORT or HOST.
 */
export async function startOpsServer(options: { port: number; host: string; handler: OpsHandler; logger: Logger }): Promise<OpsServer> {
  const server = createServer((req, res) => {
    if (!options.handler(req, res)) send(res, 404, 'text/plain; charset=utf-8', 'not found\n', req.method === 'HEAD');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((error: unknown) => {
    const failure = listenFailure(error, options.port, options.host);
    throw failure ? new StartupError(failure.message.replace(/\bPORT\b/g, 'OPS_PORT')) : error;
  });
  const address = server.address() as AddressInfo;
  options.logger.info('ops: listening', { host: address.address, port: address.port, paths: [HEALTH_PATH, READY_PATH, METRICS_PATH] });
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
