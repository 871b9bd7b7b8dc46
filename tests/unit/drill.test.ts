import { describe, expect, it } from 'vitest';
import { buildBank } from '../../src/bank/bank.js';
import type { BankQuestion } from '../../src/bank/bank.js';
import { buildReport } from '../../src/drill/report.js';
import { selectQuestions, type QuestionStats } from '../../src/drill/select.js';
import { reduce, selfScore, startSession, type SessionContext, type SessionSettings, type SessionState } from '../../src/drill/session.js';
import { stretch } from '../../src/scoring/score.js';
import { gradeAnswer } from '../../src/scoring/index.js';

const yaml = `
topic: {slug: t, title: {en: Test, zh: 测试}}
questions:
  - id: q-a
    kind: open
    difficulty: easy
    timeLimit: 60
    prompt: {en: Why does dropout regularize?, zh: 为什么 dropout 有正则化作用？}
    rubric:
      points:
        - {id: co-adapt, text: Units cannot co-adapt., weight: 2, required: true, aliases: [cannot co-adapt, 无法共适应]}
        - {id: ensemble, text: It trains an ensemble of thinned networks., aliases: [ensemble, 集成]}
    answer: {en: "Units cannot co-adapt, and it acts like an ensemble."}
    followups:
      - id: press
        prompt: {en: Why is that an ensemble?, zh: 为什么是集成？}
        when: {hit: [ensemble]}
        rubric: {points: [{id: share, text: Subnetworks share weights., required: true, aliases: [share weights]}]}
        answer: {en: The subnetworks share weights.}
      - id: second-chance
        prompt: {en: What happens to units that rely on each other?, zh: 相互依赖的单元会怎样？}
        when: {missed: [co-adapt]}
        rubric: {points: [{id: rely, text: They cannot rely on each other., required: true, aliases: [cannot rely]}]}
        answer: {en: They cannot rely on each other.}
      - id: always
        prompt: {en: What changes at inference?, zh: 推理时有什么不同？}
        rubric: {points: [{id: off, text: Dropout is off., required: true, aliases: [turned off]}]}
        answer: {en: It is turned off.}
  - id: q-b
    kind: open
    difficulty: hard
    timeLimit: 90
    prompt: {en: What is a residual connection?, zh: 什么是残差连接？}
    rubric:
      points:
        - {id: skip, text: Adds the input to the output., required: true, aliases: [adds the input, identity path]}
    answer: {en: It adds the input to the output through an identity path.}
  - id: q-c
    kind: open
    difficulty: medium
    timeLimit: 90
    prompt: {en: What is weight decay?, zh: 什么是权重衰减？}
    rubric:
      points:
        - {id: shrink, text: Shrinks weights each step., required: true, aliases: [shrinks the weights]}
    answer: {en: It shrinks the weights each step.}
`;
const { bank, problems } = buildBank([{ file: 't.yaml', text: yaml }], new Set());
const ctx: SessionContext = { question: (id) => bank.questionById.get(id)!, grade: gradeAnswer };
const q = (id: string) => bank.questionById.get(id)! as BankQuestion;
const settings: SessionSettings = { count: 2, topics: [], difficulty: [], seed: 1, lang: 'en', followups: 2, mode: 'interactive', banks: [] };
const at = '2026-01-01T00:00:00.000Z';
const answer = (s: SessionState, text: string, timedOut = false) => reduce(s, { type: 'answer', text, seconds: 12, timedOut, at }, ctx);

