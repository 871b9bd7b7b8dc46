import { distance } from 'fastest-levenshtein';
import { analyze, type Analyzed, type Token } from './normalize.js';
import { MAX_VARIANTS_PER_ALIAS, THESAURUS } from './thesaurus.js';

/**
 * Finding aliases in an analyzed answer: token sequences compared by their
 * keys, with hyphen/space variants (the keys of consecutive tokens are
 * concatenated, so "mini-batch", "mini batch" and "minibatch" meet), typo
 * tolerance for long words, and negation scope in English and Chinese.
 */

export interface CompiledAlias {
  source: string;
  /** Concatenated keys: what a run of answer tokens must spell. */
  joined: string;
  tokens: Token[];
  hasCjk: boolean;
  /** Offsets in `joined` where the alias's own tokens end. */
  ends: Set<number>;
  /** Offsets where a token of fewer than 3 letters ends (such tokens are never glued to others). */
  shortEnds: Set<number>;
  /** How the alias may also be found with words between its parts (see findLoose). */
  loose?: Loose;
  /** Made from another alias by a thesaurus swap. */
  variant?: true;
}

export function compileAlias(alias: string): CompiledAlias | undefined {
  const a = analyze(alias);
  if (a.tokens.length === 0) return undefined;
  return fromTokens(alias, a.tokens);
}

function fromTokens(source: string, tokens: Token[]): CompiledAlias {
  const ends = new Set<number>();
  const shortEnds = new Set<number>();
  let at = 0;
  for (const t of tokens) {
    const start = at;
    at += t.key.length;
    ends.add(at);
    if (t.kind !== 'cjk' && t.key.length < 3) {
      shortEnds.add(at);
      shortEnds.add(start);
    }
  }
  const loose = looseForm(source, tokens);
  return {
    source,
    joined: tokens.map((t) => t.key).join(''),
    tokens,
    hasCjk: tokens.some((t) => t.kind === 'cjk'),
    ends,
    shortEnds,
    ...(loose ? { loose } : {}),
  };
}

/**
 * May one answer token stand for the alias text from `from` to `to`? It must
 * end where an alias token ends, and it may glue alias tokens together
 * ("minibatch" for "mini batch") only where none of them is a short token,
 * so "on" never matches "O(n)".
 */
function fits(alias: CompiledAlias, from: number, to: number): boolean {
  if (!alias.ends.has(to)) return false;
  for (let k = from + 1; k < to; k++) if (alias.ends.has(k) && (alias.shortEnds.has(k) || alias.shortEnds.has(from) || alias.shortEnds.has(to))) return false;
  return true;
}

interface Member {
  group: Token[][];
  tokens: Token[];
}
let byFirstKey: Map<string, Member[]> | undefined;
/** Thesaurus members indexed by the key of their first token. */
function thesaurus(): Map<string, Member[]> {
  if (!byFirstKey) {
    byFirstKey = new Map();
    for (const g of THESAURUS) {
      const group = g.map((m) => analyze(m).tokens).filter((t) => t.length > 0);
      for (const tokens of group) {
        const k = tokens[0]!.key;
        const list = byFirstKey.get(k) ?? [];
        list.push({ group, tokens });
        byFirstKey.set(k, list);
      }
    }
  }
  return byFirstKey;
}

const variantCache = new Map<string, CompiledAlias[]>();

/**
 * The alias and its variants: every phrase of the alias that belongs to a
 * thesaurus group may be replaced by another member of that group.
 */
export function compileAliasVariants(alias: string): CompiledAlias[] {
  const hit = variantCache.get(alias);
  if (hit) return hit;
  const base = compileAlias(alias);
  if (!base) return [];
  const out = new Map<string, CompiledAlias>([[base.joined, base]]);
  const index = thesaurus();
  const toks = base.tokens;
  outer: for (let at = 0; at < toks.length; at++) {
    for (const { group, tokens: member } of index.get(toks[at]!.key) ?? []) {
      if (at + member.length > toks.length) continue;
      let same = true;
      for (let j = 1; j < member.length && same; j++) same = toks[at + j]!.key === member[j]!.key;
      if (!same) continue;
      for (const other of group) {
        if (other === member) continue;
        const v: CompiledAlias = { ...fromTokens(alias, [...toks.slice(0, at), ...other, ...toks.slice(at + member.length)]), variant: true };
        if (!out.has(v.joined)) out.set(v.joined, v);
        if (out.size >= MAX_VARIANTS_PER_ALIAS) break outer;
      }
    }
  }
  const result = [...out.values()];
  if (variantCache.size < 20_000) variantCache.set(alias, result);
  return result;
}

