// Background service worker: opens the side panel from the toolbar button.
import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { resolveUiLocale } from '../utils/i18n.ts';
import { settingsItem } from '../utils/storage.ts';
import { startEnabledPacksPublishing } from '../library/enabled-packs.ts';
import { startReaderPublishing } from '../library/reader-publishing.ts';
import { startManagedPolicySync } from '../library/policy.ts';
import { startSubscriptionRefresh } from '../library/subscriptions.ts';
import { startSiteScriptSync } from '../library/sites/registration.ts';
import { startFrameSessionRelay } from '../library/frame-sessions.ts';
import { pruneUnmatched } from '../utils/teach.ts';

export default defineBackground(() => {
  // Chrome: the toolbar button opens the side panel (Firefox has sidebar_action and no sidePanel API).
  void browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
  // A failed refresh's reason and the policy's problems are stored and shown later: written in the agent's interface
  // language as it is set when they are written.
  const agentLocale = async () =>
    resolveUiLocale((await settingsItem.getValue()).uiLanguage, browser.i18n.getUILanguage());
  // The enabled packs, built here once per change and read by every tab and panel.
  startEnabledPacksPublishing();
  // The learned readers (emotion, drafts), trained here once per set of packs, so no helpdesk tab trains its own.
  startReaderPublishing();
  // Packs added from an address are fetched again every hour; a failure keeps the last good version.
  startSubscriptionRefresh(agentLocale);
  // Packs and settings from the administrator's policy, at start and whenever it changes.
  startManagedPolicySync(agentLocale);
  // Sites the agent turned on get the content script registered; kept in step with granted permissions.
  startSiteScriptSync();
  // A helpdesk whose conversation lives in a frame (cskefu): the top page stands back while that frame answers the panel.
  startFrameSessionRelay();
  // Unmatched messages are kept for a limited time, also when no new one arrives to prune them.
  void pruneUnmatched().catch((error: unknown) =>
    console.error('[huashu] pruning the unmatched messages failed', error),
  );
});
