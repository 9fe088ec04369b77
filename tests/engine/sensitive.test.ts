// Sensitive data: ids with their check digit, Luhn-valid cards, phones, e-mails, passwords, codes; and what must not count.
import { describe, expect, it } from 'vitest';
import { findSensitive, isNamedAs, maskSensitive } from '../../engine/sensitive.ts';

function kindsAndValues(text: string): Array<[string, string]> {
  return findSensitive(text).map((s) => [s.kind, text.slice(s.start, s.end)]);
}

describe('findSensitive', () => {
  it.each([
    ['身份证110101199003078515帮我查', [['id_card', '110101199003078515']]],
    ['身份证号32010219920215124X,认证不过', [['id_card', '32010219920215124X']]],
    ['退到这张卡 6222 0212 3456 7894', [['bank_card', '6222 0212 3456 7894']]],
    ['card: 4111-1111-1111-1111 please', [['bank_card', '4111-1111-1111-1111']]],
    ['打我电话 13800138000', [['phone', '13800138000']]],
    ['call +86 139 1234 5678', [['phone', '+86 139 1234 5678']]],
    ['座机 010-62345678', [['phone', '010-62345678']]],
    ['邮箱 wang.xiaoming@example.com 收不到', [['email', 'wang.xiaoming@example.com']]],
    ['我密码是abc123456 你帮我登一下', [['password', 'abc123456']]],
    ['my password is Summer2024! and it fails', [['password', 'Summer2024!']]],
    ['验证码是482913,一直错误', [['verification_code', '482913']]],
    ['驗證碼：0042', [['verification_code', '0042']]],
    ['身分證字號A123456789，已核對', [['id_card', 'A123456789']]],
    ['居留證 F800000008 的資料', [['id_card', 'F800000008']]],
  ])('%s', (text, expected) => {
    expect(kindsAndValues(text)).toEqual(expected);
  });

  it.each([
    '订单号DD202406118823',
    '订单号:20240611093352',
    'SKU-88213-BLK',
    '4520918837',
    '手机138****8000',
    '尾号8832的银行卡',
    '密码错误,提示重置',
    '退款399元,2024-06-11到账',
  ])('nothing in %s', (text) => {
    expect(findSensitive(text)).toEqual([]);
  });

  it('masks a number shaped like an id or a card whose check digit fails, as suspected; an order number stays', () => {
    expect(findSensitive('身份证110101199003078516')).toEqual([
      { kind: 'id_card', start: 3, end: 21, suspected: true },
    ]);
    expect(findSensitive('卡号 4111 1111 1111 1112')).toEqual([
      { kind: 'bank_card', start: 3, end: 22, suspected: true },
    ]);
    expect(findSensitive('订单号 6222021234567890123')).toEqual([]);
    expect(findSensitive('订单 2026111803527123')).toEqual([]);
    expect(findSensitive('身分證 A123456788')).toEqual([{ kind: 'id_card', start: 4, end: 14, suspected: true }]);
    expect(findSensitive('JCB 3566 0020 2036 0506')[0]?.kind).toBe('bank_card');
  });

  it('reads a Taiwan id only alone: not inside a longer code, nor with a letter that names no area', () => {
    expect(findSensitive('序號 A1234567890')).toEqual([]);
    expect(findSensitive('型號XA123456789')).toEqual([]);
  });

  it('keeps spans in original offsets after emoji', () => {
    const text = '😀😀 13800138000';
    const [span] = findSensitive(text);
    expect(text.slice(span!.start, span!.end)).toBe('13800138000');
  });
});

describe('maskSensitive', () => {
  it('keeps the last four digits of cards, ids and phones, the domain of e-mails, nothing of passwords', () => {
    const text = '卡6222021234567890128 身份证110101199003078515 电话13800138000 邮箱ab@x.com 密码是abc123';
    expect(maskSensitive(text, findSensitive(text))).toBe(
      '卡***************0128 身份证**************8515 电话*******8000 邮箱a*@x.com 密码是******',
    );
  });

  it('keeps the grouping of a spaced card number', () => {
    const text = '6217 0000 0012 3451';
    expect(maskSensitive(text, findSensitive(text))).toBe('**** **** **** 3451');
  });
});

describe('isNamedAs', () => {
  const named = (text: string): boolean => findSensitive(text).some((span) => isNamedAs(text, span));
  it.each([
    '已核对卡号 6222 0212 3456 7890，退款原路返回',
    'Your card number 4532 1234 5678 9010 is on file',
    'Just confirming the card on file: 4532 1234 5678 9011, exp 09/27',
    '退款会退到6222021234567890这张卡',
    '您的身份证号110101199003078516我这边登记了',
  ])('a number the text calls a card or an id: %s', (text) => {
    expect(named(text)).toBe(true);
  });
  it.each(['订单号 6222021234567890 已发货', '单号是4532123456789010，请查收', '编号 4532 1234 5678 9010'])(
    'not one it calls something else or nothing: %s',
    (text) => {
      expect(named(text)).toBe(false);
    },
  );
});
