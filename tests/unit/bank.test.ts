import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { buildBank } from '../../src/bank/bank.js';
import { parseBankFile } from '../../src/bank/parse.js';
import { formatProblem } from '../../src/bank/problems.js';
import { bankJsonSchema } from '../../src/bank/schema.js';
import { BUILTIN_BANK_DIR, findBankFiles, readSeedItems } from '../../src/bank/load.js';
import { NFKC_STABLE, resolveTopic } from '../../src/bank/topics.js';
import { FIXTURES, ROOT } from '../helpers.js';

const seeds = new Set(readSeedItems().map((s) => s.id));
const broken = path.join(FIXTURES, 'banks', 'broken');
const builtinSources = findBankFiles(BUILTIN_BANK_DIR).map((f) => ({ file: path.relative(ROOT, f), text: readFileSync(f, 'utf8') }));

function problemsOf(...names: string[]): string[] {
  const sources = names.map((n) => ({ file: `broken/${n}`, text: readFileSync(path.join(broken, n), 'utf8') }));
  return buildBank([...builtinSources, ...sources], seeds).problems.map(formatProblem);
}

describe('broken bank files report file:line:col and an actionable message', () => {
  it('a typo in a key names the key and suggests the right one', () => {
    expect(problemsOf('unknown-key.yaml')).toContain(
      'broken/unknown-key.yaml:14:11: unknown field "aliasses" in questions[0].rubric.points[0] (did you mean "aliases"?)',
    );
  });
  it('a key given twice in one mapping', () => {
    expect(problemsOf('duplicate-key.yaml')).toEqual(['broken/duplicate-key.yaml:4:3: duplicate key in a mapping (each key may appear once)']);
  });
  it('a YAML syntax error', () => {
    const [p] = problemsOf('bad-yaml.yaml');
    expect(p).toMatch(/^broken\/bad-yaml\.yaml:4:1: invalid YAML: Flow map .* end with a \}$/);
  });
  it('wrong types and values name the field, the value and what is allowed', () => {
    expect(problemsOf('wrong-type.yaml')).toEqual([
      'broken/wrong-type.yaml:6:11: questions[0].kind: the text "essay" is not one of "open", "numeric", "code"',
      'broken/wrong-type.yaml:8:16: questions[0].timeLimit: expected a number, got the text "two minutes"',
    ]);
  });
  it('a missing field points at the object that lacks it', () => {
    expect(problemsOf('missing-field.yaml')).toEqual(['broken/missing-field.yaml:5:5: missing required field "prompt" in questions[0]']);
  });
  it('bank-wide problems: duplicate ids name both places, unknown seeds and topics, conditions on missing points', () => {
    expect(problemsOf('semantic.yaml')).toEqual([
      'broken/semantic.yaml:5:9: duplicate question id "bias-variance-tradeoff" (first defined at bank/bias-variance.yaml:10:9)',
      'broken/semantic.yaml:6:37: unknown seed item "s999-not-an-item" (not in coverage/seed-items.yaml)',
      'broken/semantic.yaml:16:12: unknown topic "no-such-topic" (no bank file defines it)',
      'broken/semantic.yaml:37:25: follow-up "f1" depends on point "p2", which question "semantic-condition" does not have (points: p1)',
    ]);
  });
  it('all problems of all files come back in one run, sorted by file', () => {
    const all = problemsOf(...readdirSync(broken).sort());
    const files = [...new Set(all.map((p) => p.split(':')[0]))];
    expect(files).toEqual(readdirSync(broken).sort().map((n) => `broken/${n}`));
  });
});

