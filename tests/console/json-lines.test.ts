/** The JSON-lines functions in process, over two roles (the shipped one and a small second one). */

import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentDir } from '../../adapters/boot.js';
import { createMultiSearch, questionLines, runGradeLines, runSearchLines, SEARCH_LIMIT } from '../../adapters/console/json-lines.js';
import { loadRoleFile, loadRoles } from '../../src/content/load.js';
import type { Role } from '../../src/content/schema.js';
import { ROOT } from './spawn.js';

let roles: Role[];
beforeAll(async () => {
  roles = [...(await loadRoles(contentDir({}))), await loadRoleFile(join(ROOT, 'tests/fixtures/roles/sre-mini.yaml'))];
});

async function collect(run: (input: NodeJS.ReadableStream, write: (v: unknown) => Promise<void>) => Promise<unknown>, text: string) {
  const input = new PassThrough();
  input.end(text);
  const out: unknown[] = [];
  const result = await run(input, async (v) => {
    out.push(v);
  });
  return { out, result };
}

describe('JSON lines over several roles', () => {
  it('lists the questions of every role', () => {
    const ids = questionLines(roles).map((q) => q.id);
    expect(ids).toHaveLength(roles.reduce((n, r) => n + r.questions.length, 0));
    expect(ids).toContain('toil-definition');
  });

  it('merges every role’s hits best first, at most ten', () => {
    const search = createMultiSearch(roles);
    // The SRE fixture's toil question ranks among the DevOps bank's on-call questions.
    const toil = search.search('toil automation');
    expect(toil.slice(0, 3)).toContainEqual(expect.objectContaining({ id: 'toil-definition', kind: 'question', tier: 'basic' }));
    const broad = search.search('latency percentile kubernetes deployment incident');
    expect(broad.length).toBeLessThanOrEqual(SEARCH_LIMIT);
    expect(broad.map((r) => r.score)).toEqual([...broad.map((r) => r.score)].sort((a, b) => b - a));
    const other = search.search('trusting averages').find((r) => r.kind === 'mistake');
    expect(other).toMatchObject({ tier: null, prompt: 'Trusting averages' });
    expect(search.search('   ')).toEqual([]);
  });

  it('streams one search line per query line, a last line without newline included', async () => {
    const { out } = await collect((i, w) => runSearchLines(roles, i, w), 'p99 latency\r\n\ntoil');
    expect(out.map((l) => (l as { query: string }).query)).toEqual(['p99 latency', '', 'toil']);
  });

  it('grades against the right role and numbers error lines', async () => {
    const text = [
      '{"questionId":"toil-definition","answer":"manual repetitive work we automate; cap it at half"}',
      '[1,2]',
      '',
      '{"questionId":"x","answer":1}',
    ].join('\n');
    const { out, result } = await collect((i, w) => runGradeLines(roles, i, w), text);
    expect(result).toBe(2);
    expect(out[0]).toMatchObject({ questionId: 'toil-definition' });
    expect((out[0] as { score: number }).score).toBeGreaterThan(30);
    expect(out[1]).toMatchObject({ line: 2 });
    expect(out[2]).toMatchObject({ line: 4 });
  });
});
