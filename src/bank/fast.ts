import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';
import type { Bank, BankQuestion, BankTopic } from './bank.js';
import type { SourceText } from './files.js';
import { BankFile, type BankFileT, type RubricT } from './schema.js';

/**
 * The quick way to a bank that has no problems. The validating loader
 * (bank.ts, parse.ts) reads YAML with the `yaml` package, which keeps every
 * node's position so that each problem can be named file:line:col; that
 * costs most of a cold start on a big bank (about 1 s per 1,000 questions).
 * Here js-yaml reads the files (an order of magnitude faster, no positions)
 * with a schema that resolves plain scalars exactly as `yaml`'s YAML 1.2 core
 * schema does, then the same zod schema and the same bank-wide checks run.
 * Only a bank without any problem comes back; anything else (a YAML or schema
 * error, a duplicate id, YAML features this path leaves to `yaml`: tags,
 * anchors and aliases, directives) returns undefined and the caller runs the
 * validating loader, which reports every problem as before.
 * tests/unit/fast.test.ts checks that both loaders build the same bank.
 */
export function fastBank(sources: readonly SourceText[], seedIds: ReadonlySet<string>): Bank | undefined {
  const files: BankFileT[] = [];
  for (const s of sources) {
    const data = fastParse(s.text);
    if (!data) return undefined;
    files.push(data);
  }

  const topics: BankTopic[] = [];
  const topicBySlug = new Map<string, BankTopic>();
  for (const f of files) {
    if (!f.topic) continue;
    if (topicBySlug.has(f.topic.slug)) return undefined;
    const topic = { ...f.topic };
    topics.push(topic);
    topicBySlug.set(topic.slug, topic);
  }

  const questions: BankQuestion[] = [];
  const questionById = new Map<string, BankQuestion>();
  for (const f of files) {
    for (const q of f.questions) {
      const slug = q.topic ?? f.topic?.slug;
      if (!slug || !topicBySlug.has(slug) || questionById.has(q.id)) return undefined;
      if (!q.seeds.every((s) => seedIds.has(s)) || !rubricOk(q.rubric)) return undefined;
      const pointIds = new Set(q.rubric.points.map((p) => p.id));
      const followupIds = new Set<string>();
      for (const fu of q.followups) {
        if (followupIds.has(fu.id) || !rubricOk(fu.rubric)) return undefined;
        followupIds.add(fu.id);
        if (![...(fu.when?.hit ?? []), ...(fu.when?.missed ?? [])].every((id) => pointIds.has(id))) return undefined;
      }
      const bq: BankQuestion = { ...q, topic: slug };
      questions.push(bq);
      questionById.set(q.id, bq);
    }
  }
  return { topics, questions, topicBySlug, questionById };
}

/** Point and misconception ids are unique within a rubric. */
function rubricOk(r: RubricT): boolean {
  const ids = [...r.points.map((p) => p.id), ...r.misconceptions.map((m) => m.id)];
  return new Set(ids).size === ids.length;
}

/**
 * Node properties (tags, anchors, aliases) and directives are left to the
 * validating loader: this finds "!", "&" or "*" starting a word, or "%" at the
 * start of a line, anywhere (in quoted text too, which only costs speed).
 */
const LEAVE_TO_YAML = /(?:^|[\s[\]{},])[!&*]\S|^%/m;

/**
 * Whether a flow collection ([...] or {...}) or a quoted scalar continues
 * past the end of a line: `yaml` checks the indentation of such lines more
 * strictly than js-yaml. A collection starts at the start of a line or after ": ", "- " or
 * "? "; from there brackets are counted to the end of the line, skipping
 * quoted text and comments. Reading too much as a collection only costs
 * speed.
 */
function flowSpansLines(text: string): boolean {
  for (const line of text.split('\n')) {
    // A quoted scalar that does not close on its line: its continuation
    // lines are checked more strictly by `yaml`, too.
    for (const q of line.matchAll(/(?:^[ \t]*|[-?:][ \t]+)(["'])/g)) {
      const rest = line.slice(q.index + q[0].length);
      if (!(q[1] === '"' ? /^(?:[^"\\]|\\.)*"/ : /^(?:[^']|'')*'/).test(rest)) return true;
    }
    const start = /(?:^[ \t]*|[-?:][ \t]+)[[{]/.exec(line);
    if (!start) continue;
    let depth = 0;
    // Whether a scalar may start here (a quote only opens a string there).
    let scalarStart = false;
    for (let i = start.index + start[0].length - 1; i < line.length; i++) {
      const c = line[i]!;
      if (c === '[' || c === '{') depth++;
      else if (c === ']' || c === '}') {
        if (--depth === 0) {
          // Another collection may start later on the line.
          if (flowSpansLines(line.slice(i + 1))) return true;
          break;
        }
      } else if ((c === '"' || c === "'") && scalarStart) {
        const close = c === '"' ? /^(?:[^"\\]|\\.)*"/.exec(line.slice(i + 1)) : /^(?:[^']|'')*'/.exec(line.slice(i + 1));
        if (!close) return true;
        i += close[0].length;
      } else if (c === '#' && /[ \t]/.test(line[i - 1] ?? '')) break;
      scalarStart = '[{,:'.includes(c) || ((c === ' ' || c === '\t') && scalarStart);
    }
    if (depth > 0) return true;
  }
  return false;
}

/** One file's data, or undefined when the validating loader must look at it. */
export function fastParse(text: string): BankFileT | undefined {
  if (LEAVE_TO_YAML.test(text) || /\r(?!\n)/.test(text) || /[\]}"']#/.test(text) || flowSpansLines(text)) return undefined;
  let raw: unknown;
  try {
    raw = load(text, { schema: CORE });
  } catch {
    return undefined;
  }
  const parsed = BankFile.safeParse(raw ?? {});
  return parsed.success ? parsed.data : undefined;
}

/*
 * Plain scalars resolved as `yaml` (YAML 1.2 core schema) resolves them, in
 * its order: null, booleans, octal, decimal and hexadecimal integers, then
 * infinities and NaN, exponent and plain floats. Anything else is a string.
 * (js-yaml keeps one implicit type per tag, so each tag tests all its forms.)
 */
const INT = [
  [/^0o[0-7]+$/, (s: string) => parseInt(s.substring(2), 8)],
  [/^[-+]?[0-9]+$/, (s: string) => parseInt(s, 10)],
  [/^0x[0-9a-fA-F]+$/, (s: string) => parseInt(s.substring(2), 16)],
] as const;
const FLOAT = [
  [
    /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    (s: string) => (s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY),
  ],
  [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (s: string) => parseFloat(s)],
  [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (s: string) => parseFloat(s)],
] as const;

const scalar = (tag: string, forms: readonly (readonly [RegExp, (s: string) => unknown])[]) =>
  new Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (s: string | null) => forms.some(([test]) => test.test(s ?? '')),
    construct: (s: string | null) => forms.find(([test]) => test.test(s ?? ''))![1](s ?? ''),
  });

const CORE = FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar('null', [[/^(?:~|[Nn]ull|NULL)?$/, () => null]]),
    scalar('bool', [[/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T']]),
    scalar('int', INT),
    scalar('float', FLOAT),
  ],
});
