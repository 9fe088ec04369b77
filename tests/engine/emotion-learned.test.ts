// The learned emotion reader: what a pack's messages by emotion add to the cue lists, and where it stays silent.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../engine/index.ts';
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
    expect(createEngine([pack()]).detect(WORRIED).emotion).toBe('calm');
    expect(createEngine([pack({ anxious: ANXIOUS, calm: CALM })]).detect(WORRIED).emotion).toBe('anxious');
  });

  it('leaves a calm question calm', () => {
    expect(createEngine([pack({ anxious: ANXIOUS, calm: CALM })]).detect('请问这个有白色的吗').emotion).toBe('calm');
  });

  it('does not speak where too few of the message’s words are known', () => {
    expect(createEngine([pack({ anxious: ANXIOUS, calm: CALM })]).detect('物业费').emotion).toBe('calm');
  });
});
