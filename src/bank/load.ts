import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { UserError } from '../errors.js';
import { buildBank, type Bank, type SourceText } from './bank.js';
import { formatProblem, type Problem } from './problems.js';
import { MAX_BANK_FILE_BYTES } from './parse.js';

/** The package root: bank/, coverage/ and schema/ sit next to dist/. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BUILTIN_BANK_DIR = path.join(PACKAGE_ROOT, 'bank');
export const SEED_ITEMS_FILE = path.join(PACKAGE_ROOT, 'coverage', 'seed-items.yaml');

export interface SeedItem {
  id: string;
  topic: string;
  kind: string;
  title: string;
}

export function readSeedItems(file = SEED_ITEMS_FILE): SeedItem[] {
  const doc = parseYaml(readFileSync(file, 'utf8')) as { items: SeedItem[] };
  return doc.items;
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
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
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

export interface LoadOptions {
  /** Extra bank directories or files (`--bank`). */
  banks?: readonly string[];
  /** Skip the built-in bank (validate a user bank on its own). */
  builtin?: boolean;
}

/** Reads and validates the bank; problems come back, never thrown. */
export function loadBankFiles(targets: readonly string[]): { bank: Bank; problems: Problem[]; files: string[] } {
  const seen = new Set<string>();
  const files = targets.flatMap(findBankFiles).filter((f) => {
    const real = realpathSync(f);
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
  const { sources, problems: readProblems } = readSources(files);
  const seeds = new Set(readSeedItems().map((s) => s.id));
  const { bank, problems } = buildBank(sources, seeds);
  return { bank, problems: [...readProblems, ...problems], files };
}

/** Loads the built-in bank plus `--bank` directories, or fails with every problem listed. */
export function loadBank(opts: LoadOptions = {}): Bank {
  const targets = [...(opts.builtin === false ? [] : [BUILTIN_BANK_DIR]), ...(opts.banks ?? [])];
  const { bank, problems } = loadBankFiles(targets);
  if (problems.length > 0) {
    const n = problems.length;
    throw new UserError(
      `the question bank has ${n} problem${n === 1 ? '' : 's'} (run \`mlprep validate\` on it for the full list):`,
      1,
      problems.slice(0, 10).map(formatProblem),
    );
  }
  return bank;
}
