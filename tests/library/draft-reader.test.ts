// The draft reader trained in the background: published once per set of enabled packs, not trained again for the same packs, and taken by an engine of those packs.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createEngine, draftReaderTraining } from '../../engine/index.ts';
import type { Pack } from '../../engine/types.ts';
import { startDraftReaderPublishing } from '../../library/draft-reader.ts';
import { draftReaderItem, enabledPacksItem } from '../../utils/storage.ts';

const SHIRKING = ['这个不归我管', '这事不归我们组管', '不归我管哦您找别人', '售后不归我们管', '物流的事不归我管'];
const CLEAN = ['好的亲，我帮您查一下', '已经帮您登记了', '我来跟进，稍后回复您', '订单已经发出了哦'];

function teamPack(clean: string[]): Pack {
  return {
    schemaVersion: 2,
    id: 'team',
    name: 'team',
    version: '1.0.0',
    locale: 'zh-CN',
    draftExamples: { flawed: { shirking: SHIRKING }, clean, notes: { shirking: '说“我帮您联系负责的同事”。' } },
  };
}

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the background’s draft reader', () => {
  it('is published for the enabled packs, and an engine of those packs takes it without training', async () => {
    const packs = [teamPack(CLEAN)];
    await enabledPacksItem.setValue(packs);
    const stop = startDraftReaderPublishing();
    const fingerprint = draftReaderTraining(packs).fingerprint();
    await expect.poll(async () => (await draftReaderItem.getValue())?.fingerprint).toBe(fingerprint);
    const engine = createEngine(packs);
    expect(engine.adoptDraftReader((await draftReaderItem.getValue())!)).toBe(true);
    expect(engine.prepareLint(0)).toBe(true);
    expect(engine.lint('这个真不归我们这边管哈').map((f) => f.ruleId)).toEqual(['learned.shirking']);
    stop();
  });

  it('is trained again when the packs change, and not when a background starts again on the same packs', async () => {
    await enabledPacksItem.setValue([teamPack(CLEAN)]);
    const first = startDraftReaderPublishing();
    await expect.poll(async () => (await draftReaderItem.getValue())?.fingerprint).toBeDefined();
    const before = (await draftReaderItem.getValue())!.fingerprint;
    const changed = [teamPack([...CLEAN, '感谢您的耐心等待'])];
    await enabledPacksItem.setValue(changed);
    await expect
      .poll(async () => (await draftReaderItem.getValue())?.fingerprint)
      .toBe(draftReaderTraining(changed).fingerprint());
    expect((await draftReaderItem.getValue())!.fingerprint).not.toBe(before);
    first();
    // A service worker woken again: the kept reader fits the packs, so nothing is trained or written.
    const written = vi.spyOn(draftReaderItem, 'setValue');
    const again = startDraftReaderPublishing();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(written).not.toHaveBeenCalled();
    again();
  });

  it('publishes nothing before the background has built the enabled packs', async () => {
    const stop = startDraftReaderPublishing();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await draftReaderItem.getValue()).toBeNull();
    stop();
  });
});
