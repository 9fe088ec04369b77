// One-click fixes: the clause a rewrite replaces, the form of address it keeps, its placeholders, and plain suggestions.
import { describe, expect, it } from 'vitest';
import { clauseAround, computeFix, formOfAddress } from '../../engine/fix.ts';

function applyFix(draft: string, match: string, rule: { rewrite?: string; suggestion?: string }): string {
  const start = draft.indexOf(match);
  const fix = computeFix(draft, start, start + match.length, rule);
  if (!fix) throw new Error('no fix');
  return draft.slice(0, fix.start) + fix.text + draft.slice(fix.end);
}

describe('clauseAround', () => {
  it.each([
    ['不是我负责的，你找别人', '我负责', '不是我负责的'],
    ['好的。我保证明天一定到货！谢谢', '保证', '我保证明天一定到货'],
    ['first line\nI guarantee it, sorry', 'guarantee', 'I guarantee it'],
    ['保证', '保证', '保证'],
  ])('%s around %s is %s', (draft, match, clause) => {
    const start = draft.indexOf(match);
    const range = clauseAround(draft, start, start + match.length);
    expect(draft.slice(range.start, range.end)).toBe(clause);
  });
});

describe('formOfAddress', () => {
  it.each([
    ['你找别人', '你'],
    ['请您稍等', '您'],
    ['你好，请您稍等', '您'],
    ['稍等', '您'],
  ])('%s → %s', (draft, expected) => {
    expect(formOfAddress(draft)).toBe(expected);
  });
});

describe('computeFix', () => {
  it('replaces the whole clause of a rewrite and keeps the rest of the sentence', () => {
    const rule = { rewrite: '{you}可以通过“忘记密码”自行重置密码', suggestion: 'unused' };
    expect(applyFix('请把您的支付密码发给我核实一下，谢谢', '支付密码', rule)).toBe(
      '您可以通过“忘记密码”自行重置密码，谢谢',
    );
    expect(applyFix('你好，把你的支付密码发给我', '支付密码', rule)).toBe('你好，你可以通过“忘记密码”自行重置密码');
  });

  it('fills {before} and {after} with the clause around the match', () => {
    expect(applyFix('好的，我保证明天一定到货。', '保证', { rewrite: '{before}会尽力争取{after}' })).toBe(
      '好的，我会尽力争取明天一定到货。',
    );
  });

  it('leaves an unknown placeholder as written', () => {
    expect(applyFix('我保证', '保证', { rewrite: '{name}' })).toBe('{name}');
  });

  it('replaces only the match for an old suggestion', () => {
    expect(applyFix('我保证明天到货', '保证', { suggestion: '会尽力' })).toBe('我会尽力明天到货');
  });

  it('has no fix without a rewrite or a suggestion', () => {
    expect(computeFix('我保证', 0, 2, {})).toBeUndefined();
  });
});
