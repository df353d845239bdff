/** Runs project entry points as real processes, the way users and scripts do. */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The project root: entry points are spawned from here. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** How a process ended. */
export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** An environment without tokens (so `npm start` picks the console) or colour, plus `extra`. */
export function testEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extra };
  for (const key of Object.keys(env)) if (/^(SLACK|DISCORD)_/.test(key)) delete env[key];
  return env;
}

/** Starts `node --import tsx <script> ...args` in the project root. */
export function startTs(script: string, args: readonly string[], env: NodeJS.ProcessEnv): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env });
}

/** Collects a process's output until it exits. */
export function finished(child: ChildProcessWithoutNullStreams): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs the CLI with `args`, feeding `stdin`, and waits for it to exit. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv, stdin = ''): Promise<Finished> {
  const child = startTs('adapters/console/cli.ts', args, env);
  const done = finished(child);
  child.stdin.end(stdin);
  return done;
}

/** Parses JSON lines, failing on anything that is not one JSON object per line. */
export function jsonLines(stdout: string): unknown[] {
  return stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as unknown);
}
