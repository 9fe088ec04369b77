// What the agent taught, on fake browser storage: kept in storage.local only, the taught pack merged last into every engine, unmatched messages kept and labelled.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createEngine, maskCustomerMessage, TAUGHT_PACK_ID } from '../../engine/index.ts';
import { startEnabledPacksPublishing } from '../../library/enabled-packs.ts';
import { followEnabledPacks } from '../../utils/enabled-packs.ts';
import { loadEnabledPacks, loadPackEntries } from '../../utils/packs.ts';
import { taughtCorrectionsItem, unmatchedMessagesItem } from '../../utils/storage.ts';
import {
  deleteAllTaught,
  deleteCorrection,
  deleteUnmatched,
  isWorthLabelling,
  labelUnmatched,
  pruneUnmatched,
  recordUnmatched,
  saveCorrection,
} from '../../utils/teach.ts';

const DAY = 24 * 60 * 60 * 1000;

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the taught pack in the pack set', () => {
  it('is absent while nothing is taught, and comes last once something is', async () => {
    expect((await loadEnabledPacks()).map((p) => p.id)).toEqual(['en', 'zh-TW', 'zh-CN']);
    await saveCorrection({
      id: 'c1',
      message: '快递小哥把箱子扔门口就走了',
      notScenario: 'shipping_delay',
      scenario: 'staff_complaint',
      at: 1,
    });
    const packs = await loadEnabledPacks();
    expect(packs.map((p) => p.id)).toEqual(['en', 'zh-TW', 'zh-CN', TAUGHT_PACK_ID]);
    const engine = createEngine(packs);
    expect(engine.scenario('staff_complaint')?.examples).toContain('快递小哥把箱子扔门口就走了');
    expect(engine.scenario('shipping_delay')?.counterExamples).toEqual(['快递小哥把箱子扔门口就走了']);
    // The options page lists the packs without it: it has a section of its own.
    expect((await loadPackEntries()).map((e) => e.pack.id)).not.toContain(TAUGHT_PACK_ID);
  });

  it('reaches every engine when a correction is saved: the background publishes, tabs and panels follow', async () => {
    const stopPublishing = startEnabledPacksPublishing();
    const seen: string[][] = [];
    const unwatch = followEnabledPacks((packs) => seen.push(packs.map((p) => p.id)));
    await expect.poll(() => seen.at(-1)).toEqual(['en', 'zh-TW', 'zh-CN']);
    await saveCorrection({ id: 'c1', message: '在吗在吗', scenario: null, at: 1 });
    await expect.poll(() => seen.at(-1)).toEqual(['en', 'zh-TW', 'zh-CN', TAUGHT_PACK_ID]);
    unwatch();
    stopPublishing();
  });

  it('is stored in storage.local, never in sync', async () => {
    await saveCorrection({ id: 'c1', message: '在吗在吗', scenario: null, at: 1 });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).toContain('taughtCorrections');
  });
});

describe('corrections and unmatched messages', () => {
  it('keeps a masked unmatched message once, and drops it when the agent labels it', async () => {
    const masked = maskCustomerMessage('我家猫把你们寄来的盒子当床了，手机13912345678');
    expect(masked).not.toContain('13912345678');
    expect(await recordUnmatched(masked, 10 * DAY)).toBe(true);
    expect(await recordUnmatched(masked, 10 * DAY + 1)).toBe(true);
    const [entry, ...rest] = await unmatchedMessagesItem.getValue();
    expect(rest).toEqual([]);
    expect(entry!.message).toBe(masked);
    await labelUnmatched(entry!, 'praise', 11 * DAY);
    expect(await unmatchedMessagesItem.getValue()).toEqual([]);
    expect((await taughtCorrectionsItem.getValue()).map((c) => [c.message, c.scenario])).toEqual([[masked, 'praise']]);
    // Labelled once, it is not kept as unmatched again.
    expect(await recordUnmatched(masked, 12 * DAY)).toBe(false);
  });

  it('keeps no message without words (a bare number, a placeholder)', async () => {
    expect(isWorthLabelling('［手机号］')).toBe(false);
    expect(isWorthLabelling('?? 1')).toBe(false);
    expect(isWorthLabelling('盒子当床了')).toBe(true);
    expect(await recordUnmatched('［数字］')).toBe(false);
    expect(await unmatchedMessagesItem.getValue()).toEqual([]);
  });

  it('drops unmatched messages past their days when pruned', async () => {
    await unmatchedMessagesItem.setValue([
      { id: 'old', message: '很久以前的消息', at: 0 },
      { id: 'new', message: '最近的消息', at: 40 * DAY },
    ]);
    await pruneUnmatched(41 * DAY);
    expect((await unmatchedMessagesItem.getValue()).map((m) => m.id)).toEqual(['new']);
  });

  it('deletes one correction, one message, or everything', async () => {
    await saveCorrection({ id: 'a', message: '一', scenario: null, at: 1 });
    await saveCorrection({ id: 'b', message: '二', scenario: 'thanks', at: 2 });
    await unmatchedMessagesItem.setValue([{ id: 'u', message: '三三', at: Date.now() }]);
    await deleteCorrection('a');
    expect((await taughtCorrectionsItem.getValue()).map((c) => c.id)).toEqual(['b']);
    await deleteUnmatched('u');
    expect(await unmatchedMessagesItem.getValue()).toEqual([]);
    await unmatchedMessagesItem.setValue([{ id: 'u', message: '三三', at: Date.now() }]);
    await deleteAllTaught();
    expect(await taughtCorrectionsItem.getValue()).toEqual([]);
    expect(await unmatchedMessagesItem.getValue()).toEqual([]);
  });
});
