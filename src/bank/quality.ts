import type { Bank, BankQuestion } from './bank.js';
import type { FollowupT, RubricT } from './schema.js';
import { compileRubric, scoreAnswer } from '../scoring/score.js';
import { normalizeForMatch } from '../scoring/normalize.js';

/**
 * Quality checks for a question bank, beyond its format: each model answer
 * must score near the top on its own rubric (in both languages), model
 * answers must score low on other topics' questions, and rubrics must follow
 * the house rules. Used by the test suite and scripts/check-bank.mjs.
 */

export interface Lint {
  questionId: string;
  followupId?: string;
  message: string;
}

const CJK = /\p{Script=Han}/u;

function rubricLint(rubric: RubricT, where: { questionId: string; followupId?: string }, numeric = false): Lint[] {
  const out: Lint[] = [];
  for (const p of [...rubric.points, ...rubric.misconceptions]) {
    const aliases = [...(p.aliases ?? []), ...(p.all ?? []).flat()];
    const seen = new Map<string, string>();
    for (const a of aliases) {
      const key = normalizeForMatch(a);
      if (key === '') out.push({ ...where, message: `point "${p.id}": alias "${a}" is empty once normalized` });
      else if (seen.has(key) && (p.aliases ?? []).includes(a)) out.push({ ...where, message: `point "${p.id}": aliases "${seen.get(key)}" and "${a}" are the same once normalized` });
      seen.set(key, a);
    }
    for (const group of p.all ?? []) {
      const keys = group.map(normalizeForMatch);
      const dup = keys.find((k, i) => keys.indexOf(k) !== i);
      if (dup !== undefined) out.push({ ...where, message: `point "${p.id}": a group repeats the alias "${group[keys.indexOf(dup)]}"` });
    }
    if (!aliases.some((a) => CJK.test(a))) out.push({ ...where, message: `point "${p.id}" has no Chinese alias` });
  }
  // A numeric question's value is its required point; the working earns the rest.
  if (numeric && rubric.points.some((p) => p.required)) out.push({ ...where, message: 'a numeric question requires only its value; the working is not required' });
  if (!numeric && !rubric.points.some((p) => p.required)) out.push({ ...where, message: 'no required point' });
  return out;
}

/** House rules of the built-in bank. */
export function lintBank(bank: Bank): Lint[] {
  const out: Lint[] = [];
  for (const q of bank.questions) {
    const where = { questionId: q.id };
    const n = q.rubric.points.length + (q.numeric ? 1 : 0);
    if (n < 3 || n > 8) out.push({ ...where, message: `${n} rubric points (3-8 expected)` });
    if (q.timeLimit < 60 || q.timeLimit > 300) out.push({ ...where, message: `time limit ${q.timeLimit} s (60-300 expected)` });
    if (q.followups.length < 2) out.push({ ...where, message: `${q.followups.length} follow-ups (at least 2 expected)` });
    if (!q.followups.some((f) => f.when)) out.push({ ...where, message: 'no follow-up conditioned on a point hit or missed' });
    if (!q.answer.zh) out.push({ ...where, message: 'no Chinese model answer' });
    if (!CJK.test(q.prompt.zh)) out.push({ ...where, message: 'the Chinese prompt has no Chinese' });
    out.push(...rubricLint(q.rubric, where, q.numeric !== undefined));
    for (const f of q.followups) {
      const fw = { questionId: q.id, followupId: f.id };
      if (!f.answer.zh) out.push({ ...fw, message: 'no Chinese model answer' });
      out.push(...rubricLint(f.rubric, fw));
    }
  }
  return out;
}

export interface SelfCheck {
  questionId: string;
  followupId?: string;
  lang: 'en' | 'zh';
  score: number;
  missed: string[];
  misconceptions: string[];
}

function check(q: BankQuestion, f: FollowupT | undefined, lang: 'en' | 'zh'): SelfCheck | undefined {
  const target = f ?? q;
  const text = target.answer[lang];
  if (!text) return undefined;
  const compiled = f ? compileRubric(f.rubric, [f.prompt.en, f.prompt.zh]) : compileRubric(q.rubric, [q.prompt.en, q.prompt.zh], q.numeric);
  const r = scoreAnswer(compiled, text);
  return {
    questionId: q.id,
    ...(f ? { followupId: f.id } : {}),
    lang,
    score: r.score,
    missed: r.points.filter((p) => p.credit < 1).map((p) => p.id),
    misconceptions: r.misconceptions.map((m) => m.id),
  };
}

/** Every model answer (question and follow-up, English and Chinese) scored on its own rubric. */
export function selfChecks(bank: Bank): SelfCheck[] {
  const out: SelfCheck[] = [];
  for (const q of bank.questions) {
    for (const lang of ['en', 'zh'] as const) {
      const c = check(q, undefined, lang);
      if (c) out.push(c);
      for (const f of q.followups) {
        const cf = check(q, f, lang);
        if (cf) out.push(cf);
      }
    }
  }
  return out;
}

export interface Confusion {
  answerOf: string;
  scoredOn: string;
  lang: 'en' | 'zh';
  score: number;
  hits: string[];
}

/** Model answers that score `threshold` or more on a question of a different topic. */
export function discrimination(bank: Bank, threshold = 0.3, involving?: (q: BankQuestion) => boolean): Confusion[] {
  const out: Confusion[] = [];
  const compiled = bank.questions.map((q) => ({ q, r: compileRubric(q.rubric, [q.prompt.en, q.prompt.zh], q.numeric) }));
  for (const a of bank.questions) {
    for (const lang of ['en', 'zh'] as const) {
      const text = a.answer[lang];
      if (!text) continue;
      for (const { q, r } of compiled) {
        if (q.topic === a.topic) continue;
        if (involving && !involving(a) && !involving(q)) continue;
        const s = scoreAnswer(r, text);
        if (s.score >= threshold) out.push({ answerOf: a.id, scoredOn: q.id, lang, score: s.score, hits: s.points.filter((p) => p.hit).map((p) => p.id) });
      }
    }
  }
  return out.sort((x, y) => y.score - x.score);
}
