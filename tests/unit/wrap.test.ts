import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import wrapAnsi from 'wrap-ansi';
import { describe, expect, it } from 'vitest';
import { BUILTIN_BANK_DIR, findBankFiles } from '../../src/bank/files.js';
import { NFC_STABLE, wrapText } from '../../src/ui/wrap.js';

/** wrapText must wrap exactly as wrap-ansi does with { hard: true, trim: true }. */

const reference = (text: string, columns: number) => wrapAnsi(text, columns, { hard: true, trim: true });

describe('wrapText', () => {
  it('agrees with wrap-ansi on arbitrary text and widths', () => {
    const pieces = [
      'a', 'word', 'longerword', 'supercalifragilisticexpialidocious', 'x'.repeat(95), ' ', '  ', '\n', '\r\n', '\t', '-', '.',
      '偏差', '方差权衡', '。', '，', '“', '”', '·', '—', '…', 'é', 'e\u0301', '\u0301', '\u200b', '\u00ad', '👍', '👨‍👩‍👧', '한글', '\u1100\u1161',
      'ｆｕｌｌ', 'Å', '\u212b', '\u0387', '\uf900', '\u001b[1m', '\u001b[22m', '\u001b[31m', '\u001b[39m',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.integer({ min: 1, max: 100 }), (parts, columns) => {
        const text = parts.join('');
        expect(wrapText(text, columns)).toBe(reference(text, columns));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with wrap-ansi on the long lines of the built-in bank', () => {
    for (const f of findBankFiles(BUILTIN_BANK_DIR)) {
      for (const line of readFileSync(f, 'utf8').split('\n')) {
        if (line.length > 30) expect(wrapText(line, 37)).toBe(reference(line, 37));
      }
    }
  });

  it('skips NFC only for characters it leaves alone', () => {
    const bad: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCharCode(cp);
      if (!NFC_STABLE.test(c)) continue;
      if (c.normalize() !== c || /\p{M}/u.test(c) || `a${c}a`.normalize() !== `a${c}a`) bad.push(cp.toString(16));
    }
    expect(bad).toEqual([]);
  });
});
