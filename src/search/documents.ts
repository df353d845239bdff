/**
 * What a role offers to search: every question, use case, responsibility,
 * skill and interview mistake as a document of weighted fields.
 */
import type { Tier } from '../content/schema.js';

/** What search reads of a question. */
export interface SearchableQuestion {
  id: string;
  tier: Tier;
  prompt: string;
  answer: string;
  topics: readonly string[];
  keywords: readonly string[];
  keyPoints: readonly { point: string; terms: readonly string[] }[];
}

/**
 * What search reads of a role. A `Role` is one; naming only these fields keeps
 * search (and its tests on a frozen bank) independent of content-model changes
 * it has no use for.
 */
export interface SearchableRole {
  questions: readonly SearchableQuestion[];
  useCases: readonly { id: string; title: string; context: string; examples: readonly string[] }[];
  responsibilities: readonly string[];
  skills: { technical: readonly string[]; soft: readonly string[] };
  mistakes: readonly { id: string; title: string; text: string }[];
  synonyms: readonly (readonly string[])[];
}

/** The kinds of content search returns. */
export type SearchKind = 'question' | 'use-case' | 'responsibility' | 'skill' | 'mistake';

/** One field of a document: its text and how much a match in it counts. */
export interface SearchField {
  /** Field name; lengths are normalised per name, so a long answer does not drown a prompt. */
  name: string;
  text: string;
  weight: number;
  /**
   * Whether the field says what the document is about (prompt, keywords, topics,
   * key points) rather than mentioning things in passing (the answer).
   */
  strong: boolean;
}

/**
 * A searchable piece of content. Ids: a question's own id; `use-case:<id>`,
 * `mistake:<id>`, `responsibility:<n>`, `skill:technical:<n>` and
 * `skill:soft:<n>` (n counts from 1, in document order).
 */
export interface SearchDocument {
  id: string;
  kind: SearchKind;
  tier?: Tier;
  title: string;
  text: string;
  questionId?: string;
  fields: SearchField[];
}

// Users name a question by what it is about: the prompt and the curated keywords
// and key-point terms say that better than the long answer, which mentions many
// things in passing.
const W = { prompt: 3, keywords: 3, terms: 2.5, topics: 2, points: 1.5, answer: 1, title: 2, body: 1 } as const;

const SEP = ' ; ';
const list = (items: readonly string[]): string => items.join(SEP);

/**
 * The key points' terms and labels as two lists. Plain loops: flatMap and map
 * over the key points cost more than all the rest of a document at 10k
 * questions. Joined rather than concatenated: concatenation makes a rope,
 * and hashing it (to find repeated texts) first copies it flat.
 */
function keyPointLists(points: SearchableQuestion['keyPoints']): { terms: string; points: string } {
  const terms: string[] = [];
  const labels: string[] = [];
  for (const p of points) {
    labels.push(p.point);
    for (const t of p.terms) terms.push(t);
  }
  return { terms: list(terms), points: list(labels) };
}

/** Every searchable document of a role, questions first. */
export function roleDocuments(role: SearchableRole): SearchDocument[] {
  const docs: SearchDocument[] = role.questions.map((q) => {
    const kp = keyPointLists(q.keyPoints);
    return {
      id: q.id,
      kind: 'question',
      tier: q.tier,
      title: q.prompt,
      text: q.answer,
      questionId: q.id,
      fields: [
        { name: 'prompt', text: q.prompt, weight: W.prompt, strong: true },
        { name: 'keywords', text: list(q.keywords), weight: W.keywords, strong: true },
        { name: 'terms', text: kp.terms, weight: W.terms, strong: true },
        { name: 'topics', text: list(q.topics).replace(/-/g, ' '), weight: W.topics, strong: true },
        { name: 'points', text: kp.points, weight: W.points, strong: true },
        { name: 'answer', text: q.answer, weight: W.answer, strong: false },
      ],
    };
  });
  for (const u of role.useCases) {
    const body = [u.context, ...u.examples].join('\n');
    docs.push({
      id: `use-case:${u.id}`,
      kind: 'use-case',
      title: u.title,
      text: body,
      fields: [
        { name: 'title', text: u.title, weight: W.title, strong: true },
        { name: 'body', text: body, weight: W.body, strong: false },
      ],
    });
  }
  role.responsibilities.forEach((text, i) => docs.push(plain(`responsibility:${i + 1}`, 'responsibility', 'Responsibility', text)));
  role.skills.technical.forEach((text, i) => docs.push(plain(`skill:technical:${i + 1}`, 'skill', 'Technical skill', text)));
  role.skills.soft.forEach((text, i) => docs.push(plain(`skill:soft:${i + 1}`, 'skill', 'Soft skill', text)));
  for (const m of role.mistakes) {
    docs.push({
      id: `mistake:${m.id}`,
      kind: 'mistake',
      title: m.title,
      text: m.text,
      fields: [
        { name: 'title', text: m.title, weight: W.title, strong: true },
        { name: 'body', text: m.text, weight: W.body, strong: false },
      ],
    });
  }
  return docs;
}

function plain(id: string, kind: SearchKind, title: string, text: string): SearchDocument {
  return { id, kind, title, text, fields: [{ name: 'body', text, weight: W.body, strong: false }] };
}
