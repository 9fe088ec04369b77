// The learned emotion reader: what a pack's messages by emotion add to the cue lists, and where it stays silent.
import { describe, expect, it } from 'vitest';
import { createEmotionReader, trainedEmotionReader } from '../../engine/emotion-learned.ts';
import { weightTableData, weightTableSteps } from '../../engine/weight-table.ts';
import { shapesOf } from '../../engine/emotion-shapes.ts';
import { createEngine } from '../../engine/index.ts';
import { normalizeForMatch } from '../../engine/normalize.ts';
import type { Pack } from '../../engine/types.ts';

const ANXIOUS = [
  '房租明天就要交了，退款还没到账，怎么办',
  '下午的飞机，护照快递还没到，来得及吗',
  '卡里的钱少了一笔，我不知道是谁转走的',
  '工资卡被冻结了，明天还要还房贷',
  '包裹显示签收但我没收到，里面是给孩子的药',
  '账户登不上去了，下周要交学费',
  '钱扣了两次，这个月的生活费都不够了',
  '孩子的药还在路上，明天就断药了',
];
const CALM = [
  '请问这个有蓝色的吗',
  '好的谢谢你',
  '帮我查一下订单到哪里了',
  '发票抬头写公司名称',
  '想问下会员怎么开通',
  '这个尺码偏大还是偏小',
  '周末有活动吗',
  '能开专票吗',
];

function pack(emotionExamples?: Pack['emotionExamples']): Pack {
  return { schemaVersion: 2, id: 'team', name: 'team', version: '1', locale: 'zh-CN', emotionExamples };
}

// Words no cue list holds, in the vocabulary the examples teach.
const WORRIED = '孩子的药快吃完了，快递还没到';

