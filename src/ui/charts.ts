/**
 * Terminal charts drawn to a given width: block characters with colour, plain
 * ASCII under NO_COLOR (so they survive logs, pipes and plain terminals).
 */

/** A horizontal bar for a value in 0..1. */
export function bar(value: number, width: number, fancy: boolean): string {
  const v = Math.max(0, Math.min(1, value));
  if (!fancy) {
    const n = Math.round(v * width);
    return '[' + '#'.repeat(n) + '.'.repeat(width - n) + ']';
  }
  const eighths = Math.round(v * width * 8);
  const full = Math.floor(eighths / 8);
  const part = eighths % 8;
  const partial = part ? '▏▎▍▌▋▊▉'[part - 1]! : '';
  return '█'.repeat(full) + partial + '░'.repeat(width - full - (part ? 1 : 0));
}

/**
 * A column chart of values in 0..1, one column per point, `height` rows tall,
 * with a y axis in percent. Returns the lines; the caller picks how many
 * points fit the terminal.
 */
export function columns(values: readonly number[], height: number, fancy: boolean): string[] {
  const lines: string[] = [];
  const blocks = ' ▁▂▃▄▅▆▇█';
  for (let row = height - 1; row >= 0; row--) {
    const label = row === height - 1 ? '100%' : row === 0 ? '  0%' : row === Math.floor((height - 1) / 2) ? ' 50%' : '    ';
    let line = `${label} ${fancy ? '┤' : '|'}`;
    for (const v of values) {
      const level = Math.max(0, Math.min(1, v)) * height - row;
      if (level >= 1) line += fancy ? '█' : '#';
      else if (level > 0) line += fancy ? blocks[Math.max(1, Math.round(level * 8))]! : level >= 0.5 ? '#' : '.';
      else line += ' ';
    }
    lines.push(line.trimEnd());
  }
  lines.push(`     ${fancy ? '└' : '+'}${(fancy ? '─' : '-').repeat(values.length)}`);
  return lines;
}
