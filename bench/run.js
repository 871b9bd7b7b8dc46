// Start-up and scale benchmarks, measured against `node -e 0` in the same run.
// Each command alternates with the baseline; the median of RUNS runs after a
// warm-up is reported as a ratio, with max RSS. Run: npm run bench
// (RUNS=20 npm run bench for steadier figures; SCALE=0 skips the big banks).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'mlprep.js');
const RUNS = Number(process.env.RUNS ?? 10);
const SCALE = process.env.SCALE !== '0';
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const work = mkdtempSync(path.join(tmpdir(), 'mlprep-bench-'));
const home = path.join(work, 'home');
const env = { ...process.env, MLPREP_HOME: home, NO_COLOR: '1' };

/** Runs a command once; returns wall seconds and max RSS in MB (when GNU time is there). */
function once(argv, { input, env: e = env, coldCache = false } = {}) {
  // A cold run starts from an empty MLPREP_HOME, so the bank is parsed and validated again.
  if (coldCache) rmSync(e.MLPREP_HOME, { recursive: true, force: true });
  const cmd = TIME ? [TIME, '-f', '%M', ...argv] : argv;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd[0], cmd.slice(1), { input: input ?? '', env: e, maxBuffer: 1 << 30 });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${String(r.stderr).slice(-400)}`);
  const rss = TIME ? Number(String(r.stderr).trim().split('\n').pop()) / 1024 : NaN;
  return { secs, rss };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const baseline = [process.execPath, '-e', '0'];

/** Alternates the baseline and the command; medians after one warm-up of each. */
function compare(argv, opts) {
  once(baseline);
  once(argv, opts);
  const b = [];
  const c = [];
  let rss = 0;
  for (let i = 0; i < RUNS; i++) {
    b.push(once(baseline).secs);
    const r = once(argv, opts);
    c.push(r.secs);
    rss = Math.max(rss, r.rss);
  }
  return { base: median(b), cmd: median(c), rss };
}

/** Seconds from launch until `marker` appears on a pseudo-terminal (util-linux `script`). */
function untilOnScreen(argv, marker) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn('script', ['-qfec', argv.map((a) => `'${a}'`).join(' '), '/dev/null'], { env: { ...env, COLUMNS: '100', LINES: '40' } });
    let seen = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no "${marker}" within 30 s: ${seen.slice(-300)}`));
    }, 30_000);
    child.stdout.on('data', (d) => {
      seen += d.toString();
      if (seen.includes(marker)) {
        const secs = Number(process.hrtime.bigint() - t0) / 1e9;
        clearTimeout(timer);
        child.kill('SIGKILL');
        resolve(secs);
      }
    });
  });
}

async function compareScreen(argv, marker) {
  once(baseline);
  await untilOnScreen(argv, marker);
  const b = [];
  const c = [];
  for (let i = 0; i < RUNS; i++) {
    b.push(once(baseline).secs);
    c.push(await untilOnScreen(argv, marker));
  }
  return { base: median(b), cmd: median(c), rss: NaN };
}

const rows = [];
function row(name, r, limit) {
  const ratio = r.cmd / r.base;
  rows.push({ name, ms: r.cmd * 1000, base: r.base * 1000, ratio, rss: r.rss, limit, ok: limit === undefined ? '' : ratio <= limit ? 'ok' : 'OVER' });
  const rss = Number.isNaN(r.rss) ? '     -' : `${r.rss.toFixed(0).padStart(4)} MB`;
  console.log(`${name.padEnd(44)} ${(r.cmd * 1000).toFixed(0).padStart(7)} ms  ${ratio.toFixed(2).padStart(6)}x  ${rss}  ${limit === undefined ? '' : `(limit ${limit}x) ${ratio <= limit ? 'ok' : 'OVER'}`}`);
}

/** A generated bank of n questions, split into files of 500. */
function generateBank(n) {
  const dir = path.join(work, `bank-${n}`);
  mkdirSync(dir, { recursive: true });
  const perFile = 500;
  for (let f = 0; f * perFile < n; f++) {
    const lines = [`topic:`, `  slug: gen-${n}-${f}`, `  title: {en: Generated ${f}, zh: 生成 ${f}}`, `questions:`];
    for (let i = f * perFile; i < Math.min(n, (f + 1) * perFile); i++) {
      lines.push(
        `  - id: gen-${n}-q${i}`,
        `    kind: open`,
        `    difficulty: medium`,
        `    timeLimit: 120`,
        `    prompt: {en: "Generated question ${i} about topic ${f}: why does method ${i} work?", zh: "生成的第 ${i} 题：方法 ${i} 为什么有效？"}`,
        `    rubric:`,
        `      points:`,
        `        - {id: p1, text: "It reduces variance ${i}.", weight: 2, required: true, all: [[variance, 方差], [reduce, lower, 降低]]}`,
        `        - {id: p2, text: "It adds a penalty ${i}.", aliases: [penalty term, weight decay, 惩罚项, 权重衰减]}`,
        `        - {id: p3, text: "It trades bias for variance ${i}.", aliases: [trade-off, bias for variance, 权衡]}`,
        `    answer: {en: "It reduces variance through a penalty term, a trade-off of bias for variance.", zh: "它通过惩罚项降低方差，是偏差和方差的权衡。"}`,
        `    followups:`,
        `      - {id: f1, prompt: {en: "Why?", zh: "为什么？"}, when: {hit: [p1]}, rubric: {points: [{id: q1, text: "Averaging.", required: true, aliases: [average out, 平均]}]}, answer: {en: "Noise averages out.", zh: "噪声被平均掉。"}}`,
      );
    }
    writeFileSync(path.join(dir, `gen-${f}.yaml`), lines.join('\n') + '\n');
  }
  return dir;
}

