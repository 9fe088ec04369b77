// The linter: variants, false friends, quotes, overlaps and spans in the original draft.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACKS } from '../../engine/default-packs.ts';
import { createLinter } from '../../engine/lint.ts';
import { mergePacks } from '../../engine/pack-merge.ts';
import type { Rule } from '../../engine/types.ts';

const lint = createLinter(mergePacks(DEFAULT_PACKS).rules);
const categories = (draft: string): string[] => [...new Set(lint(draft).map((f) => f.category))].sort();

describe('lint with the default packs', () => {
  it.each([
    ['我 不 能 帮您改地址', ['refusal']],
    ['這不是我應該做的', ['shirking']],
    ['ＮＯＴ ＭＹ ＰＲＯＢＬＥＭ', ['shirking']],
    ['I Can’t do that', ['refusal']],
    ['你 听 不 懂 吗', ['impatience']],
    ['我們拒絕為您服務', ['rejection']],
    ['把驗證碼發給我', ['sensitive_request']],
    ['这台机器一定能用十年', ['absolute_promise']],
    // A quotation inside the phrase, or ending it, is the agent's own sentence quoting a word.
    ['请把“支付密码”发给我', ['sensitive_request']],
    ['请告诉我“支付密码”', ['sensitive_request']],
    ['Send me your "password"', ['sensitive_request']],
    ['这个问题我都解释了无数次了', ['impatience']],
    ['这种定制单我们一律谢绝', ['rejection']],
    ["You should've measured the doorway first.", ['impatience']],
    ['Refunds are guaranteed to reach you within 5 days.', ['absolute_promise']],
  ])('%s → %j', (draft, expected) => {
    expect(categories(draft)).toEqual(expected);
  });

  it.each([
    '押金和保证金会在三个工作日内退回。',
    '为了避免信息不对称,我们会邮件通知您。',
    '客户原话是“我不能接受”,我已经记录下来了。',
    // A phrase cannot run from the agent's words into quoted ones: the secret here is the text message's, quoted.
    '您截图里那条“您的验证码……”短信,自己留着就好。',
    '店里没有现货了,不过可以帮您从别的仓调货',
    'We measured before ordering the frames, so they fit.',
    'Delivery is not guaranteed to be on time during storms.',
    '未经申请的退货包裹我们一律拒绝签收,请先在订单页申请',
    '您看这样对不对?',
    'I can help with that, and the scan shows no problem.',
    '请您不要向任何人透露密码和验证码。',
    'Please never share your password with anyone.',
    '请勿把验证码发给任何人。',
    '尾号8832的银行卡已经绑定。',
    '感谢您的耐心等待,祝您生活愉快!',
    'Thanks for waiting, your order ships today.',
  ])('no finding on a clean draft: %s', (draft) => {
    expect(lint(draft)).toEqual([]);
  });

  it('points spans at the original text, after emoji and dropped spaces', () => {
    const draft = '😀 好的,我 不 能 直接退';
    const [finding] = lint(draft);
    expect(finding).toMatchObject({ category: 'refusal', match: '我 不 能' });
    expect(draft.slice(finding!.start, finding!.end)).toBe('我 不 能');
  });

  it('reports two categories in one sentence, sorted by position', () => {
    const findings = lint('我理解您的心情,但是这个真的做不了。');
    expect(findings.map((f) => f.category)).toEqual(['contradiction', 'refusal']);
    expect(findings[0]).toMatchObject({ severity: 'info', match: '但是' });
    expect(findings[1]?.fix?.text).toBe('这个我先帮您看看还有没有其他办法，有结果马上告诉您。');
  });

  it('does not fire a phrase that ends inside a larger word, but does on a doubled verb', () => {
    expect(categories('您着急什么时候用呢?我帮您申请加急')).toEqual([]);
    expect(categories('您著急什麼時候要用呢?')).toEqual([]);
    expect(categories('急什么啊亲,票会提前发的')).toEqual(['impatience']);
    expect(categories('您能不能认真看看商品页')).toEqual(['rhetorical']);
  });

  it('reports a card or id number the draft names as one even when its check digit fails, and a Taiwan id', () => {
    expect(categories('已核对卡号 6222 0212 3456 7890,退款原路返回')).toEqual(['sensitive_echo']);
    expect(categories('您的身分證字號A123456789已經核對完成')).toEqual(['sensitive_echo']);
    expect(categories('订单号 6222021234567890 已发货')).toEqual([]);
  });

  it('reports a repeated full card number but not a masked one', () => {
    expect(lint('已解绑 6217 0000 0012 3451 这张卡').map((f) => f.category)).toEqual(['sensitive_echo']);
    expect(lint('已解绑尾号3451的卡')).toEqual([]);
  });

  it('finds each phrase at its own place, the same on every call and in a linter built again from the same rules', () => {
    const draft = '但是我保证,这不归我管,你自己看吧。';
    // Worked out by hand from the default packs: which rule each phrase belongs to, and where the phrase sits in the draft.
    const expected = [
      ['zh.contradiction.dan-shi', '但是'],
      ['zh.absolute_promise.bao-zheng', '保证'],
      ['zh.shirking.bu-gui-wo-guan', '不归我管'],
      ['zh.impatience.zi-ji-kan', '你自己看吧'],
    ].map(([ruleId, match]) => ({
      ruleId,
      match,
      start: draft.indexOf(match!),
      end: draft.indexOf(match!) + match!.length,
    }));
    const summary = (findings: ReturnType<typeof lint>) =>
      findings.map(({ ruleId, match, start, end }) => ({ ruleId, match, start, end }));
    expect(summary(lint(draft))).toEqual(expected);
    lint('我不能退款，这不归我管');
    expect(summary(lint(draft))).toEqual(expected);
    expect(summary(createLinter(mergePacks(DEFAULT_PACKS).rules)(draft))).toEqual(expected);
  });
});

