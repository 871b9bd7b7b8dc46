import emojiRegex from 'emoji-regex';
import { eastAsianWidth } from 'get-east-asian-width';
import stripAnsi from 'strip-ansi';
import { SIMPLE_WIDTHS } from './width-table.js';

/**
 * Terminal display width, exactly as string-width 7 measures it (tests/unit/
 * width.test.ts checks this), but cheap to load: string-width builds an
 * Intl.Segmenter and a Unicode-property regular expression when it is
 * imported, which costs about 8 ms of every start-up. Here text made only of
 * characters in SIMPLE_WIDTHS (ASCII, CJK, common punctuation and symbols) is
 * summed from the table, and only other text (combining marks, emoji
 * sequences, rarer scripts) builds the segmenter, once, when first needed.
 * The bundle (scripts/bundle.mjs) also gives this function to wrap-ansi in
 * place of string-width.
 */
export default function stringWidth(text: string, options: { ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean } = {}): number {
  if (typeof text !== 'string' || text.length === 0) return 0;
  const ambiguousIsNarrow = options.ambiguousIsNarrow ?? true;
  const s = options.countAnsiEscapeCodes ? text : stripAnsi(text);
  if (ambiguousIsNarrow) {
    const w = tableWidth(s);
    if (w >= 0) return w;
  }
  return fullWidth(s, ambiguousIsNarrow);
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The width from the table, or -1 when some character is not in it. */
function tableWidth(s: string): number {
  if (PRINTABLE_ASCII.test(s)) return s.length;
  let width = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) width += 1;
    else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) continue; // control characters
    else {
      const w = lookup(c);
      if (w < 0) return -1;
      width += w;
    }
  }
  return width;
}

function lookup(c: number): number {
  let lo = 0;
  let hi = SIMPLE_WIDTHS.length / 3 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (c < SIMPLE_WIDTHS[mid * 3]!) hi = mid - 1;
    else if (c > SIMPLE_WIDTHS[mid * 3 + 1]!) lo = mid + 1;
    else return SIMPLE_WIDTHS[mid * 3 + 2]!;
  }
  return -1;
}

let segmenter: Intl.Segmenter | undefined;
let ignorable: RegExp | undefined;

/** string-width 7.2's algorithm, grapheme cluster by grapheme cluster. */
function fullWidth(s: string, ambiguousIsNarrow: boolean): number {
  if (s.length === 0) return 0;
  segmenter ??= new Intl.Segmenter();
  ignorable ??= new RegExp('^\\p{Default_Ignorable_Code_Point}$', 'u');
  let width = 0;
  for (const { segment } of segmenter.segment(s)) {
    const cp = segment.codePointAt(0)!;
    if (cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f)) continue; // control characters
    if ((cp >= 0x200b && cp <= 0x200f) || cp === 0xfeff) continue; // zero-width characters
    if (
      (cp >= 0x300 && cp <= 0x36f) ||
      (cp >= 0x1ab0 && cp <= 0x1aff) ||
      (cp >= 0x1dc0 && cp <= 0x1dff) ||
      (cp >= 0x20d0 && cp <= 0x20ff) ||
      (cp >= 0xfe20 && cp <= 0xfe2f)
    ) {
      continue; // combining characters
    }
    if (cp >= 0xd800 && cp <= 0xdfff) continue; // lone surrogates
    if (cp >= 0xfe00 && cp <= 0xfe0f) continue; // variation selectors
    if (ignorable.test(segment)) continue;
    if (emojiRegex().test(segment)) {
      width += 2;
      continue;
    }
    width += eastAsianWidth(cp, { ambiguousAsWide: !ambiguousIsNarrow });
  }
  return width;
}
