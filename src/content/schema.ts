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
/** Free text with a ceiling, so a pasted novel cannot slip into a card or a button. */
const bounded = (max: number) => text.max(max, `must be at most ${max} characters`);
const term = z.string().trim().min(1, 'must not be empty').max(60);
const terms = (what: string) => z.array(term).min(1, `needs at least one ${what}`).max(60, 'at most 60 terms');

/**
 * One thing a strong answer covers, as a claim: evidence `terms` said within one
 * sentence, and, with `about`, said of that subject (the subject mentioned
 * nearest before the evidence must be one of `about`). A claim said in the
 * negative ("never", "not", "instead of") does not count; with `negative` the
 * point itself is a "never do this" and counts only when said in the negative.
 */
export const keyPointSchema = z.strictObject({
  /** Short label shown to interviewers and in grading feedback. */
  point: bounded(120),
  /** Subject terms the evidence must be said of ("requests"), when the question compares things. */
  about: terms('subject term').optional(),
  /** Terms and synonyms (single words or short phrases) that evidence the point. */
  terms: terms('term'),
  /** The point is a prohibition: it counts when said negatively, and saying it positively contradicts it. */
  negative: z.boolean().optional(),
  /**
   * The evidence names a problem the point is about ("drift"): saying it is
   * avoided ("cannot drift") shows the point as well as describing it does.
   */
  either: z.boolean().optional(),
});
export type KeyPoint = z.infer<typeof keyPointSchema>;

/**
 * A wrong claim a candidate may make (limits as the guaranteed minimum; canary
 * as switching all traffic at once). Said affirmatively, it costs a key point
 * and the feedback quotes `feedback`.
 */
export const contradictionSchema = z.strictObject({
  about: terms('subject term').optional(),
  terms: terms('term'),
  /** Shown to the candidate: "You said limits are the guaranteed minimum: that is requests." */
  feedback: bounded(200),
});
export type Contradiction = z.infer<typeof contradictionSchema>;

/** What a junior, a mid-level and a senior answer to a question sound like. */
export const rubricSchema = z.strictObject({
  junior: bounded(300),
  mid: bounded(300),
  senior: bounded(300),
});
export type Rubric = z.infer<typeof rubricSchema>;

/** Where a question's model answer comes from: the role document verbatim, or written for the bank. */
export const QUESTION_SOURCES = ['document', 'written'] as const;
export type QuestionSource = (typeof QUESTION_SOURCES)[number];

/** A multiple-choice form: one correct statement and three plausible wrong ones. */
export const choicesSchema = z.strictObject({
  correct: text.max(CHOICE_MAX, `must fit a button: at most ${CHOICE_MAX} characters`),
  wrong: z.array(text.max(CHOICE_MAX, `must fit a button: at most ${CHOICE_MAX} characters`)).length(3, 'needs exactly three wrong choices'),
});

/** An interview question whose model answer is carried over unchanged from the role document. */
export const questionSchema = z.strictObject({
  id,
  tier: z.enum(TIERS),
  /** `document`: the answer is the role document's, verbatim; `written`: written for the bank. */
  source: z.enum(QUESTION_SOURCES),
  /** The question as a senior interviewer would ask it. */
  prompt: bounded(300),
  /** The model answer (the role document's verbatim when `source` is `document`). */
  answer: bounded(2000),
  topics: z.array(id).min(1, 'needs at least one topic').max(5),
  keywords: z.array(term).min(1, 'needs at least one keyword').max(30),
  keyPoints: z.array(keyPointSchema).min(3, 'needs 3 to 6 key points').max(6, 'needs 3 to 6 key points'),
  /** Wrong claims that cost a point when said; see {@link contradictionSchema}. */
  contradictions: z.array(contradictionSchema).max(8).default([]),
  followUps: z.array(bounded(300)).min(1, 'needs 1 to 3 follow-ups').max(3, 'needs 1 to 3 follow-ups'),
  /** Ids of related common interview mistakes. */
  redFlags: z.array(id).default([]),
  choices: choicesSchema,
  rubric: rubricSchema,
  /** What a senior would add or qualify beside the model answer (dated facts, caveats). */
  notes: z.array(bounded(400)).max(5).default([]),
  /** Ids of the role's use cases this question exercises. */
  useCases: z.array(id).default([]),
  /** 1-based numbers of the role's technical skills this question exercises. */
  skills: z.array(z.number().int().min(1)).default([]),
  /** 1-based numbers of the role's soft skills this question exercises. */
  softSkills: z.array(z.number().int().min(1)).default([]),
});
export type Question = z.infer<typeof questionSchema>;

export const useCaseSchema = z.strictObject({
  id,
  title: bounded(100),
  context: bounded(1000),
  examples: z.array(bounded(300)).min(1).max(20),
});
export type UseCase = z.infer<typeof useCaseSchema>;

export const mistakeSchema = z.strictObject({
  id,
  title: bounded(100),
  text: bounded(1500),
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
    commandPrefix: z.string().regex(/^[a-z][a-z0-9]{1,19}$/, 'must be 2 to 20 lowercase letters or digits, starting with a letter'),
    summary: bounded(300),
    description: bounded(3000),
    tags: z.array(term).min(1).max(30),
    responsibilities: z.array(bounded(500)).min(1).max(30),
    skills: z.strictObject({
      technical: z.array(bounded(500)).min(1).max(30),
      soft: z.array(bounded(500)).min(1).max(30),
    }),
    useCases: z.array(useCaseSchema).min(1).max(50),
    mistakes: z.array(mistakeSchema).max(50),
    questions: z.array(questionSchema).min(1).max(5000),
    /** Groups of interchangeable terms for search and grading: ["kubernetes", "k8s", "kube"]. */
    synonyms: z.array(z.array(term).min(2, 'a synonym group needs at least two terms')).max(2000).default([]),
    /**
     * Words of the field too general to show a key point alone ("service",
     * "production", "best practice"); a prompt's own words never do either.
     */
    genericTerms: z.array(term).max(500).default([]),
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
    const useCaseIds = new Set(role.useCases.map((u) => u.id));
    role.questions.forEach((q, i) => {
      q.useCases.forEach((u, j) => {
        if (!useCaseIds.has(u)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'useCases', j], message: `unknown use case id "${u}"` });
      });
      q.skills.forEach((n, j) => {
        if (n > role.skills.technical.length) {
          ctx.addIssue({ code: 'custom', path: ['questions', i, 'skills', j], message: `there are only ${role.skills.technical.length} technical skills` });
        }
      });
      q.softSkills.forEach((n, j) => {
        if (n > role.skills.soft.length) {
          ctx.addIssue({ code: 'custom', path: ['questions', i, 'softSkills', j], message: `there are only ${role.skills.soft.length} soft skills` });
        }
      });
    });
    role.questions.forEach((q, i) => {
      const all = [q.choices.correct, ...q.choices.wrong].map((c) => c.toLowerCase());
      if (new Set(all).size !== all.length) {
        ctx.addIssue({ code: 'custom', path: ['questions', i, 'choices'], message: 'choices must all differ' });
      }
    });
  });

/** A validated role: the role document, its question bank and its synonyms. */
export type Role = z.infer<typeof roleSchema>;
