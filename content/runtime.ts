// The content script's runtime: picks the site adapter, runs the engine on the conversation and the draft, keeps the tab's state for the panel.
import { guessLanguage, createEngine, maskCustomerMessage, type Engine } from '../engine/index.ts';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Detection, Finding, Pack } from '../engine/types.ts';
import { genericAdapter, pickAdapter } from '../sites/registry.ts';
import { createGenericAdapter } from '../sites/generic.ts';
import { enPicker } from '../locales/en.ts';
import { zhCNPicker } from '../locales/zh-CN.ts';
import { zhTWPicker } from '../locales/zh-TW.ts';
import { runElementPicker } from './picker.ts';
import type { ComposerInfo, SiteAdapter } from '../sites/types.ts';
import {
  forgetComposerCaret,
  injectPageBridge,
  insertText,
  replaceRange,
  trackComposerCaret,
} from '../composer/index.ts';
import { contentToPanel, panelToContent, type InsertResult, type TabState } from '../utils/messaging.ts';
import { loadEnabledPacks, watchEnabledPacks } from '../utils/packs.ts';
import { recordUnmatched } from '../utils/teach.ts';
import { resolveUiLocale } from '../utils/i18n.ts';
import {
  DEFAULT_SETTINGS,
  settingsItem,
  sitePreferencesItem,
  type Settings,
  type SitePreference,
} from '../utils/storage.ts';
import { watchConversation, type ConversationSnapshot, type ConversationWatcher } from './conversation-watcher.ts';
import { watchDraft, type DraftWatcher } from './draft-watcher.ts';
import { watchExpansion, type ExpansionController } from './expansion.ts';
import { mountInlineOverlay, type InlineOverlay } from './inline-overlay.ts';
import { detectLatestCustomer } from './latest-customer.ts';
import { findingsForComposer } from './note-lint.ts';

/**
 * Our one element on the page, for the inline overlay in its closed shadow root. It carries no attribute of ours: the
 * page can see that it is there, never what Huashu found (the panel and tests ask the content script by messaging).
 */
export const HOST_TAG = 'huashu-root';

/** How long to keep waiting for a helpdesk's markup on a page that has none yet (single-page apps render late). */
const ADAPTER_WAIT_MS = 60_000;
const DETECTION_CACHE_LIMIT = 500;

export function initialTabState(): TabState {
  return { site: null, active: false, latest: null, findings: [], draftLength: 0, noteMode: false, hasComposer: false };
}

function isNoReceiverError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /Receiving end does not exist|Could not establish connection|message port closed|No response/i.test(message);
}

export interface ContentRuntime {
  readonly state: TabState;
  readonly host: HTMLElement;
  stop(): void;
}

