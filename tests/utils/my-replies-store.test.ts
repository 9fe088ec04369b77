// The agent's own replies on fake browser storage: in sync while they fit, on this device past that, saved only when valid, merged into every engine, refused by a policy, kept in backups.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createEngine, isMyRepliesPack, type MyReply } from '../../engine/index.ts';
import { exportAll, importAll } from '../../library/backup.ts';
import {
  deleteMyReply,
  loadMyReplies,
  moveMyReplyBy,
  myRepliesPlaceItem,
  replaceMyReplies,
  restoreMyReply,
  saveMyReply,
} from '../../utils/my-replies.ts';
import { loadEnabledPacks } from '../../utils/packs.ts';
import { DEFAULT_SETTINGS, settingsItem } from '../../utils/storage.ts';

const draft = (over: Partial<MyReply> = {}): Omit<MyReply, 'updatedAt'> => ({
  id: 'r1',
  title: '退款到账',
  text: '{customer}您好，退款已原路退回，1-3 个工作日到账',
  shortcut: 'tk',
  scopes: ['return_refund'],
  ...over,
});

beforeEach(() => {
  fakeBrowser.reset();
});

describe('saving my replies', () => {
  it('keeps a valid reply in storage.sync, newest first', async () => {
    expect(await saveMyReply(draft(), [], 10)).toMatchObject({ ok: true, place: 'sync' });
    await saveMyReply(draft({ id: 'r2', shortcut: 'dd', text: '稍等哈' }), [], 20);
    expect((await loadMyReplies()).map((r) => r.id)).toEqual(['r2', 'r1']);
    const stored = await fakeBrowser.storage.sync.get(null);
    expect(Object.keys(stored).sort()).toEqual(['myReplies', 'myReplies.0']);
    expect(await fakeBrowser.storage.local.get('myReplies')).toEqual({});
  });

  it('changes nothing when a check fails, and says which field', async () => {
    await saveMyReply(draft(), [], 10);
    const result = await saveMyReply(draft({ id: 'r2', text: '', shortcut: 'TK' }), [], 20);
    expect(result).toMatchObject({ ok: false });
    expect(result.ok === false && 'problems' in result ? result.problems.map((p) => p.field) : []).toEqual([
      'text',
      'shortcut',
    ]);
    expect((await loadMyReplies()).map((r) => r.id)).toEqual(['r1']);
  });

  it('edits a reply in place, keeping its position', async () => {
    await saveMyReply(draft(), [], 10);
    await saveMyReply(draft({ id: 'r2', shortcut: undefined, text: '稍等' }), [], 20);
    await saveMyReply(draft({ text: '退款已退回' }), [], 30);
    expect((await loadMyReplies()).map((r) => [r.id, r.text, r.updatedAt])).toEqual([
      ['r2', '稍等', 20],
      ['r1', '退款已退回', 30],
    ]);
  });

  it('splits a long list in chunks under sync’s item limit, and moves it to this device past the budget', async () => {
    const many: MyReply[] = Array.from({ length: 30 }, (_, i) => ({
      ...draft({ id: `m${i}`, shortcut: undefined, text: `${'很抱歉让您久等了'.repeat(40)}${i}` }),
      updatedAt: i,
    }));
    expect(await replaceMyReplies(many)).toMatchObject({ ok: true, place: 'sync' });
    const sync = await fakeBrowser.storage.sync.get(null);
    const chunks = Object.keys(sync).filter((key) => key.startsWith('myReplies.'));
    expect(chunks.length).toBeGreaterThan(1);
    for (const key of chunks) expect(new TextEncoder().encode(JSON.stringify(sync[key])).length).toBeLessThan(8192);
    expect(await loadMyReplies()).toEqual(many);

    const more = Array.from({ length: 200 }, (_, i) => ({ ...many[0]!, id: `n${i}` }));
    expect(await replaceMyReplies(more)).toMatchObject({ ok: true, place: 'local' });
    expect(await myRepliesPlaceItem.getValue()).toBe('local');
    // The sync copy stays as it was for the profile's other devices.
    expect(Object.keys(await fakeBrowser.storage.sync.get(null))).toContain('myReplies');
    expect((await loadMyReplies()).length).toBe(200);

    // Back under the budget: back to sync, and this device's copy is gone.
    expect(await replaceMyReplies(many.slice(0, 2))).toMatchObject({ ok: true, place: 'sync' });
    expect(await fakeBrowser.storage.local.get('myReplies')).toEqual({});
    expect((await loadMyReplies()).map((r) => r.id)).toEqual(['m0', 'm1']);
  });

  it('deletes a reply, and undo puts it back at its place, keeping a reply saved meanwhile', async () => {
    await saveMyReply(draft(), [], 10);
    await saveMyReply(draft({ id: 'r2', shortcut: undefined }), [], 20);
    const { result, deleted } = await deleteMyReply('r1');
    expect(result).toMatchObject({ ok: true });
    expect(deleted?.index).toBe(1);
    expect((await loadMyReplies()).map((r) => r.id)).toEqual(['r2']);
    await saveMyReply(draft({ id: 'r3', shortcut: undefined }), [], 30);
    expect(await restoreMyReply(deleted!)).toMatchObject({ ok: true });
    expect((await loadMyReplies()).map((r) => r.id)).toEqual(['r3', 'r1', 'r2']);
  });

  it('moves a reply in the list as it is now', async () => {
    await saveMyReply(draft(), [], 10);
    await saveMyReply(draft({ id: 'r2', shortcut: undefined }), [], 20);
    expect(await moveMyReplyBy('r1', -1)).toMatchObject({ ok: true });
    expect((await loadMyReplies()).map((r) => r.id)).toEqual(['r1', 'r2']);
  });

  it('refuses to write while the sync copy is incomplete (chunks still arriving), and shows the last list read', async () => {
    await saveMyReply(draft(), [], 10);
    await saveMyReply(draft({ id: 'r2', shortcut: undefined }), [], 20);
    expect((await loadMyReplies()).map((r) => r.id)).toEqual(['r2', 'r1']);
    // Another device's manifest arrived, its chunk not yet.
    const manifest = (await fakeBrowser.storage.sync.get('myReplies')).myReplies as { length: number; hash: number };
    await fakeBrowser.storage.sync.set({ myReplies: { ...manifest, length: manifest.length + 10 } });
    expect((await loadMyReplies()).map((r) => r.id)).toEqual(['r2', 'r1']);
    expect(await saveMyReply(draft({ id: 'r3', shortcut: undefined }), [])).toEqual({ ok: false, unreadable: true });
    expect((await deleteMyReply('r1')).result).toEqual({ ok: false, unreadable: true });
  });

  it('counts the bytes Chrome writes for "<" and ">" (six each), so no chunk passes 8 KB', async () => {
    const angled = Array.from({ length: 12 }, (_, i) => ({
      ...draft({ id: `a${i}`, shortcut: undefined, text: `<${'订单号>'.repeat(120)}${i}` }),
      updatedAt: i,
    }));
    expect(await replaceMyReplies(angled)).toMatchObject({ ok: true, place: 'sync' });
    const sync = await fakeBrowser.storage.sync.get(null);
    for (const [key, value] of Object.entries(sync)) {
      if (!key.startsWith('myReplies.')) continue;
      const chromeBytes = Array.from(JSON.stringify(value)).reduce(
        (sum, char) => sum + (/[<>&]/u.test(char) ? 6 : new TextEncoder().encode(char).length),
        key.length,
      );
      expect(chromeBytes).toBeLessThan(8192);
    }
    expect(await loadMyReplies()).toEqual(angled);
  });

  it('refuses every change when a policy made personal replies read-only or off', async () => {
    await saveMyReply(draft(), [], 10);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, personalReplies: 'read-only' });
    expect(await saveMyReply(draft({ id: 'r2', shortcut: undefined }), [])).toEqual({ ok: false, mode: 'read-only' });
    expect((await deleteMyReply('r1')).result).toEqual({ ok: false, mode: 'read-only' });
    expect((await loadMyReplies()).map((r) => r.id)).toEqual(['r1']);
  });
});

