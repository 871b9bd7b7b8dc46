import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, mlprep, tempHome } from '../helpers.js';

const bank = path.join(FIXTURES, 'banks', 'good');
const dir = mkdtempSync(path.join(tmpdir(), 'mlprep-answers-'));
const file = path.join(dir, 'answers.yaml');
writeFileSync(
  file,
  [
    'my-attention-why-scale:',
    '  answer: "The dot product grows with the dimension, so scores are large. Large scores saturate the softmax and the gradient becomes tiny."',
    '  followups: ["The standard deviation grows like the square root of d."]',
    'my-attention-masking: "Masked scores are set to minus infinity, otherwise a position could see the future."',
  ].join('\n'),
);

describe('mlprep drill --answers --json', () => {
  it('runs a whole session from a file, prints the report as JSON and saves it', () => {
    const home = tempHome();
    const r = mlprep(['--bank', bank, 'drill', '--answers', file, '--json'], { home });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ completed: true, endReason: 'done', settings: { mode: 'answers-file', followups: 2 } });
    const got = report.answers.map((a: { questionId: string; followupId?: string; score: number }) => [a.questionId, a.followupId ?? null]);
    expect(got).toEqual([
      ['my-attention-why-scale', null],
      ['my-attention-why-scale', 'why-not-divide-by-d'],
      ['my-attention-masking', null],
      ['my-attention-masking', 'why-minus-infinity'],
    ]);
    const [main, follow, masking, unanswered] = report.answers;
    expect(main.score).toBe(1);
    expect(follow.score).toBe(1);
    expect(masking.points.find((p: { pointId: string }) => p.pointId === 'no-peeking')).toMatchObject({ hit: true, evidence: 'see the future' });
    expect(unanswered).toMatchObject({ answer: '', skipped: true, score: 0 });
    for (const a of report.answers) {
      for (const key of ['questionId', 'answer', 'score', 'points', 'secondsTaken', 'timedOut']) expect(a).toHaveProperty(key);
    }
    const saved = readdirSync(path.join(home, 'sessions'));
    expect(saved).toEqual([`${report.id}.json`]);
    const onDisk = JSON.parse(readFileSync(path.join(home, 'sessions', saved[0]!), 'utf8'));
    expect(onDisk).toEqual({ schemaVersion: 1, ...report });
  });

  it('with --count and --seed, chooses questions; those missing from the file count as unanswered', () => {
    const home = tempHome();
    const r = mlprep(['--bank', bank, 'drill', '--answers', file, '--json', '--topic', 'bias-variance', '-n', '1', '--seed', '5', '--followups', '0'], { home });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.answers).toHaveLength(1);
    expect(report.answers[0]).toMatchObject({ topic: 'bias-variance', skipped: true, score: 0 });
  });

  it('unknown ids in the answers file are an error that names them', () => {
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ 'no-such-question': 'x' }));
    const r = mlprep(['drill', '--answers', bad], { home: tempHome() });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`mlprep: ${bad}: unknown question id: no-such-question`);
  });

  it('without a terminal and without --answers, says what to do', () => {
    const r = mlprep(['drill'], { home: tempHome(), input: '' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('mlprep: mlprep drill needs a terminal to type answers in; to answer from a file, use --answers FILE (see mlprep drill --help)');
  });

  it('a corrupt session file is moved aside and reported, never overwritten', () => {
    const home = tempHome();
    const sessions = path.join(home, 'sessions');
    mlprep(['--bank', bank, 'drill', '--answers', file, '--json'], { home });
    writeFileSync(path.join(sessions, 'broken.json'), '{"id": "x", "answers": [');
    const r = mlprep(['--bank', bank, 'drill', '--answers', file, '--json'], { home });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/broken\.json could not be read \(not valid JSON.*\); kept as .*broken\.json\.corrupt-/);
    const names = readdirSync(sessions);
    expect(names.filter((n) => n.startsWith('broken.json.corrupt-'))).toHaveLength(1);
    expect(readFileSync(path.join(sessions, names.find((n) => n.startsWith('broken.json.corrupt-'))!), 'utf8')).toBe('{"id": "x", "answers": [');
    expect(names.filter((n) => n.endsWith('.json'))).toHaveLength(2);
  });

  it('a session file from a newer mlprep is refused and left alone', () => {
    const home = tempHome();
    mlprep(['--bank', bank, 'drill', '--answers', file], { home });
    const sessions = path.join(home, 'sessions');
    const newer = path.join(sessions, 'newer.json');
    writeFileSync(newer, JSON.stringify({ schemaVersion: 2, whatever: true }));
    const r = mlprep(['--bank', bank, 'drill', '--answers', file], { home });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/newer\.json was written by a newer mlprep \(history schemaVersion 2/);
    expect(readFileSync(newer, 'utf8')).toBe(JSON.stringify({ schemaVersion: 2, whatever: true }));
  });
});
