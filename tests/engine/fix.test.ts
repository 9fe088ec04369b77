// One-click fixes: the clause (or rest of the sentence) a rewrite replaces, the form of address and script it keeps, its placeholders, plain suggestions and masked numbers.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACKS } from '../../engine/default-packs.ts';
import { clauseAround, computeFix, formOfAddress } from '../../engine/fix.ts';
import { createEngine } from '../../engine/index.ts';

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

  it('replaces the rest of the sentence when the rewrite ends one, and keeps the clauses before', () => {
    const rule = { rewrite: '这个情况确实比较特殊，我跟{you}说明一下原因。' };
    expect(applyFix('都过了退货期了，您觉得还退得了吗？谢谢', '您觉得', rule)).toBe(
      '都过了退货期了，这个情况确实比较特殊，我跟您说明一下原因。谢谢',
    );
    expect(applyFix('着什么急啊，快递又不是我开的\n下一行', '着什么急', { rewrite: '我理解{you}着急。' })).toBe(
      '我理解您着急。\n下一行',
    );
  });

  it('offers the traditional rewrite for a draft in traditional characters', () => {
    const rule = { rewrite: '我来帮{you}处理。', rewriteTraditional: '我來幫{you}處理。' };
    expect(applyFix('是您自己密碼打錯的', '您自己', rule)).toBe('我來幫您處理。');
    expect(applyFix('是您自己密码打错的', '您自己', rule)).toBe('我来帮您处理。');
  });

  it('capitalizes an English rewrite at a sentence start and lowers it after a comma', () => {
    const rule = { rewrite: 'Let me check what options we have for you.' };
    expect(applyFix("Sorry, I can't change it.", "I can't", rule)).toBe(
      'Sorry, let me check what options we have for you.',
    );
    expect(applyFix("ok. i can't", "i can't", rule)).toBe('ok. Let me check what options we have for you.');
  });

  it('takes the clause away instead of writing the same rewrite twice', () => {
    const rule = { rewrite: '我再为{you}说明一下' };
    expect(applyFix('我再为您说明一下，优惠券只能用一次，记住了', '记住了', rule)).toBe(
      '我再为您说明一下，优惠券只能用一次',
    );
    expect(applyFix('记住了，我再为您说明一下', '记住了', rule)).toBe('我再为您说明一下');
  });
});

describe('the fix of a repeated number', () => {
  it('masks an id number the draft repeats, keeping its last four digits', () => {
    const draft = '已核对身份证号110101199003078515，信息无误。';
    const finding = createEngine(DEFAULT_PACKS)
      .lint(draft)
      .find((f) => f.category === 'sensitive_echo');
    expect(finding?.fix).toEqual({ start: 7, end: 25, text: '**************8515' });
  });
});
