import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EXIT, UserError } from '../errors.js';
import { PACKAGE_ROOT } from '../paths.js';
import { processOutput, sanitize, type Output } from '../ui/output.js';

const VERSION = (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Options every command accepts. */
export interface GlobalOptions {
  bank: string[];
  color: boolean;
  debug: boolean;
}

/** What a command's action receives: its options merged with the global ones. */
export type Action<O> = (args: string[], opts: O & GlobalOptions, io: Output) => Promise<number | void>;

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function examples(lines: string[]): string {
  return '\nExamples:\n' + lines.map((l) => `  ${l}`).join('\n') + '\n';
}

function intArg(name: string, min: number, max: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new UserError(`${name} must be a whole number from ${min} to ${max} (got "${v}")`, EXIT.usage);
    }
    return n;
  };
}
export { intArg };

/**
 * Builds the commander program. Each command is a thin adapter, imported only
 * when it runs so that `mlprep --version` loads almost nothing.
 */
export function buildProgram(io: Output, onRun: (p: Promise<number | void>) => void): Command {
  const program = new Command('mlprep');
  program
    .description('Timed mock interviews for machine-learning engineers, in English or Chinese.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--bank <dir>', 'add a question bank directory or file (repeatable)', collect)
    .option('--no-color', 'plain output without colours (also: NO_COLOR=1)')
    .option('--debug', 'show stack traces for errors')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.replace(/\n$/, '')),
      writeErr: (s) => io.err(s.replace(/\n$/, '')),
      outputError: (s, write) => write(oneLine(s)),
    })
    .addHelpText(
      'after',
      examples([
        'mlprep drill                      # a 5-question mock interview',
        'mlprep topic bias-variance        # review one topic',
        'mlprep stats                      # your progress',
        'mlprep validate ./my-bank         # check your own bank files',
      ]) + '\nEnvironment:\n  MLPREP_HOME   where history is kept (default: the platform data directory)\n  NO_COLOR      disable colours\n',
    );

  const lazy =
    <O>(load: () => Promise<{ run: Action<O> }>) =>
    (...args: unknown[]) => {
      const cmd = args[args.length - 1] as Command;
      const opts = cmd.optsWithGlobals() as O & GlobalOptions;
      opts.bank ??= [];
      const positional = cmd.args;
      onRun(load().then((m) => m.run(positional, opts, io)));
    };

  program
    .command('drill')
    .description('a timed mock interview: questions, a countdown, "why?" follow-ups, scores and a report')
    .option('-n, --count <n>', 'number of questions (default: 5)', intArg('--count', 1, 200))
    .option('-t, --topic <topic>', 'only this topic (repeatable; slug, alias or title)', collect)
    .option('-d, --difficulty <level>', 'easy, medium or hard (repeatable or comma-separated)', collect)
    .option('--seed <n>', 'fix the choice of questions (same seed, same questions)', intArg('--seed', 0, 2 ** 32 - 1))
    .addOption(new Option('--lang <lang>', 'language of the questions').choices(['en', 'zh']).default('en'))
    .option('--followups <n>', 'follow-up "why?" questions after each answer', intArg('--followups', 0, 5), 2)
    .option('--time <seconds>', 'time per answer, overriding each question\'s own limit', intArg('--time', 5, 3600))
    .option('--minutes <m>', 'cap the whole session at this many minutes', intArg('--minutes', 1, 600))
    .option('--due', 'only questions due for review')
    .option('--answers <file>', 'answer from a YAML/JSON file instead of the keyboard')
    .option('--json', 'print the session report as JSON')
    .addHelpText(
      'after',
      examples([
        'mlprep drill                          # 5 questions: due ones, then weak topics, then new ones',
        'mlprep drill --due                    # only the reviews that are due',
        'mlprep drill -n 3 --topic gradients   # 3 questions on one topic',
        'mlprep drill --lang zh --minutes 10   # in Chinese, at most 10 minutes',
        'mlprep drill --answers answers.yaml --json',
      ]) +
        `
Keys while answering: Enter submits; Ctrl+J (or a line ending in \\ then Enter) starts a new line;
Ctrl+C asks whether to quit (what you typed is kept). After each score: m shows the model answer,
d records that you covered a point the scorer missed (kept apart as self-assessed), q quits.

--answers FILE maps question ids to answers; follow-ups are answered in the order asked:
  bias-variance-tradeoff: "High bias means ..."
  bn-inference:
    answer: "At inference BN uses running averages ..."
    followups: ["Because the batch statistics ...", "..."]
Without --count/--topic/--difficulty/--seed the session asks the file's questions in order;
with them, questions are chosen as usual and those missing from the file count as unanswered.
`,
    )
    .action(lazy(() => import('./drill.js')));

  program
    .command('topic')
    .description('review one topic: questions, key points, model answers and your history')
    .argument('<name...>', 'topic slug, alias or title (e.g. bias-variance, "bias variance", 偏差方差)')
    .option('--quiz', 'drill this topic only (cram mode: does not move the review schedule)')
    .addOption(new Option('--lang <lang>', 'language of prompts, points and answers').choices(['en', 'zh']).default('en'))
    .option('-n, --count <n>', 'with --quiz: number of questions (default: 5)', intArg('--count', 1, 200))
    .option('--followups <n>', 'with --quiz: follow-up "why?" questions per answer', intArg('--followups', 0, 5), 2)
    .option('--time <seconds>', 'with --quiz: time per answer', intArg('--time', 5, 3600))
    .option('--answers <file>', 'with --quiz: answer from a file')
    .option('--json', 'print JSON (with --quiz: the session report)')
    .addHelpText(
      'after',
      examples(['mlprep topic bias-variance', 'mlprep topic "bias variance" --lang zh', 'mlprep topic 偏差方差', 'mlprep topic gradients --quiz -n 3']) +
        '\nAn unknown name exits with status 2 and suggests the nearest topics.\n',
    )
    .action(lazy(() => import('./topic.js')));

  program
    .command('stats')
    .description('progress at a glance: mastery per topic, score over time, streak, reviews due')
    .option('--json', 'print the same figures as JSON')
    .addHelpText('after', examples(['mlprep stats', 'NO_COLOR=1 mlprep stats   # plain characters', 'mlprep stats --json']))
    .action(lazy(() => import('./stats.js')));

  program
    .command('export')
    .description('write your history (sessions, answers, overrides, schedule) as JSON or CSV')
    .option('-o, --out <file>', 'write to a file instead of standard output')
    .option('--since <date>', 'only sessions started on or after this date (e.g. 2026-11-01)')
    .option('--schema', 'print the JSON Schema of the export')
    .addOption(new Option('--format <format>', 'json (the versioned contract) or csv (one row per answer)').choices(['json', 'csv']).default('json'))
    .option('--anki <file>', 'write the bank as a tab-separated file for Anki (front, back, tags)')
    .option('-t, --topic <topic>', 'with --anki: only this topic (repeatable)', collect)
    .addOption(new Option('--lang <lang>', 'with --anki: card language').choices(['en', 'zh']).default('en'))
    .option('--review-log <file>', 'write the review log as CSV for the FSRS optimizer')
    .addHelpText(
      'after',
      examples([
        'mlprep export --out history.json',
        'mlprep export --since 2026-11-01 --format csv > answers.csv',
        'mlprep export --schema',
        'mlprep export --anki cards.txt --topic bias-variance',
        'mlprep export --review-log revlog.csv',
      ]),
    )
    .action(lazy(() => import('./export.js')));

  program
    .command('import')
    .description('merge an export from another machine into your history')
    .argument('<file>', 'a file written by mlprep export')
    .addHelpText('after', examples(['mlprep import history.json']) + '\nImporting the same file twice adds nothing. A file from a newer mlprep is refused.\n')
    .action(lazy(() => import('./import.js')));

  program
    .command('list')
    .description('list the questions of the bank')
    .option('-t, --topic <topic>', 'only this topic (slug, alias or title)')
    .option('--json', 'print a JSON array (a stable contract for scripts)')
    .addHelpText('after', examples(['mlprep list', 'mlprep list --topic "bias variance"', 'mlprep list --json | jq length']))
    .action(lazy(() => import('./list.js')));

  program
    .command('topics')
    .description('list the topics with their question counts')
    .option('--json', 'print JSON')
    .addHelpText('after', examples(['mlprep topics', 'mlprep topics --json']))
    .action(lazy(() => import('./topics.js')));

  program
    .command('grade')
    .description('score an answer against a question\'s rubric, without a session')
    .argument('[id]', 'question id (see `mlprep list`)')
    .argument('[answer...]', 'the answer (default: read from standard input)')
    .option('-f, --followup <id>', 'grade an answer to this follow-up of the question')
    .option('--json', 'print JSON; without an id, grade JSON Lines from standard input')
    .addOption(new Option('--lang <lang>', 'language of the key points shown').choices(['en', 'zh']).default('en'))
    .addHelpText(
      'after',
      examples([
        'mlprep grade bias-variance-tradeoff "High bias means the model underfits ..."',
        'mlprep grade bias-variance-tradeoff < answer.txt',
        'mlprep grade bias-variance-tradeoff --followup why-more-data "More samples average out noise ..."',
        'echo \'{"id":"bias-variance-tradeoff","answer":"..."}\' | mlprep grade --json',
      ]) +
        '\nWith --json and no id, each input line is {"id", "answer", "followup"?} and each output line is\n' +
        '{"id", "followup"?, "score", "verdict", "points": [{"point", "pointId", "weight", "required", "hit", "credit", "evidence"?}], "misconceptions"}.\n' +
        'A line that cannot be graded prints {"id"?, "error"}; the exit status is then 1.\n',
    )
    .action(lazy(() => import('./grade.js')));

  program
    .command('validate')
    .description('check bank files; every problem as file:line:col: message')
    .argument('[path...]', 'bank files or directories (default: the built-in bank and --bank)')
    .addHelpText(
      'after',
      examples(['mlprep validate', 'mlprep validate ./my-bank', 'mlprep validate my-bank/attention.yaml']) +
        '\nExit status: 0 when every file is valid, 1 when any problem is found.\n',
    )
    .action(lazy(() => import('./validate.js')));

  program
    .command('schema')
    .description('print the JSON Schema of the bank format (for editor completion)')
    .addHelpText(
      'after',
      examples([
        'mlprep schema > bank.schema.json',
        '# then start a bank file with:',
        '# yaml-language-server: $schema=./bank.schema.json',
      ]),
    )
    .action(lazy(() => import('./schema.js')));

  return program;
}

