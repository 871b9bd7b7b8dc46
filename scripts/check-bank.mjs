// Bank quality report for authors: self-consistency (each model answer, in
// English and Chinese, on its own rubric), discrimination (each model answer
// on every other topic's questions), and lint. Usage:
//   node scripts/check-bank.mjs [file-or-topic ...]     (after npm run build)
import { loadBankFiles, BUILTIN_BANK_DIR } from '../dist/bank/load.js';
import { compileRubric, scoreAnswer } from '../dist/scoring/score.js';
import { lintBank, selfChecks, discrimination } from '../dist/bank/quality.js';

const filters = process.argv.slice(2);
const { bank, problems } = loadBankFiles([BUILTIN_BANK_DIR]);
if (problems.length) {
  for (const p of problems) console.log(`${p.file}:${p.line}:${p.col}: ${p.message}`);
  process.exit(1);
}
const mine = (q) => !filters.length || filters.some((f) => q.source.file.includes(f) || q.topic === f);
let bad = 0;
for (const l of lintBank(bank)) if (mine(bank.questionById.get(l.questionId))) { bad++; console.log(`LINT ${l.questionId}${l.followupId ? '/' + l.followupId : ''}: ${l.message}`); }
for (const c of selfChecks(bank)) {
  if (!mine(bank.questionById.get(c.questionId)) || c.score >= 0.85) continue;
  bad++;
  console.log(`SELF ${c.questionId}${c.followupId ? '/' + c.followupId : ''} [${c.lang}] ${c.score}: missed ${c.missed.join(', ')}${c.misconceptions.length ? '; misconceptions ' + c.misconceptions.join(', ') : ''}`);
}
for (const d of discrimination(bank, 0.3, filters.length ? mine : undefined)) {
  bad++;
  console.log(`DISC answer of ${d.answerOf} [${d.lang}] scores ${d.score} on ${d.scoredOn}: hits ${d.hits.join(', ')}`);
}
console.log(bad ? `${bad} findings` : 'clean');
