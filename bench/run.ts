/**
 * `npm run bench`: every benchmark section in order. Each section is a module
 * exporting `run(): Promise<void>`, owned by whoever owns that area; one that
 * does not exist yet is skipped with a note rather than failing the run.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Sections, in the order they run. */
export const SECTIONS = ['search', 'grading', 'store', 'postgres', 'cli', 'slack', 'replicas', 'discord'] as const;

function isRunnable(mod: unknown): mod is { run: () => Promise<void> } {
  return typeof mod === 'object' && mod !== null && 'run' in mod && typeof mod.run === 'function';
}

/** Runs every section; resolves to the number of sections that failed. */
export async function runAll(): Promise<number> {
  let failed = 0;
  for (const name of SECTIONS) {
    const file = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
    process.stdout.write(`\n== ${name} ==\n`);
    if (!existsSync(file)) {
      process.stdout.write(`(skipped: bench/${name}.ts does not exist yet)\n`);
      continue;
    }
    try {
      // A computed specifier: sections land independently, so none is a static dependency.
      const mod: unknown = await import(pathToFileURL(file).href);
      if (!isRunnable(mod)) {
        process.stdout.write(`(skipped: bench/${name}.ts exports no run())\n`);
        continue;
      }
      const started = performance.now();
      await mod.run();
      process.stdout.write(`(${name}: ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
    } catch (error) {
      failed++;
      process.stdout.write(`(failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)})\n`);
    }
  }
  // maxRSS is in kilobytes.
  const peak = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`\n== summary ==\npeak memory (RSS) of the bench process: ${peak.toFixed(1)} MB\n`);
  if (failed > 0) process.stdout.write(`${failed} section(s) failed\n`);
  return failed;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = (await runAll()) > 0 ? 1 : 0;
}