describe('the format', () => {
  it('accepts a valid user bank that adds a topic and extends a built-in one', () => {
    const file = path.join(FIXTURES, 'banks', 'good', 'attention-extra.yaml');
    const { bank, problems } = buildBank([...builtinSources, { file: 'good.yaml', text: readFileSync(file, 'utf8') }], seeds);
    expect(problems).toEqual([]);
    expect(bank.questionById.get('my-bias-variance-extra')?.topic).toBe('bias-variance');
    expect(bank.questionById.get('my-attention-why-scale')?.topic).toBe('my-attention');
  });
  it('strips a byte-order mark and reads CRLF line endings', () => {
    const text = '\ufefftopic:\r\n  slug: crlf\r\n  title: {en: CRLF, zh: 换行}\r\n';
    const r = parseBankFile('crlf.yaml', text);
    expect(r.problems).toEqual([]);
    expect(r.data?.topic?.slug).toBe('crlf');
  });
  it('a numeric question without its value is an error', () => {
    const r = parseBankFile(
      'n.yaml',
      'questions:\n  - {id: n, topic: t, kind: numeric, difficulty: easy, timeLimit: 60, prompt: {en: a, zh: b}, rubric: {points: []}, answer: {en: c}}\n',
    );
    expect(r.problems.map(formatProblem)).toEqual([
      'n.yaml:2:5: questions[0]: a numeric question needs `numeric: {value, tolerance}`, and only numeric questions have it',
    ]);
  });
});

describe('JSON Schema', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = ajv.compile(bankJsonSchema());
  it('every built-in bank file satisfies the generated schema', () => {
    for (const s of builtinSources) {
      const ok = validate(parse(s.text));
      expect(ok ? [] : validate.errors, s.file).toEqual([]);
    }
  });
  it('rejects an unknown key, as the loader does', () => {
    expect(validate({ topic: { slug: 'x', title: { en: 'a', zh: 'b' }, colour: 'red' } })).toBe(false);
  });
  it('the committed copy in schema/ is up to date', () => {
    const committed = JSON.parse(readFileSync(path.join(ROOT, 'schema', 'bank.schema.json'), 'utf8'));
    expect(committed).toEqual(bankJsonSchema());
  });
  it('every built-in bank file points editors at the committed schema', () => {
    for (const s of builtinSources) expect(s.text.split('\n')[0], s.file).toBe('# yaml-language-server: $schema=../schema/bank.schema.json');
  });
});

describe('topic lookup', () => {
  const { bank } = buildBank(builtinSources, seeds);
  it('finds a topic by slug, alias, English or Chinese title, ignoring case and separators', () => {
    for (const name of ['bias-variance', 'bias variance', 'Bias-Variance', '偏差方差', 'Bias and variance', '偏差与方差', 'BIAS_VARIANCE']) {
      expect(resolveTopic(bank, name).slug, name).toBe('bias-variance');
    }
  });
  it('full-width and compatibility forms still fold (NFKC is skipped only where it changes nothing)', () => {
    expect(resolveTopic(bank, 'ｂｉａｓ－ｖａｒｉａｎｃｅ').slug).toBe('bias-variance');
    const changed: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      const c = String.fromCharCode(cp);
      if (NFKC_STABLE.test(c) && (cp < 0xd800 || cp > 0xdfff) && c.normalize('NFKC') !== c) changed.push(cp.toString(16));
    }
    expect(changed).toEqual([]);
  });
  it('an unknown topic is a usage error that suggests the nearest', () => {
    expect(() => resolveTopic(bank, 'bias-varience')).toThrow(/unknown topic "bias-varience" \(did you mean bias-variance\?\)/);
    try {
      resolveTopic(bank, 'bias-varience');
    } catch (e) {
      expect((e as { exitCode: number }).exitCode).toBe(2);
    }
  });
});

describe('seed items', () => {
  it('the vendored coverage/seed-items.yaml matches the shared one', () => {
    const shared = path.join(ROOT, '..', 'shared', 'coverage', 'seed-items.yaml');
    let sharedText: string;
    try {
      sharedText = readFileSync(shared, 'utf8');
    } catch {
      return; // Outside the workspace (an installed package) there is nothing to compare with.
    }
    expect(readFileSync(path.join(ROOT, 'coverage', 'seed-items.yaml'), 'utf8')).toBe(sharedText);
  });
});
