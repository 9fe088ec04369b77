// Teaching: customer messages masked before they are kept, bounded lists, and the pack the corrections become.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACKS } from '../../engine/default-packs.ts';
import {
  buildTaughtPack,
  createEngine,
  freshUnmatched,
  maskCustomerMessage,
  scenarioTitles,
  TAUGHT_PACK_ID,
  TEACH_LIMITS,
  withCorrection,
  withUnmatched,
  type TaughtCorrection,
} from '../../engine/index.ts';
import { mergePacks } from '../../engine/pack-merge.ts';
import { validatePack } from '../../engine/pack-schema.ts';
import { parsePack } from '../../engine/pack-load.ts';

const DAY = 24 * 60 * 60 * 1000;

describe('maskCustomerMessage', () => {
  it('replaces phones, ids, cards, e-mails, passwords and codes by placeholders in the message’s language', () => {
    const masked = maskCustomerMessage(
      '我手机号13912345678，身份证110101199003074514，卡号6222021234567890128，邮箱zhang.san@example.com，密码是abc12345，验证码 483920',
    );
    expect(masked).toBe(
      '我手机号［手机号］，身份证［身份证号］，卡号［银行卡号］，邮箱［邮箱］，密码是［密码］，验证码 ［验证码］',
    );
    for (const secret of [
      '13912345678',
      '110101199003074514',
      '6222021234567890128',
      'zhang.san',
      'abc12345',
      '483920',
    ]) {
      expect(masked).not.toContain(secret);
    }
  });

  it('writes traditional and English placeholders for messages in those languages', () => {
    expect(maskCustomerMessage('我的電話是13912345678')).toBe('我的電話是［手機號碼］');
    expect(maskCustomerMessage('call me on +86 139 1234 5678 or mail a.b@example.org')).toBe(
      'call me on [phone] or mail [email]',
    );
  });

  it('masks every run of six digits or more (order, member and account numbers), keeps shorter numbers', () => {
    expect(maskCustomerMessage('订单DD20240512001到哪了，买了3件，共299元')).toBe(
      '订单DD［数字］到哪了，买了3件，共299元',
    );
    expect(maskCustomerMessage('account 1234 5678 9012 is locked since 2024')).toBe(
      'account [number] is locked since 2024',
    );
    // Full-width digits, as Chinese input methods type them.
    expect(maskCustomerMessage('会员号１２３４５６７')).toBe('会员号［数字］');
    expect(maskCustomerMessage('code 12345')).not.toContain('12345');
  });

  it('masks the customer’s display name and its parts, whatever their case', () => {
    expect(maskCustomerMessage('我是王小明，小明的订单还没到', { customerName: '王小明' })).toBe(
      '我是［客户名］，［客户名］的订单还没到',
    );
    expect(maskCustomerMessage('Hi, ALICE WANG here. Alice needs a refund', { customerName: 'Alice Wang' })).toBe(
      'Hi, [name] here. [name] needs a refund',
    );
    // A one-letter name would mask half the message.
    expect(maskCustomerMessage('a refund please', { customerName: 'a' })).toBe('a refund please');
  });

  it('takes the interface language for a message without words, folds white space and keeps at most the limit', () => {
    expect(maskCustomerMessage('13912345678', { fallbackLanguage: 'zh-CN' })).toBe('［手机号］');
    expect(maskCustomerMessage('  退款\n\n  怎么还没到  ')).toBe('退款 怎么还没到');
    const long = maskCustomerMessage('退'.repeat(2000));
    expect([...long]).toHaveLength(TEACH_LIMITS.messageLength);
    expect(long.endsWith('…')).toBe(true);
    // Cut after masking: a number at the cut is never left half-visible.
    const cutAtNumber = maskCustomerMessage(`${'好'.repeat(495)}13912345678`);
    expect(cutAtNumber).not.toMatch(/\d/u);
  });
});