/** Commander prints "error: x\n(Did you mean y?)"; we print one line. */
function oneLine(s: string): string {
  const text = s
    .replace(/^error: /, '')
    .replace(/\n\(Did you mean (.*)\?\)/, ' (did you mean $1?)')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
  return `mlprep: ${text}`;
}

/** Turns anything thrown into a message and an exit code: the one place that does. */
export function report(e: unknown, io: Output, debug: boolean): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
    if (e.code === 'commander.executeSubCommandAsync') return EXIT.ok;
    return EXIT.usage;
  }
  if (e instanceof UserError) {
    io.err(`mlprep: ${sanitize(e.message)}`);
    for (const d of e.details) io.err(`  ${sanitize(d)}`);
    if (debug && e.stack) io.err(e.stack);
    return e.exitCode;
  }
  const err = e as Error;
  if (err && (err as NodeJS.ErrnoException).code === 'EPIPE') return EXIT.ok;
  io.err(`mlprep: unexpected error: ${sanitize(err?.message ?? String(e))}`);
  if (debug) io.err(err?.stack ?? '');
  else io.err('  (this is a bug in mlprep; run again with --debug for details)');
  return EXIT.failure;
}

/** Runs the CLI; resolves with the exit code. */
export async function main(argv: readonly string[], io: Output = processOutput(argv)): Promise<number> {
  const debug = argv.includes('--debug');
  let running: Promise<number | void> | undefined;
  const program = buildProgram(io, (p) => {
    running = p;
  });
  try {
    if (argv.length <= 2) {
      io.err(program.helpInformation().trimEnd());
      return EXIT.usage;
    }
    await program.parseAsync(argv as string[]);
    const code = running ? await running : undefined;
    return typeof code === 'number' ? code : EXIT.ok;
  } catch (e) {
    return report(e, io, debug);
  }
}

export async function run(): Promise<void> {
  // A closed pipe (mlprep list | head) is not an error worth a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  const code = await main(process.argv);
  process.exitCode = code;
}

