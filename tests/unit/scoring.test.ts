import { describe, expect, it } from 'vitest';
import type { RubricT } from '../../src/bank/schema.js';
import { compileRubric, scoreAnswer, stretch } from '../../src/scoring/score.js';
import { foldText } from '../../src/scoring/normalize.js';
import type { NumericSpec } from '../../src/scoring/numeric.js';

type P = { id: string; weight?: number; required?: boolean; aliases?: string[]; all?: string[][] };
function rubric(points: P[], misconceptions: (P & { penalty?: number })[] = []): RubricT {
  return {
    points: points.map((p) => ({ text: p.id, weight: 1, required: false, ...p })),
    misconceptions: misconceptions.map((m) => ({ text: m.id, penalty: 0.2, ...m })),
  } as RubricT;
}
function score(r: RubricT, answer: string, prompt = 'Explain it.', numeric?: NumericSpec) {
  return scoreAnswer(compileRubric(r, [prompt], numeric), answer);
}
const hitIds = (r: ReturnType<typeof score>) => r.points.filter((p) => p.hit).map((p) => p.id);

const bn = rubric([
  { id: 'normalize', weight: 2, required: true, all: [['normalize', '归一化', '标准化'], ['mean', 'variance', '均值', '方差']] },
  { id: 'gamma-beta', aliases: ['gamma and beta', 'learnable scale', 'γ和β', '可学习的缩放'] },
  { id: 'higher-lr', aliases: ['higher learning rate', 'larger learning rate', '更大的学习率'] },
  { id: 'minibatch', aliases: ['mini-batch statistics', '小批量统计'] },
  { id: 'vanishing', aliases: ['vanishing gradient', '梯度消失'] },
]);

describe('folding: case, width, script', () => {
  it('ignores case and full-width letters and punctuation', () => {
    expect(hitIds(score(bn, 'ＢＮ ＮＯＲＭＡＬＩＺＥＳ each feature to zero ＭＥＡＮ and unit variance．'))).toContain('normalize');
  });
  it('reads Traditional Chinese as Simplified', () => {
    expect(hitIds(score(bn, '它把每個特徵歸一化到均值為0、方差為1，並且可以用更大的學習率。'))).toEqual(['normalize', 'higher-lr']);
  });
  it('folding is idempotent', () => {
    for (const s of ['Ｆｕｌｌ－ｗｉｄｔｈ', '過擬合', "doesn't", 'e.g. this']) expect(foldText(foldText(s))).toBe(foldText(s));
  });
});

describe('English word forms and spelling', () => {
  it.each(['normalizes', 'normalised', 'normalization', 'normalising', 'normalisation'])('"%s" matches the alias "normalize"', (w) => {
    expect(hitIds(score(bn, `It ${w} the activations using the batch mean.`))).toContain('normalize');
  });
  it.each(['mini-batch statistics', 'minibatch statistics', 'mini batch statistic'])('hyphen and space variants: "%s"', (w) => {
    expect(hitIds(score(bn, `It is computed from the ${w} during training.`))).toContain('minibatch');
  });
});

describe('typos', () => {
  it('tolerates one wrong letter in a word of 5-8 letters and two in longer words', () => {
    expect(hitIds(score(bn, 'It normalzes inputs to zero mean.'))).toContain('normalize');
    expect(hitIds(score(bn, 'It helps against the vanishng gradient problem.'))).toContain('vanishing');
  });
  it('never corrects short words, acronyms or numbers: L1/L2 and ReLU/GELU stay apart', () => {
    const r = rubric([{ id: 'l1', aliases: ['L1'] }, { id: 'relu', aliases: ['ReLU'] }, { id: 'n', aliases: ['128'] }]);
    expect(hitIds(score(r, 'We use L2 weight decay, GELU activations and 129 units, and it works.'))).toEqual([]);
    expect(hitIds(score(r, 'We use L1 weight decay, ReLU activations and 128 units, and it works.'))).toEqual(['l1', 'relu', 'n']);
  });
});

