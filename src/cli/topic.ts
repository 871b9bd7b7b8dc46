import { loadBank } from '../bank/cached.js';
import { resolveTopic } from '../bank/topics.js';
import { progress } from '../drill/progress.js';
import { hanging, sanitize, wrap } from '../ui/output.js';
import type { DrillOptions } from './drill.js';
import type { Action } from './main.js';
import { readHistory } from './common.js';

const pct = (x: number | undefined) => (x === undefined ? '—' : `${Math.round(x * 100)}%`);

export const run: Action<Omit<DrillOptions, 'topic'> & { quiz?: boolean; json?: boolean }> = async (args, opts, io) => {
  const bank = await loadBank({ banks: opts.bank });
  const topic = resolveTopic(bank, args.join(' '));
  // The drill (scorer, prompts, YAML for --answers) loads only for --quiz.
  if (opts.quiz) return (await import('./drill.js')).runDrill(bank, { ...opts, topic: [topic.slug] }, io, { cram: true });

  const history = readHistory(io);
  const now = new Date();
  const p = progress(bank, history.sessions, now);
  const tp = p.topics.find((t) => t.topic === topic.slug)!;
  const questions = bank.questions.filter((q) => q.topic === topic.slug);
  const lang = opts.lang ?? 'en';

  if (opts.json) {
    io.out(
      JSON.stringify(
        {
          slug: topic.slug,
          title: topic.title,
          aliases: topic.aliases,
          mastery: tp.mastery,
          due: tp.due,
          questions: questions.map((q) => {
            const qp = p.questions.get(q.id)!;
            return {
              id: q.id,
              kind: q.kind,
              difficulty: q.difficulty,
              prompt: q.prompt,
              points: q.rubric.points.map((pt) => ({ id: pt.id, text: pt.text, zh: pt.zh, weight: pt.weight, required: pt.required })),
              answer: q.answer,
              followups: q.followups.map((f) => ({ id: f.id, prompt: f.prompt })),
              history: { attempts: qp.attempts, lastScore: qp.lastScore ?? null, bestScore: qp.bestScore ?? null, nextReview: qp.due ?? null },
            };
          }),
        },
        null,
        2,
      ),
    );
    return;
  }

  const c = io.color;
  const w = io.columns;
  io.out(wrap(c.bold(sanitize(`${topic.title.en} · ${topic.title.zh}`)) + c.dim(`  (${topic.slug})`), w));
  io.out(wrap(c.dim(`${questions.length} questions · mastery ${pct(tp.mastery)} · ${tp.seen} practised · ${tp.due} due for review`), w));
  questions.forEach((q, i) => {
    const qp = p.questions.get(q.id)!;
    io.out('');
    io.out(wrap(`${c.bold(`${i + 1}. ${q.id}`)} ${c.dim(`${q.kind} · ${q.difficulty} · ${q.timeLimit} s`)}`, w));
    io.out(wrap(sanitize(q.prompt[lang]), w, '   '));
    io.out(c.dim('   Key points'));
    if (q.numeric) io.out(hanging('   • ', `The answer is ${q.numeric.value}${q.numeric.unit ? ` ${q.numeric.unit}` : ''}. ${c.dim('(required)')}`, w));
    for (const pt of q.rubric.points) {
      const text = lang === 'zh' && pt.zh ? pt.zh : pt.text;
      io.out(hanging('   • ', `${sanitize(text)}${pt.required ? c.dim(' (required)') : ''}`, w));
    }
    io.out(c.dim('   Model answer'));
    io.out(wrap(sanitize(lang === 'zh' && q.answer.zh ? q.answer.zh : q.answer.en), w, '     '));
    const due = qp.due ? (qp.due <= now.toISOString() ? c.yellow('due now') : `next review ${qp.due.slice(0, 10)}`) : 'not scheduled';
    io.out(wrap(c.dim(`History: ${qp.attempts} attempt${qp.attempts === 1 ? '' : 's'} · last ${pct(qp.lastScore)} · best ${pct(qp.bestScore)} · `) + due, w, '   '));
  });
  io.out('');
  io.out(wrap(c.dim(`Drill this topic: mlprep topic ${topic.slug} --quiz`), w));
};
