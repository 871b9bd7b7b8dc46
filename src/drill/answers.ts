import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import * as z from 'zod';
import type { Bank } from '../bank/bank.js';
import { UserError } from '../errors.js';

const AnswersFile = z.record(
  z.string(),
  z.union([
    z.string(),
    z.strictObject({ answer: z.string().default(''), followups: z.array(z.string()).default([]) }),
  ]),
);
export type Answers = Map<string, { answer: string; followups: string[] }>;

/** Reads `--answers FILE`: question ids mapped to an answer and, optionally, follow-up answers in order. */
export function readAnswersFile(file: string, bank: Bank): Answers {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UserError(`${file}: cannot read the answers file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let raw: unknown;
  try {
    raw = parseYaml(text, { maxAliasCount: 100 });
  } catch (e) {
    throw new UserError(`${file}: not valid YAML or JSON: ${(e as Error).message.split('\n')[0]}`);
  }
  const parsed = AnswersFile.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError(
      `${file}: ${issue.path.length ? `at ${issue.path.join('.')}: ` : ''}expected question ids mapped to an answer or to {answer, followups: [...]}`,
    );
  }
  const unknown = Object.keys(parsed.data).filter((id) => !bank.questionById.has(id));
  if (unknown.length) throw new UserError(`${file}: unknown question id${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
  return new Map(
    Object.entries(parsed.data).map(([id, v]) => [id, typeof v === 'string' ? { answer: v, followups: [] } : v]),
  );
}
