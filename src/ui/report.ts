import type { Report } from '../drill/report.js';
import { formatClock } from './prompts.js';
import { hanging, pad, sanitize, truncate, wrap, type Output } from './output.js';
import { scoreBadge } from './render.js';

/** The end-of-session report for a person. */
export function renderReport(io: Output, r: Report, opts: { saved?: string; completed: boolean }): string[] {
  const c = io.color;
  const lines: string[] = [];
  const pct = (s: number | null | undefined) => (s === null || s === undefined ? '  —' : `${String(Math.round(s * 100)).padStart(3)}%`);
  lines.push('', c.bold(opts.completed ? 'Session report' : 'Session report (ended early)'));
  if (r.questions.length === 0) {
    lines.push('  No questions were answered.');
  }
  const idWidth = Math.max(8, Math.min(34, io.columns - 18, Math.max(8, ...r.questions.map((q) => q.questionId.length))));
  for (const q of r.questions) {
    const flags = [q.timedOut ? 'timed out' : '', q.skipped ? 'no answer' : '', q.selfScore !== undefined ? `self ${pct(q.selfScore).trim()}` : '']
      .filter(Boolean)
      .join(', ');
    lines.push(`  ${pad(truncate(q.questionId, idWidth), idWidth)} ${pct(q.score)}  ${formatClock(q.seconds).padStart(5)}`);
    if (flags) lines.push(c.dim(`    (${flags})`));
    for (const f of q.followups) {
      lines.push(c.dim(`    why? ${pad(truncate(f.followupId, idWidth - 5), idWidth - 5)} ${pct(f.score)}  ${formatClock(f.seconds).padStart(5)}${f.timedOut ? ' (timed out)' : ''}`));
    }
  }
  if (r.average !== null) lines.push('', `  Overall ${scoreBadge(io, r.average)}   time ${formatClock(r.totalSeconds)}`);
  if (r.topics.length) {
    lines.push('', c.bold('By topic'));
    const tw = Math.max(8, Math.min(28, io.columns - 20));
    for (const t of r.topics) lines.push(`  ${pad(truncate(t.topic, tw), tw)} ${scoreBadge(io, t.average)}`);
  }
  if (r.weakest.length) {
    lines.push('', c.bold('Points you missed'));
    for (const w of r.weakest) lines.push(hanging('  • ', `${sanitize(w.point)} ${c.dim(`(${w.topic})`)}`, io.columns));
  }
  if (r.reviewCommands.length) {
    lines.push('', c.bold('Review next'));
    for (const cmd of r.reviewCommands) lines.push(`  ${c.cyan(cmd)}`);
  }
  if (opts.saved) lines.push('', wrap(c.dim(`Saved to ${opts.saved}`), io.columns));
  return lines;
}
