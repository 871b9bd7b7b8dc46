import * as z from 'zod';

/**
 * The bank format. Every object is strict: an unknown key is almost always a
 * typo ("aliasses", "requried") and silently ignoring it would drop content.
 * `mlprep schema` prints the JSON Schema generated from these definitions.
 */

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const Slug = z
  .string()
  .regex(kebab, 'must be kebab-case: lower-case letters, digits and single hyphens, e.g. "batch-norm"')
  .describe('A stable kebab-case identifier.');

export const SeedId = z.string().min(1).describe('An item id from coverage/seed-items.yaml, e.g. "s000-q01-batch-norm".');

const NonEmpty = z.string().trim().min(1, 'must not be empty');

export const Localized = z
  .strictObject({
    en: NonEmpty.describe('English text.'),
    zh: NonEmpty.describe('Simplified Chinese text.'),
  })
  .describe('Text in English and in Simplified Chinese.');

export const ModelAnswer = z
  .strictObject({
    en: NonEmpty.describe('Model answer in English.'),
    zh: NonEmpty.optional().describe('Model answer in Simplified Chinese (shown with --lang zh).'),
  })
  .describe('A model answer an interviewer would call strong.');

export const Alias = z
  .union([z.string(), z.number().transform(String)])
  .pipe(z.string().trim().min(1, 'an alias must not be empty'))
  .describe('A way people say it: a word or phrase, in English or Chinese. Case, width, word forms, hyphens and Traditional characters are folded by the scorer.');

/** How a point (or misconception) is recognized in an answer. */
const matcherFields = {
  aliases: z
    .array(Alias)
    .min(1)
    .optional()
    .describe('Any one of these, stated (not negated) in a sentence of the answer, earns the point.'),
  all: z
    .array(z.array(Alias).min(1, 'a group needs at least one alias'))
    .min(2, '`all` needs at least two groups; use `aliases` for one')
    .optional()
    .describe('Groups of aliases that must all appear in one sentence (one alias from each group), e.g. [[L1, lasso], [zero, sparse]].'),
};

function hasMatcher(p: { aliases?: string[] | undefined; all?: string[][] | undefined }): boolean {
  return p.aliases !== undefined || p.all !== undefined;
}
const needsMatcher = { message: 'needs `aliases` or `all` (how the point is recognized in an answer)' };

export const Point = z
  .strictObject({
    id: Slug.describe('Stable id of the point within its rubric; follow-up conditions refer to it.'),
    text: NonEmpty.describe('The key point as a short statement (shown to the user when missed).'),
    zh: NonEmpty.optional().describe('The statement in Chinese.'),
    weight: z.number().positive().max(10).default(1).describe('Relative weight of the point in the score.'),
    required: z
      .boolean()
      .default(false)
      .describe('An answer without this point is wrong: missing it caps the score.'),
    ...matcherFields,
  })
  .refine(hasMatcher, needsMatcher);

export const Misconception = z
  .strictObject({
    id: Slug,
    text: NonEmpty.describe('The wrong claim, as a short statement.'),
    zh: NonEmpty.optional().describe('The claim in Chinese.'),
    penalty: z
      .number()
      .positive()
      .max(1)
      .default(0.2)
      .describe('Share of the full score lost when the answer states this claim.'),
    ...matcherFields,
  })
  .refine(hasMatcher, needsMatcher);

export const Rubric = z.strictObject({
  points: z.array(Point).describe('Weighted key points of a complete answer.'),
  misconceptions: z.array(Misconception).default([]).describe('Common wrong claims that cost points when stated.'),
});

export const Condition = z
  .strictObject({
    hit: z.array(Slug).min(1).optional().describe('Ask only when the main answer earned all of these points (press deeper).'),
    missed: z
      .array(Slug)
      .min(1)
      .optional()
      .describe('Ask only when the main answer missed any of these points (a second chance).'),
  })
  .refine((c) => c.hit !== undefined || c.missed !== undefined, { message: 'a condition needs `hit` or `missed`' });

export const TimeLimit = z
  .number()
  .int('must be a whole number of seconds')
  .min(15)
  .max(900)
  .describe('Seconds allowed for the answer.');

export const Followup = z.strictObject({
  id: Slug.describe('Stable id of the follow-up within its question.'),
  prompt: Localized,
  when: Condition.optional().describe('When to ask it; without a condition it can always be asked.'),
  timeLimit: TimeLimit.optional(),
  rubric: Rubric,
  answer: ModelAnswer,
});

export const Numeric = z
  .strictObject({
    value: z.number().describe('The expected number.'),
    tolerance: z.number().min(0).default(0).describe('Absolute tolerance: |answer - value| <= tolerance is correct.'),
    unit: z.string().optional().describe('Unit shown with the value, e.g. "iterations".'),
    weight: z.number().positive().max(10).default(3).describe('Weight of the correct number among the rubric points.'),
    slips: z
      .array(
        z.strictObject({
          value: z.number().describe('A number that comes from a common slip in otherwise sound working.'),
          why: Localized.describe('What the slip was, e.g. "leaves out the 128 biases".'),
          credit: z.number().min(0).max(1).default(0.5).describe('Share of the value\'s weight this number earns.'),
        }),
      )
      .default([])
      .describe('Near misses that earn part of the credit: an interviewer gives some for sound working with one slip.'),
  })
  .describe('For numeric questions: the expected value.');

export const Kind = z.enum(['open', 'numeric', 'code']);
export const Difficulty = z.enum(['easy', 'medium', 'hard']);

export const Question = z
  .strictObject({
    id: Slug.describe('Stable id, unique across all banks.'),
    topic: Slug.optional().describe("Topic slug; defaults to the file's topic."),
    seeds: z.array(SeedId).default([]).describe('Seed items this question covers.'),
    kind: Kind,
    difficulty: Difficulty,
    timeLimit: TimeLimit,
    prompt: Localized,
    rubric: Rubric,
    answer: ModelAnswer,
    numeric: Numeric.optional(),
    followups: z.array(Followup).default([]).describe('"Why?" follow-ups.'),
  })
  .refine((q) => (q.kind === 'numeric') === (q.numeric !== undefined), {
    message: 'a numeric question needs `numeric: {value, tolerance}`, and only numeric questions have it',
  });

export const Topic = z.strictObject({
  slug: Slug,
  title: Localized,
  aliases: z.array(Alias).default([]).describe('Other names: "mlprep topic <alias>" finds the topic.'),
});

export const BankFile = z
  .strictObject({
    topic: Topic.optional().describe('The topic this file defines; its questions belong to it unless they say otherwise.'),
    questions: z.array(Question).default([]),
  })
  .describe('An mlprep question bank file (YAML).');

export type PointT = z.output<typeof Point>;
export type MisconceptionT = z.output<typeof Misconception>;
export type RubricT = z.output<typeof Rubric>;
export type FollowupT = z.output<typeof Followup>;
export type QuestionT = z.output<typeof Question>;
export type TopicT = z.output<typeof Topic>;
export type BankFileT = z.output<typeof BankFile>;
export type Kind = z.output<typeof Kind>;
export type Difficulty = z.output<typeof Difficulty>;

/** The JSON Schema of a bank file, for editors (yaml-language-server). */
export function bankJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(BankFile, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    title: 'mlprep question bank',
    ...schema,
  };
}
