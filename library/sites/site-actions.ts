// Turning Huashu on or off for a site, from the side panel or the options page: the browser's access and the stored choice change together.
import { browser } from 'wxt/browser';
import type { Translate } from '../../utils/i18n.ts';
import { installedPacksItem, sitePreferencesItem } from '../../utils/storage.ts';
import { builtInMatches, hostOfOrigin } from './registration.ts';
import {
  hostnameOf,
  originPatternFor,
  parseSiteAddress,
  patternCoversHost,
  siteRows,
  sitePartsOf,
} from './site-access.ts';
import type { SiteAddressParts } from '../../utils/site-view.ts';

export type SiteActionResult = { ok: true; host: string } | { ok: false; message: string };

function isBuiltIn(hostKey: string): boolean {
  return [...builtInMatches()].some((pattern) => patternCoversHost(pattern, hostKey));
}

async function setEnabled(hostKey: string, enabled: boolean, scheme?: SiteAddressParts['scheme']): Promise<void> {
  const prefs = await sitePreferencesItem.getValue();
  await sitePreferencesItem.setValue({
    ...prefs,
    [hostKey]: { ...prefs[hostKey], enabled, ...(scheme ? { scheme } : {}) },
  });
}

/**
 * Switches a site on. Call it straight from the agent's click: the browser shows its prompt only during a user gesture,
 * so the permission is requested before anything is awaited. Built-in helpdesks need no prompt.
 */
export function switchSiteOn(site: SiteAddressParts, t: Translate): Promise<SiteActionResult> {
  const hostKey = site.host;
  if (isBuiltIn(hostKey)) return setEnabled(hostKey, true).then(() => ({ ok: true, host: hostKey }));
  const asked = browser.permissions.request({ origins: [originPatternFor(site)] });
  return asked.then(
    async (granted) => {
      if (!granted) return { ok: false, message: t('siteAccessDenied', { host: hostKey }) };
      await setEnabled(hostKey, true, site.scheme);
      return { ok: true, host: hostKey };
    },
    (error: unknown) => ({ ok: false, message: t('siteChangeFailed', { host: hostKey, error: String(error) }) }),
  );
}

/** Switches on the site of an address the agent typed, with a message for what cannot be an address. */
export function addSiteByAddress(input: string, t: Translate): Promise<SiteActionResult> {
  const parsed = parseSiteAddress(input);
  if (!parsed.ok) {
    const key =
      parsed.reason === 'empty' ? 'siteAddEmpty' : parsed.reason === 'not-web' ? 'siteAddNotWeb' : 'siteAddInvalid';
    return Promise.resolve({ ok: false, message: t(key, { input: input.trim() }) });
  }
  return switchSiteOn(sitePartsOf(parsed.url), t);
}

/**
 * Gives back the browser's access to a site, unless a pack subscription still fetches from it. Only single-host grants
 * are given back: wildcard grants were not asked for by Huashu, and the built-in hosts cannot be removed.
 */
async function releaseAccess(hostKey: string): Promise<void> {
  if (isBuiltIn(hostKey)) return;
  const [{ origins = [] }, installed, prefs] = await Promise.all([
    browser.permissions.getAll(),
    installedPacksItem.getValue(),
    sitePreferencesItem.getValue(),
  ]);
  const hostname = hostnameOf(hostKey);
  const stillNeeded = (origin: string) =>
    installed.some(
      (entry) => entry.source.kind === 'url' && patternCoversHost(origin, new URL(entry.source.url).host),
    ) ||
    // Another port of the same host name, still on, shares the grant.
    Object.entries(prefs).some(([other, pref]) => other !== hostKey && pref.enabled && hostnameOf(other) === hostname);
  const releasable = origins.filter((origin) => {
    const host = hostOfOrigin(origin);
    return host !== null && !host.includes('*') && hostnameOf(host) === hostname && !stillNeeded(origin);
  });
  if (releasable.length > 0) await browser.permissions.remove({ origins: releasable });
}

/** Switches a site off: the content script there stays idle, and the access given for it is handed back. */
export async function switchSiteOff(hostKey: string): Promise<SiteActionResult> {
  await setEnabled(hostKey, false);
  await releaseAccess(hostKey);
  return { ok: true, host: hostKey };
}

/** Forgets a site: its on/off choice, the chat area the agent pointed at, and its access. */
export async function forgetSite(hostKey: string): Promise<SiteActionResult> {
  const { [hostKey]: _forgotten, ...rest } = await sitePreferencesItem.getValue();
  await sitePreferencesItem.setValue(rest);
  await releaseAccess(hostKey);
  return { ok: true, host: hostKey };
}

/** Forgets the elements the agent pointed at on a site; the content script goes back to its adapters and guesses. */
export async function forgetPicks(hostKey: string): Promise<SiteActionResult> {
  const prefs = await sitePreferencesItem.getValue();
  const { messageListSelector: _list, composerSelector: _composer, ...rest } = prefs[hostKey] ?? { enabled: true };
  await sitePreferencesItem.setValue({ ...prefs, [hostKey]: rest });
  return { ok: true, host: hostKey };
}

/** Sites switched on that the browser gives no access to (after a restore, or access withdrawn in the browser's settings). */
export async function sitesNeedingAccess(): Promise<string[]> {
  const [prefs, { origins = [] }] = await Promise.all([sitePreferencesItem.getValue(), browser.permissions.getAll()]);
  return siteRows(prefs, origins, [...builtInMatches()])
    .filter((row) => row.state === 'needs-access')
    .map((row) => row.host);
}
