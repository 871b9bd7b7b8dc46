import { createInterface } from 'node:readline';
import type { Bank } from '../bank/bank.js';
import { loadBank } from '../bank/cached.js';
import { EXIT, UserError } from '../errors.js';
import { gradeAnswer, resultRecords, type ScoreResult } from '../scoring/index.js';
import { renderResult } from '../ui/render.js';
import { nearest } from '../bank/problems.js';
import type { Action } from './main.js';

/** One graded line of the `grade --json` contract (see DESIGN.md). */
export function gradeRecord(id: string, followup: string | undefined, r: ScoreResult) {
  return {
    id,
    ...(followup !== undefined ? { followup } : {}),
    score: r.score,
    verdict: r.verdict,
    ...resultRecords(r),
  };
}

export function findQuestion(bank: Bank, id: string) {
  const q = bank.questionById.get(id);
  if (q) return q;
  const near = nearest(id, bank.questionById.keys(), 4, 3);
  throw new UserError(`unknown question id "${id}"${near.length ? ` (did you mean ${near.join(', ')}?)` : ' (run `mlprep list` to see the ids)'}`);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Grades JSON Lines from standard input, one result line per input line, in order. */
async function batch(bank: Bank, out: (s: string) => void): Promise<number> {
  let failed = false;
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  const buffer: string[] = [];
  const flush = () => {
    if (buffer.length) out(buffer.join('\n'));
    buffer.length = 0;
  };
  for await (const line of rl) {
    if (line.trim() === '') continue;
    let id: string | undefined;
    try {
      let input: unknown;
      try {
        input = JSON.parse(line);
      } catch {
        throw new UserError('not valid JSON');
      }
      if (!input || typeof input !== 'object' || Array.isArray(input)) throw new UserError('expected a JSON object {"id", "answer", "followup"?}');
      const o = input as Record<string, unknown>;
      if (typeof o.id === 'string') id = o.id;
      if (typeof o.id !== 'string') throw new UserError('"id" must be a string');
      if (typeof o.answer !== 'string') throw new UserError('"answer" must be a string');
      if (o.followup !== undefined && typeof o.followup !== 'string') throw new UserError('"followup" must be a string');
      const q = findQuestion(bank, o.id);
      const followup = o.followup as string | undefined;
      buffer.push(JSON.stringify(gradeRecord(q.id, followup, gradeAnswer(q, o.answer, followup))));
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      failed = true;
      buffer.push(JSON.stringify({ ...(id !== undefined ? { id } : {}), error: e.message }));
    }
    if (buffer.length >= 256) flush();
  }
  flush();
  return failed ? EXIT.failure : EXIT.ok;
}

export const run: Action<{ followup?: string; json?: boolean; lang?: 'en' | 'zh' }> = async (args, opts, io) => {
  const [id, ...words] = args;
  if (id === undefined) {
    if (!opts.json) throw new UserError('give a question id, or use --json to grade JSON Lines from standard input', EXIT.usage);
    if (process.stdin.isTTY) throw new UserError('grade --json reads JSON Lines from standard input; pipe a file into it', EXIT.usage);
    return batch(await loadBank({ banks: opts.bank }), io.out);
  }
  const bank = await loadBank({ banks: opts.bank });
  const q = findQuestion(bank, id);
  let answer = words.join(' ');
  if (answer === '') {
    if (process.stdin.isTTY) throw new UserError('give the answer as an argument, or pipe it on standard input', EXIT.usage);
    answer = await readStdin();
  }
  const result = gradeAnswer(q, answer, opts.followup);
  if (opts.json) {
    io.out(JSON.stringify(gradeRecord(q.id, opts.followup, result)));
    return;
  }
  for (const line of renderResult(io, result, opts.lang ?? 'en')) io.out(line);
};
