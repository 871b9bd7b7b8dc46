// Agreement statistics between scores (0..1) and labelled grades (0..3).

/** Ranks with ties averaged (1-based). */
function ranks(xs) {
  const idx = xs.map((x, i) => [x, i]).sort((a, b) => a[0] - b[0]);
  const r = new Array(xs.length);
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1][0] === idx[i][0]) j++;
    for (let k = i; k <= j; k++) r[idx[k][1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}

function pearson(a, b) {
  const n = a.length;
  const ma = a.reduce((s, x) => s + x, 0) / n;
  const mb = b.reduce((s, x) => s + x, 0) / n;
  let num = 0, da = 0, db = 0;
  for (let i = 0; i < n; i++) {
    num += (a[i] - ma) * (b[i] - mb);
    da += (a[i] - ma) ** 2;
    db += (b[i] - mb) ** 2;
  }
  return da && db ? num / Math.sqrt(da * db) : 0;
}

export function spearman(scores, grades) {
  return pearson(ranks(scores), ranks(grades));
}

/** Scores cut into four bands at the thresholds of the verdict mlprep shows (weak, partial, good, strong). */
export function band(score) {
  return score < 0.3 ? 0 : score < 0.6 ? 1 : score < 0.85 ? 2 : 3;
}

export function quadraticKappa(a, b, k = 4) {
  const n = a.length;
  const O = Array.from({ length: k }, () => new Array(k).fill(0));
  for (let i = 0; i < n; i++) O[a[i]][b[i]]++;
  const ha = new Array(k).fill(0), hb = new Array(k).fill(0);
  for (let i = 0; i < n; i++) { ha[a[i]]++; hb[b[i]]++; }
  let num = 0, den = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = ((i - j) ** 2) / ((k - 1) ** 2);
      num += w * O[i][j];
      den += w * (ha[i] * hb[j]) / n;
    }
  }
  return den ? 1 - num / den : 1;
}

/** Probability that a random positive scores above a random negative (ties count half). */
export function auc(scores, labels) {
  const pos = scores.filter((_, i) => labels[i]);
  const neg = scores.filter((_, i) => !labels[i]);
  if (!pos.length || !neg.length) return NaN;
  let wins = 0;
  for (const p of pos) for (const q of neg) wins += p > q ? 1 : p === q ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}

export function evaluate(rows) {
  const scores = rows.map((r) => r.score);
  const grades = rows.map((r) => r.grade);
  return {
    n: rows.length,
    spearman: spearman(scores, grades),
    qwk: quadraticKappa(scores.map(band), grades),
    auc: auc(scores, grades.map((g) => g >= 2)),
  };
}
