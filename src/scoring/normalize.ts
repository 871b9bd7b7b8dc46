import { SIMPLIFIED, TRADITIONAL } from './t2s.js';
import { stem } from './stem.js';

/**
 * Text analysis for matching: folding (Unicode width, case, Traditional to
 * Simplified Chinese, contractions), tokenization (English words, numbers,
 * one token per Chinese character), and sentence and clause boundaries.
 * Pure and deterministic.
 */

let t2sMap: Map<string, string> | undefined;
/** Traditional to Simplified, built on first use: English-only runs never pay for it. */
function t2s(): Map<string, string> {
  if (!t2sMap) {
    t2sMap = new Map();
    const to = [...SIMPLIFIED];
    [...TRADITIONAL].forEach((ch, i) => t2sMap!.set(ch, to[i]!));
  }
  return t2sMap;
}

/**
 * Folds text for comparison without changing its meaning: NFKC (full-width
 * letters, digits and punctuation become ASCII), Traditional characters
 * become Simplified, curly quotes straight, "n't" becomes " not", and
 * abbreviations with dots lose them so they do not end sentences.
 * Case is kept (acronym detection needs it). Idempotent.
 */
export function foldText(text: string): string {
  // Formulas say in symbols what answers also say in words: |w| is an
  // absolute value, ||w|| a norm, w^2 and w² a square.
  let s = text.replace(/²/g, '^2').normalize('NFKC');
  s = s
    .replace(/\|\|([^|\s][^|\n]{0,15}?)\|\|/g, '  norm $1 ')
    .replace(/\|([^|\s](?:[^|\n]{0,15}?[^|\s])?)\|/g, ' absolute value $1 ')
    .replace(/\^\s*2(?!\d|\.\d)/g, ' squared ');
  if (/[\u3400-\u9fff\uf900-\ufaff]/.test(s)) {
    const map = t2s();
    let out = '';
    for (const ch of s) out += map.get(ch) ?? ch;
    // 阀值 is so common a way of writing 阈值 (threshold) that it reads as a variant.
    s = out.replace(/阀值/g, '阈值');
  }
  s = s
    .replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\b(can)'?t\b/gi, '$1 not')
    .replace(/\b(won)'t\b/gi, 'will not')
    .replace(/n't\b/gi, ' not')
    .replace(/\b(e\.g|i\.e|etc|vs|cf|approx|w\.r\.t|i\.i\.d|a\.k\.a|resp)\./gi, (m) => m.replace(/\./g, ''))
    .replace(/\b(w\.r\.t|i\.i\.d|a\.k\.a)\b/gi, (m) => m.replace(/\./g, ''))
    // Names with a one-letter prefix are one word: k-means is not about means.
    .replace(/\b(k)-(means|medoids|fold|nn)\b/gi, '$1$2')
    .replace(/\b(n)-(grams?)\b/gi, '$1$2')
    .replace(/\b(t)-(sne)\b/gi, '$1$2');
  return s;
}

export interface Token {
  /** Lower-case surface form. */
  text: string;
  /** What matching compares: the stem of a word, the character, or the canonical number. */
  key: string;
  start: number;
  end: number;
  kind: 'word' | 'number' | 'cjk';
  /** Written in capitals (BN, SGD): never matched with typo tolerance. */
  acronym: boolean;
  sentence: number;
  clause: number;
}

export interface Analyzed {
  /** The folded text that token offsets refer to. */
  text: string;
  tokens: Token[];
  sentenceCount: number;
}

const TOKEN_RE =
  /(\d+(?:,\d{3})*(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\p{Script=Latin}\d]))|([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\d]+)|([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])/gu;

const SENTENCE_GAP = /[!?;。！？；]/;
/** A line break ends a sentence unless the next line simply continues it (lower-case start, no bullet). */
const BULLET = /\n\s*(?:[-*•·+>]|\d+[.)、]|[a-z][.)]\s)/;
const CLAUSE_GAP = /[,，、:：()（）\u2014\u2013"]|\s-\s/;
const EN_CLAUSE_WORDS = new Set(['but', 'however', 'whereas', 'although', 'though', 'yet', 'unlike', 'instead']);
const ZH_CLAUSE_WORDS = ['但是', '然而', '不过', '而是', '但', '却'];

/** Canonical form of a number token: "50.0", "5e1" and "50" all become "50". */
export function canonicalNumber(s: string): string | undefined {
  const n = Number(s.replace(/,(?=\d{3}\b)/g, ''));
  return Number.isFinite(n) ? String(n) : undefined;
}

export function analyze(input: string): Analyzed {
  const text = foldText(input);
  const tokens: Token[] = [];
  let sentence = 0;
  let clause = 0;
  let last = 0;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    const gap = text.slice(last, m.index);
    if (tokens.length > 0) {
      const continues = gap.includes('\n') && !/\n\s*\n/.test(gap) && !BULLET.test(gap) && /^[a-z\p{Script=Han}]/u.test(m[0]);
      // A full stop ends a sentence when space follows it; np.argsort and X.T do not.
      const stop = SENTENCE_GAP.test(gap) || (gap.includes('.') && /\s/.test(gap));
      if (stop || (gap.includes('\n') && !continues)) {
        sentence++;
        clause++;
      } else if (CLAUSE_GAP.test(gap) || gap.includes('\n')) clause++;
    }
    const raw = m[0];
    const lower = raw.toLowerCase();
    let kind: Token['kind'];
    let key: string;
    if (m[1] !== undefined) {
      kind = 'number';
      key = canonicalNumber(raw) ?? lower;
    } else if (m[2] !== undefined) {
      kind = 'word';
      key = stem(lower);
      if (EN_CLAUSE_WORDS.has(lower) && tokens.length > 0) clause++;
    } else {
      kind = 'cjk';
      key = raw;
      if (tokens.length > 0 && ZH_CLAUSE_WORDS.some((w) => text.startsWith(w, m!.index) && !(w === '但' && text[m!.index - 1] === '不'))) {
        clause++;
      }
    }
    // Capitals after the first letter mark a name or an acronym (BN, ReLU, ResNet): matched exactly.
    const acronym = kind === 'word' && raw.length >= 2 && /\p{Lu}/u.test(raw.slice(1));
    tokens.push({ text: lower, key, start: m.index, end: m.index + raw.length, kind, acronym, sentence, clause });
    last = m.index + raw.length;
  }
  return { text, tokens, sentenceCount: tokens.length ? sentence + 1 : 0 };
}

/** Text of the tokens from..to (inclusive), as written. */
export function spanText(a: Analyzed, from: number, to: number): string {
  return a.text.slice(a.tokens[from]!.start, a.tokens[to]!.end);
}

/** Normalized form used to compare whole strings (idempotent). */
export function normalizeForMatch(text: string): string {
  return analyze(text)
    .tokens.map((t) => t.key)
    .join(' ');
}
