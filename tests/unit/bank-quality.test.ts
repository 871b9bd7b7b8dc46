import { describe, expect, it } from 'vitest';
import { BUILTIN_BANK_DIR, loadBankFiles, readSeedItems } from '../../src/bank/load.js';
import { discrimination, lintBank, selfChecks } from '../../src/bank/quality.js';

/**
 * The built-in bank, as a whole: it covers every seed item, each model answer
 * scores near the top on its own rubric (in English and in Chinese), model
 * answers score low on other topics' questions, and rubrics follow the house
 * rules. Failures list the offending questions, worst first.
 */
const { bank, problems } = loadBankFiles([BUILTIN_BANK_DIR]);
const seeds = readSeedItems();

describe('the built-in bank', () => {
  it('loads without problems', () => expect(problems).toEqual([]));

  it('covers every seed item with at least one question', () => {
    const covered = new Set(bank.questions.flatMap((q) => q.seeds));
    expect(seeds.filter((s) => !covered.has(s.id)).map((s) => s.id)).toEqual([]);
  });

  it("has each seed item's suggested topic, with English and Chinese titles", () => {
    const missing = [...new Set(seeds.map((s) => s.topic))].filter((t) => !bank.topicBySlug.has(t));
    expect(missing).toEqual([]);
    for (const t of bank.topics) expect(/\p{Script=Han}/u.test(t.title.zh), t.slug).toBe(true);
  });

  it('asks code items as open questions on the implementation, numeric items as numeric ones', () => {
    for (const s of seeds.filter((x) => x.kind !== 'open')) {
      const kinds = bank.questions.filter((q) => q.seeds.includes(s.id)).map((q) => q.kind);
      expect(kinds, s.id).toContain(s.kind);
    }
    const epoch = bank.questions.filter((q) => q.seeds.includes('s000-q11-epoch-batch-iteration')).map((q) => q.kind);
    expect(epoch).toContain('open');
    expect(epoch).toContain('numeric');
  });

  it('has at least 120 questions, and 4 or more on bias-variance', () => {
    expect(bank.questions.length).toBeGreaterThanOrEqual(120);
    expect(bank.questions.filter((q) => q.topic === 'bias-variance').length).toBeGreaterThanOrEqual(4);
  });

  it('follows the house rules (3-8 points, a required point, follow-ups, Chinese everywhere, no duplicate aliases)', () => {
    expect(lintBank(bank).map((l) => `${l.questionId}${l.followupId ? '/' + l.followupId : ''}: ${l.message}`)).toEqual([]);
  });

  it('scores every model answer, English and Chinese, at least 0.85 on its own rubric', () => {
    const low = selfChecks(bank)
      .filter((c) => c.score < 0.85)
      .sort((a, b) => a.score - b.score)
      .map((c) => `${c.questionId}${c.followupId ? '/' + c.followupId : ''} [${c.lang}] ${c.score}: missed ${c.missed.join(', ')}`);
    expect(low).toEqual([]);
  });

  it('supports every rubric point by its model answer', () => {
    const unsupported = selfChecks(bank)
      .filter((c) => c.missed.length > 0)
      .map((c) => `${c.questionId}${c.followupId ? '/' + c.followupId : ''} [${c.lang}]: ${c.missed.join(', ')}`);
    expect(unsupported).toEqual([]);
  });

  it('scores every model answer below 0.3 on every question of a different topic (worst pairs first)', () => {
    const pairs = discrimination(bank, 0.3).map((d) => `${d.answerOf} [${d.lang}] on ${d.scoredOn}: ${d.score} (${d.hits.join(', ')})`);
    expect(pairs).toEqual([]);
  }, 120_000);
});
