/**
 * End to end: the CLI as a real process, with its exit codes and the exact
 * JSON-lines shapes scripts depend on.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { contentDir } from '../../adapters/boot.js';
import { loadRoles } from '../../src/content/load.js';
import type { Role } from '../../src/content/schema.js';
import { openLowdbStore } from '../../storage/lowdb-store.js';
import { act, cmd, makeTestAssistant } from '../helpers/assistant.js';
import { jsonLines, ROOT, runCli, testEnv } from './spawn.js';

// Each test spawns one or more processes (about a second each, more on a busy machine).
vi.setConfig({ testTimeout: 60_000 });

let dir: string;
let env: NodeJS.ProcessEnv;
/** The shipped roles, loaded in process: the counts the CLI must report, whatever role files exist. */
let shipped: Role[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'panelist-cli-'));
  env = testEnv({ DATA_DIR: join(dir, 'data') });
  shipped = await loadRoles(contentDir(env));
});

const questionCount = (): number => shipped.reduce((n, r) => n + r.questions.length, 0);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const tier = z.enum(['basic', 'technical', 'advanced']);
// Strict: the field names are a public interface, no more and no fewer.
const questionLine = z.strictObject({ id: z.string(), tier, topics: z.array(z.string()).min(1), prompt: z.string().min(1), answer: z.string().min(1) });
const searchLine = z.strictObject({
  query: z.string(),
  results: z.array(
    z.strictObject({
      id: z.string(),
      kind: z.enum(['question', 'use-case', 'responsibility', 'skill', 'mistake']),
      tier: tier.nullable(),
      prompt: z.string(),
      answer: z.string(),
      score: z.number(),
    }),
  ),
});
// The first four fields are the original public interface; the verdicts were added beside them.
const gradeLine = z.strictObject({
  questionId: z.string(),
  score: z.number().min(0).max(100),
  covered: z.array(z.string()),
  missed: z.array(z.string()),
  points: z.array(z.strictObject({ label: z.string(), status: z.enum(['covered', 'missed', 'negated', 'contradicted']), heard: z.string().optional() })),
  contradictions: z.array(z.strictObject({ feedback: z.string(), heard: z.string() })),
  capped: z.string().optional(),
});
const errorLine = z.strictObject({ error: z.string(), line: z.number().int() });

describe('one-shot commands', () => {
  it('prints a question and exits 0', async () => {
    const run = await runCli(['/devops-question advanced'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/DevOps Engineer · advanced/);
    expect(run.stdout).toMatch(/\[show answer\]/);
    expect(run.stdout).not.toContain('\u001b');
  });

  it('keeps a quiz going across invocations through the file store', async () => {
    const start = await runCli(['/devops-quiz', 'start', '2'], env);
    expect(start.code).toBe(0);
    expect(start.stdout).toMatch(/question 1\/2[\s\S]*A\) [\s\S]*D\) /);
    const answer = await runCli(['/devops-quiz answer B'], env);
    expect(answer.code).toBe(0);
    expect(answer.stdout).toMatch(/(✓ Correct!|✗ Not quite\.)[\s\S]*question 2\/2/);
    const stop = await runCli(['/devops-quiz stop'], env);
    expect(stop.stdout).toMatch(/quiz stopped/);
  });

  it('exits 2 for an error reply', async () => {
    const run = await runCli(['/devops-nonsense'], env);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/✗ Unknown command/);
  });

  it('prints usage for help and no arguments', async () => {
    for (const args of [[], ['help']]) {
      const run = await runCli(args, env);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/Usage: npm run cli[\s\S]*validate[\s\S]*grade --json[\s\S]*flags \[--json\]/);
    }
  });
});

