import type { MisconceptionT, PointT, RubricT } from '../bank/schema.js';
import { analyze, spanText, type Analyzed } from './normalize.js';
import { buildVocabulary, compileAliasVariants, correctTypos, findAlias, findLoose, type CompiledAlias, type Match, type Vocabulary } from './match.js';
import { gradeNumber, showsArithmetic, type NumberResult, type NumericSpec } from './numeric.js';
import { FUNCTION_WORDS, IMPERATIVES, ZH_FUNCTION_CHARS } from './words.js';

/**
 * The rubric scorer: pure and deterministic. A point is earned by a claim made
 * in a sentence of the answer: one of its aliases (or one alias of each of its
 * `all` groups, in one sentence), not negated, and not made only of words the
 * question itself used. Bare lists of terms earn a quarter; groups found only
 * in different sentences earn half. Missing a required point caps the score;
 * a stated misconception costs its penalty.
 */

export const REQUIRED_CAP = 0.25;

/**
 * Rubrics list more than a strong answer has to say (examples, variants, side
 * remarks), so 90% of the weight earns full marks. Below 0.3 nothing changes:
 * what scores as weak, and every answer to another question, stays where it
 * was. In between the scale is stretched linearly. Chosen on the development
 * set (QWK 0.667 -> 0.674 against 0.85 and 0.8); the held-out set was scored
 * only after.
 */
export const FULL_MARKS = 0.9;
const WEAK_BELOW = 0.3;
export function stretch(x: number): number {
  return x <= WEAK_BELOW ? x : Math.min(1, WEAK_BELOW + ((x - WEAK_BELOW) * (1 - WEAK_BELOW)) / (FULL_MARKS - WEAK_BELOW));
}

/**
 * The score from the points' credit: the weighted share, stretched so that
 * FULL_MARKS of the weight is full marks, less the misconceptions' penalties,
 * capped when a required point earned less than half credit, rounded to 0.001.
 * Also used to rescore an answer whose missed points the user disputed.
 */
export function combine(points: readonly { weight: number; credit: number; required: boolean }[], penalty: number): number {
  const total = points.reduce((s, p) => s + p.weight, 0);
  let score = total > 0 ? stretch(points.reduce((s, p) => s + p.weight * p.credit, 0) / total) : 0;
  score -= penalty;
  if (points.some((p) => p.required && p.credit < SPLIT_CREDIT)) score = Math.min(score, REQUIRED_CAP);
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}

/** Up to this many tokens, an answer to a numeric question may be the number alone. */
const BARE_ANSWER = 12;

export const LISTED_CREDIT = 0.25;
export const SPLIT_CREDIT = 0.5;

export interface PointResult {
  id: string;
  /** The key point as a statement. */
  point: string;
  pointZh?: string;
  weight: number;
  required: boolean;
  hit: boolean;
  /** 1 stated in a sentence, 0.5 its parts in separate sentences, 0.25 only listed, 0 missed. */
  credit: number;
  /** The words of the answer that earned it. */
  evidence?: string;
}

/** The id of a numeric question's number among its points. */
export const VALUE_POINT = 'value';

export interface MisconceptionResult {
  id: string;
  text: string;
  textZh?: string;
  penalty: number;
  evidence: string;
}

export interface ScoreResult {
  score: number;
  points: PointResult[];
  misconceptions: MisconceptionResult[];
  /** Set when a required point was missed and the score was capped. */
  cappedBy?: string[];
  verdict: string;
}

interface CompiledMatcher {
  aliases: CompiledAlias[];
  all: CompiledAlias[][];
}

interface CompiledPoint extends CompiledMatcher {
  id: string;
  text: string;
  zh?: string;
  weight: number;
  required: boolean;
}

export interface CompiledRubric {
  points: CompiledPoint[];
  misconceptions: (CompiledMatcher & { id: string; text: string; zh?: string; penalty: number })[];
  numeric?: NumericSpec & { numbersInPrompt: Set<string> };
  vocabulary: Vocabulary;
  /** Keys of the words in the prompt: they earn nothing on their own. */
  promptKeys: Set<string>;
}

function compileMatcher(m: { aliases?: string[] | undefined; all?: string[][] | undefined }): CompiledMatcher {
  const compile = (list: readonly string[]) => list.flatMap(compileAliasVariants);
  return { aliases: compile(m.aliases ?? []), all: (m.all ?? []).map(compile).filter((g) => g.length > 0) };
}

