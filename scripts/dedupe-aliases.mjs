// Removes aliases that the scorer already treats as the same (word forms,
// spelling, hyphens, case): "normalize" makes "normalization" redundant.
// Edits the given bank files in place, touching only the alias lists.
// Usage: node scripts/dedupe-aliases.mjs bank/*.yaml   (after npm run build)
import { readFileSync, writeFileSync } from 'node:fs';
import { parseDocument, isSeq, visit } from 'yaml';
import { normalizeForMatch } from '../dist/scoring/normalize.js';

let removed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  const doc = parseDocument(text);
  const edits = [];
  const dedupe = (seq) => {
    const seen = new Set();
    const keep = seq.items.filter((item) => {
      const key = normalizeForMatch(String(item.value));
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (keep.length === seq.items.length) return;
    if (!seq.flow) {
      skipped++;
      return;
    }
    removed += seq.items.length - keep.length;
    edits.push({ from: seq.range[0], to: seq.range[1], text: '[' + keep.map((i) => text.slice(i.range[0], i.range[1])).join(', ') + ']' });
  };
  visit(doc, {
    Pair(_, pair) {
      const k = pair.key?.value;
      if (k === 'aliases' && isSeq(pair.value)) dedupe(pair.value);
      if (k === 'all' && isSeq(pair.value)) for (const g of pair.value.items) if (isSeq(g)) dedupe(g);
    },
  });
  let out = text;
  for (const e of edits.sort((a, b) => b.from - a.from)) {
    // A flow sequence's range may include trailing spaces/comments: keep them.
    const original = text.slice(e.from, e.to);
    const end = original.lastIndexOf(']') + 1;
    out = out.slice(0, e.from) + e.text + original.slice(end) + out.slice(e.to);
  }
  if (out !== text) writeFileSync(file, out);
}
console.log(`removed ${removed} redundant aliases${skipped ? `; ${skipped} block-style lists left as they are` : ''}`);
