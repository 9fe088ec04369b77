// The options page's Sites section: remembered sites and the browser's grants, kept current, and the actions on them.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { SitesSectionProps } from '../../components/options/SitesSection.tsx';
import type { ActionResult } from '../../components/options/types.ts';
import type { Translate } from '../../utils/i18n.ts';
import { builtInMatches } from '../../library/sites/registration.ts';
import { builtInSiteNames, siteRows } from '../../library/sites/site-access.ts';
import {
  addSiteByAddress,
  forgetPicks,
  forgetSite,
  switchSiteOff,
  switchSiteOn,
  type SiteActionResult,
} from '../../library/sites/site-actions.ts';
import { sitePreferencesItem, type SitePreference } from '../../utils/storage.ts';

function asAction(t: Translate, host: string, action: () => Promise<SiteActionResult>): Promise<ActionResult> {
  return action().then(
    (result) => (result.ok ? { ok: true } : result),
    (error: unknown) => ({ ok: false, message: t('siteChangeFailed', { host, error: String(error) }) }),
  );
}

export function useSites(t: Translate): SitesSectionProps {
  const [prefs, setPrefs] = useState<Record<string, SitePreference>>({});
  const [granted, setGranted] = useState<string[]>([]);

  useEffect(() => {
    const readGrants = () => void browser.permissions.getAll().then(({ origins = [] }) => setGranted(origins));
    void sitePreferencesItem.getValue().then(setPrefs);
    readGrants();
    const unwatch = sitePreferencesItem.watch(setPrefs);
    // Access can also change in the browser's own extension settings or in another of our pages.
    browser.permissions.onAdded?.addListener(readGrants);
    browser.permissions.onRemoved?.addListener(readGrants);
    return () => {
      unwatch();
      browser.permissions.onAdded?.removeListener(readGrants);
      browser.permissions.onRemoved?.removeListener(readGrants);
    };
  }, []);

  const builtIn = [...builtInMatches()];
  return {
    sites: siteRows(prefs, granted, builtIn),
    builtInSites: builtInSiteNames(builtIn),
    onAddSite: (address) => asAction(t, address, () => addSiteByAddress(address, t)),
    onTurnOn: (site) => asAction(t, site.host, () => switchSiteOn(site, t)),
    onTurnOff: (host) => asAction(t, host, () => switchSiteOff(host)),
    onForget: (host) => asAction(t, host, () => forgetSite(host)),
    onForgetPicks: (host) => asAction(t, host, () => forgetPicks(host)),
  };
}
