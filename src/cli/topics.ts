import { loadBank } from '../bank/load.js';
import { pad, sanitize, truncate } from '../ui/output.js';
import type { Action } from './main.js';

export const run: Action<{ json?: boolean }> = async (_args, opts, io) => {
  const bank = loadBank({ banks: opts.bank });
  const counts = new Map<string, number>();
  for (const q of bank.questions) counts.set(q.topic, (counts.get(q.topic) ?? 0) + 1);
  const rows = bank.topics
    .map((t) => ({ slug: t.slug, title: t.title, aliases: t.aliases, questions: counts.get(t.slug) ?? 0 }))
    .sort((a, b) => a.slug.localeCompare(b.slug));
  if (opts.json) {
    io.out(JSON.stringify(rows, null, 2));
    return;
  }
  const c = io.color;
  const w = Math.max(...rows.map((r) => r.slug.length), 5);
  io.out(c.bold(`${pad('topic', w)}  questions  title`));
  for (const r of rows) {
    const title = `${r.title.en} · ${r.title.zh}`;
    io.out(`${pad(r.slug, w)}  ${pad(String(r.questions).padStart(9), 9)}  ${sanitize(truncate(title, Math.max(10, io.columns - w - 13)))}`);
  }
  io.err(c.dim(`${rows.length} topics, ${bank.questions.length} questions · review one with: mlprep topic <slug>`));
};
