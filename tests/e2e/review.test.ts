import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, mlprep, tempHome } from '../helpers.js';

/** topic, topics, stats, export and import against a history made by `drill --answers`. */
const bank = path.join(FIXTURES, 'banks', 'good');
const dir = mkdtempSync(path.join(tmpdir(), 'mlprep-review-'));
const answers = path.join(dir, 'answers.yaml');
writeFileSync(
  answers,
  [
    'my-attention-why-scale:',
    '  answer: "The dot product grows with the dimension, so scores get large and saturate the softmax; the gradient becomes tiny."',
    '  followups: ["No idea."]',
    'my-attention-masking: "A position must not see the future tokens."',
  ].join('\n'),
);
const home = tempHome();
const run = (args: string[], input?: string) => mlprep(['--bank', bank, ...args], { home, ...(input !== undefined ? { input } : {}) });

beforeAll(() => {
  expect(run(['drill', '--answers', answers]).code).toBe(0);
  expect(run(['drill', '--answers', answers, '--followups', '0']).code).toBe(0);
});

describe('review commands on a real history', () => {
  it('topic shows questions, key points, model answers and history', () => {
    const r = run(['topic', 'attention interview']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Attention at my company');
    expect(r.stdout).toContain('Dot products of random vectors have variance that grows with the dimension.');
    expect(r.stdout).toContain('Model answer');
    expect(r.stdout).toMatch(/History: 2 attempts · last 100% · best 100%/);
    const j = JSON.parse(run(['topic', 'my-attention', '--json']).stdout);
    expect(j.questions.map((q: { id: string }) => q.id)).toEqual(['my-attention-why-scale', 'my-attention-masking']);
    expect(j.questions[0].history).toMatchObject({ attempts: 2, lastScore: 1, bestScore: 1 });
    expect(j.questions[0].history.nextReview).toMatch(/^\d{4}-/);
  });

  it('topic resolves Chinese titles and suggests the nearest on a typo (exit 2)', () => {
    expect(run(['topic', '注意力机制（公司题）']).code).toBe(0);
    const r = run(['topic', 'my-atention']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^mlprep: unknown topic "my-atention" \(did you mean my-attention[,?]/);
  });

  it('topics lists counts, mastery and questions due', () => {
    const rows = JSON.parse(run(['topics', '--json']).stdout) as { slug: string; questions: number; mastery: number; seen: number; due: number }[];
    const mine = rows.find((t) => t.slug === 'my-attention')!;
    expect(mine).toMatchObject({ questions: 2, seen: 2 });
    expect(mine.mastery).toBeGreaterThan(0.3);
    expect(typeof mine.due).toBe('number');
  });

  it('stats draws to the terminal width in plain characters under NO_COLOR, and --json has the figures', () => {
    const r = mlprep(['--bank', bank, 'stats'], { home, env: { COLUMNS: '50' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Mastery by topic');
    expect(r.stdout).toMatch(/my-attention \[#+\.*\]/);
    for (const line of r.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(r.stdout).not.toMatch(/[█░▏▎▍▌▋▊▉]/);
    const j = JSON.parse(run(['stats', '--json']).stdout);
    expect(j).toMatchObject({ sessions: 2, streak: 1 });
    expect(j.daily).toHaveLength(1);
  });

  it('export writes every session and answer, validates against export --schema, and round-trips through import', () => {
    const exported = JSON.parse(run(['export']).stdout);
    expect(exported.schemaVersion).toBe(1);
    expect(exported.sessions).toHaveLength(2);
    expect(exported.sessions.flatMap((s: { answers: unknown[] }) => s.answers)).toHaveLength(4 + 2);
    expect(exported.schedule.map((c: { card: string }) => c.card).sort()).toEqual(
      ['my-attention-masking', 'my-attention-masking#why-minus-infinity', 'my-attention-why-scale', 'my-attention-why-scale#why-not-divide-by-d'].sort(),
    );
    const schema = JSON.parse(run(['export', '--schema']).stdout);
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(exported) ? [] : validate.errors).toEqual([]);

    const file = path.join(dir, 'export.json');
    expect(run(['export', '--out', file]).code).toBe(0);
    const other = tempHome();
    const imp = mlprep(['--bank', bank, 'import', file], { home: other });
    expect(imp.stderr.trim()).toBe('Imported 2 new sessions (6 answers); 0 already here.');
    const again = mlprep(['--bank', bank, 'import', file], { home: other });
    expect(again.stderr.trim()).toBe('Imported 0 new sessions (0 answers); 2 already here.');
    const reexported = JSON.parse(mlprep(['--bank', bank, 'export'], { home: other }).stdout);
    const original = JSON.parse(readFileSync(file, 'utf8'));
    expect({ ...reexported, exportedAt: 0 }).toEqual({ ...original, exportedAt: 0 });
  });

  it('export --since, --format csv, --anki and --review-log', () => {
    expect(JSON.parse(run(['export', '--since', '2999-01-01']).stdout).sessions).toEqual([]);
    expect(run(['export', '--since', 'yesterday-ish']).code).toBe(2);
    const csv = run(['export', '--format', 'csv']).stdout.trim().split('\r\n');
    expect(csv[0]).toMatch(/^session_id,session_started_at,/);
    expect(csv).toHaveLength(1 + 6);
    const anki = path.join(dir, 'cards.txt');
    expect(run(['export', '--anki', anki, '--topic', 'my-attention']).code).toBe(0);
    const lines = readFileSync(anki, 'utf8').trim().split('\n');
    expect(lines.slice(0, 3)).toEqual(['#separator:tab', '#html:true', '#tags column:3']);
    expect(lines.slice(3)).toHaveLength(2);
    expect(lines[3]!.split('\t')).toHaveLength(3);
    expect(lines[3]!.split('\t')[2]).toBe('mlprep my-attention medium');
    const revlog = path.join(dir, 'revlog.csv');
    expect(run(['export', '--review-log', revlog]).code).toBe(0);
    const rl = readFileSync(revlog, 'utf8').trim().split('\n');
    expect(rl[0]).toBe('card_id,review_time,review_rating,review_state,review_duration');
    expect(rl).toHaveLength(1 + 6);
  });

  it('import refuses a file from a newer mlprep, and a file that is not an export', () => {
    const newer = path.join(dir, 'newer.json');
    writeFileSync(newer, JSON.stringify({ schemaVersion: 2, sessions: [] }));
    const r = run(['import', newer]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`mlprep: ${newer} was exported by a newer mlprep (schemaVersion 2; this one reads 1): upgrade mlprep to import it`);
    const junk = path.join(dir, 'junk.json');
    writeFileSync(junk, '[1, 2');
    expect(run(['import', junk]).stderr).toMatch(/not valid JSON/);
  });

  it('topic --quiz drills one topic outside the schedule', () => {
    const before = JSON.parse(run(['export']).stdout).schedule;
    const r = run(['topic', 'my-attention', '--quiz', '--answers', answers, '--json']);
    expect(r.code).toBe(0);
    const session = JSON.parse(r.stdout);
    expect(session.settings).toMatchObject({ cram: true, topics: ['my-attention'] });
    expect(JSON.parse(run(['export']).stdout).schedule).toEqual(before);
  });
});
