import type { AnswerRecord } from './session.js';
import { compareText } from '../compare.js';

/** The end-of-session summary, computed from the answers alone (pure). */
export interface Report {
  questions: {
    questionId: string;
    topic: string;
    score: number | null;
    selfScore?: number;
    seconds: number;
    timedOut: boolean;
    skipped: boolean;
    followups: { followupId: string; score: number | null; seconds: number; timedOut: boolean }[];
  }[];
  topics: { topic: string; questions: number; average: number }[];
  /** Missed points, heaviest first (required ones before others). */
  weakest: { topic: string; questionId: string; followupId?: string; point: string; weight: number; required: boolean }[];
  average: number | null;
  totalSeconds: number;
  reviewCommands: string[];
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const effective = (a: AnswerRecord) => a.selfScore ?? a.score;

export function buildReport(answers: readonly AnswerRecord[], maxWeakest = 6): Report {
  const mains = answers.filter((a) => a.followupId === undefined);
  const questions = mains.map((m) => ({
    questionId: m.questionId,
    topic: m.topic,
    score: m.score,
    ...(m.selfScore !== undefined ? { selfScore: m.selfScore } : {}),
    seconds: m.secondsTaken,
    timedOut: m.timedOut,
    skipped: m.skipped,
    followups: answers
      .filter((f) => f.questionId === m.questionId && f.followupId !== undefined)
      .map((f) => ({ followupId: f.followupId!, score: f.score, seconds: f.secondsTaken, timedOut: f.timedOut })),
  }));
  const byTopic = new Map<string, number[]>();
  for (const a of answers) {
    const s = effective(a);
    if (s === null || s === undefined) continue;
    byTopic.set(a.topic, [...(byTopic.get(a.topic) ?? []), s]);
  }
  const topics = [...byTopic]
    .map(([topic, scores]) => ({ topic, questions: questions.filter((q) => q.topic === topic).length, average: Math.round(mean(scores)! * 1000) / 1000 }))
    .sort((a, b) => a.average - b.average || compareText(a.topic, b.topic));
  const weakest = answers
    .flatMap((a) => {
      const over = new Set(a.overrides.map((o) => o.pointId));
      return a.points
        .filter((p) => !p.hit && !over.has(p.pointId))
        .map((p) => ({
          topic: a.topic,
          questionId: a.questionId,
          ...(a.followupId ? { followupId: a.followupId } : {}),
          point: p.point,
          weight: p.weight,
          required: p.required,
        }));
    })
    .sort((a, b) => Number(b.required) - Number(a.required) || b.weight - a.weight)
    .slice(0, maxWeakest);
  const scored = answers.map(effective).filter((s): s is number => typeof s === 'number');
  const avg = mean(scored);
  const weakTopics = topics.filter((t) => t.average < 0.85).map((t) => t.topic);
  return {
    questions,
    topics,
    weakest,
    average: avg === null ? null : Math.round(avg * 1000) / 1000,
    totalSeconds: Math.round(answers.reduce((s, a) => s + a.secondsTaken, 0)),
    reviewCommands: weakTopics.slice(0, 3).map((t) => `mlprep topic ${t}`),
  };
}