describe('Chinese typos', () => {
  const r = rubric([
    { id: 'reg', aliases: ['减小正则化'] },
    { id: 'max', aliases: ['取最大值'] },
    { id: 'over', aliases: ['过拟合'] },
  ]);
  it('tolerates one wrong character inside a word of three or more characters', () => {
    expect(hitIds(score(r, '这时应该减小正责化的强度。'))).toEqual(['reg']);
    expect(hitIds(score(r, '模型出现了过凝合。'))).toEqual(['over']);
  });
  it('never changes the first character or one of a contrasting pair', () => {
    expect(hitIds(score(r, '这时应该加小正则化的强度。'))).toEqual([]);
    expect(hitIds(score(r, '池化层取最小值。'))).toEqual([]);
    expect(hitIds(score(r, '模型出现了欠拟合。'))).toEqual([]);
  });
  it('never rewrites a real word or a rubric word the answer already uses', () => {
    const m = rubric([
      { id: 'recall', aliases: ['查全率'] },
      { id: 'precision', aliases: ['查准率'] },
      { id: 'tokenizer', aliases: ['分词器'] },
      { id: 'output', aliases: ['输出层'] },
      { id: 'fn', aliases: ['假阴性'] },
    ]);
    expect(hitIds(score(m, '查准率是预测为正的样本里真正为正的比例。'))).toEqual(['precision']);
    expect(hitIds(score(m, '这里用的是一个线性分类器。'))).toEqual([]);
    expect(hitIds(score(m, '输入层的维度是 784。'))).toEqual([]);
    expect(hitIds(score(m, '假阳性太多会让用户烦。'))).toEqual([]);
  });
});

describe('a common Chinese miswriting', () => {
  it('reads 阀值 as 阈值 (threshold)', () => {
    const r = rubric([{ id: 'sweep', all: [['阈值'], ['扫', '遍历']] }]);
    expect(hitIds(score(r, '把阀值从高到低扫一遍就得到整条曲线。'))).toEqual(['sweep']);
  });
});

describe('Chinese text without spaces', () => {
  it('finds aliases inside running Chinese text', () => {
    expect(hitIds(score(bn, '批归一化能缓解梯度消失的问题，因为输入被拉回了均值附近并做了标准化。'))).toEqual(['normalize', 'vanishing']);
  });
});

describe('several terms in one sentence', () => {
  it('full credit when the terms are stated together, half when split across sentences', () => {
    const together = score(bn, 'BN normalizes each activation with the batch mean and variance.');
    expect(together.points.find((p) => p.id === 'normalize')!.credit).toBe(1);
    const split = score(bn, 'BN is a way to normalize things. The mean is computed over the batch.');
    expect(split.points.find((p) => p.id === 'normalize')!.credit).toBe(0.5);
    expect(score(bn, '批归一化会做标准化。它用到了批次的均值。').points[0]!.credit).toBe(0.5);
  });
  it('a short lead-in sentence and the next one read as one statement, in both languages', () => {
    const r = rubric([{ id: 'screening', all: [['recall', '召回率'], ['miss', '漏诊']] }]);
    expect(score(r, 'Screening: recall. Missing a sick patient can be fatal.').points[0]!.credit).toBe(1);
    expect(score(r, '筛查看召回率。漏诊一个病人后果很严重。').points[0]!.credit).toBe(1);
    // A full sentence before does not lead in: the relation is still split.
    expect(score(r, 'Screening programmes usually report their recall to the regulator. Missing a patient is bad.').points[0]!.credit).toBe(0.5);
  });
});

describe('other words between the parts of an alias', () => {
  const r = rubric(
    [
      { id: 'small-grad', aliases: ['small gradient', '梯度很小'] },
      { id: 'penalize', aliases: ['penalize large weights', '惩罚大的权重'] },
      { id: 'l2-sparse', aliases: ['L2 sparse'] },
    ],
    [{ id: 'both-sparse', penalty: 0.5, aliases: ['都会产生稀疏', 'both give sparse'] }],
  );
  it('finds an alias whose words are spread over a clause, in any order in English', () => {
    expect(hitIds(score(r, 'Saturated units make the gradients very small.'))).toEqual(['small-grad']);
    expect(hitIds(score(r, 'Large weights get penalized the most.'))).toEqual(['penalize']);
    expect(hitIds(score(r, 'It penalizes weights that are large.'))).toEqual(['penalize']);
  });
  it('finds a Chinese alias with a few characters between its parts, in order', () => {
    expect(hitIds(score(r, '激活函数饱和时梯度变得很小。'))).toEqual(['small-grad']);
    expect(hitIds(score(r, '正则项会惩罚较大的权重。'))).toEqual(['penalize']);
    expect(hitIds(score(r, '小的东西会让梯度出问题。'))).toEqual([]);
  });
  it('does not reach across clauses or over long stretches', () => {
    expect(hitIds(score(r, 'The gradient, which flows back through the whole network, is small.'))).toEqual([]);
    expect(hitIds(score(r, 'Small batches give a noisy estimate of the true full gradient.'))).toEqual([]);
    expect(hitIds(score(r, '梯度在反向传播时经过很多层以后很小。'))).toEqual([]);
  });
  it('a negation between the parts cancels the match, in both languages', () => {
    expect(hitIds(score(r, 'With ReLU the gradients are not small.'))).toEqual([]);
    expect(hitIds(score(r, '用了 ReLU 以后梯度不会很小。'))).toEqual([]);
  });
  it('keeps aliases with digits or symbols exact', () => {
    expect(hitIds(score(r, 'Unlike L1, L2 does keep weights dense rather than sparse.'))).toEqual([]);
  });
  it('matches misconceptions only as written: dropping 都 or "both" must not turn a correct claim into one', () => {
    expect(score(r, 'L1 会产生稀疏解，L2 不会。').misconceptions).toEqual([]);
    expect(score(r, 'L1 and L2 both give sparse weights.').misconceptions.map((m) => m.id)).toEqual(['both-sparse']);
  });
});

