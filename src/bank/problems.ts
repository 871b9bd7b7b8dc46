import { distance } from 'fastest-levenshtein';

/** One thing wrong with a bank file, with where it is. */
export interface Problem {
  file: string;
  /** 1-based line and column of the offending node. */
  line: number;
  col: number;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.message}`;
}

export function compareProblems(a: Problem, b: Problem): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col;
}

/**
 * The candidates closest to `word` by edit distance (at most `max`), nearest
 * first; used for "did you mean" hints on keys, commands and topics.
 */
export function nearest(word: string, candidates: Iterable<string>, max = 3, limit = 3): string[] {
  const w = word.toLowerCase();
  const scored: { c: string; d: number }[] = [];
  for (const c of new Set(candidates)) {
    const cl = c.toLowerCase();
    let d = distance(w, cl);
    // A prefix or contained word is a strong hint ("bias" -> "bias-variance").
    if (w.length >= 3 && (cl.startsWith(w) || cl.includes(w))) d = Math.min(d, 1);
    const budget = Math.max(max, Math.floor(Math.max(w.length, 4) / 3));
    if (d <= budget) scored.push({ c, d });
  }
  scored.sort((a, b) => a.d - b.d || a.c.localeCompare(b.c));
  return scored.slice(0, limit).map((s) => s.c);
}
