import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, mlprep, tempHome } from '../helpers.js';

/**
 * The validated-bank cache (MLPREP_HOME/cache) only ever saves time: a warm
 * start answers exactly as a cold one, a damaged cache is rebuilt, and any
 * change to a bank file is seen on the next run.
 */

const cacheFiles = (home: string) => readdirSync(path.join(home, 'cache')).filter((n) => n.startsWith('bank-')).map((n) => path.join(home, 'cache', n));

/** What a user sees from commands that read every part of the cached bank. */
function answers(home: string): string[] {
  const runs = [
    ['list', '--json'],
    ['topics', '--json'],
    ['topic', 'bias-variance', '--json'],
    ['grade', 'bias-variance-tradeoff', '--json', 'High bias underfits; high variance overfits; more data lowers variance.'],
    ['grade', 'bias-variance-tradeoff', '--json', '--followup', 'why-more-data', 'More samples average out the noise.'],
    ['export', '--anki', path.join(home, 'cards.txt')],
  ];
  return runs.map((args) => {
    const r = mlprep(args, { home });
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    return args.includes('--anki') ? readFileSync(path.join(home, 'cards.txt'), 'utf8') : r.stdout;
  });
}

describe('the bank cache', () => {
  const reference = answers(tempHome());

  it('a warm start answers exactly as a cold one', () => {
    const home = tempHome();
    expect(answers(home)).toEqual(reference); // cold: builds the cache
    expect(cacheFiles(home)).toHaveLength(1);
    expect(answers(home)).toEqual(reference); // warm: reads it
  });

  it('a damaged cache is rebuilt, never trusted', () => {
    const damages: [string, (text: string) => string][] = [
      ['truncated', (t) => t.slice(0, Math.floor(t.length / 2))],
      ['empty', () => ''],
      ['not JSON', () => 'garbage\nmore garbage\n'],
      // Still valid JSON everywhere, but a model answer is not what the bank says.
      ['edited', (t) => t.replace(/("answer":\{"en":")([A-Za-z])/, (_m, a: string, c: string) => a + (c === 'X' ? 'Y' : 'X'))],
      ['an earlier cache format', (t) => JSON.stringify(JSON.parse(t.split('\n')[1]!))],
    ];
    const home = tempHome();
    const cards = path.join(home, 'cards.txt');
    expect(mlprep(['list'], { home }).code).toBe(0);
    const [file] = cacheFiles(home);
    const good = readFileSync(file!, 'utf8');
    for (const [name, damage] of damages) {
      const bad = damage(good);
      expect(bad, name).not.toBe(good);
      writeFileSync(file!, bad);
      // The Anki export reads every question's rubric and model answer.
      expect(mlprep(['export', '--anki', cards], { home }).code, name).toBe(0);
      expect(readFileSync(cards, 'utf8'), name).toBe(reference[5]);
      expect(readFileSync(file!, 'utf8'), `${name}: rewritten`).toBe(good);
      expect(mlprep(['list', '--json'], { home }).stdout, name).toBe(reference[0]);
    }
  });

  it('changes to a bank are picked up on the next run', () => {
    const home = tempHome();
    const dir = mkdtempSync(path.join(tmpdir(), 'mlprep-bank-'));
    cpSync(path.join(FIXTURES, 'banks', 'good'), dir, { recursive: true });
    const file = path.join(dir, readdirSync(dir)[0]!);
    const list = () => {
      const r = mlprep(['--bank', dir, 'list', '--json'], { home });
      return { code: r.code, stderr: r.stderr, list: r.code === 0 ? (JSON.parse(r.stdout) as { id: string; prompt: string }[]) : [] };
    };
    const before = list().list;
    expect(list().list).toEqual(before); // from the cache
    const original = readFileSync(file, 'utf8');

    // An edited prompt.
    const q = before.find((x) => original.includes(x.id) && x.id.startsWith('my-'))!;
    const edited = original.replace(/(prompt:\s*\{?\s*en:\s*"?)/, '$1Edited - ');
    expect(edited).not.toBe(original);
    writeFileSync(file, edited);
    const after = list().list;
    expect(after.map((x) => x.id)).toEqual(before.map((x) => x.id));
    expect(after.filter((x) => x.prompt.startsWith('Edited - ')).length).toBe(1);

    // A new file, then the file removed again.
    writeFileSync(path.join(dir, 'zz-new.yaml'), original.replace(/\bmy-/g, 'new-').replace(/Edited - /g, ''));
    expect(list().list.length).toBeGreaterThan(before.length);
    rmSync(path.join(dir, 'zz-new.yaml'));
    writeFileSync(file, original);
    expect(list().list).toEqual(before);

    // A file broken after it was cached is reported, not served from the cache.
    writeFileSync(file, original.replace(`id: ${q.id}`, `id: ${q.id}\n    id: again`));
    const broken = list();
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^mlprep: the question bank has 1 problem/);
    expect(broken.stderr).toContain('duplicate key in a mapping');
  });
});
