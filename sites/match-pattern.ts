// WebExtension match patterns (scheme://host/path with * wildcards), read once for every caller: which pages an adapter
// or a content script covers, which site a granted permission covers, and which single site a permission names.

export interface MatchPattern {
  /** "*" stands for http and https. */
  scheme: string;
  /** "*", "*.example.com", or a host, with a port when the pattern names one. */
  host: string;
  path: string;
}

/** The parts of a match pattern, or null when it is not one (<all_urls> is handled by its callers). */
export function parseMatchPattern(pattern: string): MatchPattern | null {
  const parts = /^(\*|https?|file|ftp|wss?):\/\/([^/]*)(\/.*)$/u.exec(pattern);
  return parts ? { scheme: parts[1]!, host: parts[2]!, path: parts[3]! } : null;
}

/** Whether a pattern's host ("*", "*.example.com", "example.com") covers a host name (compared without case). */
export function patternHostCovers(patternHost: string, hostname: string): boolean {
  const wanted = patternHost.toLowerCase();
  const host = hostname.toLowerCase();
  if (wanted === '*') return true;
  if (wanted.startsWith('*.')) {
    const base = wanted.slice(2);
    return host === base || host.endsWith(`.${base}`);
  }
  return wanted === host;
}
