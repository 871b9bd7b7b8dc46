import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBankFile } from '../../src/bank/parse.js';
import { compileRubric, scoreAnswer } from '../../src/scoring/score.js';
import { foldText, normalizeForMatch } from '../../src/scoring/normalize.js';
import type { RubricT } from '../../src/bank/schema.js';

/** Properties over arbitrary input: no crash, results in range, folding stable. */

const yamlish = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc
    .array(fc.constantFrom('topic:', '  slug: x', 'questions:', '  - id: a', '    kind: open', '[', ']', '{', '}', '&a', '*a', '!!str', '- ', ': ', '"', "'", '\t', '#', '|', '>', '? ', '%YAML 1.2', '---', '...', 'ð', '\u0000'), { maxLength: 40 })
    .map((parts) => parts.join('\n')),
);

const rubric: RubricT = {
  points: [
    { id: 'a', text: 'a', weight: 2, required: true, all: [['normalize', '归一化'], ['mean', '均值']] },
    { id: 'b', text: 'b', weight: 1, required: false, aliases: ['higher learning rate', '更大的学习率', 'L2'] },
    { id: 'c', text: 'c', weight: 1, required: false, aliases: ['does not change', '不变'] },
  ],
  misconceptions: [{ id: 'm', text: 'm', penalty: 0.3, aliases: ['dropout at inference'] }],
};
const compiled = compileRubric(rubric, ['What does it do?']);

describe('properties', () => {
  it('the bank loader returns problems, never throws, on arbitrary YAML', () => {
    fc.assert(
      fc.property(yamlish, (text) => {
        const r = parseBankFile('x.yaml', text);
        for (const p of r.problems) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.col).toBeGreaterThanOrEqual(1);
          expect(p.message.length).toBeGreaterThan(0);
        }
        expect(r.data !== undefined || r.problems.length > 0 || text.trim() === '').toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('the scorer never throws, scores in [0, 1], and lists every rubric point once', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), (a, b) => {
        for (const answer of [a, b, `${a} normalize the mean ${b}`]) {
          const r = scoreAnswer(compiled, answer);
          expect(r.score).toBeGreaterThanOrEqual(0);
          expect(r.score).toBeLessThanOrEqual(1);
          expect(r.points.map((p) => p.id)).toEqual(['a', 'b', 'c']);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('text folding is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        expect(foldText(foldText(s))).toBe(foldText(s));
      }),
      { numRuns: 1000 },
    );
  });

  it('matching keys ignore case, width and script', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,12}( [a-z]{1,12}){0,3}$/), (s) => {
        const upper = s.toUpperCase();
        const wide = [...s].map((ch) => (ch === ' ' ? ch : String.fromCharCode(ch.charCodeAt(0) + 0xfee0))).join('');
        expect(normalizeForMatch(upper)).toBe(normalizeForMatch(s));
        expect(normalizeForMatch(wide)).toBe(normalizeForMatch(s));
      }),
      { numRuns: 300 },
    );
  });
});