export interface Match {
  from: number;
  to: number;
  sentence: number;
  negated: boolean;
}

/** Words people write with typos; the rubric's own vocabulary, for correcting answers. */
export interface Vocabulary {
  keys: Set<string>;
  /** Long words (5+ letters, not acronyms) by first letter, with their keys. */
  fuzzy: Map<string, { word: string; key: string }[]>;
  /** Chinese words of 3+ characters by first character, for one-character typos. */
  cjkRuns: Map<string, string[][]>;
}

export function buildVocabulary(aliases: readonly CompiledAlias[]): Vocabulary {
  const keys = new Set<string>();
  const fuzzy = new Map<string, { word: string; key: string }[]>();
  const seen = new Set<string>();
  const cjkRuns = new Map<string, string[][]>();
  for (const a of aliases) {
    let run: string[] = [];
    // Only the bank's own words: a thesaurus variant (样本参数 from 样本权重) is not a word anyone wrote.
    const typoSource = !a.variant;
    const endRun = () => {
      const word = run.join('');
      if (typoSource && run.length >= 3 && !seen.has(word)) {
        seen.add(word);
        const list = cjkRuns.get(run[0]!) ?? [];
        list.push(run);
        cjkRuns.set(run[0]!, list);
      }
      run = [];
    };
    for (const t of a.tokens) {
      if (t.kind === 'cjk') run.push(t.key);
      else endRun();
      keys.add(t.key);
      if (t.kind !== 'word' || t.acronym || t.text.length < 5 || /\d/.test(t.text) || seen.has(t.text)) continue;
      seen.add(t.text);
      const list = fuzzy.get(t.text[0]!) ?? [];
      list.push({ word: t.text, key: t.key });
      fuzzy.set(t.text[0]!, list);
    }
    endRun();
  }
  return { keys, fuzzy, cjkRuns };
}

/** Do two words of equal length differ in exactly two places, other than by a swap of neighbours? */
function twoSubstitutions(a: string, b: string): boolean {
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  if (diff.length !== 2) return false;
  const [i, j] = diff as [number, number];
  return !(j === i + 1 && a[i] === b[j] && a[j] === b[i]);
}

