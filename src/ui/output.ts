import { Chalk, type ChalkInstance } from 'chalk';
import stringWidth from './width.js';
import { wrapText } from './wrap.js';

/**
 * Where a command writes. Commands never touch process.stdout directly, so they
 * can run in-process under test and so colour and width are decided once.
 */
export interface Output {
  out(text?: string): void;
  err(text?: string): void;
  /** Terminal width for wrapping (80 when not a terminal). */
  columns: number;
  color: ChalkInstance;
}

export function colorEnabled(argv: readonly string[], env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (argv.includes('--no-color')) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

export function processOutput(argv: readonly string[] = process.argv): Output {
  const color = colorEnabled(argv, process.env, Boolean(process.stdout.isTTY));
  return {
    out: (t = '') => void process.stdout.write(t + '\n'),
    err: (t = '') => void process.stderr.write(t + '\n'),
    // Read on every use: the terminal may be resized during a session.
    get columns() {
      return Math.max(20, process.stdout.columns || Number(process.env.COLUMNS) || 80);
    },
    color: new Chalk({ level: color ? 1 : 0 }),
  };
}

/** Strips terminal control sequences and C0/C1 controls except newline and tab. */
export function sanitize(text: string): string {
  return text
    .replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '')
    .replace(/\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g, '')
    .replace(/\u001b[@-_]?/g, '')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

/** Wraps text to `width` display columns (CJK characters count as two). */
export function wrap(text: string, width: number, indent = ''): string {
  const w = Math.max(10, width - stringWidth(indent));
  return wrapText(text, w)
    .split('\n')
    .map((l) => indent + l)
    .join('\n');
}

/** Wraps `text` after `prefix`, continuation lines indented to line up with the text. */
export function hanging(prefix: string, text: string, width: number): string {
  const indent = ' '.repeat(stringWidth(prefix));
  const body = wrap(text, width, indent);
  return prefix + body.slice(indent.length);
}

/** Truncates to `width` display columns with an ellipsis. */
export function truncate(text: string, width: number): string {
  const flat = text.replace(/\s*\n\s*/g, ' ').trimEnd();
  if (stringWidth(flat) <= width) return flat;
  let out = '';
  for (const ch of flat) {
    if (stringWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return out + '…';
}

/** Pads to `width` display columns. */
export function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

export { stringWidth };
