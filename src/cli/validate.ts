import path from 'node:path';
import { BUILTIN_BANK_DIR, displayPath, findBankFiles, loadBankFiles } from '../bank/load.js';
import { formatProblem } from '../bank/problems.js';
import { EXIT } from '../errors.js';
import type { Action } from './main.js';
import { sanitize } from '../ui/output.js';

/**
 * Checks bank files. Paths given are checked together with the built-in bank
 * (a user bank may add questions to built-in topics), but only their files
 * are counted in the summary.
 */
export const run: Action<object> = async (args, opts, io) => {
  const targets = args.length > 0 ? args : opts.bank;
  const { bank, problems: all, files } = loadBankFiles([BUILTIN_BANK_DIR, ...targets]);
  // Paths named on the command line are what is being checked: the built-in
  // bank is loaded beside them (for its topics and ids) but reported only
  // when it is named too.
  const named = args.length > 0 ? new Set(args.flatMap((a) => findBankFiles(a)).map((f) => displayPath(path.resolve(f)))) : undefined;
  const problems = named ? all.filter((p) => named.has(p.file)) : all;
  const c = io.color;
  for (const p of problems) io.out(sanitize(formatProblem(p)));
  const n = problems.length;
  if (n > 0) {
    const inFiles = new Set(problems.map((p) => p.file)).size;
    io.err(c.red(`${n} problem${n === 1 ? '' : 's'} in ${inFiles} file${inFiles === 1 ? '' : 's'}`));
    return EXIT.failure;
  }
  io.err(c.green(`ok: ${files.length} files, ${bank.topics.length} topics, ${bank.questions.length} questions`));
  return EXIT.ok;
};
