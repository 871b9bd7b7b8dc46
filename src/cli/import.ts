import { readFileSync } from 'node:fs';
import { EXIT, UserError } from '../errors.js';
import { saveRecord } from '../store/save.js';
import { EXPORT_SCHEMA_VERSION, ExportFile } from '../store/records.js';
import type { Action } from './main.js';
import { readHistory } from './common.js';

/**
 * Merges an export from another machine. Sessions are keyed by id: one that
 * is already here is skipped (or replaced when the incoming copy has more
 * answers, i.e. it was exported later), so importing the same file twice adds
 * nothing. The schedule is recomputed from the sessions, never copied.
 */
export const run: Action<object> = async (args, _opts, io) => {
  const file = args[0]!;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new UserError(`${file}: ${err instanceof SyntaxError ? `not valid JSON (${err.message})` : `cannot read (${err.code ?? err.message})`}`);
  }
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version !== 'number') throw new UserError(`${file}: not an mlprep export (no schemaVersion)`);
  if (version > EXPORT_SCHEMA_VERSION) {
    throw new UserError(`${file} was exported by a newer mlprep (schemaVersion ${version}; this one reads ${EXPORT_SCHEMA_VERSION}): upgrade mlprep to import it`);
  }
  const parsed = ExportFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError(`${file}: not a valid mlprep export: ${issue.path.join('.') || 'file'}: ${issue.message}`);
  }
  const history = readHistory(io);
  const home = history.home;
  const here = new Map(history.sessions.map((s) => [s.id, s]));
  let added = 0;
  let replaced = 0;
  let skipped = 0;
  let answers = 0;
  for (const s of parsed.data.sessions) {
    const mine = here.get(s.id);
    if (mine && mine.answers.length >= s.answers.length) {
      skipped++;
      continue;
    }
    saveRecord(home, s);
    if (mine) replaced++;
    else added++;
    answers += s.answers.length - (mine?.answers.length ?? 0);
  }
  io.err(`Imported ${added} new session${added === 1 ? '' : 's'}${replaced ? `, updated ${replaced}` : ''} (${answers} answers); ${skipped} already here.`);
  return EXIT.ok;
};