export function startContentRuntime(ctx: ContentScriptContext, doc: Document = document): ContentRuntime {
  const host = doc.createElement(HOST_TAG);
  // The host takes no room and no clicks; the overlay inside positions itself.
  host.style.cssText = 'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483646;';
  doc.documentElement.append(host);

  let state: TabState = initialTabState();
  let engine: Engine | null = null;
  let adapter: SiteAdapter | null = null;
  let sitePreference: SitePreference | undefined;
  let conversation: ConversationWatcher | null = null;
  let draft: DraftWatcher | null = null;
  let overlay: InlineOverlay | null = null;
  let expansion: ExpansionController | null = null;
  let settings: Settings = DEFAULT_SETTINGS;
  let lastSnapshot: ConversationSnapshot | null = null;
  let stopCaretTracking: (() => void) | null = null;
  let stateChangeQueued = false;
  const detectionCache = new Map<string, Detection>();
  /** The last message kept as unmatched: every snapshot of the same conversation re-evaluates it. */
  let lastUnmatchedKey = '';
  const cleanups: (() => void)[] = [];

  function setState(patch: Partial<TabState>): void {
    state = { ...state, ...patch };
    if (stateChangeQueued) return;
    stateChangeQueued = true;
    // A new message and its detection, or a burst of keystrokes in one frame, make one message to the panel.
    queueMicrotask(() => {
      stateChangeQueued = false;
      if (ctx.isInvalid) return;
      contentToPanel.sendMessage('tabStateChanged', state).catch((error: unknown) => {
        // No panel open is the usual case, not an error.
        if (!isNoReceiverError(error)) console.error('[huashu] could not tell the panel about the new state', error);
      });
    });
  }

  function detectCached(text: string): Detection {
    const cached = detectionCache.get(text);
    if (cached) return cached;
    if (!engine) throw new Error('engine not ready');
    const detection = engine.detect(text);
    if (detectionCache.size >= DETECTION_CACHE_LIMIT) detectionCache.clear();
    detectionCache.set(text, detection);
    return detection;
  }

  function evaluateConversation(): void {
    if (!engine || !adapter || !lastSnapshot) return;
    try {
      const latest = detectLatestCustomer(lastSnapshot.messages, detectCached);
      let customerName: string | undefined;
      try {
        customerName = adapter.readCustomerName?.(doc);
      } catch (error) {
        console.error(`[huashu] the ${adapter.id} adapter failed to read the customer name`, error);
      }
      setState({ latest: latest ? { ...latest, role: 'customer' } : null, customerName });
      // A follow-up borrows an earlier message's scenarios only because its own detection found none.
      if (latest && (latest.followUpOf !== undefined || latest.detection.scenarios.length === 0))
        keepUnmatched(latest.detection.text, customerName);
    } catch (error) {
      console.error('[huashu] detecting the latest customer message failed', error);
    }
  }

  /** Keeps a message detection found no scenario for, masked, so the agent can label it later on the options page. */
  function keepUnmatched(text: string, customerName: string | undefined): void {
    const uiLocale = resolveUiLocale(settings.uiLanguage, browser.i18n?.getUILanguage?.() ?? navigator.language);
    const masked = maskCustomerMessage(text, { customerName, fallbackLanguage: uiLocale });
    if (masked === lastUnmatchedKey) return;
    lastUnmatchedKey = masked;
    recordUnmatched(masked).catch((error: unknown) =>
      console.error('[huashu] keeping the unmatched message failed', error),
    );
  }

  function onComposerChange(composer: ComposerInfo | null): void {
    // Where chats sit side by side (Zammad), the agent moves to another conversation by moving to its composer: the
    // adapter reads the conversation of the composer with focus, which no mutation of the message list announces.
    conversation?.refresh();
    stopCaretTracking?.();
    stopCaretTracking = null;
    if (composer) {
      try {
        stopCaretTracking = trackComposerCaret(composer.element, composer.kind);
      } catch (error) {
        console.error('[huashu] tracking the composer caret failed', error);
      }
    }
    setState({
      hasComposer: composer !== null,
      noteMode: composer?.noteMode ?? false,
      ...(composer ? {} : { findings: [], draftLength: 0 }),
    });
    overlay?.update(composer, composer ? findingsForComposer(composer, state.findings) : []);
    // Switching between reply and note changes which findings apply to the same draft: lint it again (after this callback).
    if (composer) queueMicrotask(() => draft?.lintNow());
  }

  function onDraftLinted(linted: Finding[], draftLength: number, composer: ComposerInfo): void {
    const findings = findingsForComposer(composer, linted);
    setState({ findings, draftLength });
    overlay?.update(composer, findings);
  }

  function currentComposer(): ComposerInfo | null {
    if (!adapter) return null;
    if (draft) {
      draft.refresh();
      return draft.composer;
    }
    return adapter.findComposer(doc);
  }

  async function applyFinding(start: number, end: number, replacement: string): Promise<InsertResult> {
    const composer = currentComposer();
    if (!composer) return { ok: false, reason: 'no-composer', message: 'No composer on this page.' };
    const outcome = await replaceRange(composer.element, composer.kind, start, end, replacement);
    draft?.lintNow();
    return outcome.ok ? { ok: true } : outcome;
  }

  function startSession(found: SiteAdapter): void {
    adapter = found;
    setState({ site: { id: found.id, name: found.name }, active: true });
    void injectPageBridge().catch((error: unknown) =>
      console.error('[huashu] could not inject the page bridge', error),
    );
    try {
      overlay = mountInlineOverlay(host, {
        applyFinding: (finding) => {
          void applyFinding(finding.start, finding.end, finding.suggestion ?? '').catch((error: unknown) =>
            console.error('[huashu] applying the suggestion failed', error),
          );
        },
      });
    } catch (error) {
      console.error('[huashu] the inline overlay could not be mounted', error);
    }
    conversation = watchConversation({
      adapter: found,
      doc,
      onSnapshot(snapshot) {
        lastSnapshot = snapshot;
        evaluateConversation();
        // Switching conversation may swap the composer (and its mode); a reused one must not insert at the old caret.
        if (snapshot.conversationChanged && draft) {
          const previous = draft.composer;
          if (previous) forgetComposerCaret(previous.element, previous.kind);
          draft.refresh();
        }
      },
    });
    draft = watchDraft({
      doc,
      findComposer: () => found.findComposer(doc),
      lint: (text) => (engine ? engine.lint(text) : []),
      onLint: ({ draft: text, findings }, composer) => onDraftLinted(findings, text.length, composer),
      onComposerChange,
    });
    // The browser's UI language, as the panel takes it (the page's navigator.language may differ).
    const uiLocale = () => resolveUiLocale(settings.uiLanguage, browser.i18n?.getUILanguage?.() ?? navigator.language);
    expansion = watchExpansion({
      doc,
      composer: () => draft?.composer ?? null,
      engine: () => engine,
      currentScenarioIds: () => state.latest?.detection.scenarios.map((s) => s.id) ?? [],
      customerName: () => state.customerName,
      settings: () => settings,
      locale: uiLocale,
      // As in the panel: replies in the customer's language first (guessed from the latest message).
      replyLocale: () => (state.latest ? guessLanguage(state.latest.detection.text) : undefined) ?? uiLocale(),
      onInserted: () => draft?.lintNow(),
    });
  }

  function stopSession(): void {
    conversation?.stop();
    draft?.stop();
    overlay?.destroy();
    expansion?.stop();
    expansion = null;
    stopCaretTracking?.();
    conversation = null;
    draft = null;
    overlay = null;
    stopCaretTracking = null;
    lastSnapshot = null;
    adapter = null;
  }

  /** The agent's picks win over every adapter: they were made because the guess (or an adapter) was wrong here. */
  function adapterForPage(): SiteAdapter | null {
    if (sitePreference?.messageListSelector || sitePreference?.composerSelector) {
      const picked = createGenericAdapter({
        messageListSelector: sitePreference.messageListSelector,
        composerSelector: sitePreference.composerSelector,
      });
      if (picked.detect(doc)) return picked;
    }
    const specific = pickAdapter(doc, location.href);
    if (specific || !guessingAllowed()) return specific;
    // No adapter knows this helpdesk: guess the conversation and the composer from the page's structure.
    return safeGenericDetect() ? genericAdapter : null;
  }

  /**
   * Guessing runs where the agent asked for Huashu: a site they turned on, and the local pages that are on by default
   * (local and test helpdesks). Not on other pages of the hosted helpdesks' domains (a help centre is no chat).
   */
  function guessingAllowed(): boolean {
    return sitePreference?.enabled === true || /^(localhost|127\.0\.0\.1|\[::1\])$/u.test(location.hostname);
  }

  function safeGenericDetect(): boolean {
    try {
      return genericAdapter.detect(doc);
    } catch (error) {
      console.error('[huashu] guessing the chat area failed', error);
      return false;
    }
  }

  let picking = false;
  async function startPicker(): Promise<void> {
    if (picking) return;
    picking = true;
    try {
      const locale = resolveUiLocale(settings.uiLanguage, browser.i18n?.getUILanguage?.() ?? navigator.language);
      const labels = locale === 'zh-CN' ? zhCNPicker : locale === 'zh-TW' ? zhTWPicker : enPicker;
      const result = await runElementPicker(doc, labels);
      if (!result) return;
      const prefs = await sitePreferencesItem.getValue();
      // Saving restarts the session through the watch below, now on the picked elements.
      await sitePreferencesItem.setValue({
        ...prefs,
        [location.host]: { ...prefs[location.host], enabled: true, ...result },
      });
    } catch (error) {
      console.error('[huashu] the element picker failed', error);
    } finally {
      picking = false;
    }
  }

  function siteEnabled(): boolean {
    return sitePreference?.enabled !== false;
  }

  /** Starts on the adapter that fits, waiting (on DOM changes, not a timer loop) for a late-rendering helpdesk. */
  function startWhenRecognized(): void {
    if (adapter || !siteEnabled() || ctx.isInvalid) return;
    const found = adapterForPage();
    if (found) {
      startSession(found);
      return;
    }
    let checkQueued = false;
    const observer = new MutationObserver(() => {
      if (checkQueued) return;
      checkQueued = true;
      // Page renders come in bursts: check once per burst.
      ctx.setTimeout(() => {
        checkQueued = false;
        const late = adapterForPage();
        if (!late) return;
        observer.disconnect();
        if (!adapter && siteEnabled()) startSession(late);
      }, 200);
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true });
    ctx.setTimeout(() => observer.disconnect(), ADAPTER_WAIT_MS);
    cleanups.push(() => observer.disconnect());
  }

  function rebuildEngine(packs: Pack[]): void {
    try {
      engine = createEngine(packs);
      detectionCache.clear();
      evaluateConversation();
      draft?.lintNow();
    } catch (error) {
      console.error('[huashu] building the engine from the enabled packs failed', error);
    }
  }

  // ---- The panel's requests ----
  cleanups.push(
    panelToContent.onMessage('getTabState', () => {
      if (adapter && draft) draft.refresh();
      return state;
    }),
    panelToContent.onMessage('insertReply', async ({ data }): Promise<InsertResult> => {
      try {
        const composer = currentComposer();
        if (!composer) return { ok: false, reason: 'no-composer', message: 'No composer on this page.' };
        const outcome = await insertText(composer.element, composer.kind, data.text);
        draft?.lintNow();
        return outcome.ok ? { ok: true } : outcome;
      } catch (error) {
        console.error('[huashu] inserting the reply failed', error);
        return { ok: false, reason: 'failed', message: error instanceof Error ? error.message : String(error) };
      }
    }),
    panelToContent.onMessage('applyFinding', async ({ data }): Promise<InsertResult> => {
      try {
        return await applyFinding(data.start, data.end, data.replacement);
      } catch (error) {
        console.error('[huashu] applying the fix failed', error);
        return { ok: false, reason: 'failed', message: error instanceof Error ? error.message : String(error) };
      }
    }),
    // The element picker belongs to the generic adapter; the adapters here know their markup.
    // Answers at once (the picking takes as long as the agent needs); the result arrives as a site preference.
    panelToContent.onMessage('startPicker', () => {
      void startPicker();
      return { ok: true };
    }),
  );

  // ---- Packs, settings (the `;;` picker reads them) and per-site preferences ----
  settingsItem
    .getValue()
    .then((value) => (settings = { ...DEFAULT_SETTINGS, ...value }))
    .catch((error: unknown) => console.error('[huashu] reading the settings failed; using the defaults', error));
  cleanups.push(settingsItem.watch((value) => (settings = { ...DEFAULT_SETTINGS, ...value })));
  loadEnabledPacks()
    .then((packs) => {
      if (!ctx.isInvalid) rebuildEngine(packs);
    })
    .catch((error: unknown) => console.error('[huashu] loading the packs failed', error));
  cleanups.push(watchEnabledPacks(rebuildEngine));

  sitePreferencesItem
    .getValue()
    .then((prefs) => {
      sitePreference = prefs[location.host];
      if (siteEnabled()) startWhenRecognized();
    })
    .catch((error: unknown) => {
      console.error('[huashu] reading the site preferences failed; starting with defaults', error);
      startWhenRecognized();
    });
  cleanups.push(
    sitePreferencesItem.watch((prefs) => {
      try {
        const previous = sitePreference;
        sitePreference = prefs[location.host];
        const picksChanged =
          previous?.messageListSelector !== sitePreference?.messageListSelector ||
          previous?.composerSelector !== sitePreference?.composerSelector;
        if (picksChanged && adapter) {
          // New picks (or a Reset) mean a different adapter: start over on it.
          const site = state.site;
          stopSession();
          setState({ ...initialTabState(), site });
        }
        if (!siteEnabled() && adapter) {
          const site = state.site;
          stopSession();
          setState({ ...initialTabState(), site });
        } else if (siteEnabled() && !adapter) startWhenRecognized();
      } catch (error) {
        console.error('[huashu] applying the site preferences failed', error);
      }
    }),
  );

  const stop = (): void => {
    stopSession();
    for (const cleanup of cleanups.splice(0)) {
      try {
        cleanup();
      } catch (error) {
        console.error('[huashu] cleanup failed', error);
      }
    }
    host.remove();
  };
  // Single-page helpdesks move between conversations by history.pushState, which fires no popstate: WXT's
  // locationchange notices the URL change, and the watcher re-finds the list and resets the latest customer message.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    conversation?.refresh();
    draft?.refresh();
  });
  ctx.onInvalidated(stop);

  return {
    get state() {
      return state;
    },
    host,
    stop,
  };
}
