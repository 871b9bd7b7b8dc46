import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import stringWidthReference from 'string-width';
import { describe, expect, it } from 'vitest';
import { BUILTIN_BANK_DIR, findBankFiles } from '../../src/bank/files.js';
import { SIMPLE_WIDTHS } from '../../src/ui/width-table.js';
import stringWidth from '../../src/ui/width.js';

/** src/ui/width.ts must measure exactly as string-width does: columns line up the same. */

function tableChars(): string[] {
  const out: string[] = [];
  for (let i = 0; i < SIMPLE_WIDTHS.length; i += 3) {
    for (let cp = SIMPLE_WIDTHS[i]!; cp <= SIMPLE_WIDTHS[i + 1]!; cp++) out.push(String.fromCharCode(cp));
  }
  return out;
}

describe('terminal width', () => {
  it('every character of the table, alone and between others, as string-width measures it', () => {
    const bad: string[] = [];
    for (const c of tableChars()) {
      for (const s of [c, `a${c}b`, c + c, `偏${c}差`, `\u001b[1m${c}\u001b[22m`]) {
        if (stringWidth(s) !== stringWidthReference(s)) bad.push(`U+${c.charCodeAt(0).toString(16)} in ${JSON.stringify(s)}`);
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it('arbitrary mixes of table characters, combining marks, emoji, controls and escape codes', () => {
    const pieces = [
      ...'abc XYZ 019 .,;:!?-—–·…“”‘’«»×÷±≤≥≈→←↑↓∑√∞°%‰€£¥©®™①ⅱαβγλσΩжЖ',
      ...'偏差方差权衡，。、：；（）【】《》「」『』〜ー〇あアｱ한글ＡＢ１２',
      '\u0301', '\u200d', '\ufe0f', '\u20e3', '\u00ad', '\u200b', '\u2060', '\u3099', '\u1100', '\u1161', '\u11a8',
      '👍', '👍🏽', '👨‍👩‍👧', '🇨🇳', '❤️', '#️⃣', '✓', '✗', '█', '░', '▏', '─', '┤', '⏱',
      '\n', '\r\n', '\r', '\t', '\u0000', '\u0007', '\u007f', '\u0085', '\u009b',
      '\u001b[31m', '\u001b[0m', '\u001b]8;;http://x\u0007', '\u001b[2J', '\u001b',
      'क', '्', 'ष', 'ि', 'ก', 'ั', 'ا', 'ل', '\u0600', '𠀀', '\ud800',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const s = parts.join('');
        expect(stringWidth(s)).toBe(stringWidthReference(s));
        expect(stringWidth(s, { countAnsiEscapeCodes: true })).toBe(stringWidthReference(s, { countAnsiEscapeCodes: true }));
        expect(stringWidth(s, { ambiguousIsNarrow: false })).toBe(stringWidthReference(s, { ambiguousIsNarrow: false }));
      }),
      { numRuns: 3000 },
    );
  });

  it('every line of the built-in bank', () => {
    for (const f of findBankFiles(BUILTIN_BANK_DIR)) {
      for (const line of readFileSync(f, 'utf8').split('\n')) expect(stringWidth(line), line).toBe(stringWidthReference(line));
    }
  });
});
