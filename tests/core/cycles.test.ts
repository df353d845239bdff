/**
 * No import cycles in the core, the adapters or the stores: value, type-only
 * and dynamic imports all count. A cycle works only as long as nobody reads a
 * binding during module evaluation, and it makes every file in it depend on
 * every other one.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeCycle, importCycles, importGraph, importSpecifiers, resolveSpecifier } from '../helpers/import-graph.js';

const ROOT = resolve(import.meta.dirname, '../..');
const ROOTS = ['src', 'adapters', 'storage'].map((d) => resolve(ROOT, d));

describe('import cycles', () => {
  const graph = importGraph(ROOTS);

  it('reads the whole project', () => {
    expect(graph.size).toBeGreaterThan(100);
    const assistant = graph.get(resolve(ROOT, 'src/assistant.ts')) ?? [];
    expect(assistant).toContain(resolve(ROOT, 'src/ports.ts'));
  });

  it('has none in src/, adapters/ and storage/', () => {
    const cycles = importCycles(graph).map((c) => describeCycle(graph, c, ROOT));
    expect(cycles).toEqual([]);
  });

  it('the walker sees every kind of import and finds a planted cycle', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../b.js';",
      "export { c } from './c.js';",
      "export type { D } from './d.js';",
      "import './side-effect.js';",
      "const e = await import('./e.js');",
      "import {\n  f,\n  g,\n} from './fg.js';",
      "// import { no } from './commented.js';",
      "/** import { no } from './documented.js'; */",
      "import { z } from 'zod';",
    ].join('\n');
    expect(importSpecifiers(text)).toEqual(['./a.js', '../b.js', './c.js', './d.js', './fg.js', 'zod', './side-effect.js', './e.js']);
    expect(resolveSpecifier(resolve(ROOT, 'src/assistant.ts'), './ports.js')).toBe(resolve(ROOT, 'src/ports.ts'));
    expect(resolveSpecifier(resolve(ROOT, 'src/assistant.ts'), 'zod')).toBeUndefined();

    const planted = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    expect(importCycles(planted)).toEqual([['a', 'b', 'c'], ['e']]);
    expect(describeCycle(planted, ['a', 'b', 'c'], '')).toBe('a → b → c → a');
  });
});
