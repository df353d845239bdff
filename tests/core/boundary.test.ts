/**
 * The core stays platform-free: no chat SDK, storage, file, network or process
 * import under src/ (content loading excepted), and no ambient clock or randomness.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return tsFiles(path);
    return e.isFile() && e.name.endsWith('.ts') ? [path] : [];
  });
}

const FILES = tsFiles(SRC).map((path) => ({ path, name: relative(SRC, path).split(sep).join('/'), text: readFileSync(path, 'utf8') }));

/** Module specifiers of static imports, re-exports, dynamic imports and requires. */
export function specifiers(text: string): string[] {
  const out: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?(?:[\s\S]*?\sfrom\s+)?['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of text.matchAll(re)) if (m[1]) out.push(m[1]);
  return out;
}

/** The text without comments, so documentation may mention what code must not do. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const FORBIDDEN_PACKAGES = ['@slack/bolt', 'discord.js', 'lowdb', 'steno'];
const FS_MODULES = ['fs', 'fs/promises', 'node:fs', 'node:fs/promises'];
const IO_MODULES = ['net', 'node:net', 'http', 'node:http', 'https', 'node:https', 'child_process', 'node:child_process'];
const FS_ALLOWED = new Set(['content/load.ts']);

function forbiddenImport(name: string, spec: string): string | undefined {
  if (FORBIDDEN_PACKAGES.some((p) => spec === p || spec.startsWith(`${p}/`))) return 'platform or storage package';
  if (FS_MODULES.includes(spec) && !FS_ALLOWED.has(name)) return 'file system';
  if (IO_MODULES.includes(spec)) return 'network or process';
  if (/(^|\/)(adapters|storage)(\/|$)/.test(spec)) return 'adapter or storage module';
  return undefined;
}

const AMBIENT = [/\bDate\.now\s*\(/, /\bnew\s+Date\s*\(\s*\)/, /\bMath\.random\s*\(/];

describe('core boundary', () => {
  it('finds the core sources', () => {
    expect(FILES.length).toBeGreaterThan(20);
    expect(FILES.map((f) => f.name)).toContain('assistant.ts');
  });

  it('imports no platform, storage, file (outside content/load.ts), network or process module', () => {
    const offences = FILES.flatMap((f) =>
      specifiers(f.text).flatMap((spec) => {
        const why = forbiddenImport(f.name, spec);
        return why ? [`${f.name}: ${spec} (${why})`] : [];
      }),
    );
    expect(offences).toEqual([]);
  });

  it('reads the clock and randomness only through the injected ports', () => {
    const offences = FILES.flatMap((f) => AMBIENT.filter((re) => re.test(code(f.text))).map((re) => `${f.name}: ${re.source}`));
    expect(offences).toEqual([]);
  });

  it('the checks catch what they are meant to catch', () => {
    expect(specifiers(`import { App } from '@slack/bolt';\nimport type { X } from "../adapters/slack/app.js";\nconst m = await import('node:http');`)).toEqual([
      '@slack/bolt',
      '../adapters/slack/app.js',
      'node:http',
    ]);
    expect(specifiers(`import {\n  readFile,\n} from 'node:fs/promises';`)).toEqual(['node:fs/promises']);
    expect(forbiddenImport('quiz/session.ts', 'node:fs/promises')).toBe('file system');
    expect(forbiddenImport('content/load.ts', 'node:fs/promises')).toBeUndefined();
    expect(forbiddenImport('assistant.ts', '../storage/memory-store.js')).toBe('adapter or storage module');
    expect(forbiddenImport('assistant.ts', 'discord.js')).toBe('platform or storage package');
    expect(forbiddenImport('assistant.ts', './discord.js')).toBeUndefined();
    expect(forbiddenImport('assistant.ts', 'node:child_process')).toBe('network or process');
    expect(AMBIENT.some((re) => re.test(code('const t = Date.now();')))).toBe(true);
    expect(AMBIENT.some((re) => re.test(code('const d = new Date();')))).toBe(true);
    expect(AMBIENT.some((re) => re.test(code('const r = Math.random();')))).toBe(true);
    expect(AMBIENT.some((re) => re.test(code('const d = new Date(at); // not Date.now()')))).toBe(false);
  });
});
