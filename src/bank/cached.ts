import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import { cacheDir } from '../store/paths.js';
import type { Bank, BankQuestion, BankTopic } from './bank.js';
import { BUILTIN_BANK_DIR, MAX_BANK_FILE_BYTES, PACKAGE_ROOT, readSources, SEED_ITEMS_FILE, uniqueFiles } from './files.js';
import { formatProblem } from './problems.js';

export interface LoadOptions {
  /** Extra bank directories or files (`--bank`). */
  banks?: readonly string[];
  /** Skip the built-in bank (validate a user bank on its own). */
  builtin?: boolean;
}

const VERSION = (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Bumped whenever the layout of a cache file changes; part of the key. */
const FORMAT = 2;

/**
 * What a cache file keeps of each question in its index: what `list`,
 * `topics`, `stats` and choosing a drill's questions read. Everything else
 * (rubrics, model answers, follow-up rubrics) is kept apart, one JSON line per
 * question, and parsed only when a command touches it.
 */
const INDEX_KEYS = new Set(['id', 'topic', 'seeds', 'kind', 'difficulty', 'timeLimit', 'prompt', 'followups']);
const FOLLOWUP_INDEX_KEYS = new Set(['id', 'prompt']);

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
 * the hash of every file's path and bytes (and mlprep's version), so a warm
 * start skips YAML parsing and validation; any change to any file misses it.
 * The cache file carries a hash of its own content and is used only when that
 * matches: a damaged cache is rebuilt, never trusted.
 */
export async function loadBank(opts: LoadOptions = {}): Promise<Bank> {
  const targets = [...(opts.builtin === false ? [] : [BUILTIN_BANK_DIR]), ...(opts.banks ?? [])];
  const files = uniqueFiles(targets);
  const key = bankKey(files);
  const cacheFile = key ? path.join(cacheDir(), `bank-${key}.json`) : undefined;
  const cached = cacheFile ? readCache(cacheFile) : undefined;
  if (cached) return cached;

  // A miss: read, parse and validate (the heavy modules load only now).
  const { sources, problems: readProblems } = readSources(files);
  const [{ fastBank }, { seedIds }] = await Promise.all([import('./fast.js'), import('./load.js')]);
  const seeds = seedIds(readFileSync(SEED_ITEMS_FILE, 'utf8'));
  // A bank without problems is built the quick way; otherwise the validating
  // loader finds and locates every problem.
  const quick = readProblems.length === 0 ? fastBank(sources, seeds) : undefined;
  if (quick) {
    if (cacheFile) await writeCache(cacheFile, quick);
    return quick;
  }
  const { buildBank } = await import('./bank.js');
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
  if (cacheFile) await writeCache(cacheFile, bank);
  return bank;
}

/**
 * The cache key: a hash of the format, mlprep's version, the seed items and
 * each file's absolute path and bytes. Undefined when a file cannot be read
 * or is over the size limit (the full read then reports it); no cache can
 * exist for such a bank, since only a bank without problems is cached.
 */
