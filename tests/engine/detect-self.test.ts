// Round 11 kinds of detection: what customers say of themselves is no insult, a shorthand aside is still an aside, and
// an ask made with 吧 is the ask. Variants of our own, not the dev set's rows.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACKS } from '../../engine/default-packs.ts';
import { withoutSelfDeprecation } from '../../engine/detect-self.ts';
import { createEngine } from '../../engine/index.ts';

const engine = createEngine(DEFAULT_PACKS);
const first = (message: string) => engine.detect(message).scenarios[0]?.id ?? 'none';

describe('what customers say of themselves', () => {
  it('is blanked in place, keeping every offset', () => {
    const message = 'Sorry if this is a Dumb Question: does it fit?';
    const read = withoutSelfDeprecation(message);
    expect(read).toHaveLength(message.length);
    expect(read).toBe(`Sorry ${' '.repeat('if this is a Dumb Question'.length)}: does it fit?`);
    expect(withoutSelfDeprecation('我这个问题有点傻哈 能用吗')).toBe('        哈 能用吗');
  });

  it.each([
    'probably a silly question but does the charger work in the uk',
    '可能是个蠢问题 这个锅能用在电磁炉上吗',
    "i'm such an idiot, i typed the wrong address, can you change it",
  ])('is no insult and no anger: %s', (message) => {
    const read = engine.detect(message);
    expect(read.scenarios[0]?.id).not.toBe('angry_abusive');
    expect(read.emotion).not.toBe('angry');
  });

  it.each([
    ['you lot are idiots, where is my parcel', 'angry'],
    ['你们是白痴吗 发错三次了', 'angry'],
  ])('an insult to the shop still reads as one: %s', (message, emotion) => {
    expect(engine.detect(message).emotion).toBe(emotion);
  });
});

describe('a message meant for someone else, written in shorthand', () => {
  it.each(['dad can u grab the parcel from the door', 'mom r u home yet'])('%s needs no scenario', (message) => {
    expect(first(message)).toBe('none');
  });
});

describe('what customers say of their own mood', () => {
  it.each([
    ['not angry at all, just asking: can i return a lamp that came with a bent shade', 'return_refund'],
    ['我不是要投诉哈 就是想问下发票什么时候能开', 'invoice'],
  ])('names no need of its own: %s', (message, scenario) => {
    expect(first(message)).toBe(scenario);
  });

  it('still keeps the customer calm', () => {
    expect(
      engine.detect('not angry at all, just asking: can i return a lamp that came with a bent shade').emotion,
    ).toBe('calm');
  });
});

describe('round 11, second dev set: words for a late delivery and for abuse', () => {
  it.each([
    ['the cake was supposed to arrive by noon and nothing yet', 'shipping_delay'],
    ['are you thick or what, i said the blue one', 'angry_abusive'],
  ])('%s → %s', (message, scenario) => {
    expect(first(message)).toBe(scenario);
  });

  it('reads "wtf" as anger, not as abuse of the agent', () => {
    const read = engine.detect('why is my balance zero, i topped up yesterday wtf');
    expect(read.scenarios[0]?.id).not.toBe('angry_abusive');
    expect(read.emotion).toBe('angry');
  });
});
