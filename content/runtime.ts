// The content script's runtime: one store for the tab, one UI host on the page, and the features that read and set the store (recognition, detection, draft lint, inline warnings, `;;` expansion, the guard before sending, the panel bridge).
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  createEngine,
  installCueLists,
  installPinyinTable,
  installTraditionalTable,
  packsForAgent,
} from '../engine/index.ts';
import type { Pack } from '../engine/types.ts';
import { injectPageBridge } from '../composer/index.ts';
import type { TabState } from '../utils/messaging.ts';
import { followEnabledPacks } from '../utils/enabled-packs.ts';
import {
  DEFAULT_SETTINGS,
  cueListsItem,
  pinyinTableItem,
  settingsItem,
  traditionalTableItem,
} from '../utils/storage.ts';
import { startDetection } from './detection.ts';
import { startDraftLint } from './draft-lint.ts';
import { startExpansion } from './expansion.ts';
import { startInlineWarnings } from './inline-warnings.ts';
import { startPanelBridge } from './panel-bridge.ts';
import { startRecognition } from './recognition.ts';
import { startSendGuard } from './send-guard.ts';
import { startFieldTab } from './fields.ts';
import { startChecklist } from './checklist.ts';
import { createStore, duringSession, initialTabModel } from './tab-store.ts';
import type { Tab } from './tab.ts';
import { createUiHost } from './ui-host.ts';

export interface ContentRuntime {
  readonly state: TabState;
  readonly host: HTMLElement;
  stop(): void;
}

export function startContentRuntime(ctx: ContentScriptContext, doc: Document = document): ContentRuntime {
  const tab: Tab = { doc, ctx, store: createStore(initialTabModel()), host: createUiHost(doc) };
  const { store } = tab;

  // The pinyin and traditional → simplified tables and the cue lists come from storage (this script's build
  // leaves them out). Each engine is built after they are read, so every message is read alike; until all three are
  // installed they are read again before each build, because on a fresh install this script can start before the
  // background has published them (it writes the tables before the packs).
  let tablesInstalled = false;
  async function installTablesOnce(): Promise<void> {
    if (tablesInstalled) return;
    try {
      const [pinyin, traditional, cueLists] = await Promise.all([
        pinyinTableItem.getValue(),
        traditionalTableItem.getValue(),
        cueListsItem.getValue(),
      ]);
      if (pinyin) installPinyinTable(pinyin);
      if (traditional) installTraditionalTable(traditional);
      if (cueLists) installCueLists(cueLists);
      tablesInstalled = !!pinyin && !!traditional && !!cueLists;
    } catch (error) {
      console.error('[huashu] reading the pinyin and character tables and the cue lists failed', error);
    }
  }
  // One build at a time, in order: the last packs published are the engine's.
  let building: Promise<void> = Promise.resolve();
  let lastPacks: Pack[] | undefined;
  function rebuildEngine(packs: Pack[]): void {
    lastPacks = packs;
    building = building.then(installTablesOnce).then(() => {
      if (ctx.isInvalid) return;
      try {
        store.set({ engine: createEngine(packsForAgent(packs, { site: doc.location?.hostname })) });
      } catch (error) {
        console.error('[huashu] building the engine from the enabled packs failed', error);
      }
    });
  }

  // The features subscribe in this order: the panel hears of a change after detection and lint have made it.
  const stops: (() => void)[] = [
    startDraftLint(tab),
    startDetection(tab),
    startChecklist(tab),
    startInlineWarnings(tab),
    startExpansion(tab),
    startSendGuard(tab),
    startFieldTab(tab),
    startPanelBridge(tab),
    // CKEditor 5 is written to from the page's own world: the bridge goes in once a helpdesk is recognized.
    duringSession(store, () => {
      void injectPageBridge().catch((error: unknown) =>
        console.error('[huashu] could not inject the page bridge', error),
      );
      return () => {};
    }),
    startRecognition(tab),
    settingsItem.watch((value) => store.set({ settings: { ...DEFAULT_SETTINGS, ...value } })),
    followEnabledPacks((packs) => {
      if (!ctx.isInvalid) rebuildEngine(packs);
    }),
    // A table published after the engine was built without it (packs rewritten unchanged fire no change): build again.
    ...[pinyinTableItem, traditionalTableItem].map((item) =>
      item.watch(() => {
        if (!tablesInstalled && lastPacks && !ctx.isInvalid) rebuildEngine(lastPacks);
      }),
    ),
  ];
  settingsItem
    .getValue()
    .then((value) => store.set({ settings: { ...DEFAULT_SETTINGS, ...value } }))
    .catch((error: unknown) => console.error('[huashu] reading the settings failed; using the defaults', error));

  const stop = (): void => {
    for (const cleanup of stops.splice(0).reverse()) {
      try {
        cleanup();
      } catch (error) {
        console.error('[huashu] cleanup failed', error);
      }
    }
    tab.host.remove();
  };
  // Single-page helpdesks move between conversations by history.pushState, which fires no popstate: WXT's
  // locationchange notices the URL change, and the watchers re-find the list and reset the latest customer message.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    store.get().conversation?.refresh();
    store.get().draft?.refresh();
  });
  ctx.onInvalidated(stop);

  return {
    get state() {
      return store.get().view;
    },
    host: tab.host.element,
    stop,
  };
}
