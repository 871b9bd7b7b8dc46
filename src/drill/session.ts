import type { BankQuestion } from '../bank/bank.js';
import type { FollowupT } from '../bank/schema.js';
import { resultRecords, type ScoreResult } from '../scoring/index.js';
import { combine } from '../scoring/score.js';

/**
 * The drill as a pure state machine: events in (an answer, a timeout, a
 * dispute, quit), state out. The terminal UI and the `--answers` runner both
 * drive it; neither decides anything it does not.
 */

export type Lang = 'en' | 'zh';

export interface SessionSettings {
  count: number;
  topics: string[];
  difficulty: string[];
  seed: number;
  lang: Lang;
  followups: number;
  minutes?: number;
  timeLimit?: number;
  mode: 'interactive' | 'answers-file';
  /** A `topic --quiz` session: outside the review schedule. */
  cram?: boolean;
  /** `drill --due`: only questions due for review. */
  due?: boolean;
  banks: string[];
}

export interface PointRecord {
  point: string;
  pointId: string;
  weight: number;
  required: boolean;
  hit: boolean;
  credit: number;
  evidence?: string;
}

export interface Override {
  pointId: string;
  hit: true;
  source: 'self';
  at: string;
}

export interface AnswerRecord {
  questionId: string;
  followupId?: string;
  topic: string;
  prompt: string;
  answer: string;
  /** The scorer's verdict, 0..1; null for a generic "why?" that has no rubric. */
  score: number | null;
  verdict?: string;
  points: PointRecord[];
  misconceptions: { misconception: string; penalty: number; evidence: string }[];
  secondsTaken: number;
  timedOut: boolean;
  /** Nothing was answered (empty, or missing from an answers file). */
  skipped: boolean;
  /** Saved when the user quit while typing it. */
  interrupted?: boolean;
  /** Points the user says they covered; kept apart from the scorer's verdict. */
  overrides: Override[];
  /** The score with the overrides counted as hits (only when there are overrides). */
  selfScore?: number;
  answeredAt: string;
}

export interface Turn {
  questionId: string;
  followupId?: string;
  /** A generic "why?" asked when the bank has no suitable follow-up. */
  generic?: { pointId: string; evidence: string };
  prompt: { en: string; zh: string };
  timeLimit: number;
}

export interface SessionState {
  id: string;
  startedAt: string;
  endedAt?: string;
  settings: SessionSettings;
  plan: string[];
  /** Index in `plan` of the question being asked. */
  index: number;
  current?: Turn;
  /** Turns still to come for the current question (its follow-ups). */
  queue: Turn[];
  answers: AnswerRecord[];
  status: 'asking' | 'finished';
  completed: boolean;
  endReason?: 'done' | 'quit' | 'time';
}

export type SessionEvent =
  | { type: 'answer'; text: string; seconds: number; timedOut: boolean; at: string }
  | { type: 'dispute'; answerIndex: number; pointId: string; at: string }
  | { type: 'quit'; draft?: string; seconds: number; at: string }
  | { type: 'time-up'; at: string };

/** What the machine needs from outside: questions by id and the (pure) scorer. */
export interface SessionContext {
  question(id: string): BankQuestion;
  grade(q: BankQuestion, answer: string, followupId?: string): ScoreResult;
}

export const GENERIC_FOLLOWUP_ID = 'why';

export function mainTurn(q: BankQuestion, settings: SessionSettings): Turn {
  return { questionId: q.id, prompt: q.prompt, timeLimit: settings.timeLimit ?? q.timeLimit };
}

export function startSession(
  id: string,
  startedAt: string,
  settings: SessionSettings,
  plan: readonly BankQuestion[],
): SessionState {
  const first = plan[0];
  return {
    id,
    startedAt,
    settings,
    plan: plan.map((q) => q.id),
    index: 0,
    ...(first ? { current: mainTurn(first, settings) } : {}),
    queue: [],
    answers: [],
    status: first ? 'asking' : 'finished',
    completed: !first,
    ...(first ? {} : { endedAt: startedAt, endReason: 'done' as const }),
  };
}

/**
 * The follow-ups to ask after an answer: those whose condition holds, second
 * chances (a missed point) first, then presses on a point the answer made,
 * then unconditional ones, at most `max`.
 */
export function pickFollowups(q: BankQuestion, result: ScoreResult, max: number): FollowupT[] {
  if (max <= 0) return [];
  const hit = new Set(result.points.filter((p) => p.hit).map((p) => p.id));
  const holds = (f: FollowupT) =>
    !f.when || ((f.when.hit?.every((id) => hit.has(id)) ?? true) && (f.when.missed?.some((id) => !hit.has(id)) ?? true));
  const order = (f: FollowupT) => (f.when?.missed ? 0 : f.when?.hit ? 1 : 2);
  return q.followups
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => holds(f))
    .sort((a, b) => order(a.f) - order(b.f) || a.i - b.i)
    .slice(0, max)
    .map(({ f }) => f);
}

