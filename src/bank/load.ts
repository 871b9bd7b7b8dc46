import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, realpathSync, statSync, unlinkSync } from 'node:fs';
import writeFileAtomic from 'write-file-atomic';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { UserError } from '../errors.js';
import { buildBank, type Bank, type BankQuestion, type BankTopic, type SourceText } from './bank.js';
import { cacheDir } from '../store/paths.js';
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

function uniqueFiles(targets: readonly string[]): string[] {
  const seen = new Set<string>();
  return targets.flatMap(findBankFiles).filter((f) => {
    const real = realpathSync(f);
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
}

/** Reads and validates the bank; problems come back, never thrown. */
export function loadBankFiles(targets: readonly string[]): { bank: Bank; problems: Problem[]; files: string[] } {
  const files = uniqueFiles(targets);
  const { sources, problems: readProblems } = readSources(files);
  const seeds = new Set(readSeedItems().map((s) => s.id));
  const { bank, problems } = buildBank(sources, seeds);
  return { bank, problems: [...readProblems, ...problems], files };
}

const VERSION = (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function index(topics: BankTopic[], questions: BankQuestion[]): Bank {
  return {
    topics,
    questions,
    topicBySlug: new Map(topics.map((t) => [t.slug, t])),
    questionById: new Map(questions.map((q) => [q.id, q])),
  };
}

/**
 * Loads the built-in bank plus `--bank` directories, or fails with every
 * problem listed. A bank that validated before is read from a cache keyed by
 * the hash of every file's name and content (and mlprep's version), so a warm
 * start skips YAML parsing and validation; any change to any file misses it.
 */
export function loadBank(opts: LoadOptions = {}): Bank {
  const targets = [...(opts.builtin === false ? [] : [BUILTIN_BANK_DIR]), ...(opts.banks ?? [])];
  const files = uniqueFiles(targets);
  const { sources, problems: readProblems } = readSources(files);
  const seedText = readFileSync(SEED_ITEMS_FILE, 'utf8');
  const hash = createHash('sha256').update(VERSION).update('\0').update(seedText);
  for (const s of sources) hash.update('\0').update(s.file).update('\0').update(s.text);
  const key = hash.digest('hex').slice(0, 32);
  const cacheFile = path.join(cacheDir(), `bank-${key}.json`);

  if (readProblems.length === 0) {
    try {
      const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as { topics: BankTopic[]; questions: BankQuestion[] };
      if (Array.isArray(cached.topics) && Array.isArray(cached.questions)) return index(cached.topics, cached.questions);
    } catch {
      // No cache, or an unreadable one: build the bank below.
    }
  }
  const seeds = new Set((parseYaml(seedText) as { items: SeedItem[] }).items.map((s) => s.id));
  const { bank, problems: bankProblems } = buildBank(sources, seeds);
  const problems = [...readProblems, ...bankProblems];
  if (problems.length > 0) {
    const n = problems.length;
    throw new UserError(
      `the question bank has ${n} problem${n === 1 ? '' : 's'} (run \`mlprep validate\` on it for the full list):`,
      1,
      problems.slice(0, 10).map(formatProblem),
    );
  }
  writeCache(cacheFile, bank);
  return bank;
}

/** Best effort: a cache that cannot be written only costs the next start some time. */
function writeCache(file: string, bank: Bank): void {
  try {
    const dir = path.dirname(file);
    mkdirSync(dir, { recursive: true });
    // Keep only the newest few banks (editing a bank leaves old keys behind).
    const old = readdirSync(dir)
      .filter((n) => n.startsWith('bank-') && n.endsWith('.json'))
      .map((n) => ({ n, t: statSync(path.join(dir, n)).mtimeMs }))
      .sort((a, b) => b.t - a.t)
      .slice(4);
    for (const o of old) unlinkSync(path.join(dir, o.n));
    writeFileAtomic.sync(file, JSON.stringify({ topics: bank.topics, questions: bank.questions }));
  } catch {
    // Ignored on purpose.
  }
}
