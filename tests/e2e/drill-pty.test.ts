import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, FIXTURES, ROOT, tempHome } from '../helpers.js';

/**
 * Drives the interactive drill through a real pseudo-terminal (tmux): the
 * screen is what a user would see, keys are what a user would press.
 */

const socket = `mlprep-test-${process.pid}`;
const session = 'drill';
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-p', '-t', session);
const keys = (...k: string[]) => tmux('send-keys', '-t', session, ...k);
const type = (text: string) => tmux('send-keys', '-t', session, '-l', text);

async function waitFor(pred: (s: string) => boolean, what: string, ms = 15_000): Promise<string> {
  const end = Date.now() + ms;
  let last = '';
  while (Date.now() < end) {
    last = screen();
    if (pred(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}; the screen was:\n${last}`);
}
const clockOf = (s: string) => /⏱ (\d+:\d\d)/.exec(s)?.[1];

const hasTmux = spawnSync('tmux', ['-V']).status === 0;

describe('interactive drill in a terminal', () => {
  afterAll(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
  });

  it('counts down in place, takes answers and follow-ups, submits on timeout, and saves on Ctrl-C', async () => {
    expect(hasTmux, 'tmux is needed for this test (apt-get install tmux)').toBe(true);
    const home = tempHome();
    const bank = path.join(FIXTURES, 'banks', 'good');
    const cmd = [process.execPath, BIN, '--bank', bank, 'drill', '--topic', 'my-attention', '-n', '2', '--seed', '1', '--time', '8', '--followups', '1']
      .map((a) => `'${a}'`)
      .join(' ');
    tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '50', '-c', ROOT, `env MLPREP_HOME='${home}' NO_COLOR=1 ${cmd}; sleep 30`);

    // The countdown is visible and changes, redrawn in place (one clock on screen).
    const first = await waitFor((s) => clockOf(s) !== undefined, 'the first question');
    expect(first).toContain('Question 1/2');
    const c1 = clockOf(first)!;
    const later = await waitFor((s) => clockOf(s) !== undefined && clockOf(s) !== c1, 'the countdown to change', 3000);
    expect(later.match(/⏱/g)).toHaveLength(1);

    // Type an answer over two lines and submit it.
    type('The dot product grows with the dimension so scores get large.');
    keys('C-j');
    type('Large scores saturate the softmax and the gradient is tiny.');
    keys('Enter');
    await waitFor((s) => s.includes('Enter next'), 'the score of answer 1');
    keys('Enter');

    // The follow-up "why?" is asked; answer it.
    await waitFor((s) => /why\? 1/.test(s) && clockOf(s) !== undefined, 'a follow-up');
    type('Because the exp of minus infinity is zero and the standard deviation grows like its square root.');
    keys('Enter');
    await waitFor((s) => (s.match(/Enter next/g) ?? []).length >= 2, 'the score of the follow-up');
    keys('Enter');

    // Second question: type part of an answer and let the time run out.
    await waitFor((s) => s.includes('Question 2/2'), 'question 2');
    type('partial words');
    await waitFor((s) => s.includes("Time's up"), 'the timeout', 12_000);
    await waitFor((s) => (s.match(/Enter next/g) ?? []).length >= 3, 'the score of the timed-out answer');
    keys('Enter');

    // Ctrl-C during the next prompt asks first, then saves the session as incomplete.
    await waitFor((s) => (s.match(/why\? 1/g) ?? []).length >= 2, 'the second follow-up');
    type('unfinished thought');
    keys('C-c');
    await waitFor((s) => s.includes('Quit this session?'), 'the quit question');
    keys('y');
    await waitFor((s) => s.includes('Session report (ended early)'), 'the report');

    const dir = path.join(home, 'sessions');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(1);
    const saved = JSON.parse(readFileSync(path.join(dir, files[0]!), 'utf8'));
    expect(saved.completed).toBe(false);
    expect(saved.endReason).toBe('quit');
    const answers = saved.answers as { questionId: string; followupId?: string; answer: string; timedOut: boolean; interrupted?: boolean; score: number }[];
    expect(answers).toHaveLength(4);
    expect(answers[0]!.answer).toBe('The dot product grows with the dimension so scores get large.\nLarge scores saturate the softmax and the gradient is tiny.');
    expect(answers[0]!.score).toBeGreaterThan(0.5);
    expect(answers[1]!.followupId).toBeDefined();
    expect(answers[2]).toMatchObject({ answer: 'partial words', timedOut: true });
    expect(answers[3]).toMatchObject({ answer: 'unfinished thought', interrupted: true });
  }, 90_000);
});
