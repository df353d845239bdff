/**
 * The content model: one role document plus its question bank, as validated data.
 * Everything a role needs lives in its file; the code never names a role.
 */
import { z } from 'zod';

/** Interview tiers, easiest first; the order drives "harder" and "easier". */
export const TIERS = ['basic', 'technical', 'advanced'] as const;
export type Tier = (typeof TIERS)[number];

// Choice text is shown on a button: Slack allows 75 characters, Discord 80.
export const CHOICE_MAX = 75;

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters, digits and single dashes')
  .max(48, 'must be at most 48 characters (ids travel inside button ids)');
const text = z.string().trim().min(1, 'must not be empty');
const term = z.string().trim().min(1, 'must not be empty').max(60);

/** One thing a strong answer covers, with the words that show a candidate covered it. */
export const keyPointSchema = z.strictObject({
  /** Short label shown to interviewers and in grading feedback. */
  point: text.max(120),
  /** Terms and synonyms (single words or short phrases) that evidence the point. */
  terms: z.array(term).min(1, 'needs at least one term'),
});
export type KeyPoint = z.infer<typeof keyPointSchema>;

/** A multiple-choice form: one correct statement and three plausible wrong ones. */
export const choicesSchema = z.strictObject({
  correct: text.max(CHOICE_MAX, `must fit a button: at most ${CHOICE_MAX} characters`),
  wrong: z
    .array(text.max(CHOICE_MAX, `must fit a button: at most ${CHOICE_MAX} characters`))
    .length(3, 'needs exactly three wrong choices'),
});

/** An interview question whose model answer is carried over unchanged from the role document. */
export const questionSchema = z.strictObject({
  id,
  tier: z.enum(TIERS),
  /** The question as a senior interviewer would ask it. */
  prompt: text.max(300),
  /** The role document's answer, verbatim. */
  answer: text,
  topics: z.array(id).min(1, 'needs at least one topic'),
  keywords: z.array(term).min(1, 'needs at least one keyword'),
  keyPoints: z.array(keyPointSchema).min(3, 'needs 3 to 6 key points').max(6, 'needs 3 to 6 key points'),
  followUps: z.array(text.max(300)).min(1, 'needs 1 to 3 follow-ups').max(3, 'needs 1 to 3 follow-ups'),
  /** Ids of related common interview mistakes. */
  redFlags: z.array(id).default([]),
  choices: choicesSchema,
});
export type Question = z.infer<typeof questionSchema>;

export const useCaseSchema = z.strictObject({
  id,
  title: text.max(100),
  context: text,
  examples: z.array(text).min(1),
});
export type UseCase = z.infer<typeof useCaseSchema>;

export const mistakeSchema = z.strictObject({
  id,
  title: text.max(100),
  text,
});
export type Mistake = z.infer<typeof mistakeSchema>;

/** The current content schema version; bump it when the shape changes. */
export const CONTENT_SCHEMA_VERSION = 1;

export const roleSchema = z
  .strictObject({
    schemaVersion: z.literal(CONTENT_SCHEMA_VERSION),
    id,
    title: text.max(80),
    /** Prefix of every slash command of this role: `devops` gives `/devops-quiz`. */
    commandPrefix: z
      .string()
      .regex(/^[a-z][a-z0-9]{1,19}$/, 'must be 2 to 20 lowercase letters or digits, starting with a letter'),
    summary: text.max(300),
    description: text,
    tags: z.array(term).min(1),
    responsibilities: z.array(text).min(1),
    skills: z.strictObject({
      technical: z.array(text).min(1),
      soft: z.array(text).min(1),
    }),
    useCases: z.array(useCaseSchema).min(1),
    mistakes: z.array(mistakeSchema),
    questions: z.array(questionSchema).min(1),
    /** Groups of interchangeable terms for search and grading: ["kubernetes", "k8s", "kube"]. */
    synonyms: z.array(z.array(term).min(2, 'a synonym group needs at least two terms')).default([]),
  })
  .superRefine((role, ctx) => {
    const seen = new Map<string, number>();
    role.questions.forEach((q, i) => {
      const first = seen.get(q.id);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `duplicate question id "${q.id}" (also questions[${first}])` });
      } else seen.set(q.id, i);
    });
    const mistakeIds = new Set(role.mistakes.map((m) => m.id));
    role.questions.forEach((q, i) =>
      q.redFlags.forEach((flag, j) => {
        if (!mistakeIds.has(flag)) {
          ctx.addIssue({ code: 'custom', path: ['questions', i, 'redFlags', j], message: `unknown mistake id "${flag}"` });
        }
      }),
    );
    role.questions.forEach((q, i) => {
      const all = [q.choices.correct, ...q.choices.wrong].map((c) => c.toLowerCase());
      if (new Set(all).size !== all.length) {
        ctx.addIssue({ code: 'custom', path: ['questions', i, 'choices'], message: 'choices must all differ' });
      }
    });
  });

/** A validated role: the role document, its question bank and its synonyms. */
export type Role = z.infer<typeof roleSchema>;