describe('lint mechanics', () => {
  const rule = (id: string, patterns: string[], extra: Partial<Rule> = {}): Rule => ({
    id,
    category: 'refusal',
    severity: 'warning',
    patterns,
    message: id,
    ...extra,
  });

  it('keeps the longest hit of a category where hits overlap', () => {
    const l = createLinter([
      rule('short', ['不能']),
      rule('long', ['不能为您服务'], { category: 'rejection', severity: 'error' }),
    ]);
    expect(l('我们不能为您服务').map((f) => f.ruleId)).toEqual(['long']);
  });

  it('matches Latin patterns on word boundaries only', () => {
    const l = createLinter([rule('no', ['no way'])]);
    expect(l('There is no way.')).toHaveLength(1);
    expect(l('Casino wayfinding')).toHaveLength(0);
  });

  it('honours a rule’s exceptions and skips disabled rules', () => {
    const l = createLinter([
      rule('x', ['保证'], { exceptions: ['质量保证'] }),
      rule('off', ['无法'], { disabled: true }),
    ]);
    expect(l('我们有质量保证,也无法退款')).toEqual([]);
    expect(l('我保证')).toHaveLength(1);
  });

  it('handles no rules and an empty draft', () => {
    expect(createLinter([])('我不能')).toEqual([]);
    expect(lint('')).toEqual([]);
  });
});

describe('a draft longer than any chat message', () => {
  it('is checked in its first MAX_INPUT_LINE_CHARS characters', async () => {
    const { createEngine, MAX_INPUT_LINE_CHARS } = await import('../../engine/index.ts');
    const engine = createEngine(DEFAULT_PACKS);
    const filler = '好'.repeat(MAX_INPUT_LINE_CHARS - 10);
    expect(engine.lint(`${filler}我不能帮您处理`).map((f) => f.category)).toContain('refusal');
    // What lies past the limit is not read (the filler itself reads as an impatient 好好好 to the draft reader).
    const findings = engine.lint(`${filler}${'好'.repeat(20)}我不能帮您处理`);
    expect(findings.map((f) => f.category)).not.toContain('refusal');
    expect(findings.every((f) => f.end <= MAX_INPUT_LINE_CHARS)).toBe(true);
  });
});

describe('fixes on findings', () => {
  it('carries a rule rewrite as a fix over the whole clause, in the form of address of the draft', () => {
    const rewriteLint = createLinter([
      {
        id: 'pw',
        category: 'sensitive_request',
        severity: 'error',
        patterns: ['支付密码'],
        message: 'm',
        rewrite: '{you}可以通过“忘记密码”自行重置密码',
      },
    ]);
    const draft = '好的，把你的支付密码发给我';
    const [finding] = rewriteLint(draft);
    expect(finding?.fix).toEqual({ start: 3, end: draft.length, text: '你可以通过“忘记密码”自行重置密码' });
  });
});
