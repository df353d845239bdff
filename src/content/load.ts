/**
 * The one edge of the core that reads files: role files under a content
 * directory, parsed as YAML (or JSON) and validated, with errors that name the
 * file, the path inside it (and its line) and what is wrong. A role that was
 * valid before can come from a cache of validated roles instead (`LoadOptions`).
 */
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, join, relative } from 'node:path';
import type * as Yaml from 'yaml';
import type { Document, LineCounter } from 'yaml';
import type { z } from 'zod';
import { type Role, roleSchema } from './schema.js';

/** Thrown when content cannot be used; `message` is ready to show a content author. */
export class ContentError extends Error {
  constructor(
    message: string,
    /** One line per problem: `file: path (line N): what is wrong`. */
    readonly problems: readonly string[],
  ) {
    super(message);
    this.name = 'ContentError';
  }
}

const ROLE_FILE = /\.(ya?ml|json)$/i;

// Loaded on first parse: with every role served from the cache, a start-up never pays yaml's import.
let yamlModule: typeof Yaml | undefined;
const yaml = (): typeof Yaml => (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof Yaml);

/**
 * Validated roles kept between runs, keyed by the exact text of their file
 * (the implementation hashes it, together with whatever else the result
 * depends on). Faults are the cache's to swallow: a miss just means parsing.
 */
export interface ContentCache {
  get(text: string): Promise<unknown>;
  set(text: string, value: unknown): Promise<void>;
}

/** Options of `loadRoles`. */
export interface LoadOptions {
  /** Serve unchanged files from here, and keep newly validated ones; without it every file is parsed. */
  cache?: ContentCache;
}

/**
 * Most alias expansions a role file may make (yaml's `maxAliasCount`). Role
 * files need no aliases at all; the cap stops a "billion laughs" file from
 * expanding into gigabytes while it is converted.
 */
export const MAX_ALIASES = 50;

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

/** A top-level string value and the line it is on. */
interface Located {
  value: string;
  line?: number;
}

/** One file's outcome: the role when valid, its problems otherwise, and the keys roles must not share. */
interface ParsedRole {
  role?: Role;
  problems: string[];
  keys: Partial<Record<'id' | 'commandPrefix', Located>>;
}

/**
 * Line of the node at `path`, or of its nearest ancestor that exists: a
 * missing field is reported at the line of the object that lacks it.
 */
function lineAt(doc: Document, lines: LineCounter, path: readonly PropertyKey[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as (string | number)[], true);
    if (yaml().isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

/** Line of the first alias (`*name`) in the file, for an alias-expansion error. */
function firstAliasLine(doc: Document, lines: LineCounter): number | undefined {
  let line: number | undefined;
  const { visit, isAlias } = yaml();
  visit(doc, {
    Alias(_, node) {
      if (isAlias(node) && node.range) line = lines.linePos(node.range[0]).line;
      return visit.BREAK;
    },
  });
  return line;
}

function parseRoleText(text: string, file: string): ParsedRole {
  const lines = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => {
      const at = lines.linePos(e.pos[0]);
      return `${file}:${at.line}:${at.col}: not valid YAML: ${e.message.split('\n')[0]}`;
    });
    return { problems, keys: {} };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    // yaml throws a bare ReferenceError for an alias bomb or an alias with no anchor.
    const line = firstAliasLine(doc, lines);
    const reason = error instanceof Error ? error.message : String(error);
    const hint = /alias count/i.test(reason) ? `too many alias expansions (at most ${MAX_ALIASES}; role files need none)` : reason;
    return { problems: [`${file}${line ? `:${line}` : ''}: not valid YAML: ${hint}`], keys: {} };
  }
  const keys: ParsedRole['keys'] = {};
  for (const key of ['id', 'commandPrefix'] as const) {
    const value = (data as Record<string, unknown> | null)?.[key];
    const line = lineAt(doc, lines, [key]);
    if (typeof value === 'string') keys[key] = line === undefined ? { value: value.trim() } : { value: value.trim(), line };
  }
  const result = roleSchema.safeParse(data);
  if (result.success) return { role: result.data, problems: [], keys };
  const problems = result.error.issues.map((issue: z.core.$ZodIssue) => {
    const line = lineAt(doc, lines, issue.path);
    const where = formatPath(issue.path) || '(top level)';
    return `${file}: ${where}${line ? ` (line ${line})` : ''}: ${issue.message}`;
  });
  return { problems, keys };
}

