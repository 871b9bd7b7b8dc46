import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = path.join(ROOT, 'bin', 'mlprep.js');
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures');

/** A fresh MLPREP_HOME for this test file, removed afterwards. */
export function tempHome(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mlprep-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would, with colours off and a private data directory. */
export function mlprep(args: string[], opts: { input?: string; home?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}): RunResult {
  const options: SpawnSyncOptions = {
    cwd: opts.cwd ?? ROOT,
    input: opts.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, MLPREP_HOME: opts.home ?? path.join(tmpdir(), 'mlprep-unused-home'), ...opts.env },
    timeout: 60_000,
  };
  const r = spawnSync(process.execPath, [BIN, ...args], options);
  return { code: r.status ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}
