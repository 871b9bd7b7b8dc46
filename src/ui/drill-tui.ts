import { ExitPromptError } from '@inquirer/core';
import type { Bank } from '../bank/bank.js';
import { reduce, sessionSecondsLeft, type AnswerRecord, type SessionContext, type SessionState, type Turn } from '../drill/session.js';
import type { ScoreResult } from '../scoring/index.js';
import { keyMenu, timedInput } from './prompts.js';
import { sanitize, wrap, type Output } from './output.js';
import { renderResult } from './render.js';

/**
 * The interactive drill: shows each turn, collects the answer with a live
 * countdown, shows the score, and feeds events to the state machine. Every
 * state change is handed to `persist` before the next prompt appears.
 */

const now = () => new Date().toISOString();

function asScoreResult(a: AnswerRecord): ScoreResult {
  return {
    score: a.score ?? 0,
    verdict: a.verdict ?? '',
    points: a.points.map((p) => ({ id: p.pointId, point: p.point, weight: p.weight, required: p.required, hit: p.hit, credit: p.credit, ...(p.evidence ? { evidence: p.evidence } : {}) })),
    misconceptions: a.misconceptions.map((m) => ({ id: '', text: m.misconception, penalty: m.penalty, evidence: m.evidence })),
  };
}

function modelAnswer(bank: Bank, turn: { questionId: string; followupId?: string }, lang: 'en' | 'zh'): string {
  const q = bank.questionById.get(turn.questionId)!;
  const f = turn.followupId ? q.followups.find((x) => x.id === turn.followupId) : undefined;
  const ans = (f ?? q).answer;
  return lang === 'zh' && ans.zh ? ans.zh : ans.en;
}

async function confirmQuit(io: Output): Promise<boolean> {
  try {
    const k = await keyMenu(
      { message: io.color.yellow('Quit this session? Everything answered so far is saved. (y/N) '), keys: ['y', 'n'], enterKey: 'n' },
      { clearPromptOnDone: true },
    );
    return k === 'y';
  } catch (e) {
    if (e instanceof ExitPromptError) return true;
    throw e;
  }
}