const cache = new WeakMap<object, CompiledRubric>();

function sameNumeric(a: NumericSpec | undefined, b: NumericSpec | undefined): boolean {
  return a === b || (!!a && !!b && a.value === b.value && a.tolerance === b.tolerance && a.weight === b.weight && a.unit === b.unit && a.slips === b.slips);
}

/** Compiles a rubric once (cached per rubric object). `prompts` are the question's prompts. */
export function compileRubric(rubric: RubricT, prompts: readonly string[], numeric?: NumericSpec): CompiledRubric {
  const hit = cache.get(rubric);
  if (hit && sameNumeric(hit.numeric, numeric)) return hit;
  const points = rubric.points.map((p: PointT) => ({
    id: p.id,
    text: p.text,
    ...(p.zh ? { zh: p.zh } : {}),
    weight: p.weight,
    required: p.required,
    ...compileMatcher(p),
  }));
  const misconceptions = rubric.misconceptions.map((m: MisconceptionT) => ({
    id: m.id,
    text: m.text,
    ...(m.zh ? { zh: m.zh } : {}),
    penalty: m.penalty,
    ...compileMatcher(m),
  }));
  const allAliases = [...points, ...misconceptions].flatMap((p) => [...p.aliases, ...p.all.flat()]);
  const promptKeys = new Set<string>();
  const numbersInPrompt = new Set<string>();
  for (const prompt of prompts) {
    for (const t of analyze(prompt).tokens) {
      if (t.kind === 'word' && FUNCTION_WORDS.has(t.text)) continue;
      if (t.kind === 'cjk' && ZH_FUNCTION_CHARS.has(t.text)) continue;
      if (t.kind === 'number') numbersInPrompt.add(t.key);
      promptKeys.add(t.key);
    }
  }
  const compiled: CompiledRubric = {
    points,
    misconceptions,
    ...(numeric ? { numeric: { ...numeric, numbersInPrompt } } : {}),
    vocabulary: buildVocabulary(allAliases),
    promptKeys,
  };
  cache.set(rubric, compiled);
  return compiled;
}

interface Found {
  credit: number;
  spans: Match[];
}

/** Does the match contain at least one word the prompt did not? */
/**
 * Does the match add something to the prompt? Either it contains a word the
 * prompt did not use, or its sentence says enough of its own (three or more
 * content words not from the prompt): "For screening I'd pick recall, since
 * missing a sick patient is the costly error" names only prompt words as the
 * choice, but it is an answer; the prompt pasted back is not.
 */
let ownWords: number[] = [];
function carriesNewWords(a: Analyzed, m: Match, promptKeys: Set<string>): boolean {
  for (let i = m.from; i <= m.to; i++) if (!promptKeys.has(a.tokens[i]!.key)) return true;
  return (ownWords[m.sentence] ?? 0) >= OWN_WORDS;
}
const OWN_WORDS = 3;

function countOwnWords(a: Analyzed, promptKeys: Set<string>): number[] {
  const own = new Array<number>(a.sentenceCount).fill(0);
  for (const t of a.tokens) {
    if (promptKeys.has(t.key) || FUNCTION_WORDS.has(t.text) || ZH_FUNCTION_CHARS.has(t.text)) continue;
    // Chinese counts characters: two make about one word.
    own[t.sentence]! += t.kind === 'cjk' ? 0.5 : 1;
  }
  return own;
}

/** Matches of each alias in the answer being scored (computed once per answer). */
let memo = new Map<CompiledAlias, Match[]>();
let looseMemo = new Map<CompiledAlias, Match[]>();
/**
 * Matches of the alias that are not negated. Points are also found loosely
 * (other words between the alias's parts); misconceptions only as written,
 * since dropping one small word ("both", 都) can turn a correct claim into one.
 */
function valid(a: Analyzed, alias: CompiledAlias, loose: boolean): Match[] {
  let m = memo.get(alias);
  if (!m) {
    m = findAlias(a, alias).filter((x) => !x.negated);
    memo.set(alias, m);
  }
  if (!loose || !alias.loose) return m;
  let l = looseMemo.get(alias);
  if (!l) {
    const exact = m;
    l = [...exact, ...findLoose(a, alias).filter((x) => !x.negated && !exact.some((e) => e.from === x.from && e.to === x.to))];
    looseMemo.set(alias, l);
  }
  return l;
}

