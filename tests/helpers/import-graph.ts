/**
 * The import graph of the project's own TypeScript files, and the cycles in it.
 * Written here rather than taken from a package (madge, dpdm) because nothing
 * new can be installed; the TypeScript sources are regular enough to read with
 * a few patterns.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** Every `.ts` file under `dir`, recursively (no `node_modules`). */
export function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : tsFiles(path);
    return e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The text without comments, so an example in a doc comment is not taken for an import. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/**
 * Module specifiers a file depends on: static imports and re-exports, type-only
 * ones included (a type cycle ties files together as much as a value cycle),
 * and dynamic `import()`s (a lazy import that closes a loop is still a loop).
 */
export function importSpecifiers(text: string, options: { dynamic?: boolean } = {}): string[] {
  const code = withoutComments(text);
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^'";]*?\sfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s+['"]([^'"]+)['"]/g,
    ...(options.dynamic === false ? [] : [/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g]),
  ];
  const out: string[] = [];
  for (const re of patterns) for (const m of code.matchAll(re)) if (m[1]) out.push(m[1]);
  return out;
}

/** The file a relative specifier names (`./x.js` is `./x.ts` in these sources); undefined for packages. */
export function resolveSpecifier(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  const candidates = [base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')];
  return candidates.find((c) => c.endsWith('.ts') && existsSync(c));
}

/** File → the project files it imports, for every `.ts` file under `roots` (`dynamic: false` leaves lazy imports out). */
export function importGraph(roots: readonly string[], options: { dynamic?: boolean } = {}): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of roots.flatMap(tsFiles)) {
    const deps = importSpecifiers(readFileSync(file, 'utf8'), options).flatMap((s) => resolveSpecifier(file, s) ?? []);
    graph.set(file, [...new Set(deps)]);
  }
  return graph;
}

/**
 * The strongly connected components with more than one file, or a file that
 * imports itself (Tarjan's algorithm): each one is a cycle, or several sharing files.
 */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    for (let w = stack.pop(); w !== undefined; w = stack.pop()) {
      onStack.delete(w);
      component.push(w);
      if (w === v) break;
    }
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(component.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return out;
}

/** One cycle through `component`'s files, as `a.ts → b.ts → a.ts` relative to `root`, for a readable failure. */
export function describeCycle(graph: ReadonlyMap<string, readonly string[]>, component: readonly string[], root: string): string {
  const members = new Set(component);
  const start = component[0] ?? '';
  // Breadth-first from the start back to itself, inside the component: the shortest loop.
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift() as string;
    for (const w of graph.get(v) ?? []) {
      if (!members.has(w) || previous.has(w)) continue;
      previous.set(w, v);
      if (w === start) queue.length = 0;
      else queue.push(w);
    }
  }
  const path = [start];
  for (let v = previous.get(start); v !== undefined && v !== start; v = previous.get(v)) path.unshift(v);
  path.unshift(start);
  const name = (f: string) => relative(root, f).split(sep).join('/');
  return `${path.map(name).join(' → ')}${component.length > path.length - 1 ? ` (${component.length} files in the knot)` : ''}`;
}

/** Every file `start` reaches through the graph, itself included. */
export function reachable(graph: ReadonlyMap<string, readonly string[]>, start: string): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  for (let v = queue.shift(); v !== undefined; v = queue.shift()) {
    for (const w of graph.get(v) ?? []) if (!seen.has(w)) seen.add(w) && queue.push(w);
  }
  return seen;
}
