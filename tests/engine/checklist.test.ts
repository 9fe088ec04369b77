// The conversation checklist: each item met, missed or open over a conversation, the score, the pack's fields checked with their place.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACKS } from '../../engine/default-packs.ts';
import { createEngine, worstSeverity } from '../../engine/index.ts';
import { parsePack } from '../../engine/pack-load.ts';
import type { ChecklistTurn } from '../../engine/types.ts';
import { createPhraseFinder } from '../../engine/lint.ts';

const engine = createEngine(DEFAULT_PACKS);
const T0 = 1_000_000;

function customer(text: string, seenAt?: number): ChecklistTurn {
  return { role: 'customer', scenarios: engine.detect(text).scenarios.map((s) => s.id), seenAt };
}
function agent(text: string, seenAt?: number): ChecklistTurn {
  return { role: 'agent', text, worstSeverity: worstSeverity(engine.lint(text)), seenAt };
}
const stateOf = (turns: ChecklistTurn[], now = T0 + 10_000) =>
  Object.fromEntries(engine.readChecklist(turns, now).items.map((item) => [item.id, item.state]));

describe('the conversation checklist of the shipped packs', () => {
  it('leaves everything open before the first reply, and misses the first reply time once it has passed', () => {
    const turns = [customer('你好，我的快递三天了还没到', T0)];
    expect(stateOf(turns)).toMatchObject({ greeting: 'open', 'first-reply-time': 'open', 'no-forbidden': 'open' });
    expect(stateOf(turns, T0 + 31_000)['first-reply-time']).toBe('missed');
  });

  it('scores a good conversation 100 and passes it', () => {
    const turns = [
      customer('你好，我的快递三天了还没到', T0),
      agent('您好，很高兴为您服务！您是说订单三天还没到对吗？我马上帮您查询。', T0 + 12_000),
      customer('对的，麻烦快点', T0 + 20_000),
      agent('已经帮您催了快递，预计明天送达。还有什么可以帮您的吗？', T0 + 50_000),
    ];
    const result = engine.readChecklist(turns, T0 + 60_000);
    expect(result.items.filter((item) => item.state === 'missed')).toEqual([]);
    expect(result.score).toBe(100);
    expect(result.passed).toBe(true);
  });

  it('takes off what each missed item costs, and fails below the pass line', () => {
    const turns = [customer('你们这什么破服务，我要投诉', T0), agent('这个不归我管，你找别人吧', T0 + 90_000)];
    const result = engine.readChecklist(turns, T0 + 100_000);
    const missed = result.items.filter((item) => item.state === 'missed').map((item) => item.id);
    expect(missed).toEqual(expect.arrayContaining(['greeting', 'apology', 'no-forbidden', 'first-reply-time']));
    expect(result.score).toBe(100 - 10 - 15 - 20 - 10 - 10);
    expect(result.passed).toBe(false);
  });

  it('reads the English phrases of the same items, and does not time messages that were there before reading', () => {
    const turns = [
      customer('someone logged into my account from another city'),
      agent('Hi! Sorry to hear that. To verify your identity, could you confirm the last 4 digits of your phone?'),
    ];
    expect(stateOf(turns)).toMatchObject({
      greeting: 'met',
      identity: 'met',
      'first-reply-time': 'notApplicable',
      'reply-time': 'open',
    });
  });

  it('leaves an item that applies to no message of the conversation out of the score', () => {
    expect(stateOf([customer('这款有蓝色的吗'), agent('您好，有的')]).identity).toBe('notApplicable');
  });
});

describe('the phrases of several items in one pass', () => {
  it('finds each item whose phrases a reply holds, where phrases of different items overlap', () => {
    const find = createPhraseFinder([
      { id: 'thanks', phrases: ['感谢您的耐心'] },
      { id: 'waiting', phrases: ['您的耐心等待'] },
      { id: 'patience', phrases: ['耐心'] },
      { id: 'other', phrases: ['再见'] },
    ]);
    expect(find('非常感谢您的耐心等待').sort()).toEqual(['patience', 'thanks', 'waiting']);
    expect(engine.checklistPhrasesIn('您好，您是说快递没到对吗？还有什么可以帮您的吗').sort()).toEqual([
      'closing',
      'greeting',
      'restate',
    ]);
  });
});

describe('checklist fields in a pack', () => {
  const pack = (items: unknown[]) =>
    JSON.stringify({ schemaVersion: 2, id: 'team', name: 'Team', version: '1', locale: 'zh-CN', checklist: { items } });

  it('names the field a kind needs, at its place', () => {
    const parsed = parsePack(
      pack([{ id: 'greet', title: '问候', deduction: 10, kind: 'said', phrases: ['您好'] }]),
      'team.json',
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.path)).toEqual(['checklist.items[0].when']);
  });

  it('refuses a deduction over 100 and a pattern that does not parse', () => {
    const parsed = parsePack(
      pack([{ id: 'greet', title: '问候', deduction: 120, kind: 'said', when: 'first-reply', phrases: ['(您好'] }]),
      'team.json',
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['checklist.items[0].deduction']));
  });
});
