// @vitest-environment happy-dom
// The content runtime takes the learned readers (drafts, emotion) the background published for its packs, instead of training its own in the page.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startContentRuntime, type ContentRuntime } from '../../content/runtime.ts';
import { draftReaderTraining, emotionReaderTraining } from '../../engine/index.ts';
import { weightTableData, weightTableSteps } from '../../engine/weight-table.ts';
import type { Pack } from '../../engine/types.ts';
import { draftReaderItem, emotionReaderItem, enabledPacksItem, sitePreferencesItem } from '../../utils/storage.ts';

const TEAM: Pack = {
  schemaVersion: 2,
  id: 'team',
  name: 'team',
  version: '1.0.0',
  locale: 'en',
  draftExamples: {
    flawed: {
      shirking: ['not my job', 'not my department', 'ask someone else', 'that is not on me', 'not my problem'],
    },
    clean: ['Happy to help', 'Let me check that for you', 'Your order has shipped', 'Thanks for waiting'],
    notes: { shirking: 'Do not push the customer away.' },
  },
};

function page(): void {
  document.body.innerHTML = `
    <div class="app">
      <section class="flow"><div class="row">Hi, where is my order?</div><div class="row">Let me check.</div></section>
      <div class="ipt" contenteditable="true"></div>
    </div>`;
}

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '2.0.0' } as ReturnType<
    typeof fakeBrowser.runtime.getManifest
  >);
});

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  document.body.innerHTML = '';
});

/**
 * A reader trained on the tab's packs, then marked so its readings can be told from one the tab trained itself: its
 * shirking bias raised until every sentence reads as shirking. Published as the build `build` wrote it.
 */
async function publishMarkedReader(build: string): Promise<void> {
  const training = draftReaderTraining([TEAM]);
  training.prepare();
  const trained = training.trained()!;
  const shirking = trained.classifier!.categories.indexOf('shirking');
  const marked = {
    ...trained,
    classifier: { ...trained.classifier!, bias: trained.classifier!.bias.map((b, c) => (c === shirking ? 20 : b)) },
  };
  await draftReaderItem.setValue({ build, fingerprint: trained.fingerprint, reader: marked });
}

/** The runtime on the picked chat page with the team's pack; `type` puts a draft in its composer. */
async function startOnPage(): Promise<{ runtime: ContentRuntime; type(text: string): void }> {
  await enabledPacksItem.setValue([TEAM]);
  page();
  const runtime = startContentRuntime(new ContentScriptContext('test'));
  await sitePreferencesItem.setValue({
    [location.host]: { enabled: true, messageListSelector: 'section.flow', composerSelector: 'div.ipt' },
  });
  await expect.poll(() => runtime.state.site?.id).toBe('generic');
  const composer = document.querySelector<HTMLElement>('div.ipt')!;
  return {
    runtime,
    type(text) {
      composer.textContent = text;
      composer.dispatchEvent(new Event('input', { bubbles: true }));
    },
  };
}

const ruleIds = (runtime: ContentRuntime) => runtime.state.findings.map((f) => f.ruleId);

describe('a published draft reader', () => {
  it('is what the tab reads drafts with when it was trained on the same packs', async () => {
    await publishMarkedReader('2.0.0');
    const { runtime, type } = await startOnPage();
    type('Your order has shipped today');
    await expect.poll(() => ruleIds(runtime), { timeout: 5000 }).toEqual(['learned.shirking']);
    runtime.stop();
  });

  it('of another build is left alone: the tab trains its own', async () => {
    await publishMarkedReader('1.9.0');
    const { runtime, type } = await startOnPage();
    type('It is not my job, ask someone else');
    // Its own reader finds the flaw…
    await expect.poll(() => ruleIds(runtime), { timeout: 5000 }).toEqual(['learned.shirking']);
    // …and reads a clean draft as clean, where the marked one would not.
    type('Your order has shipped today');
    await expect.poll(() => runtime.state.findings, { timeout: 5000 }).toEqual([]);
    runtime.stop();
  });
});

describe('a published emotion reader', () => {
  // The page's customer message in words the team's examples know, so the learned reader speaks on it.
  const MESSAGE = 'my parcel was due last week and the tracking page still shows nothing at all';
  const MOODS: Pack = {
    ...TEAM,
    emotionExamples: {
      calm: [
        'my parcel was due last week, no rush',
        'the tracking page shows it at the depot',
        'all good, nothing at all wrong',
      ],
      anxious: ['the tracking still shows nothing and I need it tomorrow', 'my parcel was due and I fly out soon'],
      angry: ['still nothing at all, this is a joke', 'the tracking page is useless, last week too'],
    },
  };

  /** A reader trained on the tab's packs, its anxious bias raised until every message reads as anxious. */
  async function publishMarkedEmotionReader(build: string): Promise<void> {
    const training = emotionReaderTraining([MOODS]);
    training.prepare();
    const trained = training.trained()!;
    const decoding = weightTableSteps(trained.weights!);
    let step = decoding.next();
    while (!step.done) step = decoding.next();
    const table = step.value!;
    const bias = table.featureIndex.get('bias')!;
    table.weights[bias * 3 + table.categories.indexOf('anxious')] = 50;
    await emotionReaderItem.setValue({
      build,
      fingerprint: trained.fingerprint,
      reader: { ...trained, weights: weightTableData(table) },
    });
  }

  async function startOnMoodPage(): Promise<ContentRuntime> {
    await enabledPacksItem.setValue([MOODS]);
    document.body.innerHTML = `
      <div class="app">
        <section class="flow"><div class="row">Hi, how can I help?</div><div class="row">${MESSAGE}</div></section>
        <div class="ipt" contenteditable="true"></div>
      </div>`;
    const runtime = startContentRuntime(new ContentScriptContext('test'));
    await sitePreferencesItem.setValue({
      [location.host]: { enabled: true, messageListSelector: 'section.flow', composerSelector: 'div.ipt' },
    });
    await expect.poll(() => runtime.state.site?.id).toBe('generic');
    return runtime;
  }

  it('is what the tab reads emotion with when it was trained on the same packs', async () => {
    await publishMarkedEmotionReader('2.0.0');
    const runtime = await startOnMoodPage();
    await expect.poll(() => runtime.state.latest?.detection.emotion, { timeout: 5000 }).toBe('anxious');
    runtime.stop();
  });

  it('of another build is left alone: the tab trains its own', async () => {
    await publishMarkedEmotionReader('1.9.0');
    const runtime = await startOnMoodPage();
    await expect.poll(() => runtime.state.latest?.detection.text, { timeout: 5000 }).toBe(MESSAGE);
    // Its own reader, once trained, reads the message without the marked bias.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(runtime.state.latest?.detection.emotion).not.toBe('anxious');
    runtime.stop();
  });
});
