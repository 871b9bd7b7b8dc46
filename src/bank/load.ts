import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { buildBank, type Bank } from './bank.js';
import { readSources, SEED_ITEMS_FILE, uniqueFiles } from './files.js';
import type { Problem } from './problems.js';

export { BUILTIN_BANK_DIR, SEED_ITEMS_FILE, PACKAGE_ROOT, displayPath, findBankFiles, readSources } from './files.js';

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

export function seedIds(seedText: string): Set<string> {
  return new Set((parseYaml(seedText) as { items: SeedItem[] }).items.map((s) => s.id));
}

/** Reads and validates the bank; problems come back, never thrown. */
export function loadBankFiles(targets: readonly string[]): { bank: Bank; problems: Problem[]; files: string[] } {
  const files = uniqueFiles(targets);
  const { sources, problems: readProblems } = readSources(files);
  const { bank, problems } = buildBank(sources, seedIds(readFileSync(SEED_ITEMS_FILE, 'utf8')));
  return { bank, problems: [...readProblems, ...problems], files };
}
