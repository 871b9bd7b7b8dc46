import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type * as z from 'zod';
import { BankFile, type BankFileT } from './schema.js';
import { nearest, type Problem } from './problems.js';

/** Path of a field inside a parsed document, as zod reports it. */
export type FieldPath = readonly PropertyKey[];

export interface ParsedFile {
  file: string;
  data?: BankFileT;
  problems: Problem[];
  /** 1-based line/column of the node at `path` (or its nearest existing parent). */
  locate(path: FieldPath, key?: string): { line: number; col: number };
}


/**
 * Parses and validates one bank file. Pure: takes the text, returns the data
 * or every problem found, each with its line and column.
 */
export function parseBankFile(file: string, text: string): ParsedFile {
  const lineCounter = new LineCounter();
  const problems: Problem[] = [];
  const at = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, col: p.col };
  };
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let doc: Document;
  try {
    doc = parseDocument(src, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  } catch (e) {
    // The parser's own limits (e.g. nesting deeper than its stack): still one located line.
    problems.push({ file, line: 1, col: 1, message: `cannot parse the YAML: ${(e as Error).message}` });
    return { file, problems, locate: () => ({ line: 1, col: 1 }) };
  }

  const locate = (path: FieldPath, key?: string) => locateIn(doc, path, key, at);
  const result: ParsedFile = { file, problems, locate };

  for (const e of doc.errors) {
    problems.push({ file, ...at(e.pos[0]), message: yamlMessage(e.code, e.message) });
  }
  for (const w of doc.warnings) {
    if (w.code === 'TAG_RESOLVE_FAILED') {
      problems.push({ file, ...at(w.pos[0]), message: `unsupported YAML tag (${w.message.split(' at line')[0]!.replace(/^Unresolved tag: /, '')}): bank files are plain YAML` });
    }
  }
  if (problems.length > 0) return result;

  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 200 });
  } catch (e) {
    const msg = (e as Error).message;
    problems.push({
      file,
      line: 1,
      col: 1,
      message: /alias count/i.test(msg) ? 'too many YAML aliases (*name) expand here; bank files should not need them' : `cannot read the YAML: ${msg}`,
    });
    return result;
  }
  if (raw === null || raw === undefined) raw = {};

  const parsed = BankFile.safeParse(raw);
  if (parsed.success) {
    result.data = parsed.data;
    return result;
  }
  for (const issue of parsed.error.issues) {
    problems.push(...issueProblems(file, issue, raw, locate));
  }
  return result;
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'DUPLICATE_KEY') return 'duplicate key in a mapping (each key may appear once)';
  return `invalid YAML: ${first}`;
}

function locateIn(
  doc: Document,
  path: FieldPath,
  key: string | undefined,
  at: (offset: number) => { line: number; col: number },
): { line: number; col: number } {
  let node: unknown = doc.contents;
  let best: Node | null = (doc.contents as Node | null) ?? null;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === seg);
      if (!pair) break;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
    } else break;
    if (node && typeof node === 'object' && 'range' in node) best = node as Node;
    else break;
  }
  if (key !== undefined && isMap(best)) {
    const pair = best.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
    const k = pair?.key as Node | undefined;
    if (k?.range) return at(k.range[0]);
  }
  if (best?.range) return at(best.range[0]);
  return { line: 1, col: 1 };
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 30 ? v.slice(0, 27) + '...' : v)}`;
  return `${typeof v === 'number' ? 'the number' : typeof v} ${String(v)}`;
}

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
};

function valueAt(root: unknown, path: FieldPath): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

function fieldName(path: FieldPath): string {
  return path.length === 0 ? 'the file' : path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${String(s)}`)).join('').replace(/^\./, '');
}

function issueProblems(
  file: string,
  issue: z.core.$ZodIssue,
  raw: unknown,
  locate: ParsedFile['locate'],
): Problem[] {
  const path = issue.path;
  const where = fieldName(path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeys(raw, path);
      return issue.keys.map((k) => {
        const hint = nearest(k, allowed, 2, 1)[0];
        const suffix = hint
          ? ` (did you mean "${hint}"?)`
          : /\s/.test(k.trim())
            ? ' (a comma inside {...} or [...] splits the text there: put the text in quotes)'
            : allowed.length
              ? ` (allowed: ${allowed.join(', ')})`
              : '';
        return { file, ...locate(path, k), message: `unknown field "${k}" in ${where}${suffix}` };
      });
    }
    case 'invalid_type': {
      const value = valueAt(raw, path);
      const expected = typeNames[issue.expected] ?? issue.expected;
      if (value === undefined) {
        const parent = path.slice(0, -1);
        const name = String(path[path.length - 1]);
        return [{ file, ...locate(parent), message: `missing required field "${name}" in ${fieldName(parent)}` }];
      }
      return [{ file, ...locate(path), message: `${where}: expected ${expected}, got ${describeValue(value)}` }];
    }
    case 'invalid_value': {
      const value = valueAt(raw, path);
      const options = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return [{ file, ...locate(path), message: `${where}: ${describeValue(value)} is not one of ${options}` }];
    }
    case 'too_small':
    case 'too_big': {
      const value = valueAt(raw, path);
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const what =
        issue.origin === 'array'
          ? `needs ${issue.code === 'too_small' ? 'at least' : 'at most'} ${bound} item${Number(bound) === 1 ? '' : 's'}`
          : issue.origin === 'string'
            ? issue.code === 'too_small'
              ? 'must not be empty'
              : `is longer than ${bound} characters`
            : `must be ${issue.code === 'too_small' ? (issue.inclusive ? 'at least' : 'greater than') : issue.inclusive ? 'at most' : 'less than'} ${bound}`;
      const msg = issue.message && !issue.message.startsWith('Too ') ? issue.message : what;
      return [{ file, ...locate(path), message: `${where}: ${msg}${issue.origin === 'number' ? ` (got ${describeValue(value)})` : ''}` }];
    }
    default:
      return [{ file, ...locate(path), message: `${where}: ${issue.message}` }];
  }
}

/** Keys the strict object at `path` accepts, for "did you mean" hints. */
function allowedKeys(_raw: unknown, path: FieldPath): string[] {
  let schema: z.core.$ZodType | undefined = BankFile as unknown as z.core.$ZodType;
  for (const seg of path) {
    schema = unwrap(schema);
    if (schema?._zod.def.type === 'array' && typeof seg === 'number') {
      schema = (schema._zod.def as z.core.$ZodArrayDef).element;
    } else if (schema?._zod.def.type === 'object' && typeof seg === 'string') {
      schema = (schema._zod.def as z.core.$ZodObjectDef).shape[seg];
    } else return [];
  }
  schema = unwrap(schema);
  return schema?._zod.def.type === 'object' ? Object.keys((schema._zod.def as z.core.$ZodObjectDef).shape) : [];
}

function unwrap(s: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  while (s && (s._zod.def.type === 'optional' || s._zod.def.type === 'default')) {
    s = (s._zod.def as z.core.$ZodOptionalDef).innerType;
  }
  return s;
}
