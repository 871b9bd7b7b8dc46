import { UserError, EXIT } from '../errors.js';
import type { Bank, BankTopic } from './bank.js';
import { nearest } from './problems.js';

/** Text that NFKC leaves as it is: ASCII, CJK ideographs, the middle dot, 、 and 。. */
export const NFKC_STABLE = /^[\u0000-\u007f\u00b7\u3001\u3002\u3400-\u4dbf\u4e00-\u9fff]*$/;

/** Folds a topic name for lookup: case, width, spaces, hyphens, underscores. */
export function topicKey(name: string): string {
  // NFKC loads ICU's normalizer (about 2 ms) even for text it cannot change.
  return (NFKC_STABLE.test(name) ? name : name.normalize('NFKC')).toLowerCase().replace(/[\s_\-–—/]+/g, '');
}

/**
 * Finds a topic by slug, alias, or English/Chinese title ("bias variance",
 * "偏差方差" and "Bias-Variance" all find bias-variance). Unknown names get
 * a usage error with the nearest topics.
 */
export function resolveTopic(bank: Bank, name: string): BankTopic {
  const key = topicKey(name);
  for (const t of bank.topics) {
    const names = [t.slug, t.title.en, t.title.zh, ...t.aliases];
    if (names.some((n) => topicKey(n) === key)) return t;
  }
  const candidates = new Map<string, string>();
  for (const t of bank.topics) {
    for (const n of [t.slug, t.title.en, ...t.aliases]) candidates.set(topicKey(n), t.slug);
  }
  const near = [...new Set(nearest(key, candidates.keys(), 3, 6).map((k) => candidates.get(k)!))].slice(0, 3);
  const hint = near.length ? ` (did you mean ${near.join(', ')}?)` : ' (run `mlprep topics` to see them all)';
  throw new UserError(`unknown topic "${name}"${hint}`, EXIT.usage);
}
