// The agent's own replies in the engine: each problem at its field, variables recognised in a draft, the pack they form, and their shortcuts in search.
import { describe, expect, it } from 'vitest';
import {
  buildMyRepliesPack,
  buildMyRepliesPacks,
  checkMyReply,
  createCatalog,
  createPhraseSearch,
  moveMyReply,
  MY_REPLY_LIMITS,
  recogniseVariables,
  scopeTitles,
  type MyReply,
} from '../../engine/index.ts';
import { DEFAULT_PACKS } from '../../engine/default-packs.ts';
import { validatePack } from '../../engine/pack-schema.ts';

const reply = (over: Partial<MyReply> = {}): MyReply => ({
  id: 'r1',
  title: '退款到账',
  text: '{customer}您好，退款已经原路退回，1-3 个工作日到账哦',
  shortcut: 'tk',
  scopes: ['return_refund'],
  updatedAt: 1,
  ...over,
});

describe('checking a reply before it is saved', () => {
  it('accepts a reply with a known variable, a shortcut and a scope', () => {
    expect(checkMyReply(reply(), { others: [], variables: [] })).toEqual([]);
  });

  it('names each problem at its field, all at once', () => {
    const problems = checkMyReply(reply({ text: '   ', shortcut: 'two words', scopes: [], title: 'x'.repeat(81) }), {
      others: [],
      variables: [],
    });
    expect(problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'title:titleTooLong',
      'text:textEmpty',
      'shortcut:shortcutFormat',
      'scopes:noScope',
    ]);
  });

  it('refuses an unknown variable and lists the known ones, pack variables included', () => {
    const [problem] = checkMyReply(reply({ text: '您好 {custome}，订单 {orderNo}' }), {
      others: [],
      variables: ['orderNo'],
    });
    expect(problem).toMatchObject({ field: 'text', code: 'unknownVariable', params: { name: 'custome' } });
    expect(String(problem!.params.known)).toContain('{orderNo}');
  });

  it('refuses a reply over the size limit, counting characters, not UTF-16 units', () => {
    const long = '好'.repeat(MY_REPLY_LIMITS.textLength);
    expect(checkMyReply(reply({ text: long }), { others: [], variables: [] })).toEqual([]);
    expect(checkMyReply(reply({ text: `${long}了` }), { others: [], variables: [] })[0]).toMatchObject({
      field: 'text',
      code: 'textTooLong',
      params: { limit: MY_REPLY_LIMITS.textLength, length: MY_REPLY_LIMITS.textLength + 1 },
    });
  });

  it("refuses a customer's phone number or card in a reply that is kept, in its title and shortcut too", () => {
    const [problem] = checkMyReply(reply({ text: '已帮您登记，联系电话 13812345678' }), { others: [], variables: [] });
    expect(problem).toMatchObject({ field: 'text', code: 'personalData', params: { kind: 'phone' } });
    const fields = checkMyReply(reply({ title: '回电 13812345678', shortcut: '13812345678' }), {
      others: [],
      variables: [],
    }).map((p) => `${p.field}:${p.code}`);
    expect(fields).toEqual(['title:personalData', 'shortcut:personalData']);
  });

  it('refuses a shortcut another reply has, whatever its case or width, but not its own', () => {
    const other = reply({ id: 'r2', title: '发货', shortcut: 'FH' });
    expect(checkMyReply(reply({ shortcut: 'ｆｈ' }), { others: [other], variables: [] })[0]).toMatchObject({
      field: 'shortcut',
      code: 'shortcutTaken',
      params: { title: '发货' },
    });
    expect(checkMyReply(reply({ id: 'r2', shortcut: 'fh' }), { others: [other], variables: [] })).toEqual([]);
  });

  it('refuses a new reply past the most one agent keeps, not an edit of one kept', () => {
    const many = Array.from({ length: MY_REPLY_LIMITS.replies }, (_, i) => reply({ id: `m${i}`, shortcut: undefined }));
    expect(checkMyReply(reply({ id: 'new' }), { others: many, variables: [] })[0]?.code).toBe('tooManyReplies');
    expect(checkMyReply(reply({ id: 'm3' }), { others: many, variables: [] })).toEqual([]);
  });
});

describe('recognising variables in a draft', () => {
  it("writes the customer's and the agent's names as variables, the longest value first", () => {
    expect(
      recogniseVariables('王小明您好，我是客服小美，小明的订单已退款', { customer: '王小明', agentName: '小美' }),
    ).toBe('{customer}您好，我是客服{agentName}，小明的订单已退款');
  });

  it('replaces in one pass, a Latin name only as a whole word', () => {
    expect(recogniseVariables('Hi Nam, I am Alice. Also Namibia.', { customer: 'Nam', agentName: 'Alice' })).toBe(
      'Hi {customer}, I am {agentName}. Also Namibia.',
    );
    expect(recogniseVariables('Also, Al here', { customer: 'Al', agentName: 'Also Al' })).toBe('Also, {customer} here');
  });

  it('keeps literal braces as text and ignores one-character or empty values', () => {
    expect(recogniseVariables(' 输入 {code} 即可，王 ', { customer: '王', agentName: '' })).toBe(
      '输入 {{code}} 即可，王',
    );
  });
});

