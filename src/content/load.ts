/**
 * The one edge of the core that reads files: role files under a content
 * directory, parsed as YAML (or JSON) and validated, with errors that name the
 * file, the path inside it (and its line) and what is wrong.
 */
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { roleSchema, type Role } from './schema.js';

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

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

/** Parses and validates one role file's text; `file` only labels errors. */
export function parseRole(text: string, file: string): Role {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => {
      const at = lines.linePos(e.pos[0]);
      return `${file}:${at.line}:${at.col}: not valid YAML: ${e.message.split('\n')[0]}`;
    });
    throw new ContentError(`Content file ${file} is not valid YAML:\n  ${problems.join('\n  ')}`, problems);
  }
  const result = roleSchema.safeParse(doc.toJS());
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue: z.core.$ZodIssue) => {
    const node = doc.getIn(issue.path as (string | number)[], true) as { range?: [number, number, number] } | undefined;
    const line = node?.range ? lines.linePos(node.range[0]).line : undefined;
    const where = formatPath(issue.path) || '(top level)';
    return `${file}: ${where}${line ? ` (line ${line})` : ''}: ${issue.message}`;
  });
  throw new ContentError(`Content file ${file} is invalid:\n  ${problems.join('\n  ')}`, problems);
}

/** Reads one role file. */
export async function loadRoleFile(path: string): Promise<Role> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ContentError(`Cannot read content file ${path}: ${reason}`, [`${path}: ${reason}`]);
  }
  return parseRole(text, path);
}

/**
 * Loads every role file (`*.yaml`, `*.yml`, `*.json`) in `dir`, sorted by name.
 * A second role is a second file. Two roles may not share an id or a command prefix.
 */
export async function loadRoles(dir: string): Promise<Role[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => ROLE_FILE.test(extname(n)) || ROLE_FILE.test(n)).sort();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ContentError(`Cannot read content directory ${dir}: ${reason}`, [`${dir}: ${reason}`]);
  }
  if (names.length === 0) throw new ContentError(`No role files (*.yaml) in ${dir}`, [`${dir}: no role files`]);
  const roles: Role[] = [];
  const files = new Map<Role, string>();
  const problems: string[] = [];
  for (const name of names) {
    const file = join(dir, name);
    try {
      const role = await loadRoleFile(file);
      roles.push(role);
      files.set(role, file);
    } catch (error) {
      if (error instanceof ContentError) problems.push(...error.problems);
      else throw error;
    }
  }
  const label = (r: Role) => relative(process.cwd(), files.get(r) ?? dir);
  for (const key of ['id', 'commandPrefix'] as const) {
    const byKey = new Map<string, Role>();
    for (const role of roles) {
      const other = byKey.get(role[key]);
      if (other) problems.push(`${label(role)}: ${key}: "${role[key]}" is already used by ${label(other)}`);
      else byKey.set(role[key], role);
    }
  }
  if (problems.length > 0) throw new ContentError(`Content is invalid:\n  ${problems.join('\n  ')}`, problems);
  return roles;
}
