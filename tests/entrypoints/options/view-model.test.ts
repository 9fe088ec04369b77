// The options page's view model: pack rows with counts and "wins over", and the format guessed for pasted text.
import { describe, expect, it } from 'vitest';
import { buildPackRows, pastedFileName } from '../../../entrypoints/options/view-model.ts';
import type { Pack } from '../../../engine/types.ts';
import { orderPacks } from '../../../utils/packs.ts';
import type { InstalledPack } from '../../../utils/storage.ts';

const team: Pack = {
  schemaVersion: 1,
  id: 'team',
  name: 'Team',
  version: '1',
  locale: 'zh-CN',
  scenarios: [
    {
      id: 'greeting',
      title: '问候',
      replies: [
        { id: 'a', text: '您好' },
        { id: 'b', text: '在的' },
      ],
    },
  ],
  stages: [{ id: 'stage.hold', title: '稍等', replies: [{ id: 'c', text: '请稍等' }] }],
  rules: [
    { id: 'zh.refusal.wo-bu-neng', category: 'refusal', severity: 'warning', patterns: ['我不能'], message: 'm' },
  ],
};

describe('buildPackRows', () => {
  it('counts scenarios, replies (stages included) and rules, and says which packs each one wins over', () => {
    const installed: InstalledPack[] = [
      {
        pack: team,
        source: { kind: 'url', url: 'https://x.test/p.json', lastError: 'down' },
        addedAt: 1,
        updatedAt: 2,
      },
    ];
    const rows = buildPackRows(orderPacks(installed, { order: [], disabled: ['en'] }));
    const row = rows.find((r) => r.id === 'team')!;
    expect(row).toMatchObject({
      scenarios: 1,
      replies: 3,
      rules: 1,
      source: 'url',
      sourceDetail: 'https://x.test/p.json',
      error: 'down',
      updatedAt: 2,
      canRemove: true,
    });
    expect(row.winsOver.map((w) => w.packId).sort()).toEqual(['zh-CN', 'zh-TW']);
    expect(row.winsOver.find((w) => w.packId === 'zh-CN')!.count).toBe(3);
    // A disabled pack neither wins nor loses.
    expect(rows.find((r) => r.id === 'en')).toMatchObject({
      enabled: false,
      canRemove: false,
      canDisable: true,
      winsOver: [],
    });
    expect(row.winsOver.some((w) => w.packId === 'en')).toBe(false);
  });

  it('locks policy packs', () => {
    const rows = buildPackRows(
      orderPacks([{ pack: team, source: { kind: 'policy' }, addedAt: 1, updatedAt: 1 }], {
        order: [],
        disabled: ['team'],
      }),
    );
    expect(rows.find((r) => r.id === 'team')).toMatchObject({ enabled: true, canDisable: false, canRemove: false });
  });
});

describe('pastedFileName', () => {
  it('guesses JSON, CSV or YAML from the first characters', () => {
    expect(pastedFileName('\uFEFF  {"id":1}')).toBe('pasted.json');
    expect(pastedFileName('kind,id,title\nmeta,x,y')).toBe('pasted.csv');
    expect(pastedFileName('id,kind\n')).toBe('pasted.csv');
    expect(pastedFileName('schemaVersion: 1\nid: x')).toBe('pasted.yaml');
  });
});
