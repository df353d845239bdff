/**
 * The CLI's JSON-lines interface for scripts: questions out, search queries
 * and answers to grade in. One JSON object per line on stdout and nothing
 * else. The output shapes are a public interface: keep the field names.
 */
import { createInterface } from 'node:readline';
import { z } from 'zod';
import type { Question, Role, Tier } from '../../src/content/schema.js';
import { gradeAnswer } from '../../src/quiz/grade.js';
import { gradeFeedback } from '../../src/quiz/grade-feedback.js';
import { buildSearchIndex, type SearchIndex, type SearchKind, searchIndex } from '../../src/search/index.js';
import { type Analyzer, createAnalyzer } from '../../src/search/text.js';

/** Writes one line; resolves once the stream can take more (backpressure). */
export type LineWriter = (value: unknown) => Promise<void>;

/** A writer of JSON lines to a stream. */
export function jsonLineWriter(stream: NodeJS.WritableStream): LineWriter {
  return (value) =>
    new Promise((resolve) => {
      if (stream.write(`${JSON.stringify(value)}\n`)) resolve();
      else stream.once('drain', () => resolve());
    });
}

/** Every input line with its 1-based number; a last line without newline counts too. */
async function* numberedLines(input: NodeJS.ReadableStream): AsyncGenerator<{ line: string; n: number }> {
  const rl = createInterface({ input, crlfDelay: Infinity, terminal: false });
  let n = 0;
  for await (const line of rl) yield { line, n: ++n };
}

/** `questions --json`: one line per question. */
export interface QuestionLine {
  id: string;
  tier: Tier;
  topics: string[];
  prompt: string;
  answer: string;
}

/** The question lines of every role, in content order. */
export function questionLines(roles: readonly Role[]): QuestionLine[] {
  return roles.flatMap((role) => role.questions.map((q) => ({ id: q.id, tier: q.tier, topics: q.topics, prompt: q.prompt, answer: q.answer })));
}

/** One result of `search --json`. */
export interface SearchResultLine {
  id: string;
  kind: SearchKind;
  tier: Tier | null;
  prompt: string;
  answer: string;
  score: number;
}

/** The most results per query. */
export const SEARCH_LIMIT = 10;

/** Searches every role's index and merges the hits best first. */
export interface MultiSearch {
  search(query: string): SearchResultLine[];
}

/** Builds each role's index once, for any number of queries. */
export function createMultiSearch(roles: readonly Role[]): MultiSearch {
  const parts: { index: SearchIndex; questions: Map<string, Question> }[] = roles.map((role) => ({
    index: buildSearchIndex(role),
    questions: new Map(role.questions.map((q) => [q.id, q])),
  }));
  return {
    search(query) {
      if (query.trim() === '') return [];
      const results = parts.flatMap(({ index, questions }) =>
        searchIndex(index, query, { limit: SEARCH_LIMIT }).map((hit): SearchResultLine => {
          const question = hit.kind === 'question' ? questions.get(hit.questionId ?? hit.id) : undefined;
          return {
            id: hit.id,
            kind: hit.kind,
            tier: hit.tier ?? null,
            prompt: question?.prompt ?? hit.title,
            answer: question?.answer ?? hit.text,
            score: hit.score,
          };
        }),
      );
      // Stable sort keeps each index's own order (and role order) on ties.
      return results.sort((a, b) => b.score - a.score).slice(0, SEARCH_LIMIT);
    },
  };
}

/** `search --json`: one plain-text query per input line, one result line per query. */
export async function runSearchLines(roles: readonly Role[], input: NodeJS.ReadableStream, write: LineWriter): Promise<void> {
  const multi = createMultiSearch(roles);
  for await (const { line } of numberedLines(input)) {
    await write({ query: line, results: multi.search(line) });
  }
}

/** An input line of `grade --json`. */
export const gradeInputSchema = z.object({
  questionId: z.string().min(1, 'must not be empty'),
  answer: z.string(),
});

/** An output line of `grade --json`: the original four fields, then the verdict per point, wrong claims and any cap. */
export interface GradeLine {
  questionId: string;
  score: number;
  covered: string[];
  missed: string[];
  /** Every key point in question order: `covered`, `missed`, `negated` or `contradicted`, with the words heard. */
  points: { label: string; status: string; heard?: string }[];
  contradictions: { feedback: string; heard: string }[];
  /** Why the score was capped; absent when it was not. */
  capped?: string;
}

/** An error line of `grade --json`; `line` is the 1-based input line. */
export interface GradeErrorLine {
  error: string;
  line: number;
}

/** Grades answers to any role's questions, each with its role's synonyms. */
export interface Grader {
  grade(questionId: string, answer: string): GradeLine | undefined;
}

/** Looks questions up by id across roles; the first role wins a shared id. */
export function createGrader(roles: readonly Role[]): Grader {
  const byId = new Map<string, { question: Question; analyzer: Analyzer; genericTerms: readonly string[] }>();
  for (const role of roles) {
    const analyzer = createAnalyzer(role.synonyms);
    for (const question of role.questions) if (!byId.has(question.id)) byId.set(question.id, { question, analyzer, genericTerms: role.genericTerms });
  }
  return {
    grade(questionId, answer) {
      const entry = byId.get(questionId);
      if (!entry) return undefined;
      const result = gradeAnswer(entry.question, answer, entry.analyzer, { genericTerms: entry.genericTerms });
      const fb = gradeFeedback(result);
      return {
        questionId,
        score: result.score,
        covered: [...result.covered],
        missed: [...result.missed],
        points: fb.keyPoints ?? [],
        contradictions: fb.contradictions ?? [],
        ...(fb.capped ? { capped: fb.capped } : {}),
      };
    },
  };
}

function describe(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

/**
 * `grade --json`: one `{"questionId","answer"}` per line. A bad line yields an
 * error line and the rest still run. Blank lines are skipped. Returns the
 * number of failed lines.
 */
export async function runGradeLines(roles: readonly Role[], input: NodeJS.ReadableStream, write: LineWriter): Promise<number> {
  const grader = createGrader(roles);
  let failed = 0;
  const fail = async (error: string, line: number) => {
    failed++;
    const out: GradeErrorLine = { error, line };
    await write(out);
  };
  for await (const { line, n } of numberedLines(input)) {
    if (line.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      await fail('not valid JSON', n);
      continue;
    }
    const parsed = gradeInputSchema.safeParse(json);
    if (!parsed.success) {
      await fail(`expected {"questionId": string, "answer": string}: ${describe(parsed.error)}`, n);
      continue;
    }
    const graded = grader.grade(parsed.data.questionId, parsed.data.answer);
    if (!graded) {
      await fail(`unknown question id "${parsed.data.questionId.slice(0, 100)}"`, n);
      continue;
    }
    await write(graded);
  }
  return failed;
}
