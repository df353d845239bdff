import { describe, expect, it } from 'vitest';
import { unmatchedNote } from '../../src/handlers/search.js';
import type { SearchHit } from '../../src/search/index.js';
import type { View } from '../../src/views.js';
import { cmd, makeTestAssistant } from '../helpers/assistant.js';
import { fixtureRole } from './fixture.js';

type SearchView = Extract<View, { kind: 'search' }>;

async function search(query: string): Promise<SearchView> {
  const t = await makeTestAssistant({ roles: [fixtureRole] });
  const reply = await t.assistant.handle(cmd('devops-search', query));
  if (reply.view.kind !== 'search') throw new Error(`expected a search view, got ${reply.view.kind}`);
  return reply.view;
}

describe('/devops-search notes', () => {
  it('says which topic words no question mentions, and what came closest', async () => {
    const view = await search('terraform lambda');
    expect(view.note).toBe('No question mentions lambda; closest: “How do you manage Terraform state for a team of engineers?”');
    expect(view.results[0]?.id).toBe('terraform-remote-state');
  });

  it('says nothing when every word matched, through synonyms and typos too', async () => {
    expect((await search('k8s crashloop')).note).toBeUndefined();
    expect((await search('kubernets')).note).toBeUndefined();
  });

  it('says plainly when nothing matched at all', async () => {
    const view = await search('lambda fargate');
    expect(view.results).toEqual([]);
    expect(view.note).toBe('No question mentions lambda or fargate.');
  });
});

describe('unmatchedNote', () => {
  const hit = (title: string, kind: SearchHit['kind'] = 'question'): SearchHit => ({ id: title, kind, title, text: '', score: 1 });

  it('lists the words and quotes the best question hit, clipped', () => {
    expect(unmatchedNote([], [hit('A')])).toBeUndefined();
    expect(unmatchedNote(['a', 'b', 'c'], [])).toBe('No question mentions a, b or c.');
    expect(unmatchedNote(['lambda'], [hit('A use case', 'use-case'), hit('The question')])).toBe('No question mentions lambda; closest: “The question”');
    const long = unmatchedNote(['x'], [hit('word '.repeat(40))]);
    expect(long?.length).toBeLessThan(120);
    expect(long).toMatch(/…”$/);
  });
});
