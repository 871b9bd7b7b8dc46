import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_BANK_DIR, loadBankFiles } from '../../src/bank/load.js';
import { gradeAnswer } from '../../src/scoring/index.js';
import { FIXTURES } from '../helpers.js';

/**
 * The labelled answer sets (tests/fixtures/scoring-dev.jsonl, the development
 * set, and scoring-holdout.jsonl, held out from tuning), scored by the real
 * scorer on the real bank. `npm run bench:scoring` prints the full agreement
 * figures; these tests hold the lines a user would notice.
 */
interface Row { id: string; followup?: string; lang: 'en' | 'zh'; grade: number; tag: string; answer: string }
const { bank } = loadBankFiles([BUILTIN_BANK_DIR]);
function load(file: string) {
  const rows: Row[] = readFileSync(path.join(FIXTURES, file), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  return { rows, scored: rows.map((r) => ({ ...r, score: gradeAnswer(bank.questionById.get(r.id)!, r.answer, r.followup).score })) };
}

describe.each([
  ['development set', 'scoring-dev.jsonl'],
  ['held-out set', 'scoring-holdout.jsonl'],
])('scoring %s', (_name, file) => {
  const { rows, scored } = load(file);
  it('has answers to at least 20 questions, 6 or more each, in both languages, over all four grades', () => {
    const per = new Map<string, number>();
    for (const r of rows) per.set(r.id + (r.followup ?? ''), (per.get(r.id + (r.followup ?? '')) ?? 0) + 1);
    expect(per.size).toBeGreaterThanOrEqual(20);
    expect(Math.min(...per.values())).toBeGreaterThanOrEqual(6);
    expect(new Set(rows.map((r) => r.grade))).toEqual(new Set([0, 1, 2, 3]));
    expect(new Set(rows.map((r) => r.lang))).toEqual(new Set(['en', 'zh']));
  });

  it('scores every keyword list, restated prompt and off-topic answer below 0.3', () => {
    const fooled = scored.filter((r) => ['keywords', 'restated', 'offtopic'].includes(r.tag) && r.score >= 0.3);
    expect(fooled.map((r) => `${r.id} [${r.lang} ${r.tag}] ${r.score}: ${r.answer.slice(0, 60)}`)).toEqual([]);
  });

  it('ranks adequate-or-better answers above weak-or-wrong ones most of the time, in each language', () => {
    for (const lang of ['en', 'zh'] as const) {
      const pos = scored.filter((r) => r.lang === lang && r.grade >= 2).map((r) => r.score);
      const neg = scored.filter((r) => r.lang === lang && r.grade <= 1).map((r) => r.score);
      let wins = 0;
      for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
      expect(wins / (pos.length * neg.length), lang).toBeGreaterThanOrEqual(0.8);
    }
  });
});
