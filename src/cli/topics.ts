import { loadBank } from '../bank/cached.js';
import { progress } from '../drill/progress.js';
import { pad, sanitize, truncate, wrap } from '../ui/output.js';
import { bar } from '../ui/charts.js';
import type { Action } from './main.js';
import { readHistory } from './common.js';
import { compareText } from '../compare.js';

export const run: Action<{ json?: boolean }> = async (_args, opts, io) => {
  const bank = await loadBank({ banks: opts.bank });
  const history = readHistory(io);
  const p = progress(bank, history.sessions, new Date());
  const rows = bank.topics
    .map((t) => {
      const tp = p.topics.find((x) => x.topic === t.slug)!;
      return { slug: t.slug, title: t.title, aliases: t.aliases, questions: tp.questions, seen: tp.seen, mastery: tp.mastery, due: tp.due };
    })
    .sort((a, b) => compareText(a.slug, b.slug));
  if (opts.json) {
    io.out(JSON.stringify(rows, null, 2));
    return;
  }
  const c = io.color;
  const w = Math.min(Math.max(...rows.map((r) => r.slug.length), 5), Math.max(10, io.columns - 20));
  const color = c.level > 0;
  // Columns are dropped, widest last, until the table fits the terminal.
  const withBar = io.columns >= w + 2 + 9 + 2 + 17 + 5;
  const barWidth = color ? 10 : 12;
  const header = withBar ? `${pad('topic', w)}  questions  ${pad('mastery', barWidth + 5)}  due  title` : `${pad('topic', w)}    q  mastery  due`;
  io.out(c.bold(truncate(header, io.columns)));
  for (const r of rows) {
    const pct = `${String(Math.round(r.mastery * 100)).padStart(3)}%`;
    const fixed = withBar
      ? `${pad(truncate(r.slug, w), w)}  ${String(r.questions).padStart(9)}  ${bar(r.mastery, 10, color)} ${pct}  ${String(r.due).padStart(3)}  `
      : `${pad(truncate(r.slug, w), w)}  ${String(r.questions).padStart(3)}  ${pct.padStart(7)}  ${String(r.due).padStart(3)}`;
    const room = io.columns - fixed.length;
    io.out(fixed + (withBar && room > 8 ? sanitize(truncate(`${r.title.en} · ${r.title.zh}`, room)) : ''));
  }
  io.err(wrap(c.dim(`${rows.length} topics, ${bank.questions.length} questions, ${p.dueNow} due · review one with: mlprep topic <slug>`), io.columns));
};