/** The generic "why?" about the strongest point the answer made, if it made one. */
export function genericFollowup(q: BankQuestion, result: ScoreResult, settings: SessionSettings): Turn | undefined {
  const strongest = result.points
    .filter((p) => p.hit && p.evidence && p.id !== 'value')
    .sort((a, b) => b.weight * b.credit - a.weight * a.credit)[0];
  if (!strongest?.evidence) return undefined;
  const said = strongest.evidence.length > 80 ? strongest.evidence.slice(0, 77) + '...' : strongest.evidence;
  return {
    questionId: q.id,
    followupId: GENERIC_FOLLOWUP_ID,
    generic: { pointId: strongest.id, evidence: strongest.evidence },
    prompt: {
      en: `You said "${said}". Why is that so? Walk me through the reasoning.`,
      zh: `你提到“${said}”。为什么会这样？请讲讲背后的道理。`,
    },
    timeLimit: Math.min(settings.timeLimit ?? 120, 120),
  };
}

function record(turn: Turn, q: BankQuestion, lang: Lang, text: string, seconds: number, timedOut: boolean, at: string, r: ScoreResult | undefined): AnswerRecord {
  const skipped = text.trim() === '';
  const base = {
    questionId: q.id,
    ...(turn.followupId ? { followupId: turn.followupId } : {}),
    topic: q.topic,
    prompt: turn.prompt[lang],
    answer: text,
    secondsTaken: Math.round(seconds * 10) / 10,
    timedOut,
    skipped,
    overrides: [],
    answeredAt: at,
  };
  if (!r) return { ...base, score: null, points: [], misconceptions: [] };
  return {
    ...base,
    score: r.score,
    verdict: r.verdict,
    ...resultRecords(r, lang),
  };
}

/** The score with the user's overrides counted as hits. */
export function selfScore(a: AnswerRecord): number | undefined {
  if (a.score === null || a.overrides.length === 0) return undefined;
  const over = new Set(a.overrides.map((o) => o.pointId));
  if (a.points.reduce((s, p) => s + p.weight, 0) === 0) return a.score;
  // The scorer's own formula, with the disputed points as hits.
  const points = a.points.map((p) => ({ ...p, credit: over.has(p.pointId) ? 1 : p.credit }));
  return combine(points, a.misconceptions.reduce((s, m) => s + m.penalty, 0));
}

function finish(s: SessionState, at: string, reason: 'done' | 'quit' | 'time'): SessionState {
  const { current: _c, ...rest } = s;
  return { ...rest, queue: [], status: 'finished', completed: reason !== 'quit', endedAt: at, endReason: reason };
}

/** Moves to the next turn: a queued follow-up, the next question, or the end. */
function advance(s: SessionState, ctx: SessionContext, at: string): SessionState {
  const [next, ...queue] = s.queue;
  if (next) return { ...s, current: next, queue };
  const index = s.index + 1;
  const id = s.plan[index];
  if (id === undefined) return finish({ ...s, index }, at, 'done');
  return { ...s, index, current: mainTurn(ctx.question(id), s.settings), queue: [] };
}

export function reduce(s: SessionState, e: SessionEvent, ctx: SessionContext): SessionState {
  // A dispute may come after the last answer; nothing else changes a finished session.
  if (s.status === 'finished' && e.type !== 'dispute') return s;
  switch (e.type) {
    case 'answer': {
      const turn = s.current!;
      const q = ctx.question(turn.questionId);
      const r = turn.generic ? undefined : ctx.grade(q, e.text, turn.followupId);
      const rec = record(turn, q, s.settings.lang, e.text, e.seconds, e.timedOut, e.at, r);
      let queue = s.queue;
      if (r && !turn.followupId && !rec.skipped) {
        const picked = pickFollowups(q, r, s.settings.followups).map<Turn>((f) => ({
          questionId: q.id,
          followupId: f.id,
          prompt: f.prompt,
          timeLimit: s.settings.timeLimit ?? f.timeLimit ?? Math.min(q.timeLimit, 120),
        }));
        const generic = picked.length === 0 && s.settings.followups > 0 ? genericFollowup(q, r, s.settings) : undefined;
        queue = generic ? [generic] : picked;
      }
      return advance({ ...s, answers: [...s.answers, rec], queue }, ctx, e.at);
    }
    case 'dispute': {
      const a = s.answers[e.answerIndex];
      const p = a?.points.find((x) => x.pointId === e.pointId);
      if (!a || !p || p.hit || a.overrides.some((o) => o.pointId === e.pointId)) return s;
      const overrides: Override[] = [...a.overrides, { pointId: e.pointId, hit: true, source: 'self', at: e.at }];
      const updated = { ...a, overrides };
      const self = selfScore(updated);
      const answers = s.answers.map((x, i) => (i === e.answerIndex ? { ...updated, ...(self !== undefined ? { selfScore: self } : {}) } : x));
      return { ...s, answers };
    }
    case 'quit': {
      let answers = s.answers;
      if (e.draft && e.draft.trim() !== '' && s.current) {
        const q = ctx.question(s.current.questionId);
        const r = s.current.generic ? undefined : ctx.grade(q, e.draft, s.current.followupId);
        answers = [...answers, { ...record(s.current, q, s.settings.lang, e.draft, e.seconds, false, e.at, r), interrupted: true }];
      }
      return finish({ ...s, answers }, e.at, 'quit');
    }
    case 'time-up':
      return finish(s, e.at, 'time');
  }
}

/** The seconds left for the session as a whole, when it has a cap. */
export function sessionSecondsLeft(s: SessionState, nowMs: number): number | undefined {
  if (s.settings.minutes === undefined) return undefined;
  return Math.max(0, s.settings.minutes * 60 - (nowMs - Date.parse(s.startedAt)) / 1000);
}
