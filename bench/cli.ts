/**
 * Console benchmarks: how long the CLI takes from spawn to its first reply
 * (what a user waits for on every one-shot command; bench/cold-start.ts), and
 * the peak memory of a process that loads content, builds the search index and
 * serves 1000 requests.
 *
 * The memory figure comes from a child process (this file with `--worker`), so
 * the bench runner's own allocations do not count.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { Request, RequestContext } from '../src/requests.js';
import type { View } from '../src/views.js';
import { coldStart } from './cold-start.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REQUESTS = 1000;

interface Spawned {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Milliseconds from spawn to the first stdout byte, and to exit. */
  firstOutputMs: number;
  exitMs: number;
}

function spawnNode(args: readonly string[], env: NodeJS.ProcessEnv): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let firstOutputMs = Number.NaN;
    let stdout = '';
    let stderr = '';
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => {
      if (Number.isNaN(firstOutputMs)) firstOutputMs = performance.now() - started;
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, firstOutputMs, exitMs: performance.now() - started }));
  });
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const ms = (n: number) => `${n.toFixed(0)} ms`;

/** What the worker reports on its one stdout line. */
const workerReport = z.object({
  requests: z.number(),
  bootMs: z.number(),
  serveMs: z.number(),
  p50Ms: z.number(),
  p99Ms: z.number(),
  maxRssMb: z.number(),
  heapUsedMb: z.number(),
  errors: z.number(),
});
type WorkerReport = z.infer<typeof workerReport>;

/**
 * The worker: boot with the file store (what the console uses), then serve a
 * mix of what users do: questions and their buttons, searches, quizzes
 * answered to the end, stats and leaderboards, from 20 users.
 */
async function worker(): Promise<void> {
  const { boot } = await import('../adapters/boot.js');
  const started = performance.now();
  const booted = await boot(process.env, 'file');
  const bootMs = performance.now() - started;
  const prefix = booted.roles[0]?.commandPrefix ?? 'devops';
  const queries = ['kubernetes crashloop', 'terraform state lock', 'blue green deploy', 'incident postmortem', 'secrets rotation', 'slo error budget'];
  const latencies: number[] = [];
  let errors = 0;
  const last = new Map<string, View>();
  const serveStarted = performance.now();
  for (let i = 0; i < REQUESTS; i++) {
    const userId = `user${i % 20}`;
    const ctx: RequestContext = { user: { platform: 'console', id: userId, name: userId }, space: 'bench', conversation: 'terminal' };
    const previous = last.get(userId);
    let request: Request;
    const step = Math.floor(i / 20) % 10;
    if (previous?.kind === 'quiz-question' && previous.choices.length > 0) {
      const choice = previous.choices[i % previous.choices.length];
      request = { type: 'action', actionId: choice?.actionId ?? '', ctx };
    } else if (step === 0 || step === 5) {
      request = { type: 'command', command: `${prefix}-quiz`, text: 'start mixed 5', ctx };
    } else if (step === 1 || step === 6) {
      request = { type: 'command', command: `${prefix}-search`, text: queries[i % queries.length] ?? 'kubernetes', ctx };
    } else if (step === 2 && previous?.kind === 'card') {
      request = { type: 'action', actionId: previous.actions[i % previous.actions.length]?.id ?? '', ctx };
    } else if (step === 7) {
      request = { type: 'command', command: `${prefix}-quiz`, text: i % 2 === 0 ? 'stats' : 'leaderboard', ctx };
    } else {
      request = { type: 'command', command: `${prefix}-question`, text: '', ctx };
    }
    const t = performance.now();
    const reply = await booted.assistant.handle(request);
    latencies.push(performance.now() - t);
    if (reply.view.kind === 'error') errors++;
    else last.set(userId, reply.view);
  }
  await booted.store.flush();
  const serveMs = performance.now() - serveStarted;
  await booted.close();
  const report: WorkerReport = {
    requests: REQUESTS,
    bootMs,
    serveMs,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    // maxRSS is in kilobytes.
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    heapUsedMb: process.memoryUsage().heapUsed / 1024 / 1024,
    errors,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

/** Runs the console benchmarks and prints the figures. */
export async function run(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'panelist-bench-cli-'));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NO_COLOR: '1' };
  try {
    await coldStart(env);

    const result = await spawnNode([fileURLToPath(import.meta.url), '--worker'], env);
    if (result.code !== 0) throw new Error(`worker exited ${String(result.code)}: ${result.stderr.slice(0, 500)}`);
    const report = workerReport.parse(JSON.parse(result.stdout.trim().split('\n').pop() ?? ''));
    console.log(
      `serving process: boot (content + store; the index is built on the first search) ${ms(report.bootMs)}; ${report.requests} requests in ${ms(report.serveMs)}`,
    );
    console.log(`  per request: p50 ${report.p50Ms.toFixed(2)} ms, p99 ${report.p99Ms.toFixed(2)} ms; ${report.errors} error views`);
    console.log(`  peak RSS ${report.maxRssMb.toFixed(1)} MB, heap used at end ${report.heapUsedMb.toFixed(1)} MB`);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

const self = pathToFileURL(process.argv[1] ?? '').href === import.meta.url;
if (self && process.argv.includes('--worker')) await worker();
else if (self) await run();
