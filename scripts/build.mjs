/**
 * Compiles the bot (src/, adapters/, storage/) to dist/ with tsc, so `npm start`
 * and `npm run cli` run plain JavaScript: no TypeScript loader at start-up.
 * Runs on `npm install` / `npm ci` (the `prepare` script) and from
 * scripts/run.mjs whenever a source is newer than the last build.
 *
 *   node scripts/build.mjs            compile now (incremental: seconds when little changed)
 *
 * Kept in JavaScript: it has to run before anything is compiled.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The project root. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Where the compiled files go. */
export const DIST = join(ROOT, 'dist');
/** Touched at the start of each successful build: a source newer than it is not compiled yet. */
const STAMP = join(DIST, '.build-stamp');
const SOURCE_DIRS = ['src', 'adapters', 'storage'];
const CONFIG_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package.json'];

/** The newest modification time (ms) of a compiled input: every .ts under the source folders and the configs. */
function newestSource() {
  let newest = 0;
  const consider = (path) => {
    const mtime = statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (mtime > newest) newest = mtime;
  };
  for (const file of CONFIG_FILES) consider(join(ROOT, file));
  for (const dir of SOURCE_DIRS) {
    for (const entry of readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.ts')) consider(join(entry.parentPath ?? entry.path, entry.name));
    }
  }
  return newest;
}

/** True when dist/ is missing or older than a source; costs a few milliseconds of stat calls. */
export function isStale() {
  const built = statSync(STAMP, { throwIfNoEntry: false })?.mtimeMs;
  return built === undefined || newestSource() > built;
}

/** The TypeScript compiler's entry script, or undefined when it is not installed (`npm ci --omit=dev`). */
function tscPath() {
  try {
    return createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    return undefined;
  }
}

/**
 * Compiles to dist/. Compiler output goes to stderr, never stdout (the CLI's
 * stdout may be JSON lines). Resolves to true when dist/ was written; type
 * errors are reported but do not stop the emit (`npm test` type-checks).
 */
export function build() {
  const tsc = tscPath();
  if (!tsc) {
    process.stderr.write('panelist: typescript is not installed, so dist/ cannot be built; the TypeScript sources run instead\n');
    return false;
  }
  const started = new Date();
  const result = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (!existsSync(join(DIST, 'adapters', 'main.js'))) {
    process.stderr.write('panelist: compiling to dist/ failed (see above); the TypeScript sources run instead\n');
    return false;
  }
  if (result.status !== 0) process.stderr.write('panelist: the compiler reported errors (above); dist/ was written anyway, and `npm test` shows them too\n');
  // Entries of older code or content would only pile up: the next start re-validates and caches what it uses.
  rmSync(join(DIST, '.cache'), { recursive: true, force: true });
  mkdirSync(DIST, { recursive: true });
  writeFileSync(STAMP, `${started.toISOString()}\n`);
  // Dated to the build's start: a source saved while tsc ran stays newer, so the next run compiles it.
  utimesSync(STAMP, started, started);
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) build();
