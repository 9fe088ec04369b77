// Sensitive data read in context: labels that say a number is not a card, words that are not passwords or codes.
import { describe, expect, it } from 'vitest';
import { findSensitive, maskSensitive } from '../../engine/sensitive.ts';

const found = (text: string): Array<[string, string]> =>
  findSensitive(text).map((s) => [s.kind, text.slice(s.start, s.end)]);

describe('findSensitive reads the label before a value', () => {
  it.each([
    // Luhn-valid by construction (IMEIs) or by chance (one tracking number in ten): the label decides.
    'IMEI 356938035643809',
    '串号：356938035643809',
    '快递单号：4111111111111111',
    'tracking number 4111 1111 1111 1111',
    'Order #5555555555554444',
    // "code" after zip, promo, coupon… is not a one-time code.
    'zip code 94105',
    'promo code 2024 gives 10% off',
    'Coupon code: 8888 is still valid',
    // Talk about a password is not a password.
    'Password is required',
    'your password is incorrect',
    'the password is case sensitive',
    // Brackets around something that is not an area code.
    '型号(A12)3456789',
    '见附件(1)',
  ])('nothing in %s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it.each([
    ['卡号 4111111111111111', [['bank_card', '4111111111111111']]],
    ['退款到 5555 5555 5555 4444 这张卡', [['bank_card', '5555 5555 5555 4444']]],
    ['your code is 8821', [['verification_code', '8821']]],
    ['Your verification code: 553201', [['verification_code', '553201']]],
    ['my password is sunshine1', [['password', 'sunshine1']]],
    ['电话 (021) 6234 5678', [['phone', '(021) 6234 5678']]],
    ['座机（0755）83765432 找王经理', [['phone', '（0755）83765432']]],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('findSensitive with full-width characters', () => {
  it('finds full-width values at their original offsets and masks them in kind', () => {
    const text = '😀卡号６２２２０２１２３４５６７８９０１２８，邮箱ａｂｃ＠ｑｑ．ｃｏｍ';
    expect(found(text)).toEqual([
      ['bank_card', '６２２２０２１２３４５６７８９０１２８'],
      ['email', 'ａｂｃ＠ｑｑ．ｃｏｍ'],
    ]);
    expect(maskSensitive(text, findSensitive(text))).toBe('😀卡号***************０１２８，邮箱ａ**＠ｑｑ．ｃｏｍ');
  });
});
