import * as z from 'zod';
import type { Bank } from '../bank/bank.js';
import { buildSchedule } from '../drill/schedule.js';
import { EXPORT_SCHEMA_VERSION, ExportFile, type ExportFileT, type SessionRecordT } from './records.js';
import { compareText } from '../compare.js';

/** The export (contract in DESIGN.md): every session and answer, overrides and scheduling included. */
export function buildExport(sessions: readonly SessionRecordT[], now: Date, since?: Date): ExportFileT {
  const chosen = since ? sessions.filter((s) => Date.parse(s.startedAt) >= since.getTime()) : [...sessions];
  return {
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: now.toISOString(),
    sessions: chosen,
    schedule: [...buildSchedule(sessions).values()],
  };
}

export function exportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ExportFile, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
}

function csvCell(v: unknown): string {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per answer, for spreadsheets. */
export function answersCsv(sessions: readonly SessionRecordT[]): string {
  const header = [
    'session_id', 'session_started_at', 'session_completed', 'question_id', 'followup_id', 'topic', 'score', 'self_score',
    'seconds_taken', 'timed_out', 'skipped', 'interrupted', 'points_hit', 'points_total', 'answered_at', 'answer',
  ];
  const rows = sessions.flatMap((s) =>
    s.answers.map((a) => [
      s.id, s.startedAt, s.completed, a.questionId, a.followupId, a.topic, a.score, a.selfScore, a.secondsTaken, a.timedOut,
      a.skipped, a.interrupted ?? false, a.points.filter((p) => p.hit).length, a.points.length, a.answeredAt, a.answer,
    ]),
  );
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A stable positive integer for a card id (the FSRS optimizer wants integer card ids). */
function cardNumber(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619) >>> 0;
  return h;
}

const RATING_NUMBER = { again: 1, hard: 2, good: 3, easy: 4 } as const;
const STATE_NUMBER = { new: 0, learning: 1, review: 2, relearning: 3 } as const;

/** Review log in the CSV layout the FSRS optimizer reads (card_id, review_time ms, rating, state, duration ms). */
export function reviewLogCsv(sessions: readonly SessionRecordT[]): string {
  const rows = [...buildSchedule(sessions).values()]
    .flatMap((c) => c.reviews.map((r) => ({ c, r })))
    .sort((a, b) => compareText(a.r.at, b.r.at))
    .map(({ c, r }) => [cardNumber(c.card), Date.parse(r.at), RATING_NUMBER[r.rating], STATE_NUMBER[r.state], Math.round(r.secondsTaken * 1000)].join(','));
  return ['card_id,review_time,review_rating,review_state,review_duration', ...rows].join('\n') + '\n';
}

function html(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/[\t\r\n]+/g, ' ');
}

/** The bank (or some topics) as a tab-separated file Anki imports: front, back, tags. */
export function ankiTsv(bank: Bank, topics?: ReadonlySet<string>, lang: 'en' | 'zh' = 'en'): string {
  const lines = ['#separator:tab', '#html:true', '#tags column:3'];
  for (const q of bank.questions) {
    if (topics && !topics.has(q.topic)) continue;
    const front = html(q.prompt[lang]);
    const points = [
      ...(q.numeric ? [`The answer is ${q.numeric.value}${q.numeric.unit ? ` ${q.numeric.unit}` : ''}.`] : []),
      ...q.rubric.points.map((p) => (lang === 'zh' && p.zh ? p.zh : p.text)),
    ];
    const back = `<b>Key points</b><ul>${points.map((p) => `<li>${html(p)}</li>`).join('')}</ul><b>Model answer</b><br>${html(lang === 'zh' && q.answer.zh ? q.answer.zh : q.answer.en)}`;
    lines.push([front, back, `mlprep ${q.topic} ${q.difficulty}`].join('\t'));
  }
  return lines.join('\n') + '\n';
}
