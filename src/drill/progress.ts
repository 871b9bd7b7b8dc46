import type { Bank } from '../bank/bank.js';
import type { SessionRecordT } from '../store/records.js';
import { buildSchedule, isDue, type CardState } from './schedule.js';
import type { QuestionStats } from './select.js';
import { compareText } from '../compare.js';

/**
 * What the history says about progress, for selection, `topic`, `topics` and
 * `stats`. Pure: sessions and the bank in, figures out.
 */

export interface QuestionProgress extends QuestionStats {
  questionId: string;
  bestScore?: number;
  /** Earliest due date among the question's cards (itself and its follow-ups). */
  due?: string;
  cards: CardState[];
}

export interface TopicProgress {
  topic: string;
  questions: number;
  seen: number;
  /** Mean of the last score of each question (unseen ones count as 0). */
  mastery: number;
  due: number;
}

export interface Progress {
  questions: Map<string, QuestionProgress>;
  topics: TopicProgress[];
  schedule: Map<string, CardState>;
  /** Days in a row, up to today or yesterday, with at least one answer. */
  streak: number;
  /** Questions (with any card) due now. */
  dueNow: number;
  /** Average score per day, oldest first. */
  daily: { day: string; average: number; answers: number }[];
}

const day = (iso: string) => iso.slice(0, 10);

export function progress(bank: Bank, sessions: readonly SessionRecordT[], now: Date): Progress {
  const schedule = buildSchedule(sessions);
  const questions = new Map<string, QuestionProgress>();
  const attempts = new Map<string, number>();
  for (const s of sessions) {
    for (const a of s.answers) if (!a.followupId && a.score !== null && !a.interrupted) attempts.set(a.questionId, (attempts.get(a.questionId) ?? 0) + 1);
  }
  const cramLast = new Map<string, number>();
  for (const s of sessions) {
    if (!s.settings.cram) continue;
    for (const a of s.answers) if (!a.followupId && a.score !== null && !a.interrupted) cramLast.set(a.questionId, a.selfScore ?? a.score);
  }
  for (const q of bank.questions) {
    const cards = [...schedule.values()].filter((c) => c.questionId === q.id);
    const main = schedule.get(q.id);
    const dues = cards.map((c) => c.due).sort();
    const lastScore = main?.lastScore ?? cramLast.get(q.id);
    questions.set(q.id, {
      questionId: q.id,
      attempts: attempts.get(q.id) ?? 0,
      ...(lastScore !== undefined ? { lastScore } : {}),
      ...(main ? { bestScore: main.bestScore } : {}),
      ...(dues[0] ? { due: dues[0] } : {}),
      cards,
    });
  }
  const topics = bank.topics.map((t) => {
    const qs = bank.questions.filter((q) => q.topic === t.slug).map((q) => questions.get(q.id)!);
    return {
      topic: t.slug,
      questions: qs.length,
      seen: qs.filter((q) => q.attempts > 0).length,
      mastery: qs.length ? Math.round((qs.reduce((s, q) => s + (q.lastScore ?? 0), 0) / qs.length) * 1000) / 1000 : 0,
      due: qs.filter((q) => q.cards.some((c) => isDue(c, now))).length,
    };
  });
  const byDay = new Map<string, number[]>();
  for (const s of sessions) {
    for (const a of s.answers) {
      if (a.score === null || a.interrupted) continue;
      const d = day(a.answeredAt);
      byDay.set(d, [...(byDay.get(d) ?? []), a.selfScore ?? a.score]);
    }
  }
  const daily = [...byDay]
    .sort((a, b) => compareText(a[0], b[0]))
    .map(([d, xs]) => ({ day: d, average: Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 1000) / 1000, answers: xs.length }));
  let streak = 0;
  const cursor = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  if (!byDay.has(day(cursor.toISOString()))) cursor.setUTCDate(cursor.getUTCDate() - 1);
  while (byDay.has(day(cursor.toISOString()))) {
    streak++;
    cursor.setUTCDate(cursor.getUTCDate() - 1);
  }
  return {
    questions,
    topics,
    schedule,
    streak,
    dueNow: [...questions.values()].filter((q) => q.cards.some((c) => isDue(c, now))).length,
    daily,
  };
}