describe('the drill state machine', () => {
  it('the fixture bank is valid', () => expect(problems).toEqual([]));

  it('asks the plan in order, then finishes', () => {
    let s = startSession('s1', at, { ...settings, followups: 0 }, [q('q-a'), q('q-b')]);
    expect(s.current?.questionId).toBe('q-a');
    s = answer(s, 'Units cannot co-adapt.');
    expect(s.current?.questionId).toBe('q-b');
    s = answer(s, 'It adds the input.');
    expect(s.status).toBe('finished');
    expect(s.completed).toBe(true);
    expect(s.answers.map((a) => [a.questionId, a.score])).toEqual([
      ['q-a', 2 / 3 > 0.6 ? s.answers[0]!.score : -1],
      ['q-b', 1],
    ]);
  });

  it('picks follow-ups by what the answer hit or missed: second chances first, at most N', () => {
    let s = startSession('s2', at, settings, [q('q-a')]);
    s = answer(s, 'It is like training an ensemble of many networks.');
    expect(s.current?.followupId).toBe('second-chance');
    expect(s.queue.map((t) => t.followupId)).toEqual(['press']);
    let t = startSession('s3', at, settings, [q('q-a')]);
    t = answer(t, 'Units cannot co-adapt, so each must be useful alone.');
    expect([t.current?.followupId, ...t.queue.map((x) => x.followupId)]).toEqual(['always']);
  });

  it('answers to follow-ups are graded on their own rubric and recorded with their id', () => {
    let s = startSession('s4', at, { ...settings, followups: 1 }, [q('q-a')]);
    s = answer(s, 'It is like an ensemble of networks.');
    s = answer(s, 'Units that cannot rely on each other learn robust features.');
    expect(s.answers[1]).toMatchObject({ questionId: 'q-a', followupId: 'second-chance', score: 1 });
    expect(s.status).toBe('finished');
  });

  it('a timed-out answer is submitted as typed and marked', () => {
    let s = startSession('s5', at, { ...settings, followups: 0 }, [q('q-b')]);
    s = answer(s, 'It adds the input', true);
    expect(s.answers[0]).toMatchObject({ answer: 'It adds the input', timedOut: true, skipped: false, score: 1 });
  });

  it('an empty answer is skipped and gets no follow-ups', () => {
    let s = startSession('s6', at, settings, [q('q-a'), q('q-b')]);
    s = answer(s, '   ');
    expect(s.answers[0]).toMatchObject({ skipped: true, score: 0 });
    expect(s.current?.questionId).toBe('q-b');
  });

  it('asks a generic "why?" about the strongest point when no follow-up suits', () => {
    let s = startSession('s7', at, settings, [q('q-b')]);
    s = answer(s, 'It adds the input to the block output.');
    expect(s.current?.followupId).toBe('why');
    expect(s.current?.prompt.en).toContain('adds the input');
    s = answer(s, 'Because gradients flow through the identity.');
    expect(s.answers[1]).toMatchObject({ followupId: 'why', score: null });
  });

  it('a dispute is recorded as self-assessed, apart from the scorer', () => {
    let s = startSession('s8', at, { ...settings, followups: 0 }, [q('q-a')]);
    s = answer(s, 'Units cannot co-adapt.');
    const before = s.answers[0]!.score;
    s = reduce(s, { type: 'dispute', answerIndex: 0, pointId: 'ensemble', at }, ctx);
    expect(s.answers[0]!.score).toBe(before);
    expect(s.answers[0]!.overrides).toEqual([{ pointId: 'ensemble', hit: true, source: 'self', at }]);
    expect(s.answers[0]!.selfScore).toBe(1);
    // Disputing a point that was hit, or twice, changes nothing.
    expect(reduce(s, { type: 'dispute', answerIndex: 0, pointId: 'co-adapt', at }, ctx)).toBe(s);
    expect(reduce(s, { type: 'dispute', answerIndex: 0, pointId: 'ensemble', at }, ctx)).toBe(s);
  });

  it('quitting keeps the unfinished text and marks the session incomplete', () => {
    let s = startSession('s9', at, settings, [q('q-a'), q('q-b')]);
    s = reduce(s, { type: 'quit', draft: 'Units cannot co-ad', seconds: 5, at }, ctx);
    expect(s.status).toBe('finished');
    expect(s.completed).toBe(false);
    expect(s.endReason).toBe('quit');
    expect(s.answers[0]).toMatchObject({ answer: 'Units cannot co-ad', interrupted: true });
  });

  it('the session time running out ends it as completed', () => {
    let s = startSession('s10', at, settings, [q('q-a'), q('q-b')]);
    s = reduce(s, { type: 'time-up', at }, ctx);
    expect(s).toMatchObject({ status: 'finished', completed: true, endReason: 'time' });
    expect(reduce(s, { type: 'time-up', at }, ctx)).toBe(s);
  });

  it('the report summarizes per question and topic, weakest points first', () => {
    let s = startSession('s11', at, { ...settings, followups: 0 }, [q('q-a'), q('q-b')]);
    s = answer(s, 'It is like an ensemble.');
    s = answer(s, 'It adds the input to the output.');
    const r = buildReport(s.answers);
    expect(r.questions.map((x) => x.questionId)).toEqual(['q-a', 'q-b']);
    expect(r.weakest[0]).toMatchObject({ point: 'Units cannot co-adapt.', required: true });
    expect(r.topics).toEqual([{ topic: 't', questions: 2, average: expect.any(Number) }]);
    expect(r.reviewCommands).toEqual(['mlprep topic t']);
  });
});

