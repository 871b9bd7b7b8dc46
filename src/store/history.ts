import { readdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import type { SessionState } from '../drill/session.js';
import { sessionsDir } from './paths.js';
import type { SessionRecordT } from './records.js';
import { HISTORY_SCHEMA_VERSION } from './versions.js';
import { compareText } from '../compare.js';

/** The part of a session state that is kept. */
export function toRecord(s: SessionState): SessionRecordT {
  return {
    id: s.id,
    startedAt: s.startedAt,
    ...(s.endedAt ? { endedAt: s.endedAt } : {}),
    completed: s.status === 'finished' && s.completed,
    ...(s.endReason ? { endReason: s.endReason } : {}),
    settings: s.settings,
    answers: s.answers,
  };
}

export interface History {
  sessions: SessionRecordT[];
  /** Files that could not be read and were moved aside, with what was wrong. */
  setAside: { file: string; movedTo: string; reason: string }[];
  /** Set (only with `tolerant`) when the history could not be read at all. */
  unreadable?: string;
}

/**
 * Reads every session. A corrupt or truncated file is moved aside (kept, never
 * deleted) and reported; a file from a newer mlprep stops everything, so that
 * nothing written by it is overwritten or dropped.
 */
export function loadHistory(home: string, now = new Date(), opts: { tolerant?: boolean } = {}): History {
  const dir = sessionsDir(home);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { sessions: [], setAside: [] };
    const message = `cannot read history in ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
    // A drill can still run (and print its answers) without the history.
    if (opts.tolerant) return { sessions: [], setAside: [], unreadable: message };
    throw new UserError(message);
  }
  const sessions: SessionRecordT[] = [];
  const setAside: History['setAside'] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    let reason: string;
    try {
      const raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      const version = (raw as { schemaVersion?: unknown })?.schemaVersion;
      if (typeof version === 'number' && version > HISTORY_SCHEMA_VERSION) {
        throw new UserError(
          `${file} was written by a newer mlprep (history schemaVersion ${version}, this one reads ${HISTORY_SCHEMA_VERSION}); upgrade mlprep — the file is left as it is`,
        );
      }
      const problem = sessionProblem(raw);
      if (problem === undefined) {
        const { schemaVersion: _v, ...record } = raw as SessionRecordT & { schemaVersion: number };
        sessions.push(record);
        continue;
      }
      reason = problem;
    } catch (e) {
      if (e instanceof UserError) throw e;
      reason = e instanceof SyntaxError ? `not valid JSON (${e.message})` : `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
    }
    const movedTo = `${file}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
    try {
      renameSync(file, movedTo);
      setAside.push({ file, movedTo, reason });
    } catch {
      setAside.push({ file, movedTo: file, reason: `${reason}; could not be moved aside` });
    }
  }
  sessions.sort((a, b) => compareText(a.startedAt, b.startedAt));
  return { sessions, setAside };
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * What is wrong with a session file's content, if anything. A structural check
 * of the fields mlprep relies on, written out so that reading history does not
 * load zod (start-up time); the zod schema in records.ts documents the format.
 */
export function sessionProblem(raw: unknown): string | undefined {
  if (!isObj(raw)) return 'not a JSON object';
  if (typeof raw.schemaVersion !== 'number') return 'schemaVersion: missing';
  for (const k of ['id', 'startedAt'] as const) if (typeof raw[k] !== 'string') return `${k}: expected text`;
  if (typeof raw.completed !== 'boolean') return 'completed: expected true or false';
  if (!isObj(raw.settings)) return 'settings: expected an object';
  if (!Array.isArray(raw.answers)) return 'answers: expected a list';
  for (let i = 0; i < raw.answers.length; i++) {
    const a: unknown = raw.answers[i];
    if (!isObj(a)) return `answers.${i}: expected an object`;
    for (const k of ['questionId', 'topic', 'answer', 'answeredAt'] as const) if (typeof a[k] !== 'string') return `answers.${i}.${k}: expected text`;
    if (a.score !== null && (typeof a.score !== 'number' || a.score < 0 || a.score > 1)) return `answers.${i}.score: expected a number from 0 to 1`;
    if (!Array.isArray(a.points) || !Array.isArray(a.overrides) || !Array.isArray(a.misconceptions)) return `answers.${i}: points, overrides and misconceptions must be lists`;
    if (typeof a.secondsTaken !== 'number' || typeof a.timedOut !== 'boolean' || typeof a.skipped !== 'boolean') return `answers.${i}: secondsTaken, timedOut and skipped are required`;
  }
  return undefined;
}
