/**
 * The content cache on disk: one JSON file per validated role, named by the
 * sha256 of the role file's text together with everything the validated
 * result depends on (the schema and loader sources, the zod and yaml
 * versions). Parsing YAML and validating 68 questions is most of a cold
 * start's content cost; reading one JSON file is a few milliseconds. A changed
 * role file, schema or loader simply misses, and a fault (a read-only
 * directory, a damaged entry) only means parsing as before.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ContentCache } from '../src/content/load.js';

/** Bumped when the shape of an entry changes. */
const FORMAT = 'panelist-content-cache/1';

/** The first of `candidates` that can be read, as text; '' when none can. */
function firstReadable(candidates: readonly URL[]): string {
  for (const url of candidates) {
    try {
      return readFileSync(url, 'utf8');
    } catch {
      // Compiled runs have the .js file, tsx runs the .ts one.
    }
  }
  return '';
}

let fingerprint: string | undefined;

/** What every entry depends on besides the role file itself, as one hash; computed once per process. */
function codeFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const source = (name: string) =>
    firstReadable([new URL(`../src/content/${name}.js`, import.meta.url), new URL(`../src/content/${name}.ts`, import.meta.url)]);
  const require = createRequire(import.meta.url);
  const version = (pkg: string) => {
    try {
      return String((require(`${pkg}/package.json`) as { version?: unknown }).version);
    } catch {
      return '?';
    }
  };
  const hash = createHash('sha256').update(FORMAT);
  for (const part of [source('schema'), source('load'), version('zod'), version('yaml')]) hash.update('\0').update(part);
  fingerprint = hash.digest('hex');
  return fingerprint;
}

/** A content cache keeping its entries in `dir` (created on first write). */
export function contentCache(dir: string): ContentCache {
  const path = (text: string) => join(dir, `${createHash('sha256').update(codeFingerprint()).update('\0').update(text).digest('hex')}.json`);
  return {
    async get(text) {
      try {
        return JSON.parse(await readFile(path(text), 'utf8')) as unknown;
      } catch {
        return undefined;
      }
    },
    async set(text, value) {
      const target = path(text);
      // Written aside, then renamed: a process reading at the same moment sees the whole entry or none.
      const temp = `${target}.${process.pid}.tmp`;
      await mkdir(dir, { recursive: true });
      await writeFile(temp, JSON.stringify(value));
      await rename(temp, target);
    },
  };
}
