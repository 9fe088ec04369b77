// @vitest-environment happy-dom
// The content runtime without a bundled pinyin table (as its build has it): the table published after the script started still reaches the engine.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startContentRuntime } from '../../content/runtime.ts';
import { pinyinOf } from '../../engine/pinyin.ts';
import { enabledPacksItem, pinyinTableItem } from '../../utils/storage.ts';

// Two lines in the table's own format (syllable:characters).
const TABLE_FOR_TEST = 'fa:发罚\nhuo:货获';

// What wxt.config.ts does for the content script's build.
vi.mock('../../engine/tables/pinyin.ts', () => ({ PINYIN_TABLE: undefined }));

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
});

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  document.body.innerHTML = '';
});

describe('content runtime and the pinyin table', () => {
  it('installs the table the background publishes after the script started, before the engine it builds', async () => {
    const runtime = startContentRuntime(new ContentScriptContext('test'));
    // Nothing published yet: a fresh install, the background still starting.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(pinyinOf('货')).toBeUndefined();
    // The background writes the table first, then the packs.
    await pinyinTableItem.setValue(TABLE_FOR_TEST);
    await enabledPacksItem.setValue([]);
    await expect.poll(() => pinyinOf('货')).toBe('huo');
    runtime.stop();
  });
});
