import type { Analyzed } from './normalize.js';

export interface Slip {
  value: number;
  why: { en: string; zh: string };
  credit: number;
}

export interface NumericSpec {
  value: number;
  tolerance: number;
  unit?: string | undefined;
  weight: number;
  slips?: readonly Slip[] | undefined;
}

export interface NumberResult {
  hit: boolean;
  /** 1 for the value, a slip's credit for a known near miss, else 0. */
  credit: number;
  evidence?: string;
  slip?: Slip;
}

const ANSWER_CUES = /(?:=|≈|\b(?:is|are|be|equals?|gives?|get|gets|got|makes?|total|answer|about|approximately|roughly|to)\s*:?|为|是|等于|得到|得|合计|共|约|大约|一共|总共)\s*$/i;

/** An arithmetic operator next to a number. */
const OPERAND_AFTER = /^\s*(?:[×*/+^(·÷]|[x×]\s*\d|-\s*\d)/;
type Num = { key: string; start: number; end: number };
const SQUARE = /^(\d+)[x×]\1$/;
const SIZE_AFTER = /^\s*[x×]\s*(\d(?:[\d.,]*\d)?)/;
const OPERAND_BEFORE = /(?:[×*/+^·÷]|\d\s*[x-])\s*$/;

/** Is the number at t an operand of a formula ("98560 × 4", "224 - 7") rather than a result? */
function isOperand(a: Analyzed, t: Num): boolean {
  return OPERAND_AFTER.test(a.text.slice(t.end, t.end + 4)) || OPERAND_BEFORE.test(a.text.slice(Math.max(0, t.start - 4), t.start));
}

/** Does the answer do arithmetic ("98560 × 4", "(224 - 7 + 6) / 2")? */
export function showsArithmetic(a: Analyzed): boolean {
  return a.tokens.some((t) => t.kind === 'number' && isOperand(a, t));
}

/**
 * Finds the number an answer gives: "50", "50.0", "5e1", "about 50 iterations".
 * Numbers copied from the question do not count. When the answer states
 * several different numbers, the one introduced as the result ("= 50",
 * "is 50", "为 50") wins, else the last one.
 */
export function gradeNumber(a: Analyzed, spec: NumericSpec, numbersInPrompt: ReadonlySet<string>): NumberResult {
  // "112x112" (one word) and "112 x 112" state a size: its number is a result.
  const sizes = new Set<Num>();
  const all: Num[] = [];
  for (const t of a.tokens) {
    if (t.kind === 'number') {
      if (numbersInPrompt.has(t.key)) continue;
      all.push(t);
      if (SIZE_AFTER.exec(a.text.slice(t.end, t.end + 12))?.[1] === a.text.slice(t.start, t.end)) sizes.add(t);
    } else if (t.kind === 'word') {
      const m = SQUARE.exec(t.text);
      if (m && !numbersInPrompt.has(m[1]!)) {
        const n = { key: m[1]!, start: t.start, end: t.start + m[1]!.length };
        all.push(n);
        sizes.add(n);
      }
    }
  }
  if (all.length === 0) return { hit: false, credit: 0 };
  // A number inside a formula ("4 × (H×(H+D)+H)", "224 - 7") is a step, not the result.
  const results = all.filter((t) => sizes.has(t) || !isOperand(a, t));
  const candidates = results.length > 0 ? results : all;
  const values = candidates.map((t) => Number(t.key));
  const near = (v: number, target: number) => Math.abs(v - target) <= spec.tolerance + 1e-9 * Math.max(1, Math.abs(target));
  const close = (v: number) => near(v, spec.value);
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
  const evidence = a.text.slice(t.start, t.end);
  if (close(values[chosen]!)) return { hit: true, credit: 1, evidence };
  const slip = spec.slips?.find((s) => near(values[chosen]!, s.value));
  return slip ? { hit: false, credit: slip.credit, evidence, slip } : { hit: false, credit: 0, evidence };
}