export async function runInteractive(
  initial: SessionState,
  ctx: SessionContext,
  bank: Bank,
  io: Output,
  persist: (s: SessionState) => void,
): Promise<SessionState> {
  let s = initial;
  const lang = s.settings.lang;
  const c = io.color;
  const zh = lang === 'zh';

  while (s.status === 'asking' && s.current) {
    const turn: Turn = s.current;
    const q = bank.questionById.get(turn.questionId)!;
    const topic = bank.topicBySlug.get(q.topic);
    const position = `${zh ? '题目' : 'Question'} ${s.index + 1}/${s.plan.length}`;
    const followupNo = turn.followupId ? s.answers.filter((a) => a.questionId === turn.questionId && a.followupId !== undefined).length + 1 : 0;
    const label = turn.followupId ? `${position} · ${zh ? '追问' : 'why?'} ${followupNo}` : position;
    const topicName = topic ? (zh ? topic.title.zh : topic.title.en) : q.topic;

    const started = Date.now();
    const sessionLeft = sessionSecondsLeft(s, started);
    const turnSeconds = sessionLeft === undefined ? turn.timeLimit : Math.min(turn.timeLimit, sessionLeft);
    const deadline = started + turnSeconds * 1000;
    const header = [
      '',
      `${c.bold(label)} ${c.dim('·')} ${c.cyan(sanitize(topicName))} ${c.dim('·')} {time}`,
      wrap(c.bold(sanitize(turn.prompt[lang])), io.columns),
    ].join('\n');
    const keys = c.dim(
      zh
        ? 'Enter 提交 · Ctrl+J（或行末 \\ 再 Enter）换行 · Ctrl+C 退出'
        : 'Enter submit · Ctrl+J (or \\ then Enter) new line · Ctrl+C quit',
    );
    const draft = { text: '' };
    let answered: { text: string; timedOut: boolean } | undefined;
    let quit = false;
    while (!answered && !quit) {
      try {
        answered = await timedInput({
          header,
          keys,
          deadline,
          initial: draft.text,
          draft,
          paint: (left, text) => (left <= 10 ? c.red.bold(`⏱ ${text}`) : left <= 30 ? c.yellow(`⏱ ${text}`) : `⏱ ${text}`),
        });
      } catch (e) {
        if (!(e instanceof ExitPromptError)) throw e;
        quit = await confirmQuit(io);
      }
    }
    const seconds = (Date.now() - started) / 1000;
    if (quit) {
      s = reduce(s, { type: 'quit', draft: draft.text, seconds, at: now() }, ctx);
      persist(s);
      break;
    }
    const timedOutBySession = answered!.timedOut && sessionLeft !== undefined && sessionLeft <= turn.timeLimit;
    s = reduce(s, { type: 'answer', text: answered!.text, seconds, timedOut: answered!.timedOut, at: now() }, ctx);
    persist(s);
    const index = s.answers.length - 1;
    const rec = s.answers[index]!;
    if (answered!.timedOut) io.out(c.yellow(zh ? '时间到：已提交目前输入的内容。' : "Time's up: what you typed so far was submitted."));
    if (rec.score === null) io.out(c.dim(zh ? '（这个追问没有评分标准，不计分；按 m 对照参考答案。）' : '(This follow-up has no rubric and is not scored; press m to compare with the model answer.)'));
    else for (const line of renderResult(io, asScoreResult(rec), lang)) io.out(line);

    if (timedOutBySession && s.status === 'asking') {
      s = reduce(s, { type: 'time-up', at: now() }, ctx);
      persist(s);
      io.out(c.yellow(zh ? '本次练习的总时间已到。' : 'The session time is up.'));
      break;
    }
    // After the result: next, model answer, dispute, quit.
    for (;;) {
      const missed = s.answers[index]!.points.filter((p) => !p.hit && !s.answers[index]!.overrides.some((o) => o.pointId === p.pointId));
      const menu = zh
        ? `Enter 继续 · m 参考答案${missed.length && rec.score !== null ? ' · d 我答到了某个遗漏点' : ''} · q 退出 `
        : `Enter next · m model answer${missed.length && rec.score !== null ? ' · d I did cover a missed point' : ''} · q quit `;
      let key: string;
      try {
        key = await keyMenu({ message: c.dim(menu), keys: ['m', 'd', 'q', 'n'], enterKey: 'n' });
      } catch (e) {
        if (!(e instanceof ExitPromptError)) throw e;
        key = 'q';
      }
      if (key === 'm') {
        io.out(c.bold(zh ? '参考答案：' : 'Model answer:'));
        io.out(wrap(sanitize(modelAnswer(bank, { questionId: rec.questionId, ...(rec.followupId && rec.followupId !== 'why' ? { followupId: rec.followupId } : {}) }, lang)), io.columns, '  '));
        continue;
      }
      if (key === 'd' && missed.length && rec.score !== null) {
        missed.slice(0, 9).forEach((p, i) => io.out(wrap(`${i + 1}. ${sanitize(p.point)}`, io.columns, '  ')));
        let pick: string;
        try {
          pick = await keyMenu({
            message: c.dim(zh ? '你答到了哪一点？（数字，Enter 取消）' : 'Which point did you cover? (number, Enter to cancel) '),
            keys: missed.slice(0, 9).map((_, i) => String(i + 1)),
            enterKey: '',
          });
        } catch (e) {
          if (!(e instanceof ExitPromptError)) throw e;
          pick = '';
        }
        const p = pick ? missed[Number(pick) - 1] : undefined;
        if (p) {
          s = reduce(s, { type: 'dispute', answerIndex: index, pointId: p.pointId, at: now() }, ctx);
          persist(s);
          const self = s.answers[index]!.selfScore;
          io.out(
            c.green(
              zh
                ? `已记录为自评（评分器的结论保留）。自评分：${Math.round((self ?? 0) * 100)}%`
                : `Recorded as self-assessed (the scorer's verdict is kept). Self-assessed score: ${Math.round((self ?? 0) * 100)}%`,
            ),
          );
        }
        continue;
      }
      if (key === 'q') {
        if (await confirmQuit(io)) {
          s = reduce(s, { type: 'quit', seconds: 0, at: now() }, ctx);
          persist(s);
        }
        if (s.status === 'finished') break;
        continue;
      }
      break;
    }
  }
  return s;
}