describe('bounded lists', () => {
  const correction = (id: string, at: number): TaughtCorrection => ({ id, message: `m${id}`, scenario: 'thanks', at });

  it('keeps at most the limit of corrections, dropping the oldest, and replaces one by its id', () => {
    let list: TaughtCorrection[] = [];
    for (let i = 0; i < TEACH_LIMITS.corrections + 5; i++) list = withCorrection(list, correction(String(i), i));
    expect(list).toHaveLength(TEACH_LIMITS.corrections);
    expect(list[0]!.id).toBe('5');
    list = withCorrection(list, { ...correction('7', 7), scenario: null });
    expect(list).toHaveLength(TEACH_LIMITS.corrections);
    expect(list.find((c) => c.id === '7')?.scenario).toBeNull();
  });

  it('keeps the most recent unmatched messages younger than the limit in days, each message once', () => {
    const now = 100 * DAY;
    let list = freshUnmatched(
      [
        { id: 'old', message: 'old', at: now - (TEACH_LIMITS.unmatchedDays + 1) * DAY },
        { id: 'recent', message: 'recent', at: now - DAY },
      ],
      now,
    );
    expect(list.map((m) => m.id)).toEqual(['recent']);
    list = withUnmatched(list, { id: 'again', message: 'recent', at: now });
    expect(list.map((m) => m.id)).toEqual(['again']);
    for (let i = 0; i < TEACH_LIMITS.unmatched + 3; i++)
      list = withUnmatched(list, { id: `n${i}`, message: `n${i}`, at: now + i });
    expect(list).toHaveLength(TEACH_LIMITS.unmatched);
    expect(list[0]!.id).toBe('n3');
  });
});