describe('formulas read as words', () => {
  it('|w| is an absolute value and w^2 or w² a square, in English and Chinese answers', () => {
    const r = rubric([{ id: 'forms', all: [['absolute', '绝对值'], ['square', '平方']] }]);
    expect(hitIds(score(r, 'L1 adds lambda * sum|w| to the loss, L2 adds lambda * sum w^2.'))).toEqual(['forms']);
    expect(hitIds(score(r, 'L1 加的是 λΣ|w|，L2 加的是 λΣw²。'))).toEqual(['forms']);
    expect(hitIds(score(r, 'Use a | b | c as separators and raise 2^10 for the size.'))).toEqual([]);
  });
});

describe('negation', () => {
  it('a negated claim earns nothing, in English', () => {
    expect(hitIds(score(bn, 'It does not normalize the activations to zero mean.'))).toEqual([]);
    expect(hitIds(score(bn, "It doesn't let you use a higher learning rate."))).toEqual([]);
    expect(hitIds(score(bn, 'It lets you use a higher learning rate.'))).toEqual(['higher-lr']);
  });
  it('a negated claim earns nothing, in Chinese', () => {
    const r = rubric([{ id: 'var', aliases: ['降低方差'] }]);
    expect(hitIds(score(r, '这种做法不会降低方差。'))).toEqual([]);
    expect(hitIds(score(r, '這種做法並不能降低方差。'))).toEqual([]);
    expect(hitIds(score(r, '这种做法会降低方差。'))).toEqual(['var']);
  });
  it('words that merely start with a negation character are not negations', () => {
    const r = rubric([{ id: 'nonlin', aliases: ['拟合复杂函数'] }]);
    expect(hitIds(score(r, '非线性激活让网络可以拟合复杂函数。'))).toEqual(['nonlin']);
  });
  it('negation ends at the clause: "not X, but Y" credits Y', () => {
    const r = rubric([{ id: 'var', aliases: ['reduces variance'] }]);
    expect(hitIds(score(r, 'Bagging does not reduce bias much, but it reduces variance.'))).toEqual(['var']);
  });
  it('saying what one does not want to happen is not a denial, in both languages', () => {
    const r = rubric([{ id: 'miss', all: [['recall', '召回'], ['miss', '漏掉']] }]);
    expect(hitIds(score(r, "For screening I'd focus on recall, since we really don't want to miss sick people."))).toEqual(['miss']);
    expect(hitIds(score(r, "We can't afford to miss a sick patient, so recall comes first."))).toEqual(['miss']);
    expect(hitIds(score(r, '筛查看召回，因为我们不希望漏掉任何一个病人。'))).toEqual(['miss']);
    expect(hitIds(score(r, 'With this threshold, recall is high and we do not miss sick patients.'))).toEqual([]);
  });
  it('"almost no" and 几乎没有 say something is tiny; they deny nothing', () => {
    const r = rubric([{ id: 'tiny', all: [['gradient', '梯度'], ['when confidently wrong', '错得很离谱']] }]);
    expect(hitIds(score(r, 'A sigmoid with squared error gives almost no gradient when confidently wrong.'))).toEqual(['tiny']);
    expect(hitIds(score(r, 'sigmoid 配平方误差，在错得很离谱时几乎没有梯度。'))).toEqual(['tiny']);
    expect(hitIds(score(r, 'Cross-entropy gives no gradient when confidently wrong.'))).toEqual([]);
    expect(hitIds(score(r, '交叉熵在错得很离谱时没有梯度。'))).toEqual([]);
  });
  it('"no matter how" and "doesn\'t care about" say something makes no difference; they deny nothing', () => {
    const r = rubric([{ id: 'scale', all: [['scale of the weights', 'weights are scaled', '权重'], ['same output', 'output is the same', '输出不变']] }]);
    expect(hitIds(score(r, 'No matter how the weights are scaled, the output is the same after normalization.'))).toEqual(['scale']);
    expect(hitIds(score(r, "BN doesn't care about the scale of the weights: the output is the same."))).toEqual(['scale']);
    expect(hitIds(score(r, 'When the weights are scaled, BN does not give the same output.'))).toEqual([]);
  });
  it('the words that state a misconception earn no point, in both languages', () => {
    const r = rubric(
      [{ id: 'precision', all: [['precision', '精确率'], ['TP + FP', '预测为正']] }],
      [{ id: 'swapped', penalty: 0.2, aliases: ['precision is TP / (TP + FN)', '精确率是 TP / (TP + FN)'] }],
    );
    const right = score(r, 'Precision is TP / (TP + FP): of what we predicted positive, how much was right.');
    expect(right.points[0]!.credit).toBe(1);
    const wrong = score(r, 'Precision is TP / (TP + FN), and its denominator is not TP + FP.');
    expect(wrong.misconceptions.map((m) => m.id)).toEqual(['swapped']);
    expect(wrong.points[0]!.credit).toBe(0);
    const wrongZh = score(r, '精确率是 TP / (TP + FN)，在所有真正的正样本里找出了多少。');
    expect(wrongZh.misconceptions.map((m) => m.id)).toEqual(['swapped']);
    expect(wrongZh.points[0]!.credit).toBe(0);
  });
  it('a stated misconception costs its penalty; a denied one does not', () => {
    const r = rubric(
      [{ id: 'a', aliases: ['running average'] }],
      [{ id: 'm', penalty: 0.3, all: [['dropout'], ['at inference', 'at test time']] }],
    );
    const wrong = score(r, 'At test time we keep a running average, and dropout is applied at inference too.');
    expect(wrong.misconceptions.map((m) => m.id)).toEqual(['m']);
    expect(wrong.score).toBeCloseTo(0.7);
    const right = score(r, 'At test time we keep a running average. Dropout is not used at inference.');
    expect(right.misconceptions).toEqual([]);
    expect(right.score).toBe(1);
  });
});

