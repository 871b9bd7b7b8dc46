import type { BankQuestion } from '../bank/bank.js';
import type { Difficulty } from '../bank/schema.js';

/** What history says about one question, as far as choosing goes. */
export interface QuestionStats {
  attempts: number;
  lastScore?: number;
  /** When it is due for review (ISO date), if scheduled. */
  due?: string;
}

export interface SelectOptions {
  count: number;
  topics?: readonly string[];
  difficulty?: readonly Difficulty[];
  seed: number;
  /** Only questions due for review (needs a schedule). */
  dueOnly?: boolean;
  now?: Date;
  /** Mastery (0..1) of the topics practised so far; topics under WEAK_TOPIC come early. */
  topicMastery?: ReadonlyMap<string, number>;
}

export const WEAK_TOPIC = 0.7;

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same session. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/**
 * Chooses the questions of a session. Pure: the same bank, history and seed
 * give the same plan. Due reviews come first (most overdue first), then
 * questions of weak topics (weakest topic, lowest last score first), then
 * questions never seen, then the rest by last score; ties are broken by a
 * seeded shuffle, and no two consecutive picks share a topic when avoidable.
 */
export function selectQuestions(
  questions: readonly BankQuestion[],
  stats: ReadonlyMap<string, QuestionStats>,
  opts: SelectOptions,
): BankQuestion[] {
  const random = rng(opts.seed);
  const now = (opts.now ?? new Date()).toISOString();
  const pool = shuffle(
    questions.filter(
      (q) => (!opts.topics?.length || opts.topics.includes(q.topic)) && (!opts.difficulty?.length || opts.difficulty.includes(q.difficulty)),
    ),
    random,
  );
  const rank = (q: BankQuestion): [number, number] => {
    const s = stats.get(q.id);
    if (s?.due && s.due <= now) return [0, Date.parse(s.due)];
    const mastery = opts.topicMastery?.get(q.topic);
    if (mastery !== undefined && mastery < WEAK_TOPIC) return [1, mastery * 10 + (s?.lastScore ?? 0)];
    if (!s || s.attempts === 0) return [2, 0];
    return [3, s.lastScore ?? 0];
  };
  const eligible = opts.dueOnly ? pool.filter((q) => rank(q)[0] === 0) : pool;
  const ranked = eligible
    .map((q, i) => ({ q, r: rank(q), i }))
    .sort((a, b) => a.r[0] - b.r[0] || a.r[1] - b.r[1] || a.i - b.i)
    .map((x) => x.q);
  const chosen = ranked.slice(0, opts.count);
  return spreadTopics(chosen);
}

/** Reorders so that neighbours differ in topic where possible, keeping the order otherwise. */
function spreadTopics(qs: BankQuestion[]): BankQuestion[] {
  const rest = [...qs];
  const out: BankQuestion[] = [];
  while (rest.length) {
    const prev = out[out.length - 1]?.topic;
    const i = rest.findIndex((q) => q.topic !== prev);
    out.push(...rest.splice(i === -1 ? 0 : i, 1));
  }
  return out;
}
