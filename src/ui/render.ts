import type { ScoreResult } from '../scoring/index.js';
import { VALUE_POINT } from '../scoring/score.js';
import type { Output } from './output.js';
import { hanging, sanitize, wrap } from './output.js';

export type Lang = 'en' | 'zh';

/** A score as a percentage with a short bar, coloured by band. */
export function scoreBadge(io: Output, score: number): string {
  const pct = Math.round(score * 100);
  const filled = Math.round(score * 10);
  const bar = '█'.repeat(filled) + '░'.repeat(10 - filled);
  const paint = score >= 0.85 ? io.color.green : score >= 0.5 ? io.color.yellow : io.color.red;
  return paint(`${bar} ${String(pct).padStart(3)}%`);
}

/** The explanation of a score: every point hit or missed, with the words that earned it. */
export function renderResult(io: Output, r: ScoreResult, lang: Lang = 'en'): string[] {
  const c = io.color;
  const lines: string[] = [];
  lines.push(wrap(`${scoreBadge(io, r.score)}  ${c.bold(r.verdict)}`, io.columns));
  const width = io.columns;
  for (const p of r.points) {
    const text = sanitize(lang === 'zh' && p.pointZh ? p.pointZh : p.point);
    const mark = p.hit ? c.green('✓') : p.credit > 0 ? c.yellow('~') : c.red('✗');
    const req = p.required ? c.dim(' (required)') : '';
    lines.push(hanging(`  ${mark} `, `${text}${req}`, width));
    if (p.evidence) {
      // A number earns part of its credit only as a known slip, which its point
      // names; any other number it shows is the wrong one.
      const how = p.credit >= 1
        ? ''
        : p.id === VALUE_POINT ? (p.credit > 0 ? ` (a known slip: ${Math.round(p.credit * 100)}% of the credit)` : ' (not the answer)')
        : p.credit >= 0.5 ? ' (in separate sentences: half credit)' : ' (only listed, not explained: quarter credit)';
      lines.push(wrap(c.dim(`“${sanitize(p.evidence)}”${how}`), width, '    '));
    }
  }
  for (const m of r.misconceptions) {
    const text = sanitize(lang === 'zh' && m.textZh ? m.textZh : m.text);
    lines.push(hanging(`  ${c.red('!')} `, `${c.red('misconception:')} ${text} (−${Math.round(m.penalty * 100)}%)`, width));
    lines.push(wrap(c.dim(`“${sanitize(m.evidence)}”`), width, '    '));
  }
  return lines;
}
