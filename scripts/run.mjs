/**
 * Runs an entry point compiled to dist/ (`npm start`, `npm run cli`),
 * compiling first when a source is newer than the last build, so edited
 * sources never run stale. Without a compiler (or when the build fails) it
 * runs the TypeScript source through tsx, as before.
 *
 *   node scripts/run.mjs adapters/console/cli.js [args...]
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, DIST, isStale, ROOT } from './build.mjs';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: node scripts/run.mjs <entry point under dist/, e.g. adapters/main.js> [args...]\n');
  process.exit(2);
}
const stale = isStale();
if (stale) process.stderr.write('panelist: compiling to dist/ (sources changed since the last build)...\n');
const compiled = !stale || build();
const target = compiled ? join(DIST, entry) : join(ROOT, entry.replace(/\.js$/, '.ts'));
if (!compiled) (await import('tsx/esm/api')).register();
// Entry points check process.argv[1] to know they were run, not imported.
process.argv = [process.argv[0] ?? process.execPath, target, ...args];
await import(pathToFileURL(target).href);
