import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { colorEnabled, type Output } from '../../src/ui/output.js';

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: Output = { out: (t = '') => out.push(t), err: (t = '') => err.push(t), columns: 80, color: new Chalk({ level: 0 }) };
  return { io, out, err };
}

async function run(...args: string[]) {
  const f = fakeIo();
  const code = await main(['node', 'mlprep', ...args], f.io);
  return { code, out: f.out.join('\n'), err: f.err.join('\n') };
}

describe('argument parsing', () => {
  it('an unknown command is one line with the nearest command, exit 2', async () => {
    const r = await run('lsit');
    expect(r.code).toBe(2);
    expect(r.err).toBe("mlprep: unknown command 'lsit' (did you mean list?)");
  });
  it('an unknown option is one line, exit 2', async () => {
    const r = await run('list', '--jsn');
    expect(r.code).toBe(2);
    expect(r.err).toBe("mlprep: unknown option '--jsn' (did you mean --json?)");
  });
  it('no command prints the usage and exits 2', async () => {
    const r = await run();
    expect(r.code).toBe(2);
    expect(r.err).toContain('Usage: mlprep');
  });
  it('--version prints the package version, exit 0', async () => {
    const r = await run('--version');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\d+\.\d+\.\d+$/);
  });
  it('--help lists every command with a one-line description', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    for (const cmd of ['list', 'topics', 'validate', 'schema', 'grade']) expect(r.out).toMatch(new RegExp(`\\n  ${cmd}\\b.*\\S`));
  });
  it.each(['list', 'topics', 'validate', 'schema', 'grade'])('%s --help has examples', async (cmd) => {
    const r = await run(cmd, '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Examples:');
    expect(r.out).toContain(`mlprep ${cmd}`);
  });
  it('--bank is repeatable and reaches the command', async () => {
    const r = await run('--bank', 'a-missing-dir', 'list');
    expect(r.code).toBe(1);
    expect(r.err).toBe('mlprep: a-missing-dir: no such file or directory');
  });
  it('an unknown topic exits 2 with suggestions', async () => {
    const r = await run('list', '--topic', 'bias-varaince');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^mlprep: unknown topic "bias-varaince" \(did you mean bias-variance/);
  });
});

describe('colour', () => {
  it('NO_COLOR and --no-color turn colour off; a terminal turns it on', () => {
    expect(colorEnabled([], {}, true)).toBe(true);
    expect(colorEnabled([], { NO_COLOR: '1' }, true)).toBe(false);
    expect(colorEnabled(['--no-color'], {}, true)).toBe(false);
    expect(colorEnabled([], {}, false)).toBe(false);
    expect(colorEnabled([], { FORCE_COLOR: '1' }, false)).toBe(true);
  });
});
