import { loadBank } from '../bank/cached.js';
import { progress } from '../drill/progress.js';
import { bar, columns } from '../ui/charts.js';
import { pad, truncate, wrap } from '../ui/output.js';
import type { Action } from './main.js';
import { readHistory } from './common.js';
import { compareText } from '../compare.js';

export const run: Action<{ json?: boolean }> = async (_args, opts, io) => {
  const bank = await loadBank({ banks: opts.bank });
  const history = readHistory(io);
  const p = progress(bank, history.sessions, new Date());
  const practised = p.topics.filter((t) => t.seen > 0).sort((a, b) => a.mastery - b.mastery || compareText(a.topic, b.topic));
  const answers = history.sessions.reduce((n, s) => n + s.answers.length, 0);
  if (opts.json) {
    io.out(
      JSON.stringify(
        {
          sessions: history.sessions.length,
          answers,
          streak: p.streak,
          dueToday: p.dueNow,
          topics: p.topics,
          daily: p.daily,
        },
        null,
        2,
      ),
    );
    return;
  }
  const c = io.color;
  const fancy = c.level > 0;
  if (history.sessions.length === 0) {
    io.out('No sessions yet. Start one with: mlprep drill');
    return;
  }
  io.out(wrap(c.bold(`${history.sessions.length} sessions · ${answers} answers · streak ${p.streak} day${p.streak === 1 ? '' : 's'} · ${p.dueNow} due today`), io.columns));
  io.out('');
  io.out(wrap(c.bold('Mastery by topic') + c.dim(' (last score per question; unpractised questions count as 0)'), io.columns));
  const w = Math.min(28, Math.max(...practised.map((t) => t.topic.length), 5), Math.max(8, io.columns - 26));
  const barWidth = Math.max(5, Math.min(40, io.columns - w - 22));
  for (const t of practised) {
    const paint = t.mastery >= 0.85 ? c.green : t.mastery >= 0.5 ? c.yellow : c.red;
    io.out(`  ${pad(truncate(t.topic, w), w)} ${paint(bar(t.mastery, barWidth, fancy))} ${String(Math.round(t.mastery * 100)).padStart(3)}%  ${c.dim(`${t.seen}/${t.questions}`)}`);
  }
  const untouched = p.topics.length - practised.length;
  if (untouched) io.out(wrap(c.dim(`${untouched} topic${untouched === 1 ? '' : 's'} not practised yet (mlprep topics)`), io.columns, '  '));
  io.out('');
  const room = Math.max(5, io.columns - 8);
  const days = p.daily.slice(-room);
  io.out(wrap(c.bold('Average score per day') + c.dim(` (${days.length === p.daily.length ? 'all' : `last ${days.length}`} of ${p.daily.length} days)`), io.columns));
  for (const line of columns(days.map((d) => d.average), 8, fancy)) io.out(line);
  if (days.length) io.out(c.dim(`      ${days[0]!.day}${days.length > 1 ? ` … ${days[days.length - 1]!.day}` : ''}`));
};
