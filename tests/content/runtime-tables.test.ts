// @vitest-environment happy-dom
// The content runtime without the bundled pinyin and character tables and emotion cue lists (as its build has it): tables published after the script started still reach the engine.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startContentRuntime } from '../../content/runtime.ts';
import { pinyinOf } from '../../engine/pinyin.ts';
import { installTraditionalTable, normalizeForMatch, toSimplified } from '../../engine/normalize.ts';
import { bundledCueLists, type CueLists } from '../../engine/cue-lists.ts';
import { detectEmotion } from '../../engine/emotion.ts';
import { shapesOf } from '../../engine/emotion-shapes.ts';
import { expandShorthand } from '../../engine/shorthand.ts';
import { cueListsItem, enabledPacksItem, pinyinTableItem, traditionalTableItem } from '../../utils/storage.ts';

// Two lines in the table's own format (syllable:characters).
const TABLE_FOR_TEST = 'fa:发罚\nhuo:货获';
// Pairs of traditional and simplified characters, as engine/tables/t2s.ts has them.
const PAIRS_FOR_TEST = '貨货發发';
// Cue lists in the shape the background publishes, a cue or two each.
const CUES_FOR_TEST: CueLists = {
  emotion: {
    angry: ['气死'],
    sarcasm: ['呵呵'],
    anxious: ['急用'],
    calmStatements: ['不急'],
    apology: ['抱歉'],
    complaintFacts: ['发霉'],
    courtesy: ['谢谢'],
  },
  negation: { negation: ['不是'], contrast: ['而是'], aboutThemselves: [], moodDisclaimers: [] },
  shorthand: { thx: 'thanks' },
  shapes: { 'time-ahead': ['明天'] },
  needs: { waiting_too_long: ['回复'] },
};

// What wxt.config.ts does for the content script's build.
vi.mock('../../engine/tables/pinyin.ts', () => ({ PINYIN_TABLE: undefined }));
vi.mock('../../engine/tables/t2s.ts', () => ({ TRADITIONAL_TO_SIMPLIFIED_PAIRS: undefined }));
vi.mock('../../engine/tables/cue-lists.ts', () => ({ CUE_LISTS: undefined }));

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
});

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  document.body.innerHTML = '';
});

describe('content runtime and the tables (and emotion cue lists) left out of its build', () => {
  it('installs the tables the background publishes after the script started, before the engine it builds', async () => {
    const runtime = startContentRuntime(new ContentScriptContext('test'));
    // Nothing published yet: a fresh install, the background still starting.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(pinyinOf('货')).toBeUndefined();
    expect(toSimplified('貨')).toBe('貨');
    expect(detectEmotion('呵呵 又是这样')).toBe('calm');
    expect(expandShorthand('thx')).toBe('thx');
    expect(shapesOf('明天要用', '明天要用')).toEqual([]);
    // The build leaves the lists out: nothing bundled here.
    expect(bundledCueLists()).toBeUndefined();
    // The background writes the tables first, then the packs.
    await pinyinTableItem.setValue(TABLE_FOR_TEST);
    await traditionalTableItem.setValue(PAIRS_FOR_TEST);
    await cueListsItem.setValue(CUES_FOR_TEST);
    await enabledPacksItem.setValue([]);
    await expect.poll(() => pinyinOf('货')).toBe('huo');
    expect(toSimplified('貨發')).toBe('货发');
    expect(detectEmotion('呵呵 又是这样')).toBe('angry');
    expect(detectEmotion('我不急 慢慢来')).toBe('calm');
    expect(expandShorthand('thx')).toBe('thanks');
    expect(shapesOf('明天要用', '明天要用')).toEqual(['shape:time-ahead']);
    runtime.stop();
  });
});

describe('a character table installed after text was already folded', () => {
  it('folds every character with it from then on, not only the ones seen after it', () => {
    // Folded once without the table (as the engine built before the table arrived does)…
    installTraditionalTable('');
    expect(toSimplified('貨發')).toBe('貨發');
    expect(normalizeForMatch('貨發')).toBe('貨發');
    installTraditionalTable(PAIRS_FOR_TEST);
    // …and again after it: the folds remembered from before are forgotten.
    expect(normalizeForMatch('貨發')).toBe('货发');
  });
});
