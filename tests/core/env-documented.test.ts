/**
 * Every environment variable the code reads is documented: a commented line in
 * `.env.example` and a name in README.md's configuration list; and nothing is
 * documented there that the code no longer reads. The variables are found the
 * ways the code reads them (grep adapters/, storage/, src/, scripts/):
 * `env.NAME` / `process.env.NAME` / `env['NAME']`; name lists indexed into env
 * (`KEYS.map((k) => env[k])`); and keys of a zod schema parsed from the whole env.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SCANNED = ['adapters', 'storage', 'src', 'scripts'];

/**
 * Read but deliberately not documented as Panelist settings. Each entry says why.
 * (NODE_ENV, CI and VITEST would go here if the code ever read them: they are set
 * by the platform or the test runner, not by whoever configures Panelist.)
 */
const EXCEPTIONS = new Map<string, string>([]);

/** An environment variable's name: upper case, digits and underscores. */
const NAME = '[A-Z][A-Z0-9_]*';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(path);
    return e.isFile() && /\.(?:ts|mts|mjs|js)$/.test(e.name) ? [path] : [];
  });
}

/** The text without comments, so documentation may mention a name the code does not read. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** The variables one file reads, each with how it was found (for the failure message). */
export function variablesRead(text: string): Map<string, string> {
  const src = code(text);
  const found = new Map<string, string>();
  const add = (name: string | undefined, how: string) => {
    if (name && !found.has(name)) found.set(name, how);
  };
  // env.NAME, env?.NAME, process.env.NAME, env['NAME'], env?.["NAME"]
  for (const m of src.matchAll(new RegExp(`\\benv\\??\\.(${NAME})\\b`, 'g'))) add(m[1], 'env.NAME');
  for (const m of src.matchAll(new RegExp(`\\benv(?:\\?\\.)?\\[\\s*['"\`](${NAME})['"\`]\\s*\\]`, 'g'))) add(m[1], "env['NAME']");
  // env[k] over a list of names: every string literal in the file that is a whole variable name.
  if (/\benv(?:\?\.)?\[\s*(?!['"`])/.test(src)) {
    for (const m of src.matchAll(/['"]([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)['"]/g)) add(m[1], 'a name list indexed into env');
  }
  // schema.safeParse(env) / schema.parse(process.env): the schema's upper-case keys are read from env.
  if (/\.(?:safeParse|parse)\(\s*(?:process\.)?env\s*\)/.test(src)) {
    for (const m of src.matchAll(new RegExp(`^\\s*['"]?(${NAME})['"]?\\s*:`, 'gm'))) add(m[1], 'a zod schema parsed from env');
  }
  return found;
}

/** Every variable read under the scanned folders: name -> where and how. */
function scan(): Map<string, string> {
  const all = new Map<string, string>();
  for (const dir of SCANNED) {
    for (const path of sourceFiles(join(ROOT, dir))) {
      const file = relative(ROOT, path).split(sep).join('/');
      for (const [name, how] of variablesRead(readFileSync(path, 'utf8'))) if (!all.has(name)) all.set(name, `${file} (${how})`);
    }
  }
  return all;
}

const READ = scan();
const ENV_EXAMPLE = readFileSync(join(ROOT, '.env.example'), 'utf8');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The variables `.env.example` lists: `NAME=` lines, set or blank (a `# NAME=` line counts too). */
const EXAMPLE_NAMES = new Set([...ENV_EXAMPLE.matchAll(new RegExp(`^#?\\s*(${NAME})=`, 'gm'))].map((m) => m[1] as string));

/** README's configuration list: the paragraph opening "## Configuration". */
function readmeList(): string {
  const start = README.indexOf('\n## Configuration\n');
  if (start < 0) return '';
  const body = README.slice(start + '\n## Configuration\n'.length).replace(/^\s+/, '');
  return body.slice(0, body.search(/\n\s*\n/));
}
const README_NAMES = new Set([...readmeList().matchAll(new RegExp(`\`(${NAME})\``, 'g'))].map((m) => m[1] as string));

describe('environment variables are documented', () => {
  it('the scan finds what each way of reading yields (so an empty scan cannot pass)', () => {
    expect(variablesRead('const u = env.DATABASE_URL?.trim(); const p = process.env.LOG_LEVEL; env["DATA_DIR"];')).toEqual(
      new Map([
        ['DATABASE_URL', 'env.NAME'],
        ['LOG_LEVEL', 'env.NAME'],
        ['DATA_DIR', "env['NAME']"],
      ]),
    );
    expect([...variablesRead("const KEYS = ['A_B', 'C_D'] as const; KEYS.map((k) => env[k]); say('NOT A NAME');").keys()]).toEqual(['A_B', 'C_D']);
    expect([...variablesRead('const s = z.object({\n  PORT: port,\n  X_Y: z.string(),\n});\ns.safeParse(env);').keys()]).toEqual(['PORT', 'X_Y']);
    // A comment mentioning a variable is not a read.
    expect(variablesRead('// env.NOT_READ\n/** process.env.NOR_THIS */')).toEqual(new Map());
    // Every way occurs in the tree: a schema parsed from env (Slack), a name list (Discord), plain reads.
    for (const name of ['SLACK_CLIENT_SECRET', 'DISCORD_TOKEN', 'PG_POOL_MAX', 'DATABASE_URL', 'HOST']) expect(READ.has(name), name).toBe(true);
    expect(READ.size).toBeGreaterThan(25);
    expect(README_NAMES.size).toBeGreaterThan(25);
  });

  it('every variable read is a commented line in .env.example', () => {
    const missing = [...READ].filter(([name]) => !EXCEPTIONS.has(name) && !EXAMPLE_NAMES.has(name)).map(([name, where]) => `${name}: read in ${where}`);
    expect(missing).toEqual([]);
    // Commented: the line above each variable is a comment saying what it is.
    const lines = ENV_EXAMPLE.split('\n');
    const bare = lines.flatMap((line, i) => (new RegExp(`^${NAME}=`).test(line) && !/^[#A-Z]/.test(lines[i - 1] ?? '') ? [line] : []));
    expect(bare).toEqual([]);
  });

  it("every variable read is named in README.md's configuration list", () => {
    const missing = [...READ].filter(([name]) => !EXCEPTIONS.has(name) && !README_NAMES.has(name)).map(([name, where]) => `${name}: read in ${where}`);
    expect(missing).toEqual([]);
  });

  it('nothing is documented that the code does not read, and every exception is still read', () => {
    expect([...EXAMPLE_NAMES].filter((name) => !READ.has(name))).toEqual([]);
    expect([...README_NAMES].filter((name) => !READ.has(name))).toEqual([]);
    expect([...EXCEPTIONS.keys()].filter((name) => !READ.has(name))).toEqual([]);
  });
});
