// The named cue lists' matcher: Chinese words anywhere, Latin words as whole words or as the start of one.
import { describe, expect, it } from 'vitest';
import { createCueMatcher } from '../../engine/cue-matcher.ts';

describe('createCueMatcher', () => {
  const lists = { reply: ['repl', '回复'], day: ['friday', '周五'] };

  it('finds a Latin stem at the start of a word only', () => {
    const starts = createCueMatcher(lists, 'start');
    expect([...starts('no one replied yet')]).toEqual(['reply']);
    expect([...starts('a prepaid plan')]).toEqual([]);
    expect([...starts('fridays are busy')]).toEqual(['day']);
  });

  it('finds a whole Latin word only, where asked', () => {
    const whole = createCueMatcher(lists, 'whole');
    expect([...whole('no one replied yet')]).toEqual([]);
    expect([...whole('fridays are busy')]).toEqual([]);
    expect([...whole('need it by friday.')]).toEqual(['day']);
  });

  it('finds a Chinese word inside a run, each list once', () => {
    const matcher = createCueMatcher(lists, 'whole');
    expect([...matcher('下周五之前回复我 周五')].sort()).toEqual(['day', 'reply']);
  });

  it('finds nothing with no words', () => {
    expect([...createCueMatcher({}, 'start')('anything')]).toEqual([]);
    expect([...createCueMatcher({ empty: [''] }, 'start')('anything')]).toEqual([]);
  });
});
