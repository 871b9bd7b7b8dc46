import { mkdirSync } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { SessionState } from '../drill/session.js';
import { UserError } from '../errors.js';
import { toRecord } from './history.js';
import { sessionsDir } from './paths.js';
import type { SessionRecordT } from './records.js';
import { HISTORY_SCHEMA_VERSION } from './versions.js';

// Apart from reading (history.ts) so that commands that only read the history
// do not load write-file-atomic (and with it worker_threads and signal-exit).

/**
 * Writes a session atomically (temporary file, fsync, rename): a crash or
 * kill at any moment leaves either the previous version or the new one.
 */
export function saveSession(home: string, s: SessionState): void {
  saveRecord(home, toRecord(s));
}

export function saveRecord(home: string, record: SessionRecordT): void {
  if (!/^[\w.-]+$/.test(record.id)) throw new UserError(`session id "${record.id}" cannot be a file name`);
  const dir = sessionsDir(home);
  mkdirSync(dir, { recursive: true });
  const body = JSON.stringify({ schemaVersion: HISTORY_SCHEMA_VERSION, ...record }, null, 1) + '\n';
  writeFileAtomic.sync(path.join(dir, `${record.id}.json`), body, { fsync: true });
}