describe('validate and schema', () => {
  it('validates the shipped content', async () => {
    const run = await runCli(['validate'], env);
    expect(run.code).toBe(0);
    const roles = shipped.length;
    expect(run.stdout.trim()).toBe(`ok: ${roles} role${roles === 1 ? '' : 's'}, ${questionCount()} questions`);
  });

  it('names the file and path of a broken role file and exits 1', async () => {
    const broken = join(dir, 'broken');
    await mkdir(broken, { recursive: true });
    const good = await readFile(join(ROOT, 'content/roles/devops-engineer.yaml'), 'utf8');
    await writeFile(join(broken, 'devops-engineer.yaml'), good.replace(/tier: basic/, 'tier: expert'));
    const run = await runCli(['validate'], { ...env, CONTENT_DIR: broken });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/devops-engineer\.yaml: questions\[\d+\]\.tier \(line \d+\)/);
  });

  it('prints a JSON Schema of a role file', async () => {
    const run = await runCli(['schema'], env);
    expect(run.code).toBe(0);
    const schema = z
      .object({ $schema: z.string(), type: z.literal('object'), properties: z.record(z.string(), z.unknown()), required: z.array(z.string()) })
      .parse(JSON.parse(run.stdout));
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'commandPrefix', 'questions']));
    // Defaulted fields are optional to write.
    expect(schema.required).not.toContain('synonyms');
    expect(Object.keys(schema.properties)).toContain('synonyms');
  });
});

describe('JSON lines', () => {
  it('questions --json: one line per question with exactly the public fields', async () => {
    const run = await runCli(['questions', '--json'], env);
    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout).map((l) => questionLine.parse(l));
    expect(lines).toHaveLength(questionCount());
    expect(lines.map((l) => l.id)).toEqual(expect.arrayContaining(shipped.flatMap((r) => r.questions.map((q) => q.id))));
  });

  it('search --json: one line per query, best first, typos tolerated, blank → []', async () => {
    const run = await runCli(['search', '--json'], env, 'kubernets crashloop\n\nterraform state locking\n');
    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout).map((l) => searchLine.parse(l));
    expect(lines.map((l) => l.query)).toEqual(['kubernets crashloop', '', 'terraform state locking']);
    const [crash, blank, terraform] = lines;
    expect(crash?.results[0]).toMatchObject({ kind: 'question' });
    expect(crash?.results[0]?.prompt).toMatch(/CrashLoopBackOff/);
    expect(blank?.results).toEqual([]);
    expect(terraform?.results[0]?.prompt).toMatch(/Terraform/i);
    for (const line of lines) {
      expect(line.results.length).toBeLessThanOrEqual(10);
      const scores = line.results.map((r) => r.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const r of line.results) if (r.kind === 'question') expect(r.tier).not.toBeNull();
    }
  });

  it('grade --json: grades each line, reports bad lines and keeps going, exits 1', async () => {
    const input = [
      JSON.stringify({ questionId: 'crashloopbackoff-debugging', answer: 'kubectl describe pod for events and exit code, kubectl logs --previous' }),
      'not json',
      JSON.stringify({ questionId: 'no-such-question', answer: 'x' }),
      JSON.stringify({ questionId: 'crashloopbackoff-debugging' }),
      JSON.stringify({ questionId: 'crashloopbackoff-debugging', answer: '' }),
    ].join('\n');
    const run = await runCli(['grade', '--json'], env, `${input}\n`);
    expect(run.code).toBe(1);
    const lines = jsonLines(run.stdout);
    expect(lines).toHaveLength(5);
    const first = gradeLine.parse(lines[0]);
    expect(first.score).toBeGreaterThan(0);
    expect(first.covered.length).toBeGreaterThan(0);
    expect(errorLine.parse(lines[1])).toMatchObject({ line: 2 });
    expect(errorLine.parse(lines[2])).toEqual({ error: 'unknown question id "no-such-question"', line: 3 });
    expect(errorLine.parse(lines[3])).toMatchObject({ line: 4 });
    expect(gradeLine.parse(lines[4])).toMatchObject({ score: 0, covered: [] });
  });

  it('grade --json exits 0 when every line grades', async () => {
    const run = await runCli(['grade', '--json'], env, JSON.stringify({ questionId: 'crashloopbackoff-debugging', answer: 'logs' }));
    expect(run.code).toBe(0);
    expect(gradeLine.parse(jsonLines(run.stdout)[0]).questionId).toBe('crashloopbackoff-debugging');
  });
});

