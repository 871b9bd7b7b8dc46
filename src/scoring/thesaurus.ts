/**
 * Words and phrases that mean the same in ML interview answers, across
 * English and Chinese. When a rubric alias contains one member of a group,
 * the scorer also accepts the alias with any other member in its place
 * ("reduces variance" also matches "lowers variance" and "降低 variance"), so
 * each bank author need not list every everyday phrasing. Groups are kept
 * narrow: a pair belongs here only when swapping it never changes a claim.
 */
export const THESAURUS: readonly (readonly string[])[] = [
  // statistics
  ['mean', 'average', 'expected value', '均值', '平均值', '平均数'],
  ['standard deviation', 'std', 'std dev', '标准差'],
  ['variance', '方差'],
  ['zero mean', 'centered at zero', 'centred on zero', 'mean of zero', 'mean zero', '零均值', '均值为0', '均值为零', '均值是0'],
  ['unit variance', 'variance of one', 'variance 1', 'variance one', '单位方差', '方差为1', '方差是1'],
  ['distribution', '分布'],
  ['probability', 'probabilities', '概率'],
  ['noise', 'noisy', '噪声', '噪音'],
  // data
  ['training set', 'training data', 'train set', 'train data', 'training samples', 'training examples', '训练集', '训练数据', '训练样本'],
  ['test set', 'test data', 'unseen data', 'new data', 'held-out data', 'testing data', '测试集', '测试数据', '新数据', '没见过的数据', '未见过的数据'],
  ['validation set', 'validation data', 'dev set', 'held-out set', 'holdout set', '验证集', '验证数据'],
  ['sample', 'data point', '样本'],
  ['feature', 'features', 'input variable', '特征'],
  ['label', 'labels', '标签'],
  ['dataset', 'data set', '数据集'],
  ['imbalanced', 'unbalanced', 'skewed classes', 'class imbalance', '不平衡', '不均衡', '类别失衡', '类别不平衡'],
  ['minority class', 'rare class', 'positive class', '少数类', '稀有类'],
  ['majority class', 'common class', '多数类'],
  // training
  ['learning rate', 'step size', 'lr', '学习率'],
  ['gradient', 'gradients', 'derivative', '梯度', '导数'],
  ['loss', 'loss function', 'cost function', 'objective', '损失', '损失函数', '代价函数', '目标函数'],
  ['weights', 'parameters', 'params', '权重', '参数'],
  ['epoch', 'epochs', 'full pass over the data', '个epoch'],
  ['batch', '批次'],
  ['mini-batch', 'minibatch', '小批量'],
  ['batch size', 'mini-batch size', '批大小', '批量大小', 'batch大小'],
  ['iteration', 'update step', '迭代'],
  ['converge', 'convergence', '收敛'],
  ['diverge', 'blow up', 'explode', '发散'],
  ['oscillate', 'bounce around', 'zigzag', '震荡', '振荡', '来回震荡'],
  ['overfit', 'overfitting', '过拟合'],
  ['underfit', 'underfitting', '欠拟合'],
  ['generalize', 'generalization', 'generalise', '泛化'],
  ['regularization', 'regularisation', '正则化', '正则'],
  ['optimizer', 'optimiser', '优化器'],
  ['initialization', 'initialisation', 'init', '初始化'],
  ['inference', 'test time', 'prediction time', 'serving', '推理', '推断', '预测时', '测试时'],
  ['vanishing gradient', 'vanishing gradients', 'gradients vanish', 'gradient vanishing', '梯度消失'],
  ['exploding gradient', 'exploding gradients', 'gradients explode', 'gradient explosion', '梯度爆炸'],
  // models
  ['neural network', 'neural net', 'network', 'nn', '神经网络', '网络'],
    ['activation function', 'activation', 'nonlinearity', '激活函数', '激活'],
  ['non-linear', 'nonlinear', '非线性'],
  ['linear', '线性'],
  ['embedding', 'embeddings', 'vector representation', '嵌入', '向量表示'],
  ['nearest neighbor', 'nearest neighbour', 'closest point', '最近邻'],
  ['classifier', 'classification model', '分类器'],
  ['decision boundary', '决策边界'],
  ['attention', '注意力'],
  ['convolution', 'conv', '卷积'],
  ['kernel', 'filter', '卷积核', '滤波器'],
  ['channel', 'channels', '通道'],
  ['pooling', '池化'],
  ['fully connected', 'dense layer', 'fc layer', 'linear layer', '全连接'],
  // metrics
  ['accuracy', '准确率', '正确率'],
  ['precision', '精确率', '查准率', '精准率'],
  ['recall', 'sensitivity', 'true positive rate', 'tpr', '召回率', '查全率', '真正率'],
  ['false positive rate', 'fpr', '假阳性率', '误报率', '假正率'],
  ['false positive', 'false positives', 'false alarm', '误报', '假阳性', '假正例'],
  ['false negative', 'false negatives', '漏报', '假阴性', '假反例'],
  ['threshold', 'cutoff', 'cut-off', '阈值'],
  // verbs of change
  ['reduce', 'lower', 'decrease', 'shrink', 'bring down', '降低', '减小', '减少'],
  ['increase', 'raise', 'grow', 'boost', 'push up', '增加', '增大', '提高', '提升', '变大'],
  ['prevent', 'avoid', 'stop', '防止', '避免'],
  ['speed up', 'accelerate', 'faster', '加快', '加速', '更快'],
  ['too high', 'too large', 'too big', '过大', '太大', '过高', '太高'],
  ['too low', 'too small', '过小', '太小', '过低', '太低'],
  ['hardware', 'device', '硬件', '设备'],
  ['memory', 'ram', '内存', '显存'],
  ['gpu', 'graphics card', '显卡'],
  ['cpu', '处理器'],
];

/** At most this many variants of one alias. */
export const MAX_VARIANTS_PER_ALIAS = 40;
