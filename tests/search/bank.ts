/**
 * The frozen 22-question DevOps bank (tests/search/bank/devops-engineer.yaml),
 * read as search reads a role. Only the fields search uses are checked, so the
 * snapshot keeps loading while the content model gains fields it must not
 * depend on.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { TIERS } from '../../src/content/schema.js';
import type { SearchableRole } from '../../src/search/index.js';

const BANK_URL = new URL('./bank/devops-engineer.yaml', import.meta.url);

const strings = z.array(z.string());
// z.object strips fields it does not name: the snapshot may hold more than search reads.
const bankSchema = z.object({
  questions: z.array(
    z.object({
      id: z.string(),
      tier: z.enum(TIERS),
      prompt: z.string(),
      answer: z.string(),
      topics: strings,
      keywords: strings,
      keyPoints: z.array(z.object({ point: z.string(), terms: strings })),
    }),
  ),
  useCases: z.array(z.object({ id: z.string(), title: z.string(), context: z.string(), examples: strings })),
  responsibilities: strings,
  skills: z.object({ technical: strings, soft: strings }),
  mistakes: z.array(z.object({ id: z.string(), title: z.string(), text: z.string() })),
  synonyms: z.array(strings),
});

/** The frozen bank. */
export function loadBank(): SearchableRole {
  return bankSchema.parse(parse(readFileSync(BANK_URL, 'utf8')));
}
