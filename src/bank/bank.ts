import type { FollowupT, QuestionT, RubricT, TopicT } from './schema.js';
import { compareProblems, type Problem } from './problems.js';
import { parseBankFile, type ParsedFile } from './parse.js';

export interface SourceLoc {
  file: string;
  line: number;
  col: number;
}

/**
 * `source` (where the question or topic is defined) is set by buildBank, for
 * its own messages and for authoring scripts; a bank read through the cache
 * (loadBank) does not carry it.
 */
export interface BankQuestion extends Omit<QuestionT, 'topic'> {
  topic: string;
  source?: SourceLoc;
}

export interface BankTopic extends TopicT {
  source?: SourceLoc;
}

export interface Bank {
  topics: BankTopic[];
  questions: BankQuestion[];
  topicBySlug: Map<string, BankTopic>;
  questionById: Map<string, BankQuestion>;
}

import type { SourceText } from './files.js';
export type { SourceText };

/**
 * Parses, validates and indexes bank files: YAML and schema problems per file,
 * then what only the whole bank can tell (duplicate ids, unknown seeds and
 * topics, follow-up conditions naming missing points). Pure; every problem is
 * reported, sorted by file and position.
 */
export function buildBank(sources: readonly SourceText[], seedIds: ReadonlySet<string>): { bank: Bank; problems: Problem[] } {
  const parsed = sources.map((s) => parseBankFile(s.file, s.text));
  const problems: Problem[] = parsed.flatMap((p) => p.problems);

  const topics: BankTopic[] = [];
  const topicBySlug = new Map<string, BankTopic>();
  for (const p of parsed) {
    const t = p.data?.topic;
    if (!t) continue;
    const loc = { file: p.file, ...p.locate(['topic', 'slug']) };
    const prior = topicBySlug.get(t.slug);
    if (prior) {
      problems.push({ ...loc, message: `duplicate topic "${t.slug}" (first defined at ${where(prior.source!)})` });
      continue;
    }
    const topic = { ...t, source: loc };
    topics.push(topic);
    topicBySlug.set(t.slug, topic);
  }

  const questions: BankQuestion[] = [];
  const questionById = new Map<string, BankQuestion>();
  for (const p of parsed) {
    if (!p.data) continue;
    p.data.questions.forEach((q, i) => {
      const loc = { file: p.file, ...p.locate(['questions', i, 'id']) };
      const slug = q.topic ?? p.data!.topic?.slug;
      let ok = true;
      if (!slug) {
        problems.push({ ...loc, message: `question "${q.id}" has no topic: add \`topic:\` to it or a \`topic:\` block to the file` });
        ok = false;
      } else if (!topicBySlug.has(slug)) {
        problems.push({ file: p.file, ...p.locate(['questions', i, 'topic']), message: `unknown topic "${slug}" (no bank file defines it)` });
        ok = false;
      }
      const prior = questionById.get(q.id);
      if (prior) {
        problems.push({ ...loc, message: `duplicate question id "${q.id}" (first defined at ${where(prior.source!)})` });
        ok = false;
      }
      q.seeds.forEach((s, j) => {
        if (!seedIds.has(s)) problems.push({ file: p.file, ...p.locate(['questions', i, 'seeds', j]), message: `unknown seed item "${s}" (not in coverage/seed-items.yaml)` });
      });
      problems.push(...rubricProblems(p, ['questions', i, 'rubric'], q.rubric));
      problems.push(...followupProblems(p, i, q));
      if (ok && slug) {
        const bq: BankQuestion = { ...q, topic: slug, source: loc };
        questions.push(bq);
        questionById.set(q.id, bq);
      }
    });
  }

  problems.sort(compareProblems);
  return { bank: { topics, questions, topicBySlug, questionById }, problems };
}

function where(loc: SourceLoc): string {
  return `${loc.file}:${loc.line}:${loc.col}`;
}

function rubricProblems(p: ParsedFile, path: (string | number)[], rubric: RubricT): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  const check = (kind: 'points' | 'misconceptions', id: string, j: number) => {
    if (seen.has(id)) out.push({ file: p.file, ...p.locate([...path, kind, j, 'id']), message: `duplicate point id "${id}" in this rubric` });
    seen.add(id);
  };
  rubric.points.forEach((pt, j) => check('points', pt.id, j));
  rubric.misconceptions.forEach((m, j) => check('misconceptions', m.id, j));
  return out;
}

function followupProblems(p: ParsedFile, i: number, q: QuestionT): Problem[] {
  const out: Problem[] = [];
  const pointIds = new Set(q.rubric.points.map((pt) => pt.id));
  const seen = new Set<string>();
  q.followups.forEach((f: FollowupT, j) => {
    const base = ['questions', i, 'followups', j];
    if (seen.has(f.id)) out.push({ file: p.file, ...p.locate([...base, 'id']), message: `duplicate follow-up id "${f.id}" in question "${q.id}"` });
    seen.add(f.id);
    for (const cond of ['hit', 'missed'] as const) {
      f.when?.[cond]?.forEach((id, k) => {
        if (!pointIds.has(id)) {
          out.push({
            file: p.file,
            ...p.locate([...base, 'when', cond, k]),
            message: `follow-up "${f.id}" depends on point "${id}", which question "${q.id}" does not have (points: ${[...pointIds].join(', ')})`,
          });
        }
      });
    }
    out.push(...rubricProblems(p, [...base, 'rubric'], f.rubric));
  });
  return out;
}