/** Typo budget for a word of this length: none under 5 letters. */
export function typoBudget(length: number): number {
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

/**
 * Replaces the keys of misspelt answer words with the key of the rubric word
 * they are a typo of ("normalizaton" -> "normalization"). Short words,
 * acronyms and numbers are never corrected, so L1/L2 and ReLU/GELU stay apart.
 */
export function correctTypos(a: Analyzed, vocab: Vocabulary): Analyzed {
  let changed = false;
  const tokens = a.tokens.map((t) => {
    if (t.kind !== 'word' || t.acronym || t.text.length < 5 || /\d/.test(t.text) || vocab.keys.has(t.key)) return t;
    const candidates = vocab.fuzzy.get(t.text[0]!);
    if (!candidates) return t;
    let best: { key: string; d: number } | undefined;
    for (const c of candidates) {
      const budget = typoBudget(Math.min(c.word.length, t.text.length));
      if (budget === 0 || Math.abs(c.word.length - t.text.length) > budget) continue;
      const d = distance(c.word, t.text);
      if (d > budget || (best && d >= best.d)) continue;
      // Two substitutions in a word of the same length usually make another
      // word (prediction / production), not a typo; a swap of two letters is one.
      if (d === 2 && c.word.length === t.text.length && twoSubstitutions(c.word, t.text)) continue;
      best = { key: c.key, d };
    }
    if (!best) return t;
    changed = true;
    return { ...t, key: best.key };
  });
  if (correctChineseTypos(tokens, vocab)) changed = true;
  return changed ? { ...a, tokens } : a;
}

/** Characters whose swap changes a claim (大/小, 好/差, 准/全, 阴/阳, 一/二): never read as a typo. */
const ZH_CONTRASTS = new Set([
  ...'大小高低多少增减加降升正负上下前后长短强弱快慢过欠内外左右最不没无非未好坏差优劣准全阴阳真假方偏入出输' +
    '一二三四五六七八九十百千万零两单双首末新旧早晚粗细深浅宽窄稀密',
]);

/** Tokens that sit inside a word of two or more characters, by the dictionary of Intl.Segmenter. */
function inDictionaryWord(tokens: readonly Token[], at: number): boolean {
  let from = at;
  let to = at;
  while (from > 0 && tokens[from - 1]!.kind === 'cjk' && tokens[from - 1]!.end === tokens[from]!.start) from--;
  while (to + 1 < tokens.length && tokens[to + 1]!.kind === 'cjk' && tokens[to + 1]!.start === tokens[to]!.end) to++;
  let offset = from;
  for (const seg of segmentZh(tokens.slice(from, to + 1).map((t) => t.text).join(''))) {
    const n = [...seg].length;
    if (at < offset + n) return n >= 2;
    offset += n;
  }
  return false;
}

/**
 * Chinese typos are mostly a wrong character of the same sound (正责化 for
 * 正则化). A rubric word of three or more characters is found with one wrong
 * character: the middle one of three, any but the first of four or more. The
 * wrong character is corrected only when it is not itself part of a word (分类器
 * is not a typo of 分词器, nor 输入层 of 输出层), not part of a rubric word the
 * answer already uses (查准率 stays), and not one of a contrasting pair (最小值
 * is never 最大值). Corrections are found on the answer as written, never on
 * one another.
 */
function correctChineseTypos(tokens: Token[], vocab: Vocabulary): boolean {
  if (vocab.cjkRuns.size === 0) return false;
  const original = tokens.slice();
  const at = (i: number, k: number) => {
    const u = original[i + k];
    return u && u.kind === 'cjk' && (k === 0 || u.start === original[i + k - 1]!.end) ? u : undefined;
  };
  // Characters that already spell a rubric word are right as they are.
  const spelt = new Uint8Array(original.length);
  for (let i = 0; i < original.length; i++) {
    for (const run of vocab.cjkRuns.get(original[i]!.key) ?? []) {
      let k = 0;
      while (k < run.length && at(i, k)?.key === run[k]) k++;
      if (k === run.length) spelt.fill(1, i, i + k);
    }
  }
  let changed = false;
  for (let i = 0; i < original.length; i++) {
    if (original[i]!.kind !== 'cjk') continue;
    for (const run of vocab.cjkRuns.get(original[i]!.key) ?? []) {
      const n = run.length;
      const lastFree = n >= 4 ? n - 1 : n - 2;
      let miss = -1;
      for (let k = 1; k < n && miss !== -2; k++) {
        const u = at(i, k);
        if (!u) miss = -2;
        else if (u.key !== run[k]) miss = miss === -1 && k <= lastFree ? k : -2;
      }
      if (miss < 0) continue;
      const j = i + miss;
      const u = original[j]!;
      if (spelt[j] || tokens[j] !== u || ZH_CONTRASTS.has(u.key) || ZH_CONTRASTS.has(run[miss]!)) continue;
      if (inDictionaryWord(original, j)) continue;
      tokens[j] = { ...u, key: run[miss]! };
      changed = true;
    }
  }
  return changed;
}

const EN_NEGATIONS = new Set(['not', 'no', 'never', 'neither', 'nor', 'without', 'cannot', 'none', 'hardly', 'barely', 'nothing', 'nobody']);
const ZH_NEGATIONS = ['并非', '没有', '不', '没', '无', '未', '非'];
/** Words that start with a negation character but are not negations. */
const ZH_NOT_NEGATIONS = [
  '不同', '不断', '不仅', '不但', '不管', '不论', '不平衡', '不均衡', '不少', '不错', '不久', '不对称', '不光',
  '无论', '无监督', '无偏', '无穷', '无限', '不可约', '不确定性',
  '非常', '非线性', '非凸', '非零', '非负', '非参数', '非结构化', '非平稳',
  '未来', '未知', '未见', '未标注', '未标记', '没错', '除非', '无论如何', '并非只', '不只',
  '有没有', '是不是', '会不会', '能不能', '要不要', '好不好', '对不对', '不满', '差不多',
  '不想', '不希望', '不愿',
];
/**
 * Saying what one does not want is not denying it: "we don't want to miss a sick
 * patient" states the concern with missing one. The same holds for "can't afford
 * to" and 不想 / 不希望 / 不愿. Nor are "no matter how large the weights" and
 * "it doesn't care about the scale of the weights" denials: both say the thing
 * that follows makes no difference.
 */
const EN_NOT_DENIAL = new Set(['want', 'wants', 'wanted', 'wish', 'afford', 'matter', 'care', 'cares']);
const EN_HEDGES = new Set(['almost', 'nearly', 'virtually', 'practically']);
const EN_WINDOW = 5;
const ZH_WINDOW = 6;

function zhNegationAt(text: string, offset: number): boolean {
  const rest = text.slice(offset, offset + 4);
  if (!ZH_NEGATIONS.some((n) => rest.startsWith(n))) return false;
  // 几乎没有梯度 / 几乎不变: "almost none", a claim that something is tiny.
  if (/几乎$|差不多$/.test(text.slice(Math.max(0, offset - 3), offset))) return false;
  return !ZH_NOT_NEGATIONS.some((w) => rest.startsWith(w) || text.slice(Math.max(0, offset - 1), offset + 3).startsWith(w));
}

/** Is token i an English negation of what follows ("not", but not "do not want to")? */
function enNegationAt(a: Analyzed, i: number): boolean {
  if (!EN_NEGATIONS.has(a.tokens[i]!.text)) return false;
  // "almost no gradient" says the gradient is tiny; it does not deny it.
  const before = a.tokens[i - 1];
  if (before && before.clause === a.tokens[i]!.clause && EN_HEDGES.has(before.text)) return false;
  for (let k = i + 1; k <= i + 2; k++) {
    const t = a.tokens[k];
    if (!t || t.clause !== a.tokens[i]!.clause) break;
    if (EN_NOT_DENIAL.has(t.text)) return false;
  }
  return true;
}

/** Prefixes that turn a hyphenated word into another concept: "non-linear" is not "linear". */
const EN_PREFIXES = new Set(['non', 'cross', 'anti', 'semi', 'un', 'de', 'counter', 'pseudo', 'quasi', 'in', 'im', 'dis']);
const ZH_ADJACENT = new Set([...'非不无未没']);

/** Is the span from..to negated by a cue before it in its clause? Cues inside the span do not count. */
export function isNegated(a: Analyzed, from: number): boolean {
  const first = a.tokens[from]!;
  const prev = a.tokens[from - 1];
  // Part of a negating compound: non-linear, cross-entropy, 非线性, 不平衡.
  if (prev && prev.clause === first.clause) {
    if (first.kind === 'word' && prev.kind === 'word' && EN_PREFIXES.has(prev.text) && a.text.slice(prev.end, first.start) === '-') return true;
    if (first.kind === 'cjk' && prev.kind === 'cjk' && ZH_ADJACENT.has(prev.text) && prev.end === first.start) return true;
  }
  const clause = first.clause;
  let words = 0;
  let chars = 0;
  for (let i = from - 1; i >= 0; i--) {
    const t = a.tokens[i]!;
    if (t.clause !== clause) break;
    if (t.kind === 'cjk') {
      if (++chars > ZH_WINDOW) break;
      if (zhNegationAt(a.text, t.start)) return true;
    } else {
      if (++words > EN_WINDOW) break;
      if (enNegationAt(a, i)) return true;
    }
  }
  return false;
}

const firstCharIndex = new WeakMap<Analyzed, Map<number, number[]>>();

/** Positions of the tokens whose key starts with each character (built once per answer). */
function indexOf(a: Analyzed): Map<number, number[]> {
  let idx = firstCharIndex.get(a);
  if (!idx) {
    idx = new Map();
    a.tokens.forEach((t, i) => {
      const c = t.key.charCodeAt(0);
      const list = idx!.get(c);
      if (list) list.push(i);
      else idx!.set(c, [i]);
    });
    firstCharIndex.set(a, idx);
  }
  return idx;
}

/** Every place the alias occurs in the answer, within one sentence. */
export function findAlias(a: Analyzed, alias: CompiledAlias): Match[] {
  const out: Match[] = [];
  const J = alias.joined;
  const toks = a.tokens;
  for (const i of indexOf(a).get(J.charCodeAt(0)) ?? []) {
    const first = toks[i]!.key;
    if (!J.startsWith(first) || !fits(alias, 0, first.length)) continue;
    let pos = first.length;
    let j = i;
    while (pos < J.length) {
      const next = toks[j + 1];
      if (!next || next.sentence !== toks[i]!.sentence || !J.startsWith(next.key, pos) || !fits(alias, pos, pos + next.key.length)) break;
      pos += next.key.length;
      j++;
    }
    if (pos !== J.length) continue;
    out.push({ from: i, to: j, sentence: toks[i]!.sentence, negated: isNegated(a, i) });
  }
  return out;
}

/**
 * Loose matching. People rarely say a rubric phrase word for word: "small
 * gradients" comes out as "the gradients get very small", "惩罚大的权重" as
 * "惩罚较大的权重". An alias of two or more content parts also matches when
 * its parts occur in one clause with at most a few other words between them.
 * English parts may come in any order unless the alias has a word that fixes
 * the order (than, over, into, per ...); Chinese parts keep their order.
 * Aliases with digits, symbols or a negation are matched exactly only, and a
 * negation between the parts negates the match.
 */
export interface Loose {
  /** Content parts: one English word, or a run of Chinese characters (with any glued English). */
  pieces: Token[][];
  ordered: boolean;
  /** How many other tokens may sit between the parts in all. */
  gap: number;
}

/** Grammatical words that an alias may drop or an answer may add between the parts. */
const FILLERS = new Set(
  (
    'a an the is are was were be been being am do does did has have had can could will would should may might must ' +
    'it its this that these those they them their there which who what how so then as at on in of to for with by from ' +
    'into onto than over per very too really quite just also only its our your we you i rather instead'
  ).split(' '),
);
/** Words that make the order of an alias's parts part of its meaning. */
const ORDER_WORDS = new Set('to from into onto by than over under per vs versus divided times after before above below instead rather'.split(' '));
const NEGATIONS_IN_ALIAS = new Set([...EN_NEGATIONS, 'lack', 'lacks', 'fail', 'fails']);
/** Chinese characters an alias may drop at the edges of its parts (not 都, 也, 只, 更: they change a claim). */
const ZH_FILLERS = new Set([...'的地得了是会能可就很着将把被让使要在其这那它']);
const EN_GAP = 2;
const ZH_GAP = 3;

let zhSegmenter: Intl.Segmenter | undefined;
/** Chinese text split into dictionary words (one segmenter, made on first use). */
function segmentZh(text: string): string[] {
  zhSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return [...zhSegmenter.segment(text)].map((s) => s.segment);
}

function looseForm(source: string, tokens: Token[]): Loose | undefined {
  // Formulas, numbers and symbols are matched as written.
  if (/[^\p{L}\p{M}\s'-]/u.test(source.normalize('NFKC'))) return undefined;
  if (tokens.some((t) => t.kind === 'number' || (t.kind === 'word' && NEGATIONS_IN_ALIAS.has(t.text)))) return undefined;
  const cjk = tokens.filter((t) => t.kind === 'cjk').map((t) => t.text).join('');
  if (cjk && ZH_NEGATIONS.some((n) => cjk.includes(n)) && !ZH_NOT_NEGATIONS.some((w) => cjk.includes(w))) return undefined;
  const pieces: Token[][] = [];
  let ordered = tokens.some((t) => t.kind === 'word' && ORDER_WORDS.has(t.text));
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (t.kind === 'word') {
      if (!FILLERS.has(t.text)) pieces.push([t]);
      i++;
      continue;
    }
    // A run of Chinese characters: split into words, drop function characters at
    // the edges of each, and keep runs of one-character words together (过/拟/合).
    ordered = true;
    let j = i;
    while (j < tokens.length && tokens[j]!.kind === 'cjk') j++;
    const run = tokens.slice(i, j);
    let at = 0;
    let pending: Token[] = [];
    const flush = () => {
      while (pending.length && ZH_FILLERS.has(pending[0]!.text)) pending.shift();
      while (pending.length && ZH_FILLERS.has(pending[pending.length - 1]!.text)) pending.pop();
      if (pending.length) pieces.push(pending);
      pending = [];
    };
    for (const seg of segmentZh(run.map((t) => t.text).join(''))) {
      const part = run.slice(at, at + [...seg].length);
      at += part.length;
      if (part.length === 1) {
        if (ZH_FILLERS.has(part[0]!.text)) flush();
        else pending.push(part[0]!);
      } else {
        flush();
        pending = part;
        flush();
      }
    }
    flush();
    i = j;
  }
  const unique = pieces.filter((p, k) => pieces.findIndex((q) => q.map((t) => t.key).join(' ') === p.map((t) => t.key).join(' ')) === k);
  if (unique.length < 2) return undefined;
  return { pieces: unique, ordered, gap: tokens.some((t) => t.kind === 'cjk') ? ZH_GAP : EN_GAP };
}

interface Occurrence {
  piece: number;
  from: number;
  to: number;
}

/** Where each piece occurs, by clause. */
function occurrences(a: Analyzed, loose: Loose): Map<number, Occurrence[]> {
  const byClause = new Map<number, Occurrence[]>();
  const idx = indexOf(a);
  loose.pieces.forEach((piece, p) => {
    for (const i of idx.get(piece[0]!.key.charCodeAt(0)) ?? []) {
      let ok = true;
      for (let k = 0; k < piece.length && ok; k++) {
        const t = a.tokens[i + k];
        ok = t !== undefined && t.key === piece[k]!.key && t.clause === a.tokens[i]!.clause;
      }
      if (!ok) continue;
      const clause = a.tokens[i]!.clause;
      const list = byClause.get(clause) ?? [];
      list.push({ piece: p, from: i, to: i + piece.length - 1 });
      byClause.set(clause, list);
    }
  });
  return byClause;
}

function negationBetween(a: Analyzed, chosen: Occurrence[]): boolean {
  const from = Math.min(...chosen.map((o) => o.from));
  const to = Math.max(...chosen.map((o) => o.to));
  for (let i = from; i <= to; i++) {
    if (chosen.some((o) => i >= o.from && i <= o.to)) continue;
    const t = a.tokens[i]!;
    if (t.kind === 'word' ? enNegationAt(a, i) : t.kind === 'cjk' && zhNegationAt(a.text, t.start)) return true;
  }
  return false;
}

/** Matches of the alias with other words between its parts (exact matches are findAlias's). */
export function findLoose(a: Analyzed, alias: CompiledAlias): Match[] {
  const loose = alias.loose;
  if (!loose) return [];
  const n = loose.pieces.length;
  const size = loose.pieces.reduce((s, p) => s + p.length, 0);
  const out: Match[] = [];
  for (const occ of occurrences(a, loose).values()) {
    if (new Set(occ.map((o) => o.piece)).size < n) continue;
    occ.sort((x, y) => x.from - y.from);
    let chosen: Occurrence[] | undefined;
    if (loose.ordered) {
      // Earliest completion from each start of the first part.
      for (const start of occ) {
        if (start.piece !== 0) continue;
        const picks = [start];
        for (let p = 1; p < n; p++) {
          const next = occ.find((o) => o.piece === p && o.from > picks[picks.length - 1]!.to);
          if (!next) break;
          picks.push(next);
        }
        if (picks.length === n && picks[n - 1]!.to - start.from + 1 - size <= loose.gap) {
          chosen = picks;
          break;
        }
      }
    } else {
      // The shortest window holding every part, in any order, without overlaps.
      for (let i = 0; i < occ.length && !chosen; i++) {
        const picks = new Map<number, Occurrence>();
        for (let j = i; j < occ.length; j++) {
          const o = occ[j]!;
          if (o.to - occ[i]!.from + 1 - size > loose.gap) break;
          if (!picks.has(o.piece) && ![...picks.values()].some((q) => o.from <= q.to)) picks.set(o.piece, o);
          if (picks.size === n) {
            chosen = [...picks.values()];
            break;
          }
        }
      }
    }
    if (!chosen) continue;
    const from = Math.min(...chosen.map((o) => o.from));
    const to = Math.max(...chosen.map((o) => o.to));
    out.push({ from, to, sentence: a.tokens[from]!.sentence, negated: isNegated(a, from) || negationBetween(a, chosen) });
  }
  return out;
}