/**
 * Evaluates one point (or misconception) against the answer. `claims[s]` tells
 * whether sentence s makes a claim rather than listing terms.
 */
function evaluate(a: Analyzed, m: CompiledMatcher, r: CompiledRubric, claims: boolean[], loose = true, spent?: Uint8Array): Found {
  const usable = (x: Match) => !spent || !overlaps(spent, x);
  let best: Found = { credit: 0, spans: [] };
  const consider = (credit: number, spans: Match[]) => {
    if (credit > best.credit) best = { credit, spans };
  };
  for (const alias of m.aliases) {
    for (const match of valid(a, alias, loose)) {
      if (!usable(match) || !carriesNewWords(a, match, r.promptKeys)) continue;
      consider(claims[match.sentence] ? 1 : LISTED_CREDIT, [match]);
      if (best.credit === 1) return best;
    }
  }
  if (m.all.length > 0) {
    const groups = m.all.map((g) => g.flatMap((alias) => valid(a, alias, loose).filter(usable)));
    if (groups.every((g) => g.length > 0)) {
      const sentences = new Set(groups[0]!.map((x) => x.sentence));
      for (const s of sentences) {
        const picks = groups.map((g) => g.filter((x) => x.sentence === s));
        if (picks.some((p) => p.length === 0)) continue;
        const spans = picks.map((p) => p.find((x) => carriesNewWords(a, x, r.promptKeys)) ?? p[0]!);
        if (!spans.some((x) => carriesNewWords(a, x, r.promptKeys))) continue;
        consider(claims[s] ? 1 : LISTED_CREDIT, spans);
        if (best.credit === 1) return best;
      }
      // A short lead-in sentence and the one after it read as one statement:
      // "Screening: recall. Missing a sick patient is the costly error."
      for (const s of sentences) {
        if (!claims[s] || !claims[s + 1] || sentenceWords[s]! > LEAD_IN) continue;
        const picks = groups.map((g) => g.filter((x) => x.sentence === s || x.sentence === s + 1));
        if (picks.some((p) => p.length === 0) || picks.every((p) => p.every((x) => x.sentence === s))) continue;
        const spans = picks.map((p) => p.find((x) => carriesNewWords(a, x, r.promptKeys)) ?? p[0]!);
        if (spans.some((x) => carriesNewWords(a, x, r.promptKeys))) consider(1, spans);
        if (best.credit === 1) return best;
      }
      // Every part is there, but not together: the relation was not stated.
      const inClaims = groups.map((g) => g.filter((x) => claims[x.sentence]));
      if (inClaims.every((g) => g.length > 0)) {
        const spans = inClaims.map((g) => g[0]!);
        if (spans.some((x) => carriesNewWords(a, x, r.promptKeys))) consider(SPLIT_CREDIT, spans);
      }
    }
  }
  return best;
}

/** A sentence of at most this many words can lead in to the next. */
const LEAD_IN = 4;
/** Words in each sentence of the answer being scored; two Chinese characters count as one. */
let sentenceWords: number[] = [];
function countSentenceWords(a: Analyzed): number[] {
  const n = new Array<number>(a.sentenceCount).fill(0);
  for (const t of a.tokens) n[t.sentence]! += t.kind === 'cjk' ? 0.5 : 1;
  return n;
}

function overlaps(spent: Uint8Array, m: Match): boolean {
  for (let i = m.from; i <= m.to; i++) if (spent[i]) return true;
  return false;
}

