/**
 * Content errors that must name the file and the line: a YAML alias bomb
 * (capped, not expanded), a missing field (at its parent's line), and a
 * command prefix or id used twice (both files, both lines). Built on the
 * small fixture role, and written so they hold even while a file has other
 * problems: only the problem under test is asserted.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentError, loadRoleFile, loadRoles, MAX_ALIASES, parseRole } from '../../src/content/load.js';
import { FIXTURE_ROLES_DIR } from '../helpers/assistant.js';

let sre: string;
let tmp: string;
beforeAll(async () => {
  sre = await readFile(join(FIXTURE_ROLES_DIR, 'sre-mini.yaml'), 'utf8');
  tmp = await mkdtemp(join(tmpdir(), 'panelist-load-errors-'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

let count = 0;
async function dirWith(files: Record<string, string>): Promise<string> {
  const dir = join(tmp, `d${++count}`);
  await mkdir(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

function contentError(run: () => unknown): ContentError {
  try {
    run();
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw new Error(`expected a ContentError, got ${String(error)}`);
  }
  throw new Error('expected a ContentError');
}

async function contentErrorOf(promise: Promise<unknown>): Promise<ContentError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw new Error(`expected a ContentError, got ${String(error)}`);
  }
  throw new Error('expected a ContentError');
}

/** 1-based line of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not in text`);
  return text.slice(0, at).split('\n').length;
}

function without(text: string, line: string): string {
  if (!text.includes(`${line}\n`)) throw new Error(`"${line}" not in text`);
  return text.replace(`${line}\n`, '');
}

// Nine times nine times ... : a few hundred bytes that expand to millions of nodes.
const BOMB = [
  'schemaVersion: 1',
  'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
  'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
  'f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
  'g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]',
  '',
].join('\n');

describe('YAML aliases', () => {
  it('refuses an alias bomb as a content error naming the file and the first alias line', async () => {
    const error = contentError(() => parseRole(BOMB, 'roles/bomb.yaml'));
    expect(error.problems).toEqual([`roles/bomb.yaml:3: not valid YAML: too many alias expansions (at most ${MAX_ALIASES}; role files need none)`]);
    expect(error.message).toContain('roles/bomb.yaml');
    const dir = await dirWith({ 'bomb.yaml': BOMB });
    const loaded = await contentErrorOf(loadRoles(dir));
    expect(loaded.problems[0]).toMatch(/bomb\.yaml:3: not valid YAML: too many alias expansions/);
  });

  it('names the file for an alias without its anchor', async () => {
    const file = join(await dirWith({ 'dangling.yaml': 'schemaVersion: 1\nid: *nowhere\n' }), 'dangling.yaml');
    const error = await contentErrorOf(loadRoleFile(file));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: not valid YAML: Unresolved alias`));
  });

  it('caps aliases well below what a bomb needs', () => {
    expect(MAX_ALIASES).toBeGreaterThan(0);
    expect(MAX_ALIASES).toBeLessThanOrEqual(100);
  });
});

describe('missing fields', () => {
  it("point at their parent's line: a question's field at the question, a top-level one at the document", () => {
    const noPrompt = sre.replace(/^ {4}prompt: .*\n/m, '');
    expect(noPrompt).not.toBe(sre);
    const error = contentError(() => parseRole(noPrompt, 'sre.yaml'));
    const question = lineOf(noPrompt, '  - id: toil-definition');
    expect(error.problems.find((p) => p.startsWith('sre.yaml: questions[0].prompt'))).toMatch(
      new RegExp(`^sre\\.yaml: questions\\[0\\]\\.prompt \\(line ${question}\\): \\S`),
    );

    const noSummary = contentError(() => parseRole(sre.replace(/^summary: .*\n/m, ''), 'sre.yaml'));
    expect(noSummary.problems.find((p) => p.startsWith('sre.yaml: summary'))).toMatch(
      new RegExp(`^sre\\.yaml: summary \\(line ${lineOf(sre, 'schemaVersion:')}\\): \\S`),
    );
  });

  it('point at the nearest existing ancestor when the parent is missing too', () => {
    const noSkills = without(
      without(without(without(sre, 'skills:'), '  technical:'), '    - "Monitoring and alerting on service level indicators"'),
      '    - "Automation with Python or Go"',
    );
    const text = noSkills.replace(/^ {2}soft:\n(?: {4}- .*\n)+/m, '');
    const error = contentError(() => parseRole(text, 'sre.yaml'));
    expect(error.problems.find((p) => p.startsWith('sre.yaml: skills'))).toMatch(
      new RegExp(`^sre\\.yaml: skills \\(line ${lineOf(text, 'schemaVersion:')}\\): `),
    );
  });
});

describe('duplicate ids and command prefixes', () => {
  it('name both files and both lines', async () => {
    const other = sre.replace('id: sre-mini', 'id: sre-other');
    const dir = await dirWith({ 'a-sre.yaml': sre, 'b-sre.yaml': other });
    const error = await contentErrorOf(loadRoles(dir));
    const clash = error.problems.filter((p) => p.includes('is already used by'));
    const line = lineOf(sre, 'commandPrefix: sre');
    const rel = (name: string) => relative(process.cwd(), join(dir, name));
    expect(clash).toEqual([`${rel('b-sre.yaml')}: commandPrefix (line ${line}): "sre" is already used by ${rel('a-sre.yaml')} (line ${line})`]);
  });

  it('are found even when the files have other problems, with their own lines', async () => {
    const first = `# moved down\n\n${sre.replace('title: Site Reliability Engineer', 'title: 42\nextra: field')}`;
    const second = sre.replace('id: sre-mini', 'id: sre-two').replace(/^summary: .*\n/m, '');
    const dir = await dirWith({ 'one.yaml': first, 'two.yaml': second });
    const error = await contentErrorOf(loadRoles(dir));
    const rel = (name: string) => relative(process.cwd(), join(dir, name));
    expect(error.problems).toContain(
      `${rel('two.yaml')}: commandPrefix (line ${lineOf(second, 'commandPrefix:')}): "sre" is already used by ${rel('one.yaml')} (line ${lineOf(first, 'commandPrefix:')})`,
    );
    expect(error.problems.some((p) => p.includes('one.yaml') && p.includes('title'))).toBe(true);
  });

  it('name both files and lines for a duplicate id', async () => {
    const other = sre.replace('commandPrefix: sre', 'commandPrefix: sretwo');
    const dir = await dirWith({ 'a.yaml': sre, 'b.yaml': other });
    const error = await contentErrorOf(loadRoles(dir));
    const rel = (name: string) => relative(process.cwd(), join(dir, name));
    const line = lineOf(sre, 'id: sre-mini');
    expect(error.problems.filter((p) => p.includes('is already used by'))).toEqual([
      `${rel('b.yaml')}: id (line ${line}): "sre-mini" is already used by ${rel('a.yaml')} (line ${line})`,
    ]);
  });
});
