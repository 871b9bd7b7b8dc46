import { loadBank } from '../bank/cached.js';
import { resolveTopic } from '../bank/topics.js';
import type { BankQuestion } from '../bank/bank.js';
import { pad, truncate, sanitize } from '../ui/output.js';
import type { Action } from './main.js';

/** One question as the `list --json` contract describes it (see DESIGN.md). */
export function listEntry(q: BankQuestion) {
  return {
    id: q.id,
    topic: q.topic,
    seeds: q.seeds,
    kind: q.kind,
    difficulty: q.difficulty,
    prompt: q.prompt.en,
    followups: q.followups.map((f) => ({ id: f.id, prompt: f.prompt.en })),
  };
}

export const run: Action<{ topic?: string; json?: boolean }> = async (_args, opts, io) => {
  const bank = await loadBank({ banks: opts.bank });
  const slug = opts.topic ? resolveTopic(bank, opts.topic).slug : undefined;
  const questions = bank.questions.filter((q) => !slug || q.topic === slug);
  if (opts.json) {
    io.out(JSON.stringify(questions.map(listEntry), null, 2));
    return;
  }
  const c = io.color;
  const idWidth = Math.min(36, Math.max(...questions.map((q) => q.id.length), 2));
  const wide = io.columns >= idWidth + 2 + 12 + 2 + 20;
  for (const q of questions) {
    const meta = `${q.kind} ${q.difficulty}`;
    if (wide) {
      const room = io.columns - idWidth - 2 - 14;
      io.out(`${c.bold(pad(q.id, idWidth))}  ${c.dim(pad(meta, 12))}  ${sanitize(truncate(q.prompt.en, room))}`.trimEnd());
    } else {
      // Narrow terminals: the id on its own line, then what it asks.
      io.out(c.bold(truncate(q.id, io.columns)));
      io.out(`  ${c.dim(meta)} ${sanitize(truncate(q.prompt.en, Math.max(8, io.columns - meta.length - 3)))}`);
    }
  }
  io.err(c.dim(`${questions.length} question${questions.length === 1 ? '' : 's'}${slug ? ` in ${slug}` : ''}`));
};