/** Sentences that make a claim: a function word outside the matched terms, and not a run of terms. */
function claimSentences(a: Analyzed, covered: Uint8Array, pointsPerSentence: Map<number, Set<string>>): boolean[] {
  const n = a.sentenceCount;
  const fn = new Array<number>(n).fill(0);
  const fnOutside = new Array<number>(n).fill(0);
  const other = new Array<number>(n).fill(0);
  const total = new Array<number>(n).fill(0);
  a.tokens.forEach((t, i) => {
    total[t.sentence]!++;
    // English function words count even inside a matched alias ("cannot co-adapt");
    // Chinese ones only outside, since Chinese aliases often contain them (更多数据).
    if (t.kind === 'word' && FUNCTION_WORDS.has(t.text)) fn[t.sentence]!++;
    if (covered[i]) return;
    other[t.sentence]!++;
    if (t.kind === 'cjk' && ZH_FUNCTION_CHARS.has(t.text)) fn[t.sentence]!++;
    if ((t.kind === 'word' && FUNCTION_WORDS.has(t.text)) || (t.kind === 'cjk' && ZH_FUNCTION_CHARS.has(t.text))) fnOutside[t.sentence]!++;
  });
  const first = new Array<number>(n).fill(-1);
  const last = new Array<number>(n).fill(-1);
  a.tokens.forEach((t, i) => {
    if (first[t.sentence] === -1) first[t.sentence] = i;
    last[t.sentence] = i;
  });
  return fn.map((f, s) => {
    // "Output = floor(...) + 1" and "Screening: recall" state something too.
    const text = first[s]! >= 0 ? a.text.slice(a.tokens[first[s]!]!.start, a.tokens[last[s]!]!.end) : '';
    const relation = /[=≈→:：]|->|=>/.test(text);
    // So does an instruction: "Break ties consistently." (not a list: "Shuffle, loop, update").
    const head = a.tokens[first[s]!];
    const second = a.tokens[first[s]! + 1];
    const instruction = head !== undefined && IMPERATIVES.has(head.text) && second?.sentence === s && !/[,，、;/]/.test(text);
    if (total[s]! < 2 || (total[s]! < 3 && !relation)) return false;
    if (enumeration(text)) return false;
    // Two terms between commas, the only small words inside the terms ("log scale, orders of magnitude").
    if (fnOutside[s] === 0 && !relation && listShaped(text)) return false;
    // Without a function word, a sentence still states something unless it is
    // built like a list (short items between commas or "and") or is mostly terms.
    const prose = total[s]! >= 3 && !listShaped(text) && other[s]! / total[s]! >= 0.3;
    if (f === 0 && !relation && !instruction && !prose) return false;
    const hits = pointsPerSentence.get(s)?.size ?? 0;
    // Three or more points in one sentence with little else around them is a list with a verb in it.
    if (hits >= 3 && other[s]! / total[s]! < 0.2) return false;
    return true;
  });
}

/**
 * Three or more items of at most two English words or five Chinese characters,
 * with no English function word among them ("缺失值、MCAR、均值填补、指示变量"):
 * terms being listed, whatever characters the terms happen to contain.
 */
function enumeration(text: string): boolean {
  const items = withoutDigitGroups(text).split(/[,，、;；/|]/).map((x) => x.trim()).filter(Boolean);
  if (items.length < 3) return false;
  return items.every((x) => {
    const words = x.match(/[\p{Script=Latin}\d]+/gu) ?? [];
    const han = x.match(/\p{Script=Han}/gu)?.length ?? 0;
    return words.length <= 2 && han <= 5 && !words.some((w) => FUNCTION_WORDS.has(w.toLowerCase()));
  });
}

/** "1,500" is one number, not a list of 1 and 500. */
function withoutDigitGroups(text: string): string {
  return text.replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
}

/** Short items separated by commas, slashes, "and"/"or" (和, 或, 及, 与): a list, not a sentence. */
function listShaped(text: string): boolean {
  const items = withoutDigitGroups(text).split(/[,，、;；/|]|\s(?:and|or)\s|和|或|及|与/i).map((x) => x.trim()).filter(Boolean);
  if (items.length < 2) return false;
  const size = (x: string) => (x.match(/[\p{Script=Latin}\d]+/gu)?.length ?? 0) + (x.match(/\p{Script=Han}/gu)?.length ?? 0) / 2;
  return items.reduce((n, x) => n + size(x), 0) / items.length <= 3;
}

function evidenceOf(a: Analyzed, spans: Match[]): string {
  return spans.map((m) => spanText(a, m.from, m.to)).join(' … ');
}

export function verdict(score: number, hits: number, total: number, capped: boolean): string {
  const of = `${hits} of ${total} key point${total === 1 ? '' : 's'}`;
  if (capped) return `Incomplete: a required point is missing (${of}).`;
  if (score >= 0.85) return `Strong answer: ${of}.`;
  if (score >= 0.6) return `Good answer: ${of}; see what was missed.`;
  if (score >= 0.3) return `Partial answer: ${of}.`;
  return `Weak answer: ${of}.`;
}

