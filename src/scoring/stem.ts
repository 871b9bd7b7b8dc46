/**
 * A conservative English stemmer for rubric matching. Both sides of a match
 * (the rubric's aliases and the answer) go through it, so it only has to map
 * the forms of one word to the same key; it need not produce real words.
 *
 * It folds British spellings (normalise, modelling, behaviour), inflections
 * (-s, -es, -ies, -ed, -ing) and the derivations that interview answers switch
 * between (normalize / normalization / normalizing, sparse / sparsity,
 * saturate / saturation, convolution / convolutional). The Porter stemmer
 * from npm was measured against it on the scoring development set (see
 * bench/scoring.js); Porter splits families this one keeps together
 * (imbalanced / imbalance, sparse / sparsity, saturate / saturation).
 */

const british: [RegExp, string][] = [
  [/^(.{3,})is(e|es|ed|ing|ation|ations|er|ers)$/, '$1iz$2'],
  [/^(.{2,})ys(e|es|ed|ing|er|ers)$/, '$1yz$2'],
  [/^(.{3,})our(s|ed|ing|ite|ites)?$/, '$1or$2'],
  [/^(.{2,})ll(ed|ing|er|ers)$/, '$1l$2'],
  [/^(.{3,})tre(s)?$/, '$1ter$2'],
];

/** Inflections, stripped once, longest first. */
const inflections = ['ings', 'ing', 'ied', 'ies', 'ed', 'es', 's', 'ly'];
/** Derivations, stripped up to twice ("convolutional" -> "convolution" -> ...). */
const derivations = [
  'izations', 'ization', 'ations', 'ation', 'ities', 'izers', 'izer', 'ize', 'ments', 'ment', 'ness', 'ity',
  'ate', 'ally', 'al', 'ers', 'er',
];
const MIN = 3;
const keepS = /(ss|us|is|as|os)$/;
const doubled = /([bdfgkmnprt])\1$/;
const keep = new Set(['embed', 'embeds']);

const cache = new Map<string, string>();
let impl: (word: string) => string = stemUncached;

/**
 * Swaps the stemmer (bench/scoring.js compares this one with Porter's on the
 * development set). Clears the cache; not for use while scoring.
 */
export function useStemmer(fn: ((word: string) => string) | undefined): void {
  impl = fn ?? stemUncached;
  cache.clear();
}

export function stem(word: string): string {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const out = impl(word);
  if (cache.size < 50_000) cache.set(word, out);
  return out;
}

function stemUncached(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  for (const [re, rep] of british) {
    if (re.test(w)) {
      w = w.replace(re, rep);
      break;
    }
  }
  if (keep.has(w)) return 'embed';
  w = stripInflection(w);
  for (let pass = 0; pass < 2; pass++) {
    const before = w;
    w = stripDerivation(w);
    if (w === before) break;
  }
  if (w.length > MIN && w.endsWith('e')) w = w.slice(0, -1);
  if (w.length > MIN && w.endsWith('y')) w = w.slice(0, -1) + 'i';
  return w;
}

function stripInflection(w: string): string {
  for (const suf of inflections) {
    if (!w.endsWith(suf) || w.length - suf.length < MIN) continue;
    if (suf === 's' && keepS.test(w)) continue;
    if (suf === 'es' && !/(ss|x|zz|ch|sh)es$/.test(w)) continue;
    if (suf === 'ed' && w.endsWith('eed')) continue;
    let base = w.slice(0, -suf.length);
    if (suf === 'ies' || suf === 'ied') base += 'i';
    if (suf === 'ing' || suf === 'ings' || suf === 'ed') {
      if (doubled.test(base)) base = base.slice(0, -1);
      else if (/(at|iz|ut|uc|bl)$/.test(base)) base += 'e';
    }
    return base;
  }
  return w;
}

function stripDerivation(w: string): string {
  for (const suf of derivations) {
    if (!w.endsWith(suf) || w.length - suf.length < MIN) continue;
    let base = w.slice(0, -suf.length);
    if ((suf === 'er' || suf === 'ers') && doubled.test(base)) base = base.slice(0, -1);
    return base;
  }
  return w;
}
