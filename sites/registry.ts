// Every site adapter Huashu ships, and the choice of the one that fits a page.
import { bytedeskAdapter } from './bytedesk.ts';
import { chatwootAdapter } from './chatwoot.ts';
import { crispAdapter } from './crisp.ts';
import { cskefuAdapter } from './cskefu.ts';
import { demoAdapter } from './demo.ts';
import { freescoutAdapter } from './freescout.ts';
import { createGenericAdapter } from './generic.ts';
import { liveHelperChatAdapter } from './livehelperchat.ts';
import { parseMatchPattern, patternHostCovers } from './match-pattern.ts';
import type { SiteAdapter } from './types.ts';
import { zammadAdapter } from './zammad.ts';
import { zendeskAdapter } from './zendesk.ts';

/** The specific adapters, each recognised by its URL or DOM; the guessing one is kept apart (genericAdapter). */
export const SITE_ADAPTERS: readonly SiteAdapter[] = [
  demoAdapter,
  chatwootAdapter,
  zammadAdapter,
  freescoutAdapter,
  zendeskAdapter,
  crispAdapter,
  bytedeskAdapter,
  liveHelperChatAdapter,
  cskefuAdapter,
];

/**
 * The guessing adapter without the agent's picks. Never chosen by pickAdapter: the content script falls back to it only
 * where the agent asked for Huashu (a site turned on, local pages), and uses createGenericAdapter with a host's picks.
 */
export const genericAdapter: SiteAdapter = createGenericAdapter();

/** Whether a URL fits a WebExtension match pattern (scheme://host/path, with * wildcards). */
export function urlMatchesPattern(url: string, pattern: string): boolean {
  if (pattern === '<all_urls>') return /^(https?|file|ftp):/.test(url);
  const parts = parseMatchPattern(pattern);
  if (!parts) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const urlScheme = parsed.protocol.slice(0, -1);
  if (parts.scheme === '*' ? urlScheme !== 'http' && urlScheme !== 'https' : parts.scheme !== urlScheme) return false;
  // Match patterns ignore the port unless they name one.
  if (!patternHostCovers(parts.host, parts.host.includes(':') ? parsed.host : parsed.hostname)) return false;
  const escaped = parts.path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`).test(parsed.pathname + parsed.search);
}

/**
 * The adapter for this page: one whose hosted URLs match and whose DOM check passes, else one whose DOM check passes
 * (self-hosted instances live on any host), else null.
 */
export function pickAdapter(doc: Document, url: string): SiteAdapter | null {
  const safeDetect = (adapter: SiteAdapter): boolean => {
    try {
      return adapter.detect(doc);
    } catch (error) {
      console.error(`[huashu] the ${adapter.id} adapter failed to check the page`, error);
      return false;
    }
  };
  const byUrl = SITE_ADAPTERS.filter((adapter) => adapter.matches.some((pattern) => urlMatchesPattern(url, pattern)));
  return byUrl.find(safeDetect) ?? SITE_ADAPTERS.filter((adapter) => !byUrl.includes(adapter)).find(safeDetect) ?? null;
}

/** The hosted products' URL patterns, for the content script's matches and the manifest's host permissions. */
export function hostMatchPatterns(): string[] {
  return [...new Set(SITE_ADAPTERS.flatMap((adapter) => adapter.matches))];
}
