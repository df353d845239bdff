/**
 * Cold start, before and after: spawn → first reply of a one-shot
 * `/devops-question` through the real CLI entry points (the TypeScript sources
 * under tsx, as `npm run cli` ran before; the compiled dist/ through
 * scripts/run.mjs, as it runs now), and the phases of one start (node's own
 * start, module loading, content with and without the cache, store and core,
 * first reply) measured inside a probe process (bench/cold-probe.mjs).
 */
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CONTENT_CACHE_DIR } from '../adapters/boot.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 5;

/** Milliseconds from spawn to the first stdout byte, and the whole stdout. */
function spawnTimed(args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ firstOutputMs: number; stdout: string; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let firstOutputMs = Number.NaN;
    let stdout = '';
    let stderr = '';
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => {
      if (Number.isNaN(firstOutputMs)) firstOutputMs = performance.now() - started;
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ firstOutputMs, stdout, code, stderr }));
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const clearCache = () => rmSync(CONTENT_CACHE_DIR, { recursive: true, force: true });

/** Median spawn → first reply over RUNS runs; `before` runs first each time (clearing the cache, say). */
async function endToEnd(args: readonly string[], env: NodeJS.ProcessEnv, before: () => void = () => {}): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    before();
    const result = await spawnTimed(args, env);
    if (result.code !== 0) throw new Error(`${args.join(' ')} exited ${String(result.code)}: ${result.stderr.slice(0, 500)}`);
    times.push(result.firstOutputMs);
  }
  return median(times);
}

const phases = z.object({
  nodeStart: z.number(),
  modules: z.number(),
  content: z.number(),
  storeAndCore: z.number(),
  firstReply: z.number(),
  firstSearch: z.number(),
  total: z.number(),
});
type Phases = z.infer<typeof phases>;

/** Median of each phase over RUNS probe runs. */
async function probe(args: readonly string[], env: NodeJS.ProcessEnv, before: () => void = () => {}): Promise<Phases> {
  const runs: Phases[] = [];
  for (let i = 0; i < RUNS; i++) {
    before();
    const result = await spawnTimed(args, env);
    if (result.code !== 0) throw new Error(`probe exited ${String(result.code)}: ${result.stderr.slice(0, 500)}`);
    runs.push(phases.parse(JSON.parse(result.stdout.trim().split('\n').pop() ?? '')));
  }
  const of = (key: keyof Phases) => median(runs.map((r) => r[key]));
  return {
    nodeStart: of('nodeStart'),
    modules: of('modules'),
    content: of('content'),
    storeAndCore: of('storeAndCore'),
    firstReply: of('firstReply'),
    firstSearch: of('firstSearch'),
    total: of('total'),
  };
}

const ms = (n: number) => `${n.toFixed(0)} ms`.padStart(7);

/** Prints the cold-start figures; `env` has a throwaway DATA_DIR. */
export async function coldStart(env: NodeJS.ProcessEnv): Promise<void> {
  // dist/ as `npm install` leaves it; compiling here keeps a build out of the timed runs.
  spawnSync(process.execPath, ['-e', "import('./scripts/build.mjs').then((m) => m.isStale() && m.build())"], { cwd: ROOT, stdio: 'inherit' });
  const question = ['/devops-question'];
  const beforeMs = await endToEnd(['--import', 'tsx', 'adapters/console/cli.ts', ...question], env, clearCache);
  const nowMs = await endToEnd(['scripts/run.mjs', 'adapters/console/cli.js', ...question], env);
  const directMs = await endToEnd(['dist/adapters/console/cli.js', ...question], env);
  const nodeMs = await endToEnd(['-e', 'process.stdout.write("x")'], env);
  const tsxMs = await endToEnd(['--import', 'tsx', '-e', 'process.stdout.write("x")'], env);
  console.log(`cold start of "/devops-question", spawn → first reply (median of ${RUNS}):`);
  console.log(`  before: tsx + TypeScript sources, content parsed  ${ms(beforeMs)}   (node + tsx, empty script: ${ms(tsxMs).trim()})`);
  console.log(
    `  now:    scripts/run.mjs → dist/, content cached   ${ms(nowMs)}   (dist/ directly: ${ms(directMs).trim()}; node, empty script: ${ms(nodeMs).trim()})`,
  );
  const rows: [string, Phases][] = [
    ['tsx, content parsed (before)', await probe(['--import', 'tsx', 'bench/cold-probe.mjs', '.', 'uncached'], env)],
    ['dist/, content parsed', await probe(['bench/cold-probe.mjs', 'dist', 'uncached'], env)],
    ['dist/, cache cold (first run)', await probe(['bench/cold-probe.mjs', 'dist', 'cached'], env, clearCache)],
    ['dist/, content cached (now)', await probe(['bench/cold-probe.mjs', 'dist', 'cached'], env)],
  ];
  console.log('  phases (median of 5):              node start  modules  content  store+core  first reply  = total   | first search (builds the index)');
  for (const [name, p] of rows) {
    console.log(
      `  ${name.padEnd(32)} ${ms(p.nodeStart)}  ${ms(p.modules)}  ${ms(p.content)}  ${ms(p.storeAndCore)}    ${ms(p.firstReply)}  ${ms(p.total)}   | ${ms(p.firstSearch)}`,
    );
  }
}
