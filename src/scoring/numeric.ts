import type { Analyzed } from './normalize.js';

export interface NumericSpec {
  value: number;
  tolerance: number;
  unit?: string | undefined;
  weight: number;
}

const ANSWER_CUES = /(?:=|≈|\b(?:is|are|be|equals?|gives?|get|gets|got|makes?|total|answer|about|approximately|roughly|to)\s*:?|为|是|等于|得到|得|合计|共|约|大约|一共|总共)\s*$/i;

/** An arithmetic operator next to a number. */
const OPERAND_AFTER = /^\s*(?:[×*/+^(·÷]|[x×]\s*\d|-\s*\d)/;
const OPERAND_BEFORE = /(?:[×*/+^·÷]|\d\s*[x-])\s*$/;

/**
 * Finds the number an answer gives: "50", "50.0", "5e1", "about 50 iterations".
 * Numbers copied from the question do not count. When the answer states
 * several different numbers, the one introduced as the result ("= 50",
 * "is 50", "为 50") wins, else the last one.
 */
export function gradeNumber(a: Analyzed, spec: NumericSpec, numbersInPrompt: ReadonlySet<string>): { hit: boolean; evidence?: string } {
  const all = a.tokens.filter((t) => t.kind === 'number' && !numbersInPrompt.has(t.key));
  if (all.length === 0) return { hit: false };
  // A number inside a formula ("4 × (H×(H+D)+H)", "224 - 7") is a step, not the result.
  const results = all.filter((t) => !OPERAND_AFTER.test(a.text.slice(t.end, t.end + 4)) && !OPERAND_BEFORE.test(a.text.slice(Math.max(0, t.start - 4), t.start)));
  const candidates = results.length > 0 ? results : all;
  const values = candidates.map((t) => Number(t.key));
  const close = (v: number) => Math.abs(v - spec.value) <= spec.tolerance + 1e-9 * Math.max(1, Math.abs(spec.value));
  let chosen = candidates.length - 1;
  const agree = values.every((v) => Math.abs(v - values[0]!) <= spec.tolerance + 1e-12);
  if (!agree) {
    for (let i = candidates.length - 1; i >= 0; i--) {
      const before = a.text.slice(Math.max(0, candidates[i]!.start - 16), candidates[i]!.start);
      if (ANSWER_CUES.test(before)) {
        chosen = i;
        break;
      }
    }
  }
  const t = candidates[chosen]!;
  return { hit: close(values[chosen]!), evidence: a.text.slice(t.start, t.end) };
}
