import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compareText } from '../../src/compare.js';
import { ROOT } from '../helpers.js';

/** compareText must order exactly as localeCompare does, only faster. */

const sign = (n: number) => Math.sign(n);
const plain = fc.string({ unit: fc.constantFrom(...'abcxyz0189-.'), maxLength: 12 });
const iso = fc.date({ min: new Date('1970-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
const any = fc.string({ unit: fc.constantFrom(...'aAbBzZ09-._ :TéÅ偏'), maxLength: 8 });

describe('compareText', () => {
  it('agrees with localeCompare on slugs and file names, timestamps and anything else', () => {
    for (const arb of [plain, iso, any, fc.oneof(plain, iso, any)]) {
      fc.assert(
        fc.property(arb, arb, (a, b) => {
          expect(sign(compareText(a, b))).toBe(sign(a.localeCompare(b)));
        }),
        { numRuns: 2000 },
      );
    }
  });

  it('leaves the order to the collator where the locale reorders letters', () => {
    // The locale is read when the module loads: run the built module (npm test builds first) in a child.
    const mod = pathToFileURL(path.join(ROOT, 'dist', 'compare.js')).href;
    const code = `import(${JSON.stringify(mod)}).then(({ compareText: c }) => console.log(['zeta', 'aalen', 'hz', 'ch'].sort(c).join(' ')))`;
    const run = (LC_ALL: string) => spawnSync(process.execPath, ['-e', code], { encoding: 'utf8', env: { ...process.env, LC_ALL } }).stdout.trim();
    expect(run('da_DK.UTF-8')).toBe(['zeta', 'aalen', 'hz', 'ch'].sort((a, b) => a.localeCompare(b, 'da')).join(' '));
    expect(run('cs_CZ.UTF-8')).toBe(['zeta', 'aalen', 'hz', 'ch'].sort((a, b) => a.localeCompare(b, 'cs')).join(' '));
    expect(run('en_US.UTF-8')).toBe('aalen ch hz zeta');
  });
});
