import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { FIXTURES, mlprep, tempHome } from '../helpers.js';

const home = tempHome();

describe('mlprep (built binary)', () => {
  it('--version and --help', () => {
    const v = mlprep(['--version'], { home });
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const h = mlprep(['--help'], { home });
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('Usage: mlprep');
  });

  it('grade names a known slip in a number and says when a number is not the answer', () => {
    const slip = mlprep(['grade', 'cnn-conv-param-count', '3×3×64×128 = 73728 个参数。'], { home });
    expect(slip.code).toBe(0);
    expect(slip.stdout).toContain('The answer is 73856 parameters; 73728 leaves out the 128 biases.');
    expect(slip.stdout).toContain('“73728” (a known slip: 50% of the credit)');
    expect(slip.stdout).not.toContain('required point is missing');
    const wrong = mlprep(['grade', 'cnn-conv-param-count', 'It is 3*3*64*128 = 73000.'], { home });
    expect(wrong.stdout).toContain('“73000” (not the answer)');
    expect(wrong.stdout).toContain('required point is missing');
  });

  it('validate passes on the built-in bank', () => {
    const r = mlprep(['validate'], { home });
    expect(r.stderr).toMatch(/^ok: \d+ files, \d+ topics, \d+ questions/);
    expect(r.code).toBe(0);
  });

  it('validate reports each problem as file:line:col: message and exits 1', () => {
    const r = mlprep(['validate', path.join('tests', 'fixtures', 'banks', 'broken', 'wrong-type.yaml')], { home });
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      'tests/fixtures/banks/broken/wrong-type.yaml:6:11: questions[0].kind: the text "essay" is not one of "open", "numeric", "code"',
      'tests/fixtures/banks/broken/wrong-type.yaml:8:16: questions[0].timeLimit: expected a number, got the text "two minutes"',
    ]);
    expect(r.stderr).toContain('2 problems in 1 file');
  });

  it('a broken --bank stops other commands with a one-line error and no stack trace', () => {
    const r = mlprep(['--bank', path.join(FIXTURES, 'banks', 'broken', 'duplicate-key.yaml'), 'list'], { home });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^mlprep: the question bank has 1 problem/);
    expect(r.stderr).toContain('duplicate-key.yaml:4:3: duplicate key in a mapping');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('schema prints a JSON Schema', () => {
    const r = mlprep(['schema'], { home });
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(() => new Ajv2020({ strict: false }).compile(schema)).not.toThrow();
  });

  it('list --json follows the contract', () => {
    const r = mlprep(['list', '--json'], { home });
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(list.length).toBeGreaterThan(0);
    for (const q of list) {
      expect(Object.keys(q).sort()).toEqual(['difficulty', 'followups', 'id', 'kind', 'prompt', 'seeds', 'topic'].sort());
      expect(q.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(['open', 'numeric', 'code']).toContain(q.kind);
      expect(Array.isArray(q.seeds)).toBe(true);
      for (const f of q.followups as Record<string, unknown>[]) expect(Object.keys(f).sort()).toEqual(['id', 'prompt']);
    }
  });

  it('list --topic accepts aliases and Chinese titles; --bank adds questions', () => {
    const a = JSON.parse(mlprep(['list', '--json', '--topic', '偏差方差'], { home }).stdout) as { topic: string }[];
    expect(a.length).toBeGreaterThan(0);
    expect(new Set(a.map((q) => q.topic))).toEqual(new Set(['bias-variance']));
    const b = JSON.parse(mlprep(['--bank', path.join(FIXTURES, 'banks', 'good'), 'list', '--json', '--topic', 'bias variance'], { home }).stdout) as { id: string }[];
    expect(b.map((q) => q.id)).toContain('my-bias-variance-extra');
    expect(b.length).toBe(a.length + 1);
  });

  it('topics lists every topic with its question count', () => {
    const r = mlprep(['topics', '--json'], { home });
    expect(r.code).toBe(0);
    const topics = JSON.parse(r.stdout) as { slug: string; questions: number }[];
    const list = JSON.parse(mlprep(['list', '--json'], { home }).stdout) as { topic: string }[];
    for (const t of topics) expect(t.questions, t.slug).toBe(list.filter((q) => q.topic === t.slug).length);
  });

  it('NO_COLOR output has no escape sequences', () => {
    const r = mlprep(['topics'], { home, env: { NO_COLOR: '1', FORCE_COLOR: undefined } });
    expect(r.stdout + r.stderr).not.toContain('\u001b[');
  });
});