describe('the pack of my replies', () => {
  const lookup = scopeTitles(DEFAULT_PACKS, 'zh-CN');

  it('puts each reply under every scope it belongs to, in the agent’s order, with the packs’ titles', () => {
    const pack = buildMyRepliesPack(
      [
        reply(),
        reply({
          id: 'r2',
          title: '',
          text: '稍等，我查一下',
          shortcut: undefined,
          scopes: ['stage.hold', 'return_refund'],
        }),
      ],
      { locale: 'zh-CN', scopeOf: lookup },
    )!;
    expect(pack.scenarios?.map((s) => [s.id, s.replies?.map((r) => r.id)])).toEqual([
      ['return_refund', ['mine.r1', 'mine.r2']],
    ]);
    expect(pack.scenarios?.[0]?.title).toBe(lookup('return_refund')?.title);
    expect(pack.stages?.map((s) => [s.id, s.replies.map((r) => r.id)])).toEqual([['stage.hold', ['mine.r2']]]);
    expect(pack.scenarios?.[0]?.replies?.[0]).toEqual({
      id: 'mine.r1',
      title: '退款到账',
      text: reply().text,
      shortcut: 'tk',
    });
  });

  it('leaves out scopes no pack has, and is undefined when nothing is left', () => {
    expect(buildMyRepliesPack([reply({ scopes: ['gone'] })], { locale: 'zh-CN', scopeOf: lookup })).toBeUndefined();
  });

  it('is a valid pack, so a team lead can merge an export of it', () => {
    const pack = buildMyRepliesPack([reply()], { locale: 'zh-CN', scopeOf: lookup, id: 'mine-export' })!;
    const checked = validatePack(pack, 'my-replies.json');
    expect(checked.ok).toBe(true);
  });

  it('carries the definitions of the pack variables its replies use, so an export validates alone', () => {
    const pack = buildMyRepliesPack([reply({ text: '请拨打{hotline}，{customer}' })], {
      locale: 'zh-CN',
      scopeOf: lookup,
      id: 'mine-export',
      variables: { hotline: { label: '热线', fallback: '400-800-1234' }, unused: { label: 'x' } },
    })!;
    expect(pack.variables).toEqual({ hotline: { label: '热线', fallback: '400-800-1234' } });
    expect(validatePack(pack, 'my-replies.json').ok).toBe(true);
  });

  it('comes first among its scenario’s replies when merged last', () => {
    const pack = buildMyRepliesPack([reply()], { locale: 'zh-CN', scopeOf: lookup })!;
    const catalog = createCatalog([...DEFAULT_PACKS, pack]);
    expect(catalog.scenario('return_refund')?.replies[0]?.id).toBe('mine.r1');
  });
});

describe('my replies in several languages', () => {
  it('make a pack per language, so each is offered to customers who write it', () => {
    const packs = buildMyRepliesPacks(
      [
        reply(),
        reply({ id: 'r2', text: 'Your refund is on its way, {customer}.', shortcut: 'rf' }),
        reply({ id: 'r3', text: '退款已退回，請留意喔', shortcut: undefined }),
      ],
      { locale: 'zh-CN', scopeOf: scopeTitles(DEFAULT_PACKS, 'zh-CN') },
    );
    expect(packs.map((p) => [p.id, p.locale, p.scenarios?.[0]?.replies?.map((r) => r.id)])).toEqual([
      ['my-replies.zh-CN', 'zh-CN', ['mine.r1']],
      ['my-replies.en', 'en', ['mine.r2']],
      ['my-replies.zh-TW', 'zh-TW', ['mine.r3']],
    ]);
  });
});

describe('a shortcut in search', () => {
  const pack = buildMyRepliesPack(
    [reply(), reply({ id: 'r2', text: '您好，已为您加急处理', shortcut: 'jj.1', scopes: ['shipping_delay'] })],
    {
      locale: 'zh-CN',
      scopeOf: scopeTitles(DEFAULT_PACKS, 'zh-CN'),
    },
  )!;
  const search = createPhraseSearch(createCatalog([...DEFAULT_PACKS, pack]).merged);

  it('typed whole, puts its reply first, in any case', () => {
    expect(search.search('tk', { locale: 'zh-CN' })[0]).toMatchObject({
      matchedBy: 'shortcut',
      reply: { id: 'mine.r1' },
    });
    expect(search.search('TK', { locale: 'en' })[0]?.reply.id).toBe('mine.r1');
    expect(search.search('jj.1', { locale: 'zh-CN' })[0]?.reply.id).toBe('mine.r2');
  });

  it('typed in part, is no shortcut match', () => {
    expect(search.search('t', { locale: 'zh-CN' }).some((hit) => hit.matchedBy === 'shortcut')).toBe(false);
  });
});

describe('a pack’s shortcuts', () => {
  const base = {
    schemaVersion: 2,
    id: 'team',
    name: 'Team',
    version: '1',
    locale: 'zh-CN',
  };

  const withReplies = (replies: object[]) => ({
    ...base,
    scenarios: [{ id: 'return_refund', title: '退款', replies }],
  });
  const problemsOf = (value: object): string[] => {
    const checked = validatePack(value, 'team.json');
    return checked.ok ? [] : checked.problems.map((p) => `${p.path} ${p.message}`);
  };

  it('are one word each', () => {
    const problems = problemsOf(withReplies([{ id: 'c', text: '收到', shortcut: 'two words' }]));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^scenarios\[0\]\.replies\[0\]\.shortcut .*one word/u);
  });

  it('belong to one reply each, whatever their case', () => {
    const problems = problemsOf(
      withReplies([
        { id: 'a', text: '好的', shortcut: 'hd' },
        { id: 'b', text: '好的呢', shortcut: 'HD' },
      ]),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^scenarios\[0\]\.replies\[1\]\.shortcut .*"HD".*scenarios\[0\]\.replies\[0\]\.shortcut/u,
    );
  });
});

describe('moving a reply', () => {
  it('swaps it with its neighbour, and stays put at either end', () => {
    const list = [reply({ id: 'a' }), reply({ id: 'b' }), reply({ id: 'c' })];
    expect(moveMyReply(list, 'b', -1).map((r) => r.id)).toEqual(['b', 'a', 'c']);
    expect(moveMyReply(list, 'c', 1).map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });
});