describe('weights, required points, partial credit', () => {
  it('weights the points and counts each once however often it is said', () => {
    const r = score(bn, 'BN normalizes with the batch mean. It allows a higher learning rate. A higher learning rate, a higher learning rate!');
    expect(r.score).toBeCloseTo(stretch(3 / 6), 2);
  });
  it('90% of the weight earns full marks; below 0.3 the share of the weight is the score', () => {
    const r = rubric([
      { id: 'core', weight: 9, required: true, aliases: ['zero mean and unit variance', '均值为0方差为1'] },
      { id: 'extra', weight: 1, aliases: ['layer norm', '层归一化'] },
    ]);
    expect(score(r, 'It rescales each feature to zero mean and unit variance.').score).toBe(1);
    expect(score(r, '它把每个特征变成均值为0方差为1。').score).toBe(1);
    const small = rubric([{ id: 'a', weight: 1, aliases: ['layer norm'] }, { id: 'b', weight: 4, aliases: ['batch statistics'] }]);
    expect(score(small, 'Use layer norm here.').score).toBe(0.2);
    expect(stretch(0.3)).toBe(0.3);
    expect(stretch(0.6)).toBeCloseTo(0.65, 5);
  });
  it('missing a required point caps the score', () => {
    const r = score(bn, 'It gives a learnable scale. It allows a higher learning rate. It uses mini-batch statistics. It fixes the vanishing gradient.');
    expect(r.cappedBy).toEqual(['normalize']);
    expect(r.score).toBe(0.25);
    expect(r.verdict).toMatch(/required point is missing/);
  });
  it('explains itself: each point with the words that earned it', () => {
    const r = score(bn, 'Batch norm uses a learnable scale so the network can undo it.');
    const p = r.points.find((x) => x.id === 'gamma-beta')!;
    expect(p.evidence).toBe('learnable scale');
    expect(r.points.find((x) => x.id === 'higher-lr')!.evidence).toBeUndefined();
  });
});

