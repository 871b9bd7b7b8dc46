import writeFileAtomic from 'write-file-atomic';
import { loadBank } from '../bank/cached.js';
import { resolveTopic } from '../bank/topics.js';
import { EXIT, UserError } from '../errors.js';
import { ankiTsv, answersCsv, buildExport, exportJsonSchema, reviewLogCsv } from '../store/export.js';
import type { Action } from './main.js';
import { readHistory } from './common.js';

interface ExportOptions {
  out?: string;
  since?: string;
  schema?: boolean;
  format: 'json' | 'csv';
  anki?: string;
  reviewLog?: string;
  topic?: string[];
  lang: 'en' | 'zh';
}

function write(file: string, text: string): void {
  try {
    writeFileAtomic.sync(file, text);
  } catch (e) {
    throw new UserError(`${file}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

export function parseSince(s: string): Date {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(`${s}T00:00:00Z`) : new Date(s);
  if (Number.isNaN(d.getTime())) throw new UserError(`--since needs a date such as 2026-11-01 (got "${s}")`, EXIT.usage);
  return d;
}

export const run: Action<ExportOptions> = async (_args, opts, io) => {
  if (opts.schema) {
    io.out(JSON.stringify(exportJsonSchema(), null, 2));
    return;
  }
  if (opts.anki) {
    const bank = await loadBank({ banks: opts.bank });
    const topics = opts.topic?.length ? new Set(opts.topic.map((t) => resolveTopic(bank, t).slug)) : undefined;
    const text = ankiTsv(bank, topics, opts.lang);
    write(opts.anki, text);
    io.err(`Wrote ${text.split('\n').length - 4} cards to ${opts.anki} (Anki: File › Import)`);
    return;
  }
  const history = readHistory(io);
  const since = opts.since ? parseSince(opts.since) : undefined;
  const sessions = since ? history.sessions.filter((s) => Date.parse(s.startedAt) >= since.getTime()) : history.sessions;
  if (opts.reviewLog) {
    write(opts.reviewLog, reviewLogCsv(history.sessions));
    io.err(`Wrote the review log to ${opts.reviewLog}`);
    if (!opts.out && opts.format === 'json') return;
  }
  const text = opts.format === 'csv' ? answersCsv(sessions) : JSON.stringify(buildExport(history.sessions, new Date(), since), null, 2) + '\n';
  if (opts.out) {
    write(opts.out, text);
    io.err(`Exported ${sessions.length} session${sessions.length === 1 ? '' : 's'} to ${opts.out}`);
  } else process.stdout.write(text);
};
