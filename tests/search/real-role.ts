/**
 * The real DevOps role, loaded the way the app loads content (yaml + schema),
 * or undefined while the content file does not exist yet.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { type Role, roleSchema } from '../../src/content/schema.js';

const PATH = new URL('../../content/roles/devops-engineer.yaml', import.meta.url);

/** The parsed real role, or undefined when the file is absent. */
export function loadRealRole(): Role | undefined {
  if (!existsSync(PATH)) return undefined;
  return roleSchema.parse(parse(readFileSync(PATH, 'utf8')));
}