/** Scores one answer against a compiled rubric. Never throws; the score is in [0, 1]. */
export function scoreAnswer(r: CompiledRubric, answer: string): ScoreResult {
  const a = correctTypos(analyze(answer), r.vocabulary);
  ownWords = countOwnWords(a, r.promptKeys);
  sentenceWords = countSentenceWords(a);
  memo = new Map();
  looseMemo = new Map();

  // First pass: where does each point match at all? (Needed to tell claims from lists.)
  const everyone: Found[] = [];
  const covered = new Uint8Array(a.tokens.length);
  const pointsPerSentence = new Map<number, Set<string>>();
  const allTrue = new Array<boolean>(a.sentenceCount).fill(true);
  r.points.forEach((p) => {
    const f = evaluate(a, p, r, allTrue);
    everyone.push(f);
    for (const m of f.spans) {
      for (let i = m.from; i <= m.to; i++) covered[i] = 1;
      const set = pointsPerSentence.get(m.sentence) ?? new Set();
      set.add(p.id);
      pointsPerSentence.set(m.sentence, set);
    }
  });
  const claims = claimSentences(a, covered, pointsPerSentence);

  // A stated misconception earns its penalty, and the words that state it earn
  // no point: "precision is TP / (TP + FN)" names precision and TP + FN, but
  // defines nothing correctly.
  const misconceptions: MisconceptionResult[] = [];
  const spent = new Uint8Array(a.tokens.length);
  for (const m of r.misconceptions) {
    const f = evaluate(a, m, r, claims, false);
    if (f.credit >= 1) {
      misconceptions.push({ id: m.id, text: m.text, ...(m.zh ? { textZh: m.zh } : {}), penalty: m.penalty, evidence: evidenceOf(a, f.spans) });
      for (const x of f.spans) spent.fill(1, x.from, x.to + 1);
    }
  }

  const points: PointResult[] = r.points.map((p, i) => {
    const f = everyone[i]!.credit > 0 ? evaluate(a, p, r, claims, true, misconceptions.length ? spent : undefined) : everyone[i]!;
    return {
      id: p.id,
      point: p.text,
      ...(p.zh ? { pointZh: p.zh } : {}),
      weight: p.weight,
      required: p.required,
      hit: f.credit >= SPLIT_CREDIT,
      credit: f.credit,
      ...(f.credit > 0 ? { evidence: evidenceOf(a, f.spans) } : {}),
    };
  });

  if (r.numeric) {
    const found = gradeNumber(a, r.numeric, r.numeric.numbersInPrompt);
    // The number must answer this question: a long answer whose only link to
    // it is that number (an answer to another question that happens to say
    // "1,000") earns nothing for it. Short answers, answers that work from the
    // question's numbers or do arithmetic, and answers that earn another point
    // qualify.
    const linked = a.tokens.length <= BARE_ANSWER || points.some((p) => p.credit > 0) || showsArithmetic(a) || a.tokens.some((t) => t.kind === 'number' && r.numeric!.numbersInPrompt.has(t.key));
    const n: NumberResult = linked ? found : { hit: false, credit: 0 };
    const unit = r.numeric.unit ? ` ${r.numeric.unit}` : '';
    // A known slip is named in the point itself, so the history, the export and
    // grade --json all say what slipped, not only this screen.
    const slip = n.slip;
    points.unshift({
      id: VALUE_POINT,
      point: `The answer is ${r.numeric.value}${unit}${slip ? `; ${slip.value} ${slip.why.en}` : ''}.`,
      pointZh: `答案是 ${r.numeric.value}${unit}${slip ? `；${slip.value} ${slip.why.zh}` : ''}。`,
      weight: r.numeric.weight,
      required: true,
      // A known slip keeps the required point from capping the score, but is not the answer.
      hit: n.hit,
      credit: n.credit,
      ...(n.evidence ? { evidence: n.evidence } : {}),
    });
  }

  const missedRequired = points.filter((p) => p.required && p.credit < SPLIT_CREDIT).map((p) => p.id);
  const score = combine(points, misconceptions.reduce((s, m) => s + m.penalty, 0));
  const hits = points.filter((p) => p.hit).length;
  return {
    score,
    points,
    misconceptions,
    ...(missedRequired.length > 0 ? { cappedBy: missedRequired } : {}),
    verdict: verdict(score, hits, points.length, missedRequired.length > 0),
  };
}