describe('not fooled', () => {
  const prompt = 'What is batch normalization, and why does it help training?';
  it('a bare list of rubric terms scores below 0.3', () => {
    expect(score(bn, 'normalize, mean, variance, gamma and beta, higher learning rate, mini-batch statistics, vanishing gradient', prompt).score).toBeLessThan(0.3);
    expect(score(bn, '归一化、均值、方差、γ和β、更大的学习率、小批量、梯度消失', prompt).score).toBeLessThan(0.3);
  });
  it('a list of short terms is a list even when a term contains a character that is a Chinese function word', () => {
    const r = rubric([{ id: 'flag', aliases: ['指示变量'] }, { id: 'mnar', aliases: ['MNAR'] }, { id: 'x', aliases: ['信息泄露'] }]);
    expect(score(r, '缺失值、MCAR、MNAR、均值填补、指示变量、信息泄露').score).toBeLessThan(0.3);
    expect(score(r, 'MNAR 时缺失本身就带有信息，所以要加一个指示变量。').points.filter((p) => p.credit === 1).map((p) => p.id)).toEqual(['flag', 'mnar']);
  });
  it('two terms between commas are a list even when a term has a small word inside it', () => {
    const r = rubric([{ id: 'log', aliases: ['log scale', '对数尺度'] }, { id: 'range', aliases: ['orders of magnitude', '数量级'] }]);
    expect(score(r, 'log scale, orders of magnitude').score).toBeLessThan(0.3);
    expect(score(r, 'The good values span orders of magnitude, so search on a log scale.').score).toBe(1);
    expect(score(r, '合适的值跨好几个数量级，所以要在对数尺度上搜索。').score).toBe(1);
  });
  it('a thousands separator does not make a sentence a list, in either language', () => {
    const r = rubric([{ id: 'total', aliases: ['1500 次', '1500 updates'] }]);
    expect(score(r, '一共 1,500次更新，因为 30 乘以 50。').points[0]!.credit).toBe(1);
    expect(score(r, '1,500 updates, from 30 times 50.').points[0]!.credit).toBe(1);
    expect(score(r, '1,500 updates, 30, 50').points[0]!.credit).toBe(0.25);
  });
  it('the prompt pasted back earns nothing', () => {
    const r = rubric([{ id: 'bn', required: true, aliases: ['batch normalization', 'training'] }, { id: 'x', aliases: ['mean'] }]);
    expect(score(r, prompt, prompt).score).toBe(0);
    expect(score(r, 'Batch normalization is what helps training, that is why it is used.', prompt).score).toBeLessThan(0.3);
  });
  it('a fluent answer to another question scores below 0.3', () => {
    expect(score(bn, 'Precision is the share of predicted positives that are correct, while recall is the share of actual positives that are found.', prompt).score).toBeLessThan(0.3);
  });
});

