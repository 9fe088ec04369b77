// What every feature of the page runtime is given: the page, the script's context, the tab's store and the UI host.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { resolveUiLocale, type UiLocale } from '../utils/i18n.ts';
import type { Store, TabModel } from './tab-store.ts';
import type { UiHost } from './ui-host.ts';

export interface Tab {
  readonly doc: Document;
  readonly ctx: ContentScriptContext;
  readonly store: Store<TabModel>;
  readonly host: UiHost;
}

/** The agent's interface language as the panel takes it (the page's navigator.language may differ). */
export function uiLocaleOf(tab: Tab): UiLocale {
  return resolveUiLocale(tab.store.get().settings.uiLanguage, browser.i18n?.getUILanguage?.() ?? navigator.language);
}
