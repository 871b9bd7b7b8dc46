import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Bank, BankQuestion } from '../bank/bank.js';
import type { Answers } from '../drill/answers.js';
import { loadBank } from '../bank/cached.js';
import type { Difficulty } from '../bank/schema.js';
import { resolveTopic } from '../bank/topics.js';
import { buildReport } from '../drill/report.js';
import { selectQuestions } from '../drill/select.js';
import { reduce, startSession, type SessionContext, type SessionSettings, type SessionState } from '../drill/session.js';
import { EXIT, UserError } from '../errors.js';
import { gradeAnswer } from '../scoring/index.js';
import { toRecord } from '../store/history.js';
import { saveSession } from '../store/save.js';
import { progress } from '../drill/progress.js';
import { sessionsDir } from '../store/paths.js';
import { renderReport } from '../ui/report.js';
import type { Output } from '../ui/output.js';
import type { Action } from './main.js';
import { readHistory } from './common.js';

export interface DrillOptions {
  count?: number;
  topic?: string[];
  difficulty?: string[];
  seed?: number;
  lang: 'en' | 'zh';
  followups: number;
  minutes?: number;
  time?: number;
  answers?: string;
  json?: boolean;
  due?: boolean;
}

function sessionId(now: Date): string {
  return `${now.toISOString().replace(/[:.]/g, '-').replace(/Z$/, '')}-${randomBytes(3).toString('hex')}`;
}

/** Feeds the answers file through the same state machine the keyboard drives. */
function runFromFile(s: SessionState, answers: Answers, ctx: SessionContext, persist: (s: SessionState) => void): SessionState {
  const used = new Map<string, number>();
  while (s.status === 'asking' && s.current) {
    const turn = s.current;
    const entry = answers.get(turn.questionId);
    let text = '';
    if (!turn.followupId) text = entry?.answer ?? '';
    else {
      const k = used.get(turn.questionId) ?? 0;
      text = entry?.followups[k] ?? '';
      used.set(turn.questionId, k + 1);
    }
    s = reduce(s, { type: 'answer', text, seconds: 0, timedOut: false, at: new Date().toISOString() }, ctx);
    persist(s);
  }
  return s;
}

export const run: Action<DrillOptions> = async (_args, opts, io) => runDrill(await loadBank({ banks: opts.bank }), opts, io);

