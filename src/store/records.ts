import * as z from 'zod';

/**
 * The history format on disk: one JSON file per session. The same shapes make
 * up the export (see DESIGN.md); `schemaVersion` is checked on read so that an
 * older mlprep never overwrites what a newer one wrote.
 */
import { EXPORT_SCHEMA_VERSION, HISTORY_SCHEMA_VERSION } from './versions.js';
export { EXPORT_SCHEMA_VERSION, HISTORY_SCHEMA_VERSION };

export const PointRecord = z.object({
  point: z.string(),
  pointId: z.string(),
  weight: z.number(),
  required: z.boolean(),
  hit: z.boolean(),
  credit: z.number(),
  evidence: z.string().optional(),
});

export const AnswerRecord = z.object({
  questionId: z.string(),
  followupId: z.string().optional().describe('Set for answers to a follow-up; "why" for the generic follow-up.'),
  topic: z.string(),
  prompt: z.string(),
  answer: z.string(),
  score: z.number().min(0).max(1).nullable().describe("The scorer's verdict; null for the generic follow-up, which has no rubric."),
  verdict: z.string().optional(),
  points: z.array(PointRecord),
  misconceptions: z.array(z.object({ misconception: z.string(), penalty: z.number(), evidence: z.string() })),
  secondsTaken: z.number().min(0),
  timedOut: z.boolean(),
  skipped: z.boolean(),
  interrupted: z.boolean().optional(),
  overrides: z.array(z.object({ pointId: z.string(), hit: z.literal(true), source: z.literal('self'), at: z.string() })),
  selfScore: z.number().min(0).max(1).optional(),
  answeredAt: z.string(),
});

export const SessionSettings = z.object({
  count: z.number(),
  topics: z.array(z.string()),
  difficulty: z.array(z.string()),
  seed: z.number(),
  lang: z.enum(['en', 'zh']),
  followups: z.number(),
  minutes: z.number().optional(),
  timeLimit: z.number().optional(),
  mode: z.enum(['interactive', 'answers-file']),
  cram: z.boolean().optional().describe('A `topic --quiz` session: outside the review schedule.'),
  due: z.boolean().optional().describe('`drill --due`: only questions due for review.'),
  banks: z.array(z.string()),
});

export const SessionRecord = z.object({
  id: z.string(),
  startedAt: z.string(),
  endedAt: z.string().optional(),
  completed: z.boolean(),
  endReason: z.enum(['done', 'quit', 'time']).optional(),
  settings: SessionSettings,
  answers: z.array(AnswerRecord),
});

export const SessionFile = SessionRecord.extend({ schemaVersion: z.number().int() });

export type SessionRecordT = z.output<typeof SessionRecord>;


export const ReviewRecord = z.object({
  at: z.string(),
  rating: z.enum(['again', 'hard', 'good', 'easy']),
  score: z.number(),
  state: z.enum(['new', 'learning', 'review', 'relearning']),
  secondsTaken: z.number(),
  sessionId: z.string(),
});

export const CardRecord = z.object({
  card: z.string().describe('The question id, or "<question id>#<follow-up id>" for a follow-up.'),
  questionId: z.string(),
  followupId: z.string().optional(),
  due: z.string(),
  stability: z.number(),
  difficulty: z.number(),
  reps: z.number(),
  lapses: z.number(),
  state: z.enum(['new', 'learning', 'review', 'relearning']),
  lastReview: z.string(),
  lastScore: z.number(),
  bestScore: z.number(),
  reviews: z.array(ReviewRecord),
});

export const ExportFile = z
  .object({
    schemaVersion: z.literal(EXPORT_SCHEMA_VERSION),
    exportedAt: z.string(),
    sessions: z.array(SessionRecord),
    schedule: z.array(CardRecord).describe('FSRS scheduling state per card, derived from the sessions (recomputed on import).'),
  })
  .describe('mlprep history export');

export type ExportFileT = z.output<typeof ExportFile>;