/** Parses and validates one role file's text; `file` only labels errors. */
export function parseRole(text: string, file: string): Role {
  const parsed = parseRoleText(text, file);
  if (parsed.role) return parsed.role;
  const what = parsed.problems.some((p) => p.includes(': not valid YAML: ')) ? 'is not valid YAML' : 'is invalid';
  throw new ContentError(`Content file ${file} ${what}:\n  ${parsed.problems.join('\n  ')}`, parsed.problems);
}

async function readRoleText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ContentError(`Cannot read content file ${path}: ${reason}`, [`${path}: ${reason}`]);
  }
}

/** What the cache keeps for a file: its role and the keys other roles must not share. */
interface CachedRole {
  role: Role;
  keys: ParsedRole['keys'];
}

// Only a shape check: entries are written by this loader from validated roles, under a key that changes with the schema.
function isCachedRole(value: unknown): value is CachedRole {
  const v = value as Partial<CachedRole> | null;
  return typeof v === 'object' && v !== null && typeof v.keys === 'object' && typeof v.role?.id === 'string' && Array.isArray(v.role.questions);
}

/** One file's outcome, from the cache when its exact text was validated before. */
async function parseCached(text: string, file: string, cache: ContentCache | undefined): Promise<ParsedRole> {
  if (!cache) return parseRoleText(text, file);
  const hit = await cache.get(text).catch(() => undefined);
  if (isCachedRole(hit)) return { role: hit.role, problems: [], keys: hit.keys };
  const parsed = parseRoleText(text, file);
  // Only valid roles are kept: a file with problems is parsed (and reported) every time.
  if (parsed.role) await cache.set(text, { role: parsed.role, keys: parsed.keys } satisfies CachedRole).catch(() => undefined);
  return parsed;
}

/** Reads one role file. */
export async function loadRoleFile(path: string): Promise<Role> {
  return parseRole(await readRoleText(path), path);
}

/**
 * Loads every role file (`*.yaml`, `*.yml`, `*.json`) in `dir`, sorted by name.
 * A second role is a second file. Two roles may not share an id or a command
 * prefix; a clash names both files and lines, and is found even while one of
 * the files has other problems, so one run of `validate` reports everything.
 */
export async function loadRoles(dir: string, options: LoadOptions = {}): Promise<Role[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => ROLE_FILE.test(extname(n)) || ROLE_FILE.test(n)).sort();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ContentError(`Cannot read content directory ${dir}: ${reason}`, [`${dir}: ${reason}`]);
  }
  if (names.length === 0) throw new ContentError(`No role files (*.yaml) in ${dir}`, [`${dir}: no role files`]);
  const roles: Role[] = [];
  const problems: string[] = [];
  const parsed: { file: string; keys: ParsedRole['keys'] }[] = [];
  for (const name of names) {
    const file = join(dir, name);
    try {
      const one = await parseCached(await readRoleText(file), file, options.cache);
      if (one.role) roles.push(one.role);
      problems.push(...one.problems);
      parsed.push({ file, keys: one.keys });
    } catch (error) {
      if (error instanceof ContentError) problems.push(...error.problems);
      else throw error;
    }
  }
  const at = (file: string, where: Located) => `${relative(process.cwd(), file)}${where.line ? ` (line ${where.line})` : ''}`;
  for (const key of ['id', 'commandPrefix'] as const) {
    const seen = new Map<string, { file: string; where: Located }>();
    for (const { file, keys } of parsed) {
      const where = keys[key];
      if (!where) continue;
      const other = seen.get(where.value);
      if (!other) {
        seen.set(where.value, { file, where });
        continue;
      }
      const line = where.line ? ` (line ${where.line})` : '';
      problems.push(`${relative(process.cwd(), file)}: ${key}${line}: "${where.value}" is already used by ${at(other.file, other.where)}`);
    }
  }
  if (problems.length > 0) throw new ContentError(`Content is invalid:\n  ${problems.join('\n  ')}`, problems);
  return roles;
}