/** A drill session; `topic --quiz` runs one too, as cram mode (outside the schedule). */
export async function runDrill(bank: Bank, opts: DrillOptions & { bank: string[] }, io: Output, extra: { cram?: boolean } = {}): Promise<number> {
  const topics = (opts.topic ?? []).map((t) => resolveTopic(bank, t).slug);
  const difficulty = (opts.difficulty ?? []).flatMap((d) => d.split(',')).map((d) => d.trim()).filter(Boolean);
  for (const d of difficulty) {
    if (!['easy', 'medium', 'hard'].includes(d)) throw new UserError(`--difficulty must be easy, medium or hard (got "${d}")`, EXIT.usage);
  }
  if (!opts.answers && !process.stdin.isTTY) {
    throw new UserError('mlprep drill needs a terminal to type answers in; to answer from a file, use --answers FILE (see mlprep drill --help)');
  }

  const history = readHistory(io, { tolerant: true });
  const home = history.home;

  // The YAML parser and zod load only when there is an answers file to read.
  const answers = opts.answers ? (await import('../drill/answers.js')).readAnswersFile(opts.answers, bank) : undefined;
  const seed = opts.seed ?? randomBytes(4).readUInt32LE(0);
  const explicitSelection = opts.count !== undefined || topics.length > 0 || difficulty.length > 0 || opts.seed !== undefined || opts.due;
  let plan: BankQuestion[];
  const now = new Date();
  if (answers && !explicitSelection) {
    plan = [...answers.keys()].map((id) => bank.questionById.get(id)!);
  } else {
    const p = progress(bank, history.sessions, now);
    plan = selectQuestions(bank.questions, p.questions, {
      count: opts.count ?? 5,
      topics,
      difficulty: difficulty as Difficulty[],
      seed,
      now,
      ...(opts.due ? { dueOnly: true } : {}),
      // Cram mode drills one topic on its own terms: weakest and unseen first, due or not.
      ...(extra.cram ? {} : { topicMastery: new Map(p.topics.filter((t) => t.seen > 0).map((t) => [t.topic, t.mastery])) }),
    });
    if (plan.length === 0 && opts.due) {
      const next = [...p.schedule.values()].map((c) => c.due).sort()[0];
      io.err(next ? `Nothing is due for review; the next review is due ${next.slice(0, 16).replace('T', ' ')} UTC.` : 'Nothing is due for review yet: run `mlprep drill` first.');
      return EXIT.ok;
    }
  }
  if (plan.length === 0) throw new UserError('no questions match these options (see `mlprep topics`)');

  const settings: SessionSettings = {
    count: plan.length,
    topics,
    difficulty,
    seed,
    lang: opts.lang,
    followups: opts.followups,
    ...(opts.minutes !== undefined ? { minutes: opts.minutes } : {}),
    ...(opts.time !== undefined ? { timeLimit: opts.time } : {}),
    mode: answers ? 'answers-file' : 'interactive',
    ...(extra.cram ? { cram: true } : {}),
    ...(opts.due ? { due: true } : {}),
    banks: opts.bank.map((b) => path.resolve(b)),
  };
  const started = new Date();
  let state = startSession(sessionId(started), started.toISOString(), settings, plan);
  const ctx: SessionContext = { question: (id) => bank.questionById.get(id)!, grade: gradeAnswer };

  let saveError: Error | undefined;
  const persist = (s: SessionState) => {
    try {
      saveSession(home, s);
      saveError = undefined;
    } catch (e) {
      if (!saveError) {
        const err = e as NodeJS.ErrnoException;
        io.err(io.color.red(`mlprep: cannot save to ${sessionsDir(home)} (${err.code ?? err.message}); carrying on, and your answers will be printed at the end`));
      }
      saveError = e as Error;
    }
  };
  persist(state);

  if (answers) state = runFromFile(state, answers, ctx, persist);
  else {
    if (!opts.json) banner(io, state, bank);
    const { runInteractive } = await import('../ui/drill-tui.js');
    state = await runInteractive(state, ctx, bank, io, persist);
  }
  persist(state);

  const record = toRecord(state);
  if (opts.json) io.out(JSON.stringify(record, null, 2));
  else for (const line of renderReport(io, buildReport(record.answers), { completed: record.completed, ...(saveError ? {} : { saved: path.join(sessionsDir(home), `${record.id}.json`) }) })) io.out(line);
  if (saveError) {
    if (!opts.json) {
      io.err(io.color.red('mlprep: the session could not be saved; here it is, so nothing is lost:'));
      io.err(JSON.stringify(record, null, 2));
    }
    return EXIT.failure;
  }
  return EXIT.ok;
}

function banner(io: Output, s: SessionState, bank: Bank): void {
  const minutes = Math.max(1, Math.round(s.plan.reduce((t, id) => t + (s.settings.timeLimit ?? bank.questionById.get(id)!.timeLimit), 0) / 60));
  const zh = s.settings.lang === 'zh';
  io.out(
    io.color.bold(
      zh
        ? `mlprep 模拟面试 · ${s.plan.length} 道题 · 约 ${minutes} 分钟（不含追问）`
        : `mlprep drill · ${s.plan.length} question${s.plan.length === 1 ? '' : 's'} · about ${minutes} min before follow-ups`,
    ),
  );
  io.out(io.color.dim(zh ? '每个回答提交后立即保存。Ctrl+C 可随时退出。' : 'Each answer is saved as soon as you submit it. Ctrl+C to stop at any time.'));
}