describe('the learned emotion reader', () => {
  it('reads a worried message without a cue word as anxious once the packs teach it', () => {
    expect(createEmotionReader({ anxious: [], angry: [], calm: CALM }).read(WORRIED)).toBeUndefined();
    const read = createEmotionReader({ anxious: ANXIOUS, angry: [], calm: CALM }).read(WORRIED);
    expect(read?.emotion).toBe('anxious');
    expect(read?.confidence).toBeGreaterThan(0.5);
    expect(read?.knownWords).toBeGreaterThan(0);
  });

  it('carries a shape of the examples to words they never used', () => {
    // The anxious examples name days and limits; the message names another day in other words.
    const reader = createEmotionReader({
      anxious: [
        'need it before friday',
        'it has to be here by monday',
        'the party is on saturday, will it make it in time',
      ],
      angry: [],
      calm: ['do you have it in blue', 'what sizes are there', 'how do I reset the password'],
    });
    expect(reader.read('flying out sunday, will the parcel land before that')?.emotion).toBe('anxious');
    expect(reader.read('do you have the parcel in green')?.emotion).toBe('calm');
  });

  it('names the shapes of a message, whatever its words', () => {
    const shapes = (text: string) => shapesOf(text, normalizeForMatch(text));
    expect(shapes('flying sunday, has to arrive before that')).toEqual(
      expect.arrayContaining(['shape:time-ahead', 'shape:time-limit', 'shape:must']),
    );
    expect(shapes('下周五之前必须到 赶得上吗')).toEqual(
      expect.arrayContaining(['shape:time-ahead', 'shape:time-limit', 'shape:must']),
    );
    expect(shapes('退款申请都提交十天了')).toContain('shape:waited');
    expect(shapes('请问这个有白色的吗')).toEqual(['shape:polite']);
  });

  it('trains in slices when asked to, and reads the same once trained', () => {
    const examples = { anxious: ANXIOUS, angry: [], calm: CALM };
    const sliced = createEmotionReader(examples);
    expect(sliced.prepare(0)).toBe(false);
    let slices = 0;
    while (!sliced.prepare(0.001)) slices++;
    expect(slices).toBeLessThan(10_000);
    expect(sliced.read(WORRIED)).toEqual(createEmotionReader(examples).read(WORRIED));
  });

  it('leaves emotion to the cue lists while it trains, where the caller does not wait', () => {
    const engine = createEngine([pack({ anxious: ANXIOUS, calm: CALM })]);
    expect(engine.prepareEmotion(0)).toBe(false);
    expect(engine.detect('好的谢谢你', { waitForEmotionReader: false }).emotion).toBe('calm');
    expect(engine.prepareEmotion(0)).toBe(false);
    expect(engine.prepareEmotion()).toBe(true);
  });

  it('is the same reader in every tab: training is deterministic', () => {
    const examples = { anxious: ANXIOUS, angry: [], calm: CALM };
    expect(createEmotionReader(examples).read(WORRIED)).toEqual(createEmotionReader(examples).read(WORRIED));
  });

  it('is taken, trained elsewhere on the same examples, and read back in slices to read as its own training would', () => {
    const examples = { anxious: ANXIOUS, angry: [], calm: CALM };
    const elsewhere = createEmotionReader(examples);
    expect(trainedEmotionReader(elsewhere)).toBeUndefined();
    elsewhere.prepare();
    // Through JSON, as extension storage keeps it.
    const kept = JSON.parse(JSON.stringify(trainedEmotionReader(elsewhere)));
    const taking = createEmotionReader(examples);
    expect(taking.adopt(kept)).toBe(true);
    expect(taking.prepare(0)).toBe(false);
    while (!taking.prepare(0.001));
    const own = createEmotionReader(examples);
    for (const text of [WORRIED, '好的谢谢你', '卡里的钱少了一笔', '请问这个有白色的吗']) {
      const read = taking.read(text)!;
      expect(read.emotion).toBe(own.read(text)!.emotion);
      // Weights kept in 16 bits: the confidence moves in the fourth decimal at most.
      expect(read.confidence).toBeCloseTo(own.read(text)!.confidence, 3);
      expect(read.knownWords).toBe(own.read(text)!.knownWords);
    }
  });

  it('reads with the weights it took, not with a training of its own', () => {
    const examples = { anxious: ANXIOUS, angry: [], calm: CALM };
    const elsewhere = createEmotionReader(examples);
    elsewhere.prepare();
    const kept = trainedEmotionReader(elsewhere)!;
    // The bias's angry weight raised until every message reads as angry: only a reader that took these weights does.
    const decoding = weightTableSteps(kept.weights!);
    let step = decoding.next();
    while (!step.done) step = decoding.next();
    const table = step.value!;
    table.weights[table.featureIndex.get('bias')! * 3 + table.categories.indexOf('angry')] = 50;
    const taking = createEmotionReader(examples);
    expect(taking.adopt({ ...kept, weights: weightTableData(table) })).toBe(true);
    expect(taking.read('好的谢谢你')!.emotion).toBe('angry');
  });

  it('is refused when trained on other examples or damaged: it then trains as before', () => {
    const examples = { anxious: ANXIOUS, angry: [], calm: CALM };
    const other = createEmotionReader({ anxious: ANXIOUS.slice(1), angry: [], calm: CALM });
    other.prepare();
    const own = createEmotionReader(examples).read(WORRIED);
    const refusing = createEmotionReader(examples);
    expect(refusing.adopt(trainedEmotionReader(other)!)).toBe(false);
    expect(refusing.read(WORRIED)).toEqual(own);
    const elsewhere = createEmotionReader(examples);
    elsewhere.prepare();
    const kept = trainedEmotionReader(elsewhere)!;
    const damaged = createEmotionReader(examples);
    expect(damaged.adopt({ ...kept, weights: { ...kept.weights!, weights: '%%%' } })).toBe(false);
    expect(damaged.read(WORRIED)).toEqual(own);
  });

  it('leaves a calm question calm', () => {
    expect(createEngine([pack({ anxious: ANXIOUS, calm: CALM })]).detect('请问这个有白色的吗').emotion).toBe('calm');
  });

  it('does not speak where too few of the message’s words are known', () => {
    expect(createEngine([pack({ anxious: ANXIOUS, calm: CALM })]).detect('物业费').emotion).toBe('calm');
  });
});
