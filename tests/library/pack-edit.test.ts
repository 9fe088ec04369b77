// Editing an added pack, on fake browser storage: saved as the next version of the same pack (the one before kept for Undo), refused with the problem placed and nothing changed, a copy of a subscribed pack to edit.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Pack } from '../../engine/types.ts';
import { commitImport, previewImport } from '../../library/library.ts';
import {
  copyPackToEdit,
  hasPreviousVersion,
  packAsText,
  saveEditedPack,
  undoLastEdit,
} from '../../library/pack-edit.ts';
import { installedPacksItem, type PackSource } from '../../utils/storage.ts';

const PACK: Pack = {
  schemaVersion: 2,
  id: 'team',
  name: 'Team',
  version: '1',
  locale: 'zh-CN',
  rules: [
    {
      id: 'team.refusal',
      category: 'refusal',
      severity: 'error',
      patterns: ['不给退'],
      message: '先说明能做什么',
    },
  ],
};

async function install(pack: Pack, source: PackSource = { kind: 'paste' }): Promise<void> {
  const check = previewImport(JSON.stringify(pack), 'team.json', await installedPacksItem.getValue());
  if (!check.ok) throw new Error('fixture pack is invalid');
  const saved = await commitImport(check.preview, source as never, 1);
  if (!saved.ok) throw new Error('fixture pack was not saved');
}

const storedPack = async (id: string) => (await installedPacksItem.getValue()).find((e) => e.pack.id === id)?.pack;

beforeEach(() => {
  fakeBrowser.reset();
});

describe('saving an edited pack', () => {
  it('replaces the pack in place and keeps the version before for Undo', async () => {
    await install(PACK);
    const edited = packAsText({ ...PACK, version: '2', rules: [{ ...PACK.rules![0]!, patterns: ['不能退'] }] }, 'yaml');
    expect(edited).toContain('不能退');
    const result = await saveEditedPack(edited, 'yaml', 'team', 5);
    expect(result.ok).toBe(true);
    expect((await storedPack('team'))?.rules?.[0]?.patterns).toEqual(['不能退']);
    expect(await hasPreviousVersion('team')).toBe(true);

    const undone = await undoLastEdit('team');
    expect(undone.ok).toBe(true);
    expect((await storedPack('team'))?.rules?.[0]?.patterns).toEqual(['不给退']);
    // Undo again: back to the edited one.
    await undoLastEdit('team');
    expect((await storedPack('team'))?.version).toBe('2');
  });

  it('refuses a broken text with its line, and a changed id, changing nothing', async () => {
    await install(PACK);
    const broken = await saveEditedPack('id: team\nname: [Team\n', 'yaml', 'team');
    expect(broken.ok).toBe(false);
    expect(!broken.ok && 'problems' in broken ? broken.problems[0] : undefined).toMatchObject({ file: 'team.yaml' });
    const renamed = await saveEditedPack(packAsText({ ...PACK, id: 'other' }, 'json'), 'json', 'team');
    expect(!renamed.ok && 'problems' in renamed ? renamed.problems.map((p) => p.path) : []).toEqual(['id']);
    expect(await storedPack('team')).toEqual(PACK);
    expect(await storedPack('other')).toBeUndefined();
    expect(await hasPreviousVersion('team')).toBe(false);
  });

  it('will not undo over a pack removed and added again, nor one the policy took over', async () => {
    await install(PACK);
    await saveEditedPack(packAsText({ ...PACK, version: '2' }, 'json'), 'json', 'team', 5);
    const installed = await installedPacksItem.getValue();
    await installedPacksItem.setValue(installed.map((e) => ({ ...e, source: { kind: 'policy' as const } })));
    expect((await undoLastEdit('team')).ok).toBe(false);
    await installedPacksItem.setValue(installed.map((e) => ({ ...e, addedAt: 99 })));
    expect((await undoLastEdit('team')).ok).toBe(false);
    expect((await storedPack('team'))?.version).toBe('2');
  });

  it("refuses an import with the id kept for the agent's own replies", () => {
    const check = previewImport(JSON.stringify({ ...PACK, id: 'my-replies.en' }), 'x.json', []);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.problems[0]!.path).toBe('id');
  });

  it('refuses to change a subscribed pack, and makes a copy to edit instead', async () => {
    await install(PACK, { kind: 'url', url: 'https://packs.example.com/team.json' });
    const refused = await saveEditedPack(packAsText({ ...PACK, version: '9' }, 'json'), 'json', 'team');
    expect(refused.ok).toBe(false);
    const copy = await copyPackToEdit('team', (name) => `${name} (copy)`);
    expect(copy.ok && [copy.entry.pack.id, copy.entry.pack.name, copy.entry.source.kind]).toEqual([
      'team-copy',
      'Team (copy)',
      'paste',
    ]);
    const second = await copyPackToEdit('team', (name) => `${name} (copy)`);
    expect(second.ok && second.entry.pack.id).toBe('team-copy-2');
  });
});
