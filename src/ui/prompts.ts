import { createPrompt, isBackspaceKey, useEffect, useKeypress, useRef, useState, type KeypressEvent } from '@inquirer/core';
import { sanitize } from './output.js';

/**
 * Terminal prompts built on @inquirer/core: a timed, multi-line answer box with
 * a live countdown, and a one-key menu. They only collect input; what the
 * input means is decided by the drill's state machine.
 */

export interface TimedInputConfig {
  /** Lines above the answer (question, topic, progress); `{time}` is replaced by the countdown. */
  header: string;
  /** Key help shown under the header. */
  keys: string;
  /** When time runs out (ms since the epoch). */
  deadline: number;
  /** Text to start with (an answer restored after "don't quit"). */
  initial?: string;
  /** Kept up to date with what is typed, so the caller still has it after Ctrl-C. */
  draft: { text: string };
  /** How to paint the countdown as it runs low. */
  paint?: (secondsLeft: number, text: string) => string;
}

export interface TimedAnswer {
  text: string;
  timedOut: boolean;
}

export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

type Key = KeypressEvent & { meta?: boolean; shift?: boolean; sequence?: string };

/**
 * Enter submits; Ctrl+J (or a line ending in "\" then Enter) starts a new
 * line; Backspace on an empty line goes back to the line above. The countdown
 * redraws in place once a second; at zero the text typed so far is submitted.
 */
export const timedInput = createPrompt<TimedAnswer, TimedInputConfig>((config, done) => {
  const initialLines = (config.initial ?? '').split('\n');
  const [lines, setLines] = useState<string[]>(initialLines.slice(0, -1));
  const [line, setLine] = useState<string>('');
  const [secondsLeft, setSecondsLeft] = useState<number>(Math.ceil((config.deadline - Date.now()) / 1000));
  const [finished, setFinished] = useState(false);
  const state = useRef({ lines, line });
  state.current = { lines, line };

  const textOf = (ls: string[], l: string) => [...ls, l].join('\n');
  const finish = (timedOut: boolean) => {
    setFinished(true);
    done({ text: textOf(state.current.lines, state.current.line), timedOut });
  };

  useEffect((rl) => {
    const last = initialLines[initialLines.length - 1] ?? '';
    if (last) {
      rl.write(last);
      setLine(last);
    }
    // Ctrl-D on an empty line makes readline close the input: treat it as submit.
    const onClose = () => finish(false);
    rl.on('close', onClose);
    const tick = setInterval(() => {
      const left = Math.ceil((config.deadline - Date.now()) / 1000);
      if (left <= 0) {
        clearInterval(tick);
        finish(true);
      } else setSecondsLeft(left);
    }, 200);
    return () => {
      clearInterval(tick);
      rl.removeListener('close', onClose);
    };
  }, []);

  useKeypress((key: Key, rl) => {
    if (finished) return;
    const { lines: ls, line: current } = state.current;
    if (key.ctrl && key.name === 'd') {
      // End of input: submit what is typed, as Enter would.
      finish(false);
      return;
    }
    if (key.name === 'return' && !key.meta) {
      if (current.endsWith('\\')) {
        const next = [...ls, current.slice(0, -1)];
        setLines(next);
        setLine('');
        config.draft.text = textOf(next, '');
        return;
      }
      finish(false);
      return;
    }
    if (key.name === 'enter' || (key.name === 'return' && key.meta) || (key.name === 'j' && key.ctrl)) {
      const next = [...ls, current];
      setLines(next);
      setLine('');
      rl.line = '';
      config.draft.text = textOf(next, '');
      return;
    }
    if (isBackspaceKey(key) && current === '' && rl.line === '' && ls.length > 0) {
      const prev = ls[ls.length - 1]!;
      const next = ls.slice(0, -1);
      setLines(next);
      rl.write(prev);
      setLine(prev);
      config.draft.text = textOf(next, prev);
      return;
    }
    setLine(rl.line);
    config.draft.text = textOf(ls, rl.line);
  });

  const clock = formatClock(secondsLeft);
  const painted = config.paint ? config.paint(secondsLeft, clock) : clock;
  const header = config.header.replace('{time}', painted);
  if (finished) return `${header}\n${lines.map((l) => `  ${sanitize(l)}`).join('\n')}${lines.length ? '\n' : ''}  ${sanitize(line)}`;
  const typed = lines.map((l) => `  ${sanitize(l)}`).join('\n');
  return `${header}\n${config.keys}\n${typed}${typed ? '\n' : ''}> ${line}`;
});

export interface MenuConfig {
  message: string;
  /** Keys accepted (single characters); Enter picks `enterKey`. */
  keys: string[];
  enterKey?: string;
}

/** Waits for one of the given keys. */
export const keyMenu = createPrompt<string, MenuConfig>((config, done) => {
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  useEffect((rl) => {
    // Ctrl-D (end of input) picks the default, as Enter would.
    const onClose = () => done(config.enterKey ?? config.keys[0] ?? '');
    rl.on('close', onClose);
    return () => rl.removeListener('close', onClose);
  }, []);
  useKeypress((key: Key, rl) => {
    if (chosen !== undefined) return;
    const name = (key.name ?? key.sequence ?? '').toLowerCase();
    let pick: string | undefined;
    if ((key.name === 'return' || key.name === 'enter') && config.enterKey) pick = config.enterKey;
    else if (config.keys.includes(name)) pick = name;
    rl.line = '';
    if (pick !== undefined) {
      setChosen(pick);
      done(pick);
    }
  });
  return config.message;
});
