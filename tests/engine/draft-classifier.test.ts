// The draft classifier: its features, its determinism, and that it learns a kind of phrase from examples, not strings.
import { describe, expect, it } from 'vitest';
import {
  classifierData,
  draftClassifierFromData,
  draftFeatures,
  trainDraftClassifier,
  type LabelledDraft,
} from '../../engine/draft-classifier.ts';

describe('draftFeatures', () => {
  it('reads Han runs as 1- to 3-grams with their edges marked', () => {
    const features = draftFeatures('不归我管');
    expect(features).toEqual(expect.arrayContaining(['不', '^不', '不归', '我管$', '^不归', '归我管', '我管$']));
  });

  it('reads traditional and full-width text as its simplified, half-width form', () => {
    expect(draftFeatures('這不歸我管！')).toEqual(draftFeatures('这不归我管!'));
  });

  it('reads Latin words and word pairs in lower case, and marks a question', () => {
    const features = draftFeatures('Not MY job?');
    expect(features).toEqual(expect.arrayContaining(['w:not', 'w:my', 'w:job', 'b:not my', 'b:my job', '?']));
    expect(features).not.toContain('!');
  });

  it('does not join Han characters across punctuation', () => {
    expect(draftFeatures('不行，我')).not.toContain('行我');
  });
});

// Two kinds of phrase, each said several ways; the clean drafts share their look-alike words.
const TRAINING: LabelledDraft[] = [
  ...[
    '这个不归我管',
    '这事不归我们组管',
    '不归我管哦您找别人',
    '售后不归我们管',
    '这个真不归我管啊',
    '物流不归我管',
  ].map((text) => ({ text, categories: ['shirking'] })),
  ...[
    '把验证码发我',
    '验证码报给我一下',
    '您把验证码发过来',
    '麻烦把短信验证码发我',
    '验证码告诉我哈',
    '把收到的验证码发给我',
  ].map((text) => ({ text, categories: ['sensitive_request'] })),
  ...[
    '好的亲，我帮您查一下',
    '请勿把验证码告诉任何人',
    '已经帮您登记了',
    '我来跟进，稍后回复您',
    '订单已经发出了哦',
    '感谢您的耐心等待',
    '请您放心，我们会处理',
    '这边帮您申请了退款',
  ].map((text) => ({ text, categories: [] })),
];
const CATEGORIES = ['shirking', 'sensitive_request'];

describe('trainDraftClassifier', () => {
  it('gives each category a probability, in the order of its categories', () => {
    const classifier = trainDraftClassifier(TRAINING, CATEGORIES);
    expect(classifier.categories).toEqual(CATEGORIES);
    const [shirking, sensitive] = classifier.read('这个不归我们部门管');
    expect(shirking).toBeGreaterThan(0.5);
    expect(sensitive).toBeLessThan(0.5);
  });

  it('reads a phrasing it was not trained on by the words it shares with its kind', () => {
    const classifier = trainDraftClassifier(TRAINING, CATEGORIES);
    const [, request] = classifier.read('那您把手机上的验证码报一下给我吧');
    const [, advice] = classifier.read('我帮您查一下订单');
    expect(request).toBeGreaterThan(0.5);
    expect(advice).toBeLessThan(0.2);
  });

  it('learns the same weights from the same drafts every time', () => {
    const first = trainDraftClassifier(TRAINING, CATEGORIES).read('验证码发我一下');
    const second = trainDraftClassifier(TRAINING, CATEGORIES).read('验证码发我一下');
    expect([...first]).toEqual([...second]);
  });

  it('reads text made only of unknown features as the categories’ base rates, below one half', () => {
    const classifier = trainDraftClassifier(TRAINING, CATEGORIES);
    for (const p of classifier.read('🙂🙂')) expect(p).toBeLessThan(0.5);
  });
});

describe('a classifier kept as data', () => {
  const classifier = trainDraftClassifier(TRAINING, ['shirking', 'sensitive_request']);

  it('reads back as the trained one reads, within the 16-bit step of its weights', () => {
    const kept = draftClassifierFromData(JSON.parse(JSON.stringify(classifierData(classifier))));
    expect(kept?.categories).toEqual(classifier.categories);
    for (const text of ['这事不归我们部门管', '麻烦把验证码发我一下', '好的，我帮您查一下', 'not mine']) {
      const [a, b] = [classifier.read(text), kept!.read(text)];
      a.forEach((p, c) => expect(b[c]).toBeCloseTo(p, 3));
    }
  });

  it('is not read back from data of another shape: the caller trains instead', () => {
    const data = classifierData(classifier);
    expect(draftClassifierFromData({ ...data, weights: data.weights.slice(8) })).toBeUndefined();
    expect(draftClassifierFromData({ ...data, bias: [0] })).toBeUndefined();
    expect(draftClassifierFromData({ ...data, weights: '%%%' })).toBeUndefined();
    expect(draftClassifierFromData({ ...data, format: 0 as 1 })).toBeUndefined();
  });
});