function bankKey(files: readonly string[]): string | undefined {
  const hash = createHash('sha256').update(`mlprep bank cache ${FORMAT} ${VERSION}\0`);
  for (const f of [SEED_ITEMS_FILE, ...files]) {
    let fd: number | undefined;
    try {
      fd = openSync(f, 'r');
      if (fstatSync(fd).size > MAX_BANK_FILE_BYTES) return undefined;
      const bytes = readFileSync(fd);
      const name = path.resolve(f);
      hash.update(`${name.length}:${name}${bytes.length}:`).update(bytes);
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
  return hash.digest('hex').slice(0, 32);
}

/*
 * A cache file is three parts, each ending in a newline:
 *   {"format":2,"sha256":"<hash of the rest of the file>","indexBytes":N}
 *   {"topics":[...],"questions":[...],"offsets":[...],"questionKeys":[...],"followupKeys":[...]}
 *   one JSON object per question, in index order: the fields not in the index
 * `offsets` holds the start and end byte of each question's line, counted from
 * the start of the third part; `questionKeys` and `followupKeys` name the
 * fields kept there.
 */
interface CacheIndex {
  topics: BankTopic[];
  questions: BankQuestion[];
  offsets: number[];
  questionKeys: string[];
  followupKeys: string[];
}

function readCache(file: string): Bank | undefined {
  try {
    const buf = readFileSync(file);
    const nl = buf.indexOf(10);
    if (nl < 0) return undefined;
    const header = JSON.parse(buf.toString('latin1', 0, nl)) as { format?: unknown; sha256?: unknown; indexBytes?: unknown };
    if (header.format !== FORMAT || typeof header.sha256 !== 'string' || typeof header.indexBytes !== 'number') return undefined;
    const body = buf.subarray(nl + 1);
    if (createHash('sha256').update(body).digest('hex') !== header.sha256) return undefined;
    const idx = JSON.parse(body.toString('utf8', 0, header.indexBytes)) as CacheIndex;
    const n = idx.questions.length;
    if (!Array.isArray(idx.topics) || !Array.isArray(idx.questions) || idx.offsets.length !== 2 * n) return undefined;
    const base = header.indexBytes + 1;
    const questions = idx.questions.map((q, i) => {
      const at = (s: number) => base + idx.offsets[s]!;
      return lazyDetails(q, idx.questionKeys, idx.followupKeys, () => JSON.parse(body.toString('utf8', at(2 * i), at(2 * i + 1))));
    });
    return index(idx.topics, questions);
  } catch {
    // No cache, or one that cannot be read: build the bank instead.
    return undefined;
  }
}

type Fields = Record<string, unknown>;

/**
 * Gives `q` (an index entry) and its follow-ups the detail fields, parsed from
 * the cache the first time any of them is read. Until then each is a getter;
 * reading one replaces them all with plain values, so the question then looks
 * exactly like one built from the bank files.
 */
function lazyDetails(q: BankQuestion, questionKeys: readonly string[], followupKeys: readonly string[], load: () => Fields): BankQuestion {
  let loaded = false;
  const materialize = () => {
    if (loaded) return;
    loaded = true;
    const details = load();
    for (const k of questionKeys) settle(q as unknown as Fields, k, details);
    const followups = (details.followups ?? []) as Fields[];
    q.followups.forEach((f, j) => {
      for (const k of followupKeys) settle(f as unknown as Fields, k, followups[j] ?? {});
    });
  };
  const lazy = (target: object, k: string) =>
    Object.defineProperty(target, k, {
      configurable: true,
      enumerable: true,
      get() {
        materialize();
        return (target as Fields)[k];
      },
      set(v: unknown) {
        materialize();
        (target as Fields)[k] = v;
      },
    });
  for (const k of questionKeys) lazy(q, k);
  for (const f of q.followups) for (const k of followupKeys) lazy(f, k);
  return q;
}

function settle(target: Fields, k: string, from: Fields): void {
  if (k in from) Object.defineProperty(target, k, { value: from[k], writable: true, enumerable: true, configurable: true });
  else delete target[k];
}

/** The cache file's text for a bank (see the layout above). */
function serializeBank(bank: Bank): string {
  const questionKeys = new Set<string>();
  const followupKeys = new Set<string>();
  const entries: Fields[] = [];
  const lines: string[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const q of bank.questions) {
    const entry: Fields = {};
    const details: Fields = {};
    for (const [k, v] of Object.entries(q)) {
      // Where a question is defined matters only while validating.
      if (k === 'source' || k === 'followups') continue;
      if (INDEX_KEYS.has(k)) entry[k] = v;
      else {
        details[k] = v;
        questionKeys.add(k);
      }
    }
    entry.followups = q.followups.map((f) => ({ id: f.id, prompt: f.prompt }));
    details.followups = q.followups.map((f) => {
      const rest: Fields = {};
      for (const [k, v] of Object.entries(f)) {
        if (FOLLOWUP_INDEX_KEYS.has(k)) continue;
        rest[k] = v;
        followupKeys.add(k);
      }
      return rest;
    });
    const line = JSON.stringify(details);
    const bytes = Buffer.byteLength(line);
    offsets.push(offset, offset + bytes);
    offset += bytes + 1;
    entries.push(entry);
    lines.push(line);
  }
  const topics = bank.topics.map(({ source: _source, ...t }) => t);
  const idx = JSON.stringify({ topics, questions: entries, offsets, questionKeys: [...questionKeys], followupKeys: [...followupKeys] });
  const body = `${idx}\n${lines.map((l) => `${l}\n`).join('')}`;
  const header = JSON.stringify({ format: FORMAT, sha256: createHash('sha256').update(body).digest('hex'), indexBytes: Buffer.byteLength(idx) });
  return `${header}\n${body}`;
}

/** Best effort: a cache that cannot be written only costs the next start some time. */
async function writeCache(file: string, bank: Bank): Promise<void> {
  try {
    // Loaded only here: warm starts never write.
    const { default: writeFileAtomic } = await import('write-file-atomic');
    const dir = path.dirname(file);
    mkdirSync(dir, { recursive: true });
    // Keep only the newest few banks (editing a bank leaves old keys behind).
    const old = readdirSync(dir)
      .filter((n) => n.startsWith('bank-') && n.endsWith('.json'))
      .map((n) => ({ n, t: statSync(path.join(dir, n)).mtimeMs }))
      .sort((a, b) => b.t - a.t)
      .slice(4);
    for (const o of old) unlinkSync(path.join(dir, o.n));
    writeFileAtomic.sync(file, serializeBank(bank));
  } catch {
    // Ignored on purpose.
  }
}