function answersFile(n) {
  const dev = readFileSync(path.join(ROOT, 'tests', 'fixtures', 'scoring-dev.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const out = [];
  for (let i = 0; i < n; i++) {
    const r = dev[i % dev.length];
    out.push(JSON.stringify({ id: r.id, answer: r.answer, ...(r.followup ? { followup: r.followup } : {}) }));
  }
  return out.join('\n') + '\n';
}

const m = (args) => [process.execPath, BIN, ...args];

console.log(`mlprep benchmarks: median of ${RUNS} runs after a warm-up, each alternated with \`node -e 0\`${TIME ? '' : ' (max RSS needs /usr/bin/time)'}`);
console.log(`node ${process.version}, ${process.platform}/${process.arch}\n`);
console.log(`${'command'.padEnd(44)} ${'median'.padStart(10)}  ${'ratio'.padStart(7)}  max RSS`);

once(m(['list']));
row('mlprep --version', compare(m(['--version'])), 1.3);
row('mlprep topics', compare(m(['topics'])), 2.0);
row('mlprep list --json', compare(m(['list', '--json'])), 2.0);
row('mlprep topic bias-variance', compare(m(['topic', 'bias-variance'])), 2.0);
row('mlprep grade <id> "answer"', compare(m(['grade', 'bias-variance-tradeoff', 'High bias means the model is too simple and underfits; high variance means it overfits.'])), 3.0);
row('mlprep drill: first question on screen', await compareScreen(m(['drill', '-n', '1', '--seed', '1']), '⏱'), 2.0);
const cold = path.join(work, 'cold');
row('mlprep list --json (no bank cache)', compare(m(['list', '--json']), { env: { ...env, MLPREP_HOME: cold }, coldCache: true }));

if (SCALE) {
  console.log('\nScale (generated banks; time per 1,000 should stay flat if growth is linear)');
  const sizes = [1000, 5000, 10000];
  const banks = Object.fromEntries(sizes.map((n) => [n, generateBank(n)]));
  const scaleRuns = Math.max(3, Math.floor(RUNS / 3));
  for (const n of sizes) {
    const coldHome = () => ({ ...env, MLPREP_HOME: mkdtempSync(path.join(work, 'h-')) });
    const c = median(Array.from({ length: scaleRuns }, () => once(m(['--bank', banks[n], 'list', '--json']), { env: coldHome() }).secs));
    once(m(['--bank', banks[n], 'list', '--json']));
    const warm = Array.from({ length: scaleRuns }, () => once(m(['--bank', banks[n], 'list', '--json'])));
    const w = median(warm.map((x) => x.secs));
    const rss = Math.max(...warm.map((x) => x.rss));
    console.log(`list --json --bank (${String(n).padStart(5)} questions)  cold ${c.toFixed(2)} s (${((c / n) * 1000).toFixed(3)} s/1k)  warm ${w.toFixed(2)} s (${((w / n) * 1000).toFixed(3)} s/1k)  ${Number.isNaN(rss) ? '' : `${rss.toFixed(0)} MB`}`);
  }
  for (const n of [1000, 5000, 10000]) {
    const input = answersFile(n);
    const r = Array.from({ length: scaleRuns }, () => once(m(['grade', '--json']), { input }));
    const t = median(r.map((x) => x.secs));
    console.log(`grade --json (${String(n).padStart(5)} answers)             ${t.toFixed(2)} s (${((t / n) * 1000).toFixed(3)} s/1k)  ${Number.isNaN(r[0].rss) ? '' : `${Math.max(...r.map((x) => x.rss)).toFixed(0)} MB`}`);
  }
}

rmSync(work, { recursive: true, force: true });
const over = rows.filter((r) => r.ok === 'OVER');
console.log(over.length ? `\n${over.length} over the limit: ${over.map((r) => r.name).join(', ')}` : '\nall within limits');
