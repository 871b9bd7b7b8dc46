import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { UserError } from '../errors.js';
import { cacheDir } from '../store/paths.js';
import type { Bank, BankQuestion, BankTopic } from './bank.js';
import { BUILTIN_BANK_DIR, PACKAGE_ROOT, readSources, SEED_ITEMS_FILE, uniqueFiles } from './files.js';
import { formatProblem } from './problems.js';

export interface LoadOptions {
  /** Extra bank directories or files (`--bank`). */
  banks?: readonly string[];
  /** Skip the built-in bank (validate a user bank on its own). */
  builtin?: boolean;
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
export async function loadBank(opts: LoadOptions = {}): Promise<Bank> {
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
  // A miss: parse and validate (the heavy modules load only now).
  const [{ buildBank }, { seedIds }] = await Promise.all([import('./bank.js'), import('./load.js')]);
  const { bank, problems: bankProblems } = buildBank(sources, seedIds(seedText));
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
