// Which sites Huashu runs on and why: addresses typed by the agent, origin patterns for the permissions API, rows for the options page.
import { parseMatchPattern, patternHostCovers } from '../../sites/match-pattern.ts';
import type { SitePreference } from '../../utils/storage.ts';
import type { SiteAddressParts, SiteRowView, SiteState } from '../../utils/site-view.ts';

/**
 * The origin pattern asked of the browser for a site. Without the port: a pattern without a port covers every port, in
 * Chrome and Firefox alike, while site preferences are kept per `location.host`, port included. One scheme only: "*"
 * would mean more than http and https in Firefox.
 */
export function originPatternFor(site: SiteAddressParts): string {
  return `${site.scheme}://${hostnameOf(site.host)}/*`;
}

/** The parts of a page address Huashu keys a site by. */
export function sitePartsOf(url: URL): SiteAddressParts {
  return { host: url.host, scheme: url.protocol === 'http:' ? 'http' : 'https' };
}

/** "support.acme.com:8443" → "support.acme.com": preferences are keyed by host, permissions by host name. */
export function hostnameOf(hostKey: string): string {
  if (hostKey.startsWith('[')) return hostKey.slice(0, hostKey.indexOf(']') + 1);
  return hostKey.replace(/:\d+$/u, '');
}

/** Does a match pattern ("https://*.zendesk.com/*", "http://localhost/*", "https://*\/*") cover this host? */
export function patternCoversHost(pattern: string, hostKey: string): boolean {
  const parts = parseMatchPattern(pattern);
  if (!parts || !['http', 'https', '*'].includes(parts.scheme) || parts.host === '') return false;
  return patternHostCovers(hostnameOf(parts.host), hostnameOf(hostKey));
}

export type SiteAddress = { ok: true; url: URL } | { ok: false; reason: 'empty' | 'not-an-address' | 'not-web' };

/** Reads what the agent typed as a helpdesk address: "support.acme.com" is taken as https://support.acme.com. */
export function parseSiteAddress(input: string): SiteAddress {
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'empty' };
  const hasScheme = /^[a-z][a-z0-9+.-]*:/iu.test(text) && !/^[^:/]+:\d+(?:\/|$)/u.test(text);
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `https://${text}`);
  } catch {
    return { ok: false, reason: 'not-an-address' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'not-web' };
  // A host name needs a dot, or to be a local name like "localhost" typed with a scheme; "hello" alone is a typo.
  if (
    !url.hostname ||
    /\s/u.test(text) ||
    (!hasScheme && !url.hostname.includes('.') && url.hostname !== 'localhost' && !url.port)
  )
    return { ok: false, reason: 'not-an-address' };
  return { ok: true, url };
}

/** One row per remembered site, sorted by host. A site switched on whose access was withdrawn (in the browser's own extension settings) needs access again. */
export function siteRows(
  prefs: Record<string, SitePreference>,
  granted: readonly string[],
  builtInMatches: readonly string[],
): SiteRowView[] {
  return Object.entries(prefs)
    .map(([host, pref]) => {
      const builtIn = builtInMatches.some((pattern) => patternCoversHost(pattern, host));
      const reachable = builtIn || granted.some((pattern) => patternCoversHost(pattern, host));
      const state: SiteState = pref.enabled === false ? 'off' : reachable ? 'on' : 'needs-access';
      return {
        host,
        scheme: pref.scheme ?? 'https',
        builtIn,
        state,
        picks: Boolean(pref.messageListSelector || pref.composerSelector),
      };
    })
    .sort((a, b) => a.host.localeCompare(b.host));
}

/** Built-in patterns, shown so the agent knows where Huashu is on without asking: "*.zendesk.com", "localhost". */
export function builtInSiteNames(builtInMatches: readonly string[]): string[] {
  const names = builtInMatches
    .map((pattern) => /^(?:https?|\*):\/\/([^/]+)\//u.exec(pattern)?.[1])
    .filter((name): name is string => Boolean(name));
  return [...new Set(names)].sort();
}
