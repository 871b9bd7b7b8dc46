import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { BIN, FIXTURES, ROOT, mlprep, tempHome } from '../helpers.js';

/**
 * Hostile input: each case either works or fails with one clear line, never a
 * hang, a crash or a stack trace. The fixtures are in this folder (README.md
 * lists them); large or generated cases are made here.
 */
const here = path.join(ROOT, 'tests', 'hostile');
const rel = (f: string) => path.join('tests', 'hostile', f);
const noTrace = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('untrusted bank files', () => {
  it.each([
    ['alias-bomb.yaml', 'tests/hostile/alias-bomb.yaml:1:1: too many YAML aliases (*name) expand here; bank files should not need them'],
    ['custom-tag.yaml', 'tests/hostile/custom-tag.yaml:3:15: unsupported YAML tag (tag:yaml.org,2002:js/function): bank files are plain YAML'],
    ['invalid-utf8.yaml', 'tests/hostile/invalid-utf8.yaml:1:1: file is not valid UTF-8 text'],
    ['tabs.yaml', 'tests/hostile/tabs.yaml:2:1: invalid YAML: Tabs are not allowed as indentation'],
  ])('%s fails with a located one-line error', (file, first) => {
    const r = mlprep(['validate', rel(file)]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe(first);
    noTrace(r.stdout + r.stderr);
  });

  it('very deep nesting fails with a located error instead of crashing', () => {
    const r = mlprep(['validate', rel('deep-nesting.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^tests\/hostile\/deep-nesting\.yaml:\d+:\d+: /);
    noTrace(r.stdout + r.stderr);
  });

  it.each(['crlf.yaml', 'bom.yaml', 'escape-sequences.yaml'])('%s loads', (file) => {
    const r = mlprep(['validate', rel(file)]);
    expect(r.stderr).toMatch(/^ok: /);
    expect(r.code).toBe(0);
  });

  it('a huge bank file is refused by size, with a clear message', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mlprep-huge-'));
    const file = path.join(dir, 'huge.yaml');
    writeFileSync(file, 'topic:\n  slug: huge\n  title: {en: Huge, zh: 巨大}\n' + `# ${'x'.repeat(100)}\n`.repeat(50_000));
    const r = mlprep(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout.trim()).toBe(`${file}:1:1: file is 4.9 MiB; bank files are limited to 4 MiB`);
  });

  it('text from a bank never reaches the terminal as control sequences', () => {
    const home = tempHome();
    for (const args of [['list'], ['topics'], ['topic', 'escapes'], ['grade', 'escapes-q', 'an escape \u001b[2J'], ['list', '--json']]) {
      const r = mlprep(['--bank', rel('escape-sequences.yaml'), ...args], { home });
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout + r.stderr, args.join(' ')).not.toMatch(/[\u001b\u0007\u009b]/);
    }
  });
});

describe('odd answers', () => {
  it('empty, whitespace, punctuation, emoji, mixed scripts and 100,000 characters all grade', () => {
    const answers = ['', '   \n\t ', '?!...;;', '🤖🧠 bias 偏差 ✨ variance 方差 🎯', 'High bias underfits. '.repeat(5000), '偏差'.repeat(50_000)];
    const input = answers.map((a) => JSON.stringify({ id: 'bias-variance-tradeoff', answer: a })).join('\n');
    const r = mlprep(['grade', '--json'], { input });
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(answers.length);
    for (const o of out) {
      expect(o.score).toBeGreaterThanOrEqual(0);
      expect(o.score).toBeLessThanOrEqual(1);
      expect(o.points.length).toBeGreaterThan(0);
    }
    expect(out[0].score).toBe(0);
  });

  it('every command fits a 40-column terminal, Chinese included', () => {
    const home = tempHome();
    const bank = path.join(FIXTURES, 'banks', 'good');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'mlprep-narrow-')), 'a.yaml');
    writeFileSync(file, 'my-attention-why-scale: "偏差大说明模型太简单，欠拟合；scores saturate the softmax when the dot product grows."\n');
    mlprep(['--bank', bank, 'drill', '--answers', file], { home });
    for (const args of [['list'], ['topics'], ['topic', 'bias-variance', '--lang', 'zh'], ['stats'], ['drill', '--answers', file], ['grade', 'bias-variance-tradeoff', '偏差大说明模型太简单，欠拟合；方差大说明对训练数据太敏感，过拟合。']]) {
      const r = mlprep(['--bank', bank, ...args], { home, env: { COLUMNS: '40' } });
      expect(r.code, args.join(' ')).toBe(0);
      const long = (r.stdout + r.stderr).split('\n').filter((l) => stringWidth(l) > 40);
      expect(long, args.join(' ')).toEqual([]);
    }
  });

  it('standard input closed: drill says what to do, grade reads an empty answer', () => {
    const d = spawnSync(process.execPath, [BIN, 'drill'], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', MLPREP_HOME: tempHome() } });
    expect(d.status).toBe(1);
    expect(d.stderr).toContain('use --answers FILE');
    const g = spawnSync(process.execPath, [BIN, 'grade', 'bias-variance-tradeoff'], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(g.status).toBe(0);
    expect(g.stdout).toContain('0%');
  });
});

describe('history', () => {
  const bank = path.join(FIXTURES, 'banks', 'good');
  const answers = path.join(mkdtempSync(path.join(tmpdir(), 'mlprep-hist-')), 'answers.yaml');
  writeFileSync(answers, 'my-attention-why-scale: "Dot products grow with the dimension and saturate the softmax."\nmy-attention-masking: "It must not see the future."\n');

  it('two drills at once keep all their answers', async () => {
    const home = tempHome();
    const run = () =>
      new Promise<number>((resolve) => {
        const c = spawn(process.execPath, [BIN, '--bank', bank, 'drill', '--answers', answers], { env: { ...process.env, MLPREP_HOME: home, NO_COLOR: '1' } });
        c.on('exit', (code) => resolve(code ?? -1));
      });
    expect(await Promise.all([run(), run(), run()])).toEqual([0, 0, 0]);
    const files = readdirSync(path.join(home, 'sessions'));
    expect(files).toHaveLength(3);
    for (const f of files) expect(JSON.parse(readFileSync(path.join(home, 'sessions', f), 'utf8')).answers.length).toBeGreaterThanOrEqual(2);
  });

  it('kill -9 at any moment of a save leaves a readable history', async () => {
    const home = tempHome();
    // A child that saves a growing session over and over; killed at random moments.
    const script = `
      import { saveRecord } from ${JSON.stringify(path.join(ROOT, 'dist', 'store', 'save.js'))};
      const answers = [];
      for (let i = 0; ; i++) {
        answers.push({ questionId: 'q', topic: 't', prompt: 'p', answer: 'x'.repeat(2000) + i, score: 0.5, points: [], misconceptions: [],
          secondsTaken: 1, timedOut: false, skipped: false, overrides: [], answeredAt: new Date().toISOString() });
        saveRecord(process.env.MLPREP_HOME, { id: 'crash-test', startedAt: '2026-01-01T00:00:00Z', completed: false,
          settings: { count: 1, topics: [], difficulty: [], seed: 1, lang: 'en', followups: 0, mode: 'answers-file', banks: [] }, answers });
        if (i === 0) process.stdout.write('saving\\n');
      }`;
    const file = path.join(home, 'saver.mjs');
    writeFileSync(file, script);
    for (let round = 0; round < 15; round++) {
      await new Promise<void>((resolve) => {
        const c = spawn(process.execPath, [file], { env: { ...process.env, MLPREP_HOME: home } });
        c.stdout.once('data', () => setTimeout(() => c.kill('SIGKILL'), Math.random() * 150));
        c.on('exit', () => resolve());
      });
      const saved = path.join(home, 'sessions', 'crash-test.json');
      expect(existsSync(saved)).toBe(true);
      const parsed = JSON.parse(readFileSync(saved, 'utf8'));
      expect(parsed.answers.length).toBeGreaterThan(0);
    }
    const r = mlprep(['--bank', bank, 'stats', '--json'], { home });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).sessions).toBe(1);
  }, 60_000);

  it('an unwritable data directory gives a clear error, and the answers are still printed', () => {
    const blocker = path.join(mkdtempSync(path.join(tmpdir(), 'mlprep-ro-')), 'not-a-dir');
    writeFileSync(blocker, 'a file where the data directory should be');
    const r = mlprep(['--bank', bank, 'drill', '--answers', answers], { home: path.join(blocker, 'home') });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^mlprep: cannot save to .*not-a-dir\/home\/sessions \(ENOTDIR\); carrying on/m);
    expect(r.stderr).toContain('the session could not be saved; here it is, so nothing is lost:');
    expect(r.stderr).toContain('Dot products grow with the dimension and saturate the softmax.');
    expect(r.stdout).toContain('Session report');
  });
});
