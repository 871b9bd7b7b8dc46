import { loadHistory, type History } from '../store/history.js';
import { dataHome } from '../store/paths.js';
import type { Output } from '../ui/output.js';

/** Reads the history, telling the user about any file that had to be set aside. */
export function readHistory(io: Output, opts: { tolerant?: boolean } = {}): History & { home: string } {
  const home = dataHome();
  const history = loadHistory(home, new Date(), opts);
  if (history.unreadable) io.err(io.color.yellow(`mlprep: ${history.unreadable}; this session starts without it`));
  for (const a of history.setAside) io.err(io.color.yellow(`mlprep: ${a.file} could not be read (${a.reason}); kept as ${a.movedTo}`));
  return { ...history, home };
}