describe('numeric answers', () => {
  const r = rubric([{ id: 'formula', aliases: ['divided by', 'dataset size / batch size', '除以'] }]);
  const num = { value: 50, tolerance: 0, weight: 3 };
  const p = '10,000 images, batch size 200: how many iterations per epoch?';
  it.each(['50', '50.0', '5e1', 'about 50 iterations', '大约 50 次迭代', '50 iterations: 10000 divided by 200'])('accepts %s', (a) => {
    expect(score(r, a, p, num).points[0]!.hit).toBe(true);
  });
  it('rejects a wrong number and numbers copied from the question', () => {
    expect(score(r, '40', p, num).points[0]!.hit).toBe(false);
    expect(score(r, '200', p, num).points[0]!.hit).toBe(false);
    expect(score(r, 'It is 10000 / 200 = 50.', p, num).points[0]!.hit).toBe(true);
    expect(score(r, 'The answer is 40, or maybe 60.', p, num).score).toBe(0);
  });
  it('a number inside a formula is a step, not the result', () => {
    const lstm = { value: 394240, tolerance: 0, weight: 3 };
    expect(score(r, '每组 98560 个参数，乘以 4 得 394240。通式是 4×(H×(H+D)+H)。', 'LSTM?', lstm).points[0]!.hit).toBe(true);
    expect(score(r, 'The total is 394240, from 4 * (256*128 + 256*256 + 256).', 'LSTM?', lstm).points[0]!.hit).toBe(true);
    expect(score(r, 'It is 4 * (256*128 + 256*256) = 393216.', 'LSTM?', lstm).points[0]!.hit).toBe(false);
  });
  it('reads "112x112" and "112 x 112" as a size whose number is the result', () => {
    const conv = { value: 112, tolerance: 0, weight: 3 };
    const q = '7x7 convolution, stride 2, padding 3, on a 224x224 image: output size?';
    expect(score(r, 'Rounding down, 111 + 1, so the output is 112x112.', q, conv).points[0]!.hit).toBe(true);
    expect(score(r, '向下取整后加 1，输出是 112 × 112。', q, conv).points[0]!.hit).toBe(true);
    expect(score(r, 'It rounds up to 112, then adds 1, which gives 113x113.', q, conv).points[0]!.hit).toBe(false);
  });
  it('a known slip earns part of the value and lifts the cap; any other wrong number earns nothing', () => {
    const slips = [{ value: 73728, credit: 0.5, why: { en: 'leaves out the 128 biases', zh: '漏了 128 个偏置' } }];
    const conv = { value: 73856, tolerance: 0, weight: 3, slips };
    const q = '64 channels in, 128 filters of 3x3 with biases: how many parameters?';
    const slip = score(r, '3×3×64×128 = 73728 个参数。', q, conv);
    expect(slip.points[0]!.credit).toBe(0.5);
    expect(slip.points[0]!.pointZh).toBe('答案是 73856；73728 漏了 128 个偏置。');
    expect(slip.points[0]!.point).toBe('The answer is 73856; 73728 leaves out the 128 biases.');
    expect(slip.cappedBy).toBeUndefined();
    expect(slip.score).toBeGreaterThan(0.25);
    const wrong = score(r, 'It is 3*3*64*128 = 73000.', q, conv);
    expect(wrong.points[0]!.credit).toBe(0);
    expect(wrong.cappedBy).toEqual(['value']);
    expect(score(r, 'It is 3*3*64*128 + 128 = 73856.', q, conv).points[0]!.credit).toBe(1);
  });
  it('a long answer linked to the question only by the number earns nothing for it', () => {
    const steps = { value: 1000, tolerance: 0, weight: 3 };
    const q = '1,024,000 samples on 8 GPUs, micro-batch 32, 4 accumulation steps: how many optimizer steps per epoch?';
    const offTopic = 'With 1,000 rare and 10,000 common samples I would train ten models, each on all the rare ones and a different slice of the common ones, then average them.';
    expect(score(r, offTopic, q, steps).points[0]!.credit).toBe(0);
    expect(score(r, '1000', q, steps).points[0]!.hit).toBe(true);
    expect(score(r, '每步用 8 × 32 × 4 个样本，所以一共 1000 步。', q, steps).points[0]!.hit).toBe(true);
  });
  it('uses the tolerance', () => {
    expect(score(r, '49.6', p, { ...num, tolerance: 0.5 }).points[0]!.hit).toBe(true);
    expect(score(r, '49.4', p, { ...num, tolerance: 0.5 }).points[0]!.hit).toBe(false);
  });
});

describe('compounds that change the meaning', () => {
  it('"non-linear" does not earn "linear", "cross-entropy" does not earn "entropy"; 非线性 does not earn 线性', () => {
    const r = rubric([{ id: 'lin', aliases: ['linear', '线性'] }, { id: 'ent', aliases: ['entropy', '熵'] }]);
    expect(hitIds(score(r, 'The activation is non-linear and we train with cross-entropy.'))).toEqual([]);
    expect(hitIds(score(r, '这个激活是非线性的。'))).toEqual([]);
    expect(hitIds(score(r, 'The model is linear and we measure the entropy of the split.'))).toEqual(['lin', 'ent']);
    expect(hitIds(score(r, '这个模型是线性的，用熵来衡量。'))).toEqual(['lin', 'ent']);
  });
  it('"不平衡" does not earn "平衡"', () => {
    const r = rubric([{ id: 'bal', aliases: ['平衡'] }]);
    expect(hitIds(score(r, '数据是不平衡的。'))).toEqual([]);
    expect(hitIds(score(r, '我们需要在二者之间取得平衡。'))).toEqual(['bal']);
  });
});

describe('names written with inner capitals are matched exactly', () => {
  it('"reset" is not a typo of "ResNet"', () => {
    const r = rubric([{ id: 'res', aliases: ['ResNet'] }]);
    expect(hitIds(score(r, 'The reset gate decides what to forget.'))).toEqual([]);
    expect(hitIds(score(r, 'A ResNet adds skip connections.'))).toEqual(['res']);
  });
});