describe('buildTaughtPack', () => {
  const titles = scenarioTitles(DEFAULT_PACKS, 'zh-CN');
  const options = { titleOf: titles, locale: 'zh-CN' };

  it('is nothing without corrections', () => {
    expect(buildTaughtPack([], options)).toBeUndefined();
  });

  it('puts a picked message among the scenario’s examples, a “not this” among the counter-examples, “none” at pack level', () => {
    const pack = buildTaughtPack(
      [
        { id: '1', message: '快递员态度很差', notScenario: 'shipping_delay', scenario: 'staff_complaint', at: 1 },
        { id: '2', message: '我想问一下', notScenario: 'product_inquiry', at: 2 },
        { id: '3', message: '［数字］', scenario: null, at: 3 },
      ],
      options,
    )!;
    expect(pack.id).toBe(TAUGHT_PACK_ID);
    expect(validatePack(pack, 'taught.json')).toEqual({ ok: true, pack });
    const byId = new Map((pack.scenarios ?? []).map((s) => [s.id, s]));
    expect(byId.get('staff_complaint')?.examples).toEqual(['快递员态度很差']);
    expect(byId.get('shipping_delay')?.counterExamples).toEqual(['快递员态度很差']);
    expect(byId.get('product_inquiry')?.counterExamples).toEqual(['我想问一下']);
    expect(pack.noScenarioExamples).toEqual(['［数字］']);
    // The titles are the ones the agent sees, so that merging (which keeps the last pack's title) changes none.
    expect(byId.get('staff_complaint')?.title).toBe(titles('staff_complaint'));
  });

  it('counts the latest word on a message, and leaves out scenarios no enabled pack has', () => {
    const pack = buildTaughtPack(
      [
        { id: '1', message: '在吗', scenario: 'greeting', at: 1 },
        { id: '2', message: '在吗', scenario: null, at: 2 },
        { id: '3', message: '会员卡', scenario: 'team_vip', at: 3 },
      ],
      options,
    );
    expect(pack?.scenarios).toBeUndefined();
    expect(pack?.noScenarioExamples).toEqual(['在吗']);
  });

  it('merges over the built-in packs as any pack: examples extended, counter-examples and no-scenario messages collected', () => {
    const pack = buildTaughtPack(
      [
        { id: '1', message: '快递员态度很差', notScenario: 'shipping_delay', scenario: 'staff_complaint', at: 1 },
        { id: '2', message: '好的', scenario: null, at: 2 },
      ],
      options,
    )!;
    const before = mergePacks(DEFAULT_PACKS);
    const merged = mergePacks([...DEFAULT_PACKS, pack]);
    const staff = merged.scenarios.find((s) => s.id === 'staff_complaint')!;
    const staffBefore = before.scenarios.find((s) => s.id === 'staff_complaint')!;
    expect(staff.examples).toEqual([...staffBefore.examples, '快递员态度很差']);
    expect(staff.replies).toEqual(staffBefore.replies);
    expect(staff.title).toBe(staffBefore.title);
    expect(merged.scenarios.find((s) => s.id === 'shipping_delay')?.counterExamples).toEqual(['快递员态度很差']);
    expect(merged.noScenarioExamples).toEqual([...new Set([...before.noScenarioExamples, '好的'])]);
  });

  it('makes the next similar message’s top scenario the picked one through its examples', () => {
    const message = '你们那个快递小哥把箱子直接扔在门口就走了';
    const before = createEngine(DEFAULT_PACKS).detect(message).scenarios[0]?.id;
    const picked = before === 'staff_complaint' ? 'complaint' : 'staff_complaint';
    const pack = buildTaughtPack(
      [{ id: '1', message: maskCustomerMessage(message), notScenario: before, scenario: picked, at: 1 }],
      options,
    )!;
    const taught = createEngine([...DEFAULT_PACKS, pack]);
    expect(taught.detect('你们的快递小哥把箱子直接扔在门口就走了啊').scenarios[0]?.id).toBe(picked);
  });

  it('titles each scenario as the panel does: the interface language, then the same language, then any', () => {
    const pack = (id: string, locale: string, title: string) => ({
      schemaVersion: 1 as const,
      id,
      name: id,
      version: '1',
      locale,
      scenarios: [{ id: 'vip', title }],
    });
    const packs = [pack('a', 'en', 'VIP'), pack('b', 'zh-TW', '貴賓'), pack('c', 'fr', 'Client VIP')];
    expect(scenarioTitles(packs, 'zh-CN')('vip')).toBe('貴賓');
    expect(scenarioTitles(packs, 'en')('vip')).toBe('VIP');
    expect(scenarioTitles(packs, 'de')('vip')).toBe('Client VIP');
    expect(scenarioTitles(packs, 'en')('unknown')).toBeUndefined();
  });

  it('round-trips through the pack loader as JSON', () => {
    const pack = buildTaughtPack(
      [{ id: '1', message: 'the parcel is here but the box is empty', scenario: 'return_refund', at: 1 }],
      {
        titleOf: scenarioTitles(DEFAULT_PACKS, 'en'),
        locale: 'en',
        id: 'taught-2026-12-04',
        name: 'What I taught',
      },
    )!;
    const loaded = parsePack(JSON.stringify(pack, null, 2), 'taught-2026-12-04.json');
    expect(loaded).toEqual({ ok: true, pack });
  });
});

describe('the pack schema’s teaching fields', () => {
  const base = { schemaVersion: 1, id: 't', name: 'T', version: '1', locale: 'zh-CN' };

  it('accepts counterExamples on a scenario and noScenarioExamples on the pack', () => {
    const pack = {
      ...base,
      scenarios: [{ id: 'thanks', title: '感谢', counterExamples: ['谢谢你个头'] }],
      noScenarioExamples: ['好的'],
    };
    expect(validatePack(pack, 't.json').ok).toBe(true);
  });

  it('refuses empty texts and non-lists there, with the field’s path', () => {
    const result = validatePack(
      { ...base, scenarios: [{ id: 'thanks', title: '感谢', counterExamples: [''] }], noScenarioExamples: '好的' },
      't.json',
    );
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.problems.map((p) => p.path);
    expect(paths).toContain('scenarios[0].counterExamples[0]');
    expect(paths).toContain('noScenarioExamples');
  });

  it('counts them as phrases against the pack’s limit', () => {
    const many = Array.from({ length: 100_001 }, (_, i) => `m${i}`);
    const result = validatePack({ ...base, noScenarioExamples: many }, 't.json');
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toContain('tooManyPhrases');
  });
});
