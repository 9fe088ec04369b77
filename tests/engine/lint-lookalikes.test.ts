// Drafts that look like flawed ones and are not: a "不过 / but" turning from the agent's own limit to an offer, effort the agent controls, words that hold a flagged piece.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../engine/index.ts';
import { DEFAULT_PACKS } from '../../engine/default-packs.ts';

const engine = createEngine(DEFAULT_PACKS);
const rulesOn = (draft: string) => engine.lint(draft).map((finding) => finding.ruleId);

describe('look-alikes that stay clean', () => {
  it.each([
    '很抱歉，这个套餐目前没办法线上降档，不过我可以帮您预约下个月生效，您看可以吗？',
    '抱歉，這個票種已經售完了，不過明天中午會再釋出一批喔',
    '这个面霜敏感肌可以用，不过建议先在耳后试用一下哈',
  ])('"不过" turning to an offer, advice or good news: %s', (draft) => {
    expect(rulesOn(draft).filter((id) => id.includes('contradiction'))).toEqual([]);
  });

  it.each([
    '我一定会帮您跟进到底，有进展马上告诉您',
    '我这边一定会把您的建议反馈给产品团队',
    '开尔文是绝对温度的单位哈',
  ])('effort the agent controls, or a word holding 绝对: %s', (draft) => {
    expect(rulesOn(draft).filter((id) => id.includes('absolute_promise'))).toEqual([]);
  });

  it.each([
    "I can't find any charge from March 3 on your account. Could you share the last 4 digits of the card?",
    "I'll definitely pass your feedback to the menu team, thanks for writing it up.",
  ])('English: %s', (draft) => {
    expect(rulesOn(draft).filter((id) => id.startsWith('en.'))).toEqual([]);
  });
});

describe('what still gets its warning', () => {
  it.each([
    ['您说的不对，不过我可以帮您看看', 'zh.contradiction.dan-shi'],
    ['这个规定就是这样，不过你要是不满意可以投诉', 'zh.contradiction.dan-shi'],
    ['放心，明天一定能送到', 'zh.absolute_promise.jue-dui'],
    ['这个我们绝对不会再出问题了', 'zh.absolute_promise.jue-dui'],
  ])('%s', (draft, rule) => {
    expect(rulesOn(draft)).toContain(rule);
  });
});
