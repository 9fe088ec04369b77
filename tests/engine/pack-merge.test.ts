// Merging packs: extend vs replace, reply override in place, rule override and disabling, winners explained.
import { DEFAULT_PACKS } from '../../engine/default-packs.ts';
import { describe, expect, it } from 'vitest';
import { explainMerge, mergePacks } from '../../engine/pack-merge.ts';
import type { Pack } from '../../engine/types.ts';

const base: Pack = {
  schemaVersion: 1,
  id: 'base',
  name: 'Base',
  version: '1.0.0',
  locale: 'zh-CN',
  scenarios: [
    {
      id: 'return_refund',
      title: '退款',
      triggers: ['退款'],
      replies: [
        { id: 'r.a', text: 'A' },
        { id: 'r.b', text: 'B' },
      ],
      tips: ['先核实订单'],
    },
  ],
  stages: [{ id: 'stage.hold', title: '稍等', replies: [{ id: 'h.a', text: '请稍等' }] }],
  rules: [
    { id: 'x.refusal', category: 'refusal', severity: 'warning', patterns: ['我不能'], message: 'm' },
    { id: 'x.but', category: 'contradiction', severity: 'info', patterns: ['但是'], message: 'm' },
  ],
};

const team: Pack = {
  schemaVersion: 1,
  id: 'team',
  name: 'Team',
  version: '2.0.0',
  locale: 'en',
  variables: { shopName: { label: 'Shop', fallback: 'our shop' } },
  scenarios: [
    {
      id: 'return_refund',
      title: 'Refund',
      triggers: ['refund', '退款'],
      replies: [
        { id: 'r.a', text: 'A2' },
        { id: 'r.c', text: 'C' },
      ],
    },
  ],
  rules: [
    { id: 'x.but', category: 'contradiction', severity: 'info', patterns: ['但是'], message: 'off', disabled: true },
    { id: 'x.refusal', category: 'refusal', severity: 'error', patterns: ['我不能', '不能'], message: 'stricter' },
  ],
};

describe('mergePacks', () => {
  it("extends a scenario: triggers unioned, a same-id reply in another language kept as a translation, the later pack's replies first, last title wins", () => {
    const merged = mergePacks([base, team]);
    const refund = merged.scenarios.find((s) => s.id === 'return_refund')!;
    expect(refund.title).toBe('Refund');
    expect(refund.triggers).toEqual(['退款', 'refund']);
    expect(refund.replies.map((r) => [r.id, r.text, r.packId, r.locale])).toEqual([
      ['r.a', 'A2', 'team', 'en'],
      ['r.c', 'C', 'team', 'en'],
      ['r.a', 'A', 'base', 'zh-CN'],
      ['r.b', 'B', 'base', 'zh-CN'],
    ]);
    expect(refund.tips).toEqual(['先核实订单']);
    expect(refund.packIds).toEqual(['base', 'team']);
  });

  it("replaces the same reply in the same language, the later pack's replies first", () => {
    const sameLanguage: Pack = { ...team, id: 'team-zh', locale: 'zh_CN' };
    const refund = mergePacks([base, sameLanguage]).scenarios.find((s) => s.id === 'return_refund')!;
    expect(refund.replies.map((r) => [r.id, r.text, r.packId])).toEqual([
      ['r.a', 'A2', 'team-zh'],
      ['r.c', 'C', 'team-zh'],
      ['r.b', 'B', 'base'],
    ]);
  });

  it('keeps every built-in reply in each of its languages', () => {
    const merged = mergePacks(DEFAULT_PACKS);
    const refund = merged.scenarios.find((s) => s.id === 'return_refund')!;
    const locales = new Set(refund.replies.map((r) => r.locale));
    expect([...locales].sort()).toEqual(['en', 'zh-CN', 'zh-TW']);
    const total = DEFAULT_PACKS.flatMap((p) => p.scenarios ?? [])
      .filter((s) => s.id === 'return_refund')
      .reduce((n, s) => n + (s.replies?.length ?? 0), 0);
    expect(refund.replies).toHaveLength(total);
  });

  it('replaces a scenario wholly when asked', () => {
    const replacing: Pack = { ...team, scenarios: [{ ...team.scenarios![0]!, merge: 'replace' }] };
    const refund = mergePacks([base, replacing]).scenarios[0]!;
    expect(refund.replies.map((r) => r.id)).toEqual(['r.a', 'r.c']);
    expect(refund.triggers).toEqual(['refund', '退款']);
  });

  it('overrides rules by id and drops disabled ones', () => {
    const merged = mergePacks([base, team]);
    expect(merged.rules.map((r) => [r.id, r.severity, r.packId])).toEqual([['x.refusal', 'error', 'team']]);
  });

  it('keeps stages and variables', () => {
    const merged = mergePacks([base, team]);
    expect(merged.stages.map((s) => s.id)).toEqual(['stage.hold']);
    expect(merged.variables.shopName?.fallback).toBe('our shop');
  });

  it('is order-sensitive: the other order lets the base pack win', () => {
    const merged = mergePacks([team, base]);
    expect(merged.scenarios[0]!.title).toBe('退款');
    expect(merged.rules.find((r) => r.id === 'x.refusal')!.severity).toBe('warning');
  });
});

describe('explainMerge', () => {
  it('names the winning pack and every pack that defines an id', () => {
    const rows = explainMerge([base, team]);
    expect(rows.find((r) => r.kind === 'scenario' && r.id === 'return_refund')).toEqual({
      kind: 'scenario',
      id: 'return_refund',
      winner: 'team',
      definedBy: ['base', 'team'],
    });
    expect(rows.find((r) => r.kind === 'stage')!.winner).toBe('base');
  });
});