const flagLine = z.strictObject({
  roleId: z.string(),
  questionId: z.string(),
  count: z.number().int().positive(),
  spaces: z.array(z.string()).min(1),
  lastAt: z.number(),
});

describe('flags', () => {
  const flag = (questionId: string, userId: string, space: string, at: number) => ({ roleId: 'devops-engineer', questionId, space, userId, at });
  const SLACK = 'devops-engineer@slack:T1';
  const DISCORD = 'devops-engineer@discord:G1';

  it('reports what the core recorded when a user pressed Flag', async () => {
    const dataDir = join(dir, 'flags-core');
    const store = await openLowdbStore({ dataDir });
    const t = await makeTestAssistant({ store });
    const card = await t.assistant.handle(cmd('devops-question', 'technical'));
    if (card.view.kind !== 'card') throw new Error(`expected a card, got ${card.view.kind}`);
    const flagId = card.view.actions.find((a) => a.label === 'Flag')?.id ?? '';
    await t.assistant.handle(act(flagId));
    await store.close();
    const run = await runCli(['flags', '--json'], { ...env, DATA_DIR: dataDir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(jsonLines(run.stdout).map((l) => flagLine.parse(l))).toEqual([
      { roleId: 'devops-engineer', questionId: card.view.question.id, count: 1, spaces: ['devops-engineer@console:T1'], lastAt: t.clock.now() },
    ]);
  });

  it('groups flags per question, most-flagged first, as JSON lines and as text with the prompts', async () => {
    const dataDir = join(dir, 'flags-file');
    await mkdir(dataDir, { recursive: true });
    const flags = [
      flag('terraform-remote-state', 'u9', SLACK, 1_000),
      flag('crashloopbackoff-debugging', 'u1', SLACK, 2_000),
      flag('crashloopbackoff-debugging', 'u2', SLACK, 3_000),
      flag('crashloopbackoff-debugging', 'u1', DISCORD, 4_000),
      flag('retired-question', 'u1', SLACK, 5_000),
      flag('retired-question', 'u2', SLACK, 6_000),
    ];
    const file = join(dataDir, 'panelist.json');
    const text = JSON.stringify({ version: 1, users: {}, sessions: {}, flags });
    await writeFile(file, text);
    const json = await runCli(['flags', '--json'], { ...env, DATA_DIR: dataDir });
    expect(json.code).toBe(0);
    expect(jsonLines(json.stdout).map((l) => flagLine.parse(l))).toEqual([
      { roleId: 'devops-engineer', questionId: 'crashloopbackoff-debugging', count: 3, spaces: [DISCORD, SLACK], lastAt: 4_000 },
      { roleId: 'devops-engineer', questionId: 'retired-question', count: 2, spaces: [SLACK], lastAt: 6_000 },
      { roleId: 'devops-engineer', questionId: 'terraform-remote-state', count: 1, spaces: [SLACK], lastAt: 1_000 },
    ]);

    const report = await runCli(['flags'], { ...env, DATA_DIR: dataDir });
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/^Flagged questions: 3 questions, 6 flags\n\nDevOps Engineer \(devops-engineer\)\n/);
    expect(report.stdout).toMatch(/3 × crashloopbackoff-debugging\n\s+.*CrashLoopBackOff/);
    expect(report.stdout).toMatch(/2 × retired-question\n\s+\(no longer in the question bank\)/);
    expect(report.stdout).toMatch(/1 × terraform-remote-state\n\s+.*Terraform/i);
    expect(report.stdout.indexOf('crashloopbackoff-debugging')).toBeLessThan(report.stdout.indexOf('retired-question'));
    expect(report.stdout.indexOf('retired-question')).toBeLessThan(report.stdout.indexOf('terraform-remote-state'));
    // Reading changed nothing.
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('says so when nothing is flagged, and prints no JSON lines', async () => {
    const empty = { ...env, DATA_DIR: join(dir, 'flags-empty') };
    const report = await runCli(['flags'], empty);
    expect(report.code).toBe(0);
    expect(report.stdout.trim()).toBe('No flagged questions.');
    const json = await runCli(['flags', '--json'], empty);
    expect(json.code).toBe(0);
    expect(json.stdout).toBe('');
  });
});
