import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBank, type Bank } from '../../src/bank/bank.js';
import { fastBank } from '../../src/bank/fast.js';
import { BUILTIN_BANK_DIR, findBankFiles, readSeedItems } from '../../src/bank/load.js';
import { FIXTURES, ROOT } from '../helpers.js';

/**
 * The quick loader (fast.ts) may only ever return the bank the validating
 * loader (bank.ts) builds, and only when that one finds no problem.
 */

const seeds = new Set(readSeedItems().map((s) => s.id));
const source = (f: string) => ({ file: path.relative(ROOT, f), text: readFileSync(f, 'utf8') });
const builtin = findBankFiles(BUILTIN_BANK_DIR).map(source);
const plain = (b: Bank) => JSON.parse(JSON.stringify({ topics: b.topics, questions: b.questions }, (k, v) => (k === 'source' ? undefined : v)));

function agree(sources: { file: string; text: string }[]): 'quick' | 'validating' {
  const quick = fastBank(sources, seeds);
  const full = buildBank(sources, seeds);
  if (quick === undefined) return 'validating';
  expect(full.problems).toEqual([]);
  expect(plain(quick)).toEqual(plain(full.bank));
  return 'quick';
}

describe('the quick bank loader', () => {
  it('builds the built-in bank exactly as the validating loader does', () => {
    expect(agree(builtin)).toBe('quick');
  });

  it('the same with a user bank added', () => {
    expect(agree([...builtin, ...findBankFiles(path.join(FIXTURES, 'banks', 'good')).map(source)])).toBe('quick');
  });

  it('leaves every broken and hostile file to the validating loader, and agrees on the good ones', () => {
    const broken = path.join(FIXTURES, 'banks', 'broken');
    for (const n of readdirSync(broken)) expect(agree([...builtin, source(path.join(broken, n))]), n).toBe('validating');
    const hostile = path.join(ROOT, 'tests', 'hostile');
    for (const n of readdirSync(hostile).filter((f) => f.endsWith('.yaml'))) {
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path.join(hostile, n)));
      } catch {
        continue; // not UTF-8: never reaches a loader
      }
      agree([...builtin, { file: n, text }]);
    }
  });

  it('never accepts what the validating loader rejects, nor reads it differently (random edits of a bank file)', () => {
    const file = builtin.find((s) => s.file.endsWith('bias-variance.yaml'))!;
    const edits = [' ', '  ', '\t', ':', ': ', '-', '- ', '#', ' #', '"', "'", '[', ']', '{', '}', ',', '\n', '\n  ', '|', '>', '? ', 'x', '1', '0o7', '0x1F', '1e3', '.5', '~', 'null', 'true', '\\', '\\n', '!', '&a ', '*a', '%', '---', '...'];
    let quick = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.constantFrom(...edits)), { minLength: 1, maxLength: 3 }),
        (changes) => {
          let text = file.text;
          for (const [at, del, ins] of changes) {
            const i = at % (text.length + 1);
            text = text.slice(0, i) + ins + text.slice(i + del);
          }
          if (agree([{ file: file.file, text }]) === 'quick') quick++;
        },
      ),
      { numRuns: 400 },
    );
    expect(quick).toBeGreaterThan(0);
  });
});
