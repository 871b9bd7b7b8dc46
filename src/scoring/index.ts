import type { BankQuestion } from '../bank/bank.js';
import { UserError } from '../errors.js';
import { compileRubric, scoreAnswer, type ScoreResult } from './score.js';

export type { ScoreResult, PointResult, MisconceptionResult } from './score.js';
export { scoreAnswer, compileRubric } from './score.js';

/** Scores an answer to a question, or to one of its follow-ups. */
export function gradeAnswer(q: BankQuestion, answer: string, followupId?: string): ScoreResult {
  if (followupId !== undefined) {
    const f = q.followups.find((x) => x.id === followupId);
    if (!f) {
      const ids = q.followups.map((x) => x.id).join(', ') || 'none';
      throw new UserError(`question "${q.id}" has no follow-up "${followupId}" (its follow-ups: ${ids})`);
    }
    return scoreAnswer(compileRubric(f.rubric, [f.prompt.en, f.prompt.zh]), answer);
  }
  return scoreAnswer(compileRubric(q.rubric, [q.prompt.en, q.prompt.zh], q.numeric), answer);
}

/** The points and misconceptions of a result as they are recorded and printed as JSON. */
export function resultRecords(r: ScoreResult, lang: 'en' | 'zh' = 'en') {
  return {
    points: r.points.map((p) => ({
      point: lang === 'zh' && p.pointZh ? p.pointZh : p.point,
      pointId: p.id,
      weight: p.weight,
      required: p.required,
      hit: p.hit,
      credit: p.credit,
      ...(p.evidence !== undefined ? { evidence: p.evidence } : {}),
    })),
    misconceptions: r.misconceptions.map((m) => ({ misconception: lang === 'zh' && m.textZh ? m.textZh : m.text, penalty: m.penalty, evidence: m.evidence })),
  };
}
