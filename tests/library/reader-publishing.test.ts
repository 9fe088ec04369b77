// The learned readers trained in the background: published once per set of enabled packs, not trained again for the same packs, and taken by an engine of those packs.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createEngine, draftReaderTraining, emotionReaderTraining } from '../../engine/index.ts';
import type { Pack } from '../../engine/types.ts';
import { startReaderPublishing } from '../../library/reader-publishing.ts';
import { draftReaderItem, emotionReaderItem, enabledPacksItem } from '../../utils/storage.ts';

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

let build = '1.0.0';

beforeEach(() => {
  fakeBrowser.reset();
  build = '1.0.0';
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockImplementation(
    () => ({ version: build }) as ReturnType<typeof fakeBrowser.runtime.getManifest>,
  );
});

const keptFingerprint = async () => (await draftReaderItem.getValue())?.fingerprint;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the background’s draft reader', () => {
  it('is published for the enabled packs, and an engine of those packs takes it without training', async () => {
    const packs = [teamPack(CLEAN)];
    await enabledPacksItem.setValue(packs);
    const stop = startReaderPublishing();
    const fingerprint = draftReaderTraining(packs).fingerprint();
    await expect.poll(keptFingerprint).toBe(fingerprint);
    const published = (await draftReaderItem.getValue())!;
    expect(published.build).toBe('1.0.0');
    const engine = createEngine(packs);
    expect(engine.adoptDraftReader(published.reader!)).toBe(true);
    expect(engine.prepareLint()).toBe(true);
    expect(engine.lint('这个真不归我们这边管哈').map((f) => f.ruleId)).toEqual(['learned.shirking']);
    stop();
  });

  it('is trained again when the packs change, and not when a background starts again on the same packs', async () => {
    await enabledPacksItem.setValue([teamPack(CLEAN)]);
    const first = startReaderPublishing();
    await expect.poll(keptFingerprint).toBeDefined();
    const before = await keptFingerprint();
    const changed = [teamPack([...CLEAN, '感谢您的耐心等待'])];
    await enabledPacksItem.setValue(changed);
    await expect.poll(keptFingerprint).toBe(draftReaderTraining(changed).fingerprint());
    expect(await keptFingerprint()).not.toBe(before);
    first();
    // A service worker woken again: the kept readers fit the packs, so nothing is trained or written.
    const written = vi.spyOn(draftReaderItem, 'setValue');
    const emotionWritten = vi.spyOn(emotionReaderItem, 'setValue');
    const again = startReaderPublishing();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(written).not.toHaveBeenCalled();
    expect(emotionWritten).not.toHaveBeenCalled();
    again();
  });

  it('is trained again by a new version of the extension, even for the same packs', async () => {
    await enabledPacksItem.setValue([teamPack(CLEAN)]);
    const first = startReaderPublishing();
    await expect.poll(async () => (await draftReaderItem.getValue())?.build).toBe('1.0.0');
    first();
    build = '1.0.1';
    const again = startReaderPublishing();
    await expect.poll(async () => (await draftReaderItem.getValue())?.build).toBe('1.0.1');
    expect((await draftReaderItem.getValue())!.reader).not.toBeNull();
    again();
  });

  it('says so when storage cannot hold it, and a background that starts again does not train in vain', async () => {
    await enabledPacksItem.setValue([teamPack(CLEAN)]);
    const realSetValue = draftReaderItem.setValue.bind(draftReaderItem);
    const full = vi
      .spyOn(draftReaderItem, 'setValue')
      .mockImplementationOnce(() => Promise.reject(new Error('QUOTA_BYTES quota exceeded')))
      .mockImplementation(realSetValue);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const first = startReaderPublishing();
    await expect.poll(async () => (await draftReaderItem.getValue())?.fingerprint).toBeDefined();
    expect((await draftReaderItem.getValue())!.reader).toBeNull();
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('storage could not hold'), expect.any(Error));
    first();
    full.mockClear();
    const again = startReaderPublishing();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(full).not.toHaveBeenCalled();
    again();
  });

  it('publishes nothing before the background has built the enabled packs', async () => {
    const stop = startReaderPublishing();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await draftReaderItem.getValue()).toBeNull();
    expect(await emotionReaderItem.getValue()).toBeNull();
    stop();
  });
});

describe('the background’s emotion reader', () => {
  const moodPack: Pack = {
    ...teamPack(CLEAN),
    emotionExamples: {
      anxious: ['明天就要用了 今天还没发货', '卡里的钱少了一笔 不知道谁转走的', '下午的飞机 护照快递还没到'],
      angry: ['你们这什么破服务', '说了三遍了还是没人管'],
      calm: ['请问有蓝色的吗', '好的谢谢', '发票抬头写公司名称'],
    },
  };

  it('is published for the enabled packs, and an engine of those packs takes it', async () => {
    const packs = [moodPack];
    await enabledPacksItem.setValue(packs);
    const stop = startReaderPublishing();
    const fingerprint = emotionReaderTraining(packs).fingerprint();
    await expect.poll(async () => (await emotionReaderItem.getValue())?.fingerprint).toBe(fingerprint);
    const published = (await emotionReaderItem.getValue())!;
    expect(published.build).toBe('1.0.0');
    expect(published.reader?.weights).not.toBeNull();
    const engine = createEngine(packs);
    expect(engine.adoptEmotionReader(published.reader!)).toBe(true);
    expect(engine.prepareEmotion()).toBe(true);
    // Another set of packs learned from other messages: their engine does not take it.
    expect(createEngine([teamPack(CLEAN)]).adoptEmotionReader(published.reader!)).toBe(false);
    stop();
  });

  it('does not keep the draft reader from being published when it cannot be stored', async () => {
    await enabledPacksItem.setValue([moodPack]);
    vi.spyOn(emotionReaderItem, 'getValue').mockRejectedValue(new Error('storage is gone'));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const stop = startReaderPublishing();
    await expect.poll(keptFingerprint).toBe(draftReaderTraining([moodPack]).fingerprint());
    expect(console.error).toHaveBeenCalledWith(
      expect.stringContaining('publishing the emotion reader'),
      expect.any(Error),
    );
    stop();
  });
});
