import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import { PACKAGE_ROOT } from '../paths.js';
import type { Problem } from './problems.js';
import { compareText } from '../compare.js';

/**
 * Finding and reading bank files: file system only, no parsing, so that a
 * warm start (the bank cache) loads neither the YAML parser nor zod.
 */

export { PACKAGE_ROOT };
export const BUILTIN_BANK_DIR = path.join(PACKAGE_ROOT, 'bank');
export const SEED_ITEMS_FILE = path.join(PACKAGE_ROOT, 'coverage', 'seed-items.yaml');

/** Largest bank file accepted; a bank file is text written by people. */
export const MAX_BANK_FILE_BYTES = 4 * 1024 * 1024;

export interface SourceText {
  file: string;
  text: string;
}

/** Shows a path relative to the working directory when it is below it. */
export function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

/** Every .yaml/.yml file under `target` (a file or a directory), sorted. */
export function findBankFiles(target: string): string[] {
  let st;
  try {
    st = statSync(target);
  } catch {
    throw new UserError(`${displayPath(target)}: no such file or directory`);
  }
  if (st.isFile()) return [target];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareText(a.name, b.name))) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.ya?ml$/i.test(e.name)) out.push(full);
    }
  };
  walk(target);
  return out;
}

export function readSources(files: readonly string[]): { sources: SourceText[]; problems: Problem[] } {
  const sources: SourceText[] = [];
  const problems: Problem[] = [];
  for (const f of files) {
    const file = displayPath(f);
    try {
      const size = statSync(f).size;
      if (size > MAX_BANK_FILE_BYTES) {
        problems.push({ file, line: 1, col: 1, message: `file is ${(size / 1048576).toFixed(1)} MiB; bank files are limited to ${MAX_BANK_FILE_BYTES / 1048576} MiB` });
        continue;
      }
      const buf = readFileSync(f);
      const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
      sources.push({ file, text });
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      const message = err instanceof TypeError ? 'file is not valid UTF-8 text' : `cannot read file: ${err.code ?? err.message}`;
      problems.push({ file, line: 1, col: 1, message });
    }
  }
  return { sources, problems };
}

/** The bank files of all targets, each once (by real path). */
export function uniqueFiles(targets: readonly string[]): string[] {
  const seen = new Set<string>();
  return targets.flatMap(findBankFiles).filter((f) => {
    const real = realpathSync(f);
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
}
