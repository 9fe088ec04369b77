// Fields to fill in replies: found, rendered for the composer, found again in a draft, and reported by lint and the pack check.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../engine/index.ts';
import { findEllipsisBlank, findFields, findUnfilledFields, renderFields } from '../../engine/fields.ts';
import { parsePack } from '../../engine/packs.ts';
import { DEFAULT_PACKS } from '../../engine/default-packs.ts';

describe('fields in a reply', () => {
  it('reads a name, an optional default and an optional hint', () => {
    expect(findFields('一般[[天数]]个工作日，满[[金额:99]]元，[[快递|公司名]]，[[时限:2小时|复核时限]]')).toEqual([
      { name: '天数', start: 2, end: 8 },
      { name: '金额', defaultValue: '99', start: 14, end: 23 },
      { name: '快递', hint: '公司名', start: 25, end: 35 },
      { name: '时限', defaultValue: '2小时', hint: '复核时限', start: 36, end: 51 },
    ]);
  });

  it('leaves brackets that are not a field as text (nesting, a line break, an over-long name)', () => {
    expect(findFields('[[a[[b]]c]] [[x\ny]] [[' + '名'.repeat(21) + ']] [[]]').map((f) => f.name)).toEqual(['b']);
  });

  it('renders a field with a default as its value and one without as [[name]], with where each landed', () => {
    const rendered = renderFields('退款[[天数]]个工作日到账，满[[金额:99|门槛]]元可用');
    expect(rendered.text).toBe('退款[[天数]]个工作日到账，满99元可用');
    expect(rendered.fields).toEqual([
      { name: '天数', start: 2, end: 8 },
      { name: '金额', start: 16, end: 18 },
    ]);
    for (const field of rendered.fields) expect(rendered.text.slice(field.start, field.end)).not.toBe('');
  });

  it('finds the fields a draft still holds, and only those', () => {
    expect(findUnfilledFields('退款[[天数]]个工作日到账，满99元，[[a:b]]')).toEqual([
      { name: '天数', start: 2, end: 8 },
    ]);
    expect(findUnfilledFields('退款3个工作日到账')).toEqual([]);
  });

  it('finds an ellipsis used as a blank', () => {
    expect(findEllipsisBlank('一般……个工作日')).toEqual({ blank: '……', index: 2 });
    expect(findEllipsisBlank('within … days')).toEqual({ blank: '…', index: 7 });
    expect(findEllipsisBlank('一般[[天数]]个工作日')).toBeUndefined();
  });
});

describe('a draft that still holds a field', () => {
  const engine = createEngine(DEFAULT_PACKS);

  it('gets an error on each unfilled field, from the pack of its language', () => {
    const zh = engine.lint('您好，退款一般[[天数]]个工作日内到账，请留意[[到账方式]]。');
    const fields = zh.filter((f) => f.category === 'unfilled_field');
    expect(fields.map((f) => [f.match, f.severity])).toEqual([
      ['[[天数]]', 'error'],
      ['[[到账方式]]', 'error'],
    ]);
    expect(fields[0]!.message).not.toBe('');
  });

  it('gets none once every field is filled', () => {
    expect(engine.lint('您好，退款一般3个工作日内到账。').filter((f) => f.category === 'unfilled_field')).toEqual([]);
  });

  it('every shipped reply, rendered, holds a field exactly where the pack wrote one without a default', () => {
    for (const pack of DEFAULT_PACKS) {
      for (const section of [...(pack.scenarios ?? []), ...(pack.stages ?? [])]) {
        for (const reply of section.replies ?? []) {
          const rendered = renderFields(reply.text);
          expect(findUnfilledFields(rendered.text).length, reply.id).toBe(
            findFields(reply.text).filter((f) => f.defaultValue === undefined).length,
          );
          expect(findEllipsisBlank(reply.text), `${pack.id} ${reply.id}: ${reply.text}`).toBeUndefined();
        }
      }
    }
  });
});

describe('the pack check', () => {
  it('warns of an ellipsis blank at its line and column, with the field syntax to use, and still loads the pack', () => {
    const source = [
      '{',
      '  "schemaVersion": 2, "id": "team", "name": "Team", "version": "1", "locale": "zh-CN",',
      '  "scenarios": [{ "id": "return_refund", "title": "退款",',
      '    "replies": [{ "id": "return_refund.t", "text": "一般……个工作日到账" }] }]',
      '}',
    ].join('\n');
    const result = parsePack(source, 'team.json');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.notices).toHaveLength(1);
    const notice = result.notices![0]!;
    expect(notice).toMatchObject({
      file: 'team.json',
      path: 'scenarios[0].replies[0].text',
      line: 4,
      code: 'ellipsisBlank',
    });
    expect(source.split('\n')[3]!.slice(notice.column! - 1)).toMatch(/^……/u);
    expect(notice.message).toContain('[[');
  });
});