describe('question selection', () => {
  const all = bank.questions;
  it('the same seed gives the same plan', () => {
    const a = selectQuestions(all, new Map(), { count: 2, seed: 42 }).map((x) => x.id);
    expect(selectQuestions(all, new Map(), { count: 2, seed: 42 }).map((x) => x.id)).toEqual(a);
  });
  it('prefers questions never seen, then those scored lowest', () => {
    const stats = new Map<string, QuestionStats>([
      ['q-a', { attempts: 1, lastScore: 0.9 }],
      ['q-b', { attempts: 2, lastScore: 0.2 }],
    ]);
    for (const seed of [1, 2, 3, 4]) {
      expect(selectQuestions(all, stats, { count: 2, seed }).map((x) => x.id).sort()).toEqual(['q-b', 'q-c']);
      expect(selectQuestions(all, stats, { count: 1, seed })[0]!.id).toBe('q-c');
    }
  });
  it('filters by topic and difficulty', () => {
    expect(selectQuestions(all, new Map(), { count: 5, seed: 1, difficulty: ['hard'] }).map((x) => x.id)).toEqual(['q-b']);
    expect(selectQuestions(all, new Map(), { count: 5, seed: 1, topics: ['other'] })).toEqual([]);
  });
});

describe('the score with a disputed point', () => {
  const record = (points: { id: string; weight: number; required: boolean; credit: number }[], overrides: string[]) => ({
    questionId: 'q', topic: 't', prompt: 'p', answer: 'a', score: 0.25, points: points.map((p) => ({ point: p.id, pointId: p.id, weight: p.weight, required: p.required, hit: p.credit >= 1, credit: p.credit })),
    misconceptions: [], secondsTaken: 1, timedOut: false, overrides: overrides.map((pointId) => ({ pointId, hit: true as const, source: 'self' as const, at: 'now' })),
  });
  it('counts the disputed point as hit with the scorer\'s own formula', () => {
    // 10 of 11 weight (over 90%) once the point is disputed: full marks, as the scorer gives.
    expect(selfScore(record([{ id: 'core', weight: 9, required: true, credit: 1 }, { id: 'extra', weight: 1, required: false, credit: 0 }, { id: 'x', weight: 1, required: false, credit: 0 }], ['x']))).toBe(1);
  });
  it('a known slip in a number (half credit) does not cap the score, as with the scorer', () => {
    const r = record([{ id: 'value', weight: 3, required: true, credit: 0.5 }, { id: 'working', weight: 1, required: false, credit: 0 }], ['working']);
    expect(selfScore(r)).toBeCloseTo(stretch(2.5 / 4), 3);
    expect(selfScore(r)).toBeGreaterThan(0.25);
  });
});
