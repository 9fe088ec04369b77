// Background service worker: opens the side panel from the toolbar button.
import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';

export default defineBackground(() => {
  // Chrome: the toolbar button opens the side panel (Firefox has sidebar_action and no sidePanel API).
  void browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
});
