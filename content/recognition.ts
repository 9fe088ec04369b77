// Which adapter reads this page: the agent's picks, a helpdesk's own adapter, or the guess; waits for a late-rendering helpdesk and follows the site's on/off switch.
import { createGenericAdapter } from '../sites/generic.ts';
import { genericAdapter, pickAdapter } from '../sites/registry.ts';
import type { SiteAdapter } from '../sites/types.ts';
import { sitePreferencesItem, type SitePreference } from '../utils/storage.ts';
import { initialTabState, setView, type Store, type TabModel } from './tab-store.ts';
import type { Tab } from './tab.ts';

/** How long to keep waiting for a helpdesk's markup on a page that has none yet (single-page apps render late). */
const ADAPTER_WAIT_MS = 60_000;

function siteEnabled(preference: SitePreference | undefined): boolean {
  return preference?.enabled !== false;
}

/**
 * Guessing runs where the agent asked for Huashu: a site they turned on, and the local pages that are on by default
 * (local and test helpdesks). Not on other pages of the hosted helpdesks' domains (a help centre is no chat).
 */
function guessingAllowed(preference: SitePreference | undefined): boolean {
  return preference?.enabled === true || /^(localhost|127\.0\.0\.1|\[::1\])$/u.test(location.hostname);
}

function safeGenericDetect(doc: Document): boolean {
  try {
    return genericAdapter.detect(doc);
  } catch (error) {
    console.error('[huashu] guessing the chat area failed', error);
    return false;
  }
}

/** The agent's picks win over every adapter: they were made because the guess (or an adapter) was wrong here. */
function adapterForPage(doc: Document, preference: SitePreference | undefined): SiteAdapter | null {
  if (preference?.messageListSelector || preference?.composerSelector) {
    const picked = createGenericAdapter({
      messageListSelector: preference.messageListSelector,
      composerSelector: preference.composerSelector,
    });
    if (picked.detect(doc)) return picked;
  }
  const specific = pickAdapter(doc, location.href);
  if (specific || !guessingAllowed(preference)) return specific;
  // No adapter knows this helpdesk: guess the conversation and the composer from the page's structure.
  return safeGenericDetect(doc) ? genericAdapter : null;
}

function startSession(store: Store<TabModel>, adapter: SiteAdapter): void {
  setView(store, { site: { id: adapter.id, name: adapter.name }, active: true });
  store.set({ adapter });
}

/** Ends the session; the panel keeps the site's name (it says Huashu is off there). */
function endSession(store: Store<TabModel>): void {
  const site = store.get().view.site;
  store.set({ adapter: null });
  setView(store, { ...initialTabState(), site });
}

export function startRecognition(tab: Tab): () => void {
  const { store, doc, ctx } = tab;
  let stopWaiting: (() => void) | null = null;

  /** Starts on the adapter that fits, waiting (on DOM changes, not a timer loop) for a late-rendering helpdesk. */
  function startWhenRecognized(): void {
    const { adapter, sitePreference } = store.get();
    if (adapter || stopWaiting || !siteEnabled(sitePreference) || ctx.isInvalid) return;
    const found = adapterForPage(doc, sitePreference);
    if (found) {
      startSession(store, found);
      return;
    }
    let checkQueued = false;
    const observer = new MutationObserver(() => {
      if (checkQueued) return;
      checkQueued = true;
      // Page renders come in bursts: check once per burst.
      ctx.setTimeout(() => {
        checkQueued = false;
        const late = adapterForPage(doc, store.get().sitePreference);
        if (!late) return;
        stopWaiting?.();
        if (!store.get().adapter && siteEnabled(store.get().sitePreference)) startSession(store, late);
      }, 200);
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true });
    stopWaiting = () => {
      observer.disconnect();
      stopWaiting = null;
    };
    ctx.setTimeout(() => stopWaiting?.(), ADAPTER_WAIT_MS);
  }

  const unsubscribe = store.subscribe((next, previous) => {
    if (next.sitePreference === previous.sitePreference) return;
    const before = previous.sitePreference;
    const now = next.sitePreference;
    const picksChanged =
      before?.messageListSelector !== now?.messageListSelector || before?.composerSelector !== now?.composerSelector;
    // New picks (or a Reset) mean a different adapter: start over on it. Off means off.
    if (next.adapter && (picksChanged || !siteEnabled(now))) endSession(store);
    if (siteEnabled(now) && !store.get().adapter) {
      // Look again now with the new preference (picks, or guessing allowed), not on the page's next change.
      stopWaiting?.();
      startWhenRecognized();
    }
  });

  const stopPreferences = sitePreferencesItem.watch((prefs) => store.set({ sitePreference: prefs[location.host] }));
  sitePreferencesItem
    .getValue()
    .then((prefs) => {
      store.set({ sitePreference: prefs[location.host] });
      startWhenRecognized();
    })
    .catch((error: unknown) => {
      console.error('[huashu] reading the site preferences failed; starting with defaults', error);
      startWhenRecognized();
    });

  return () => {
    unsubscribe();
    stopPreferences();
    stopWaiting?.();
    if (store.get().adapter) store.set({ adapter: null });
  };
}
