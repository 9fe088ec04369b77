// Runs the content script on sites the agent turned on: registered per granted origin, kept in step with permissions and preferences.
import { browser } from 'wxt/browser';
import { sitePreferencesItem, type SitePreference } from '../../utils/storage.ts';
import { parseMatchPattern } from '../../sites/match-pattern.ts';
import { patternCoversHost } from './site-access.ts';

/** The content script as WXT builds it (entrypoints/helpdesk.content). */
const CONTENT_SCRIPT_FILE = '/content-scripts/helpdesk.js';
const ID_PREFIX = 'huashu-site:';

/** The static content script's matches: those sites run it already. Read from the manifest so the service worker need not load the adapters. */
export function builtInMatches(): Set<string> {
  const scripts = browser.runtime?.getManifest?.().content_scripts ?? [];
  return new Set(scripts.flatMap((script) => script.matches ?? []));
}

// "https://example.com/*" gives "example.com"; a wildcard host ("https://*/*") is not one site and gives null.
export function hostOfOrigin(pattern: string): string | null {
  const parts = parseMatchPattern(pattern);
  if (!parts || !['http', 'https', '*'].includes(parts.scheme)) return null;
  if (parts.host === '' || parts.host.includes('*') || (parts.path !== '/' && parts.path !== '/*')) return null;
  return parts.host;
}

/**
 * The origins the content script should be registered for: granted, not built in, one site (no wildcard host), and
 * covering a site the agent switched on. Preferences are keyed by host with its port, patterns by host name only.
 */
export function wantedOrigins(
  granted: readonly string[],
  prefs: Record<string, SitePreference>,
  builtIn: ReadonlySet<string> = builtInMatches(),
): string[] {
  const switchedOn = Object.keys(prefs).filter((host) => prefs[host]?.enabled === true);
  return granted.filter((origin) => {
    if (builtIn.has(origin) || hostOfOrigin(origin) === null) return false;
    return switchedOn.some((host) => patternCoversHost(origin, host));
  });
}

/** Registers what is wanted and unregisters the rest of ours; other registrations are left alone. */
async function syncSiteScripts(): Promise<void> {
  if (!browser.scripting?.registerContentScripts) return;
  const [{ origins = [] }, prefs, registered] = await Promise.all([
    browser.permissions.getAll(),
    sitePreferencesItem.getValue(),
    browser.scripting.getRegisteredContentScripts(),
  ]);
  const wanted = new Map(wantedOrigins(origins, prefs).map((origin) => [`${ID_PREFIX}${origin}`, origin]));
  const ours = registered.filter((script) => script.id.startsWith(ID_PREFIX)).map((script) => script.id);
  const stale = ours.filter((id) => !wanted.has(id));
  if (stale.length > 0) await browser.scripting.unregisterContentScripts({ ids: stale });
  const missing = [...wanted].filter(([id]) => !ours.includes(id));
  if (missing.length === 0) return;
  await browser.scripting.registerContentScripts(
    missing.map(([id, origin]) => ({
      id,
      matches: [origin],
      js: [CONTENT_SCRIPT_FILE],
      runAt: 'document_idle' as const,
      // As the static content script: the conversation may live in a frame (cskefu); other frames only get a quick look.
      allFrames: true,
      persistAcrossSessions: true,
    })),
  );
}

/** Starts the content script in tabs already open on a newly granted origin, so the agent need not reload. */
async function injectIntoOpenTabs(origins: readonly string[]): Promise<void> {
  const prefs = await sitePreferencesItem.getValue();
  for (const origin of wantedOrigins(origins, prefs)) {
    // The new host permission lets tabs.query see these tabs' URLs without the broad `tabs` permission.
    const tabs = await browser.tabs.query({ url: origin });
    for (const tab of tabs) {
      if (tab.id === undefined) continue;
      await browser.scripting
        .executeScript({ target: { tabId: tab.id, allFrames: true }, files: [CONTENT_SCRIPT_FILE] })
        .catch((error: unknown) => console.error(`[huashu] could not start on ${tab.url ?? origin}`, error));
    }
  }
}

/** Background: sync at start, when permissions change and when a site is switched on or off. */
export function startSiteScriptSync(): void {
  const sync = (): void =>
    void syncSiteScripts().catch((error: unknown) =>
      console.error('[huashu] syncing the sites Huashu runs on failed', error),
    );
  sync();
  browser.permissions.onAdded?.addListener(sync);
  browser.permissions.onRemoved?.addListener(sync);
  sitePreferencesItem.watch((next, previous) => {
    sync();
    // A site just switched on (the panel sets it after the grant): start in its open tabs.
    const switchedOn = Object.keys(next ?? {}).filter((host) => next[host]?.enabled && !previous?.[host]?.enabled);
    if (switchedOn.length === 0) return;
    void browser.permissions
      .getAll()
      .then(({ origins = [] }) =>
        injectIntoOpenTabs(origins.filter((origin) => switchedOn.some((host) => patternCoversHost(origin, host)))),
      )
      .catch((error: unknown) => console.error('[huashu] starting in the open tabs failed', error));
  });
}
