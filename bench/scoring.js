// Scoring quality against labelled answers: Spearman correlation, quadratic weighted
// kappa (scores cut into 4 bands), AUC of grade >= 2 vs <= 1, each per language; the
// share of adversarial answers under 0.3; the answers it gets most wrong; and the same
// figures with the Porter stemmer, the alternative this scorer's stemmer was chosen
// against. Two sets (tests/fixtures): the development set, which scorer and rubric
// changes were checked against, and the held-out set, written by someone who had not
// seen the rubrics, on 24 other questions, and never used for tuning.
// Run: npm run bench:scoring
import { readFileSync } from 'node:fs';
import { stemmer as porter } from 'stemmer';
import { BUILTIN_BANK_DIR, loadBankFiles } from '../dist/bank/load.js';
import { gradeAnswer } from '../dist/scoring/index.js';
import { useStemmer } from '../dist/scoring/stem.js';
import { band, evaluate } from './metrics.js';

const DEV = new URL('../tests/fixtures/scoring-dev.jsonl', import.meta.url);
const HOLDOUT = new URL('../tests/fixtures/scoring-holdout.jsonl', import.meta.url);
export const ADVERSARIAL = new Set(['keywords', 'restated', 'offtopic']);

function loadJsonl(url) {
  return readFileSync(url, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
}
export function loadDevSet() {
  return loadJsonl(DEV);
}
export function loadHoldoutSet() {
  return loadJsonl(HOLDOUT);
}

export function scoreDevSet(rows) {
  const { bank, problems } = loadBankFiles([BUILTIN_BANK_DIR]);
  if (problems.length) throw new Error(`bank has problems: ${problems[0].message}`);
  return rows.map((r) => ({ ...r, score: gradeAnswer(bank.questionById.get(r.id), r.answer, r.followup).score }));
}

function fmt(x) {
  return Number.isNaN(x) ? '  n/a' : x.toFixed(3);
}

function table(label, scored) {
  const out = [];
  const langs = ['all', 'en', 'zh'];
  out.push(`${label}`);
  out.push(`  ${'set'.padEnd(5)} ${'n'.padStart(4)}  spearman    qwk    auc  adversarial<0.3`);
  for (const lang of langs) {
    const rows = scored.filter((r) => lang === 'all' || r.lang === lang);
    const m = evaluate(rows);
    const adv = rows.filter((r) => ADVERSARIAL.has(r.tag));
    const under = adv.filter((r) => r.score < 0.3).length;
    out.push(`  ${lang.padEnd(5)} ${String(m.n).padStart(4)}     ${fmt(m.spearman)}  ${fmt(m.qwk)}  ${fmt(m.auc)}  ${under}/${adv.length}`);
  }
  return out.join('\n');
}

function report(title, rows) {
  const ours = scoreDevSet(rows);
  console.log(`${title}: ${rows.length} answers to ${new Set(rows.map((r) => r.id + (r.followup ?? ''))).size} questions\n`);
  console.log(table('mlprep stemmer (in use)', ours));
  const worst = [...ours]
    .map((r) => ({ ...r, off: Math.abs(band(r.score) - r.grade) }))
    .sort((a, b) => b.off - a.off || Math.abs(b.score - b.grade / 3) - Math.abs(a.score - a.grade / 3))
    .slice(0, 10);
  console.log('\nMost wrong (grade vs score):');
  for (const r of worst) console.log(`  grade ${r.grade} score ${r.score.toFixed(2)}  ${r.id}${r.followup ? '/' + r.followup : ''} [${r.lang}, ${r.tag}] ${r.answer.slice(0, 70).replace(/\s+/g, ' ')}`);
  useStemmer(porter);
  console.log('\n' + table('Porter stemmer (npm "stemmer"), for comparison', scoreDevSet(rows)));
  useStemmer(undefined);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  report('Development set', loadDevSet());
  console.log('\n' + '-'.repeat(60) + '\n');
  report('Held-out set (not used for tuning)', loadHoldoutSet());
}