describe('my replies in the engine', () => {
  it('come first among their scenario’s replies, and are gone when a policy turns them off', async () => {
    await saveMyReply(draft(), [], 10);
    const packs = await loadEnabledPacks();
    expect(packs.at(-1)?.id).toBe('my-replies.zh-CN');
    expect(createEngine(packs).scenario('return_refund')?.replies[0]?.id).toBe('mine.r1');

    await settingsItem.setValue({ ...DEFAULT_SETTINGS, personalReplies: 'off' });
    expect((await loadEnabledPacks()).some((p) => isMyRepliesPack(p.id))).toBe(false);
  });
});

describe('my replies in a backup', () => {
  it('are exported and restored', async () => {
    await saveMyReply(draft(), [], 10);
    const backup = await exportAll(new Date(0));
    fakeBrowser.reset();
    expect(await importAll(backup, 'backup.json')).toEqual({ ok: true });
    expect((await loadMyReplies()).map((r) => [r.id, r.shortcut])).toEqual([['r1', 'tk']]);
  });

  it('with a bad reply, restore nothing and say where', async () => {
    await saveMyReply(draft(), [], 10);
    const backup = JSON.parse(await exportAll(new Date(0)));
    backup.myReplies.push({ id: 'r9', title: '', text: '', scopes: ['return_refund'] });
    fakeBrowser.reset();
    const result = await importAll(JSON.stringify(backup), 'backup.json');
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['myReplies[1].text']);
    expect(await loadMyReplies()).toEqual([]);
  });
});
