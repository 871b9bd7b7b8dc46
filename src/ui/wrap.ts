import wrapAnsi from 'wrap-ansi';
import stringWidth from './width.js';

/**
 * `wrapAnsi(text, columns, { hard: true, trim: true })` with the same result.
 * wrap-ansi normalizes every text to NFC (loading ICU's normalizer on first
 * use) and then copies the wrapped text character by character to carry
 * colours across line breaks: most of the time of printing a topic. Text
 * without escape codes takes the same steps here without that copy (it leaves
 * such text as it is), and skips NFC where it cannot change anything;
 * anything with escape codes goes to wrap-ansi. tests/unit/wrap.test.ts holds
 * the two to the same output.
 */
export function wrapText(text: string, columns: number): string {
  if (/[\u001b\u009b]/.test(text)) return wrapAnsi(text, columns, { hard: true, trim: true });
  const normalized = NFC_STABLE.test(text) ? text : text.normalize();
  return normalized
    .replaceAll('\r\n', '\n')
    .split('\n')
    .map((line) => wrapLine(line, columns))
    .join('\n');
}

/**
 * Text that NFC leaves as it is: ASCII, CJK ideographs and symbols, common
 * punctuation, full-width forms (none decomposes or composes with another).
 */
export const NFC_STABLE = /^[\u0000-\u007f\u00b7\u2010-\u2027\u3000-\u3029\u3030-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uffef]*$/;

/** wrap-ansi's `exec` for one line without escape codes, hard wrapping and trimming. */
function wrapLine(line: string, columns: number): string {
  if (line.trim() === '') return '';
  const words = line.split(' ');
  const lengths = words.map((w) => stringWidth(w));
  const rows = [''];
  words.forEach((word, index) => {
    rows[rows.length - 1] = rows.at(-1)!.trimStart();
    let rowLength = stringWidth(rows.at(-1)!);
    if (index !== 0 && rowLength > 0) {
      rows[rows.length - 1] += ' ';
      rowLength++;
    }
    if (lengths[index]! > columns) {
      const remainingColumns = columns - rowLength;
      const breaksStartingThisLine = 1 + Math.floor((lengths[index]! - remainingColumns - 1) / columns);
      const breaksStartingNextLine = Math.floor((lengths[index]! - 1) / columns);
      if (breaksStartingNextLine < breaksStartingThisLine) rows.push('');
      wrapWord(rows, word, columns);
      return;
    }
    if (rowLength + lengths[index]! > columns && rowLength > 0 && lengths[index]! > 0) rows.push('');
    rows[rows.length - 1] += word;
  });
  return rows.map(trimSpacesRight).join('\n');
}

/** wrap-ansi's `wrapWord` for text without escape codes. */
function wrapWord(rows: string[], word: string, columns: number): void {
  const characters = [...word];
  let visible = stringWidth(rows.at(-1)!);
  characters.forEach((character, index) => {
    const characterLength = stringWidth(character);
    if (visible + characterLength <= columns) rows[rows.length - 1] += character;
    else {
      rows.push(character);
      visible = 0;
    }
    visible += characterLength;
    if (visible === columns && index < characters.length - 1) {
      rows.push('');
      visible = 0;
    }
  });
  if (!visible && rows.at(-1)!.length > 0 && rows.length > 1) rows[rows.length - 2] += rows.pop()!;
}

/** wrap-ansi's `stringVisibleTrimSpacesRight`. */
function trimSpacesRight(row: string): string {
  const words = row.split(' ');
  let last = words.length;
  while (last > 0 && stringWidth(words[last - 1]!) === 0) last--;
  if (last === words.length) return row;
  return words.slice(0, last).join(' ') + words.slice(last).join('');
}
