// Packs a team lead publishes at a URL: fetched with conditional requests, checked like any import, and on failure the last good version stays with the reason.
import { browser } from 'wxt/browser';
import {
  parseCsvPack,
  formatFromFileName,
  MAX_PACK_BYTES,
  parsePack,
  problemTotal,
  type PackFormat,
} from '../engine/packs.ts';
import { installedPacksItem, withPackLibraryLock, type InstalledPack, type PackSource } from '../utils/storage.ts';
import { commitImport, previewImport, type ImportCheck, type LibraryResult } from './library.ts';
import {
  describeLibraryError,
  libraryError,
  type LibraryError,
  type LibraryLocale,
  type LibraryParam,
} from './errors.ts';

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  /** The transport (the global fetch unless given); tests carry https addresses to a local server with it. */
  fetch?: typeof fetch;
}

/** For the refreshes that store why they failed: the language the stored reason is written in (English when not given). */
export interface RefreshOptions extends FetchOptions {
  locale?: LibraryLocale;
}

export type PackDownload =
  | {
      kind: 'updated';
      text: string;
      format: PackFormat | undefined;
      fileName: string;
      etag?: string;
      lastModified?: string;
    }
  | { kind: 'unchanged' }
  | { kind: 'failed'; reason: LibraryError };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The first %-escape of `path` that does not decode (not two hex digits, or not UTF-8), or null when the whole path decodes. */
function malformedEscape(path: string): string | null {
  try {
    decodeURIComponent(path);
    return null;
  } catch {
    const escapes = path.match(/(?:%[0-9A-Fa-f]{2})+|%.{0,2}/gu) ?? [];
    for (const escape of escapes) {
      try {
        decodeURIComponent(escape);
      } catch {
        return escape;
      }
    }
    return path;
  }
}

/** A status the server answered, with its reason phrase when it sent one ("404 Not Found"). */
function statusError(status: number, text: string): LibraryError {
  return libraryError('status', { status: text ? `${status} ${text}` : String(status) });
}

/** Only https, or http on this machine (a team lead testing a pack locally); no credentials in the address. */
export function checkSubscriptionUrl(address: string): { ok: true; url: URL } | { ok: false; error: LibraryError } {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return { ok: false, error: libraryError('badUrl', { url: address }) };
  }
  if (url.username || url.password) return { ok: false, error: libraryError('credentials') };
  // The file name is decoded from the path later: a broken escape is the address's fault, said before any request.
  const badEscape = malformedEscape(url.pathname);
  if (badEscape !== null) return { ok: false, error: libraryError('badPath', { url: url.href, escape: badEscape }) };
  if (url.protocol === 'https:') return { ok: true, url };
  if (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)) return { ok: true, url };
  return {
    ok: false,
    error:
      url.protocol === 'http:' ? libraryError('insecure', { url: url.href }) : libraryError('badUrl', { url: address }),
  };
}

function formatOf(url: URL, contentType: string): PackFormat | undefined {
  const byName = formatFromFileName(url.pathname);
  if (byName) return byName;
  if (/json/iu.test(contentType)) return 'json';
  if (/yaml/iu.test(contentType)) return 'yaml';
  if (/csv/iu.test(contentType)) return 'csv';
  return undefined;
}

/** Redirects followed for one download; a published pack needs one or two at most. */
export const MAX_REDIRECTS = 5;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** What a fetch with `redirect: 'manual'` answered, as far as judging a redirect needs. */
export interface RedirectAnswer {
  type: ResponseType;
  status: number;
  headers: Headers;
}

/**
 * Whether to follow a redirect `from` an address, judged before anything is sent to the target: only to the same
 * origin (so https stays https, and the host and port stay those the user named), through an address that would itself
 * be accepted, at most MAX_REDIRECTS times. `hops` is the number already followed. A browser hides a manual redirect's
 * target (an opaque redirect): such a redirect is refused, since where it leads cannot be checked.
 */
export function judgeRedirect(
  from: URL,
  answer: RedirectAnswer,
  hops: number,
): { follow: URL } | { refuse: LibraryError } {
  if (answer.type === 'opaqueredirect') return { refuse: libraryError('hiddenRedirect', { from: from.href }) };
  if (hops >= MAX_REDIRECTS)
    return { refuse: libraryError('tooManyRedirects', { from: from.href, limit: MAX_REDIRECTS }) };
  const location = answer.headers.get('location');
  let target: URL;
  try {
    target = new URL(location ?? '', from);
  } catch {
    return { refuse: statusError(answer.status, '') };
  }
  if (target.username || target.password) return { refuse: libraryError('credentials') };
  if (target.origin !== from.origin) {
    const downgrade = from.protocol === 'https:' && target.protocol === 'http:' && target.hostname === from.hostname;
    return {
      refuse: downgrade
        ? libraryError('insecureRedirect', { from: from.href, to: target.href })
        : libraryError('crossHost', {
            from: from.href,
            to: target.host && target.host !== from.host ? target.host : target.href,
          }),
    };
  }
  const checked = checkSubscriptionUrl(target.href);
  return checked.ok ? { follow: checked.url } : { refuse: checked.error };
}

/** Reads at most `limit` bytes; a longer body is cut off and refused instead of filling memory. */
async function readLimited(response: Response, limit: number, controller: AbortController): Promise<Uint8Array | null> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      controller.abort();
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

/** One conditional GET of a pack: no cookies, a time limit, same server only, a size limit, and no web pages. */
export async function downloadPack(
  address: string,
  previous: { etag?: string; lastModified?: string } = {},
  options: FetchOptions = {},
): Promise<PackDownload> {
  const checked = checkSubscriptionUrl(address);
  if (!checked.ok) return { kind: 'failed', reason: checked.error };
  const { url } = checked;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxBytes = options.maxBytes ?? MAX_PACK_BYTES;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const headers: Record<string, string> = {
    Accept: 'application/json, application/yaml, text/yaml, text/csv;q=0.9, */*;q=0.1',
  };
  if (previous.etag) headers['If-None-Match'] = previous.etag;
  if (previous.lastModified) headers['If-Modified-Since'] = previous.lastModified;
  const transport = options.fetch ?? fetch;
  try {
    // Redirects are followed by hand, each judged before a request goes to its target (judgeRedirect). With credentials
    // omitted nothing of the agent's goes along.
    let finalUrl = url;
    let response: Response;
    for (let hops = 0; ; hops++) {
      response = await transport(finalUrl, {
        headers,
        credentials: 'omit',
        redirect: 'manual',
        signal: controller.signal,
        cache: 'no-cache',
      });
      const isRedirect =
        response.type === 'opaqueredirect' ||
        (REDIRECT_STATUSES.has(response.status) && response.headers.has('location'));
      if (!isRedirect) break;
      await response.body?.cancel().catch(() => undefined);
      const decision = judgeRedirect(finalUrl, response, hops);
      if ('refuse' in decision) return { kind: 'failed', reason: decision.refuse };
      finalUrl = decision.follow;
    }
    if (response.status === 304) return { kind: 'unchanged' };
    if (!response.ok) return { kind: 'failed', reason: statusError(response.status, response.statusText) };
    const contentType = response.headers.get('content-type') ?? '';
    if (/text\/html|application\/xhtml/iu.test(contentType)) {
      controller.abort();
      return { kind: 'failed', reason: libraryError('html') };
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      controller.abort();
      return { kind: 'failed', reason: libraryError('tooLarge', { megabytes: (maxBytes / 1e6).toFixed(0) }) };
    }
    const body = await readLimited(response, maxBytes, controller);
    if (body === null)
      return { kind: 'failed', reason: libraryError('tooLarge', { megabytes: (maxBytes / 1e6).toFixed(0) }) };
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      return { kind: 'failed', reason: libraryError('notUtf8') };
    }
    // Servers that send HTML as text/plain (or nothing) are caught by the start of the body.
    if (/^\s*(<!doctype html|<html[\s>])/iu.test(text.replace(/^\uFEFF/u, '')))
      return { kind: 'failed', reason: libraryError('html') };
    const fileName = decodeURIComponent(finalUrl.pathname.split('/').pop() || finalUrl.host);
    return {
      kind: 'updated',
      text,
      format: formatOf(finalUrl, contentType),
      fileName,
      etag: response.headers.get('etag') ?? undefined,
      lastModified: response.headers.get('last-modified') ?? undefined,
    };
  } catch (error) {
    if (timedOut) return { kind: 'failed', reason: libraryError('timeout', { seconds: Math.round(timeoutMs / 1000) }) };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return {
      kind: 'failed',
      reason: libraryError('network', { detail: cause?.code ?? cause?.message ?? (error as Error).message }),
    };
  } finally {
    clearTimeout(timer);
  }
}

/** The file name a downloaded pack is checked under: its own name, with the extension of the format the server declared. */
function checkedName(download: Extract<PackDownload, { kind: 'updated' }>): string {
  if (!download.format || formatFromFileName(download.fileName)) return download.fileName;
  return `${download.fileName}.${download.format === 'yaml' ? 'yaml' : download.format}`;
}

/** First step of subscribing: download and check, without saving. The page shows the result and saves with `saveSubscription`. */
export async function previewSubscription(
  address: string,
  options: FetchOptions = {},
): Promise<
  | { ok: true; check: ImportCheck; text: string; fileName: string; source: Extract<PackSource, { kind: 'url' }> }
  | { ok: false; error: LibraryError }
> {
  const download = await downloadPack(address, {}, options);
  if (download.kind === 'failed') return { ok: false, error: download.reason };
  if (download.kind === 'unchanged') return { ok: false, error: statusError(304, 'Not Modified') };
  const installed = await installedPacksItem.getValue();
  const fileName = checkedName(download);
  const check = previewImport(download.text, fileName, installed);
  const now = Date.now();
  return {
    ok: true,
    check,
    text: download.text,
    fileName,
    source: {
      kind: 'url',
      url: address.trim(),
      etag: download.etag,
      lastModified: download.lastModified,
      lastChecked: now,
      lastChanged: now,
    },
  };
}

export type RefreshOutcome = 'updated' | 'unchanged' | 'failed';

/**
 * Fetches a subscribed pack again. A new valid version replaces the stored one; on any failure the last good
 * version stays and the reason is kept in source.lastError for the options page, written in `options.locale`.
 */
export async function refreshSubscription(
  id: string,
  options: RefreshOptions = {},
  now: number = Date.now(),
): Promise<LibraryResult<RefreshOutcome>> {
  const installed = await installedPacksItem.getValue();
  const entry = installed.find((i) => i.pack.id === id);
  if (!entry || entry.source.kind !== 'url') return { ok: false, error: libraryError('notSubscribed', { id }) };
  const source = entry.source;
  const download = await downloadPack(source.url, { etag: source.etag, lastModified: source.lastModified }, options);

  const keep = async (outcome: RefreshOutcome, error?: LibraryError): Promise<LibraryResult<RefreshOutcome>> => {
    const lastError = error && describeLibraryError(error, options.locale ?? 'en');
    await withPackLibraryLock(async () => {
      const current = await installedPacksItem.getValue();
      const next: InstalledPack[] = current.map((i) =>
        i.pack.id === id && i.source.kind === 'url'
          ? { ...i, source: { ...i.source, lastChecked: now, lastError } }
          : i,
      );
      await installedPacksItem.setValue(next);
    });
    return error ? { ok: false, error } : { ok: true, value: outcome };
  };
  // The first of a new version's problems, with its place; the count says how many more.
  const problems = (count: number, first: LibraryParam): LibraryError => libraryError('problems', { count, first });

  if (download.kind === 'failed') return keep('failed', download.reason);
  if (download.kind === 'unchanged') return keep('unchanged');
  const parsed = parsePack(download.text, checkedName(download), download.format, { csv: parseCsvPack });
  if (!parsed.ok)
    return keep('failed', problems(problemTotal(parsed.problems), { problem: parsed.problems[0]!, place: true }));
  // The published pack must keep its id: another id would be a different pack, added the usual way.
  if (parsed.pack.id !== id) {
    return keep(
      'failed',
      problems(1, libraryError('idChanged', { file: checkedName(download), from: id, to: parsed.pack.id })),
    );
  }
  const check = previewImport(download.text, checkedName(download), installed);
  if (!check.ok)
    return keep('failed', problems(problemTotal(check.problems), { problem: check.problems[0]!, place: true }));
  const saved = await commitImport(
    check.preview,
    {
      kind: 'url',
      url: source.url,
      etag: download.etag,
      lastModified: download.lastModified,
      lastChecked: now,
      lastChanged: now,
    },
    now,
  );
  if (!saved.ok) return keep('failed', saved.error);
  return { ok: true, value: 'updated' };
}

/** Refreshes every pack added from an address, one after another (a team rarely has more than a few). */
export async function refreshAllSubscriptions(
  options: RefreshOptions = {},
  now: number = Date.now(),
): Promise<Record<string, RefreshOutcome>> {
  const ids = (await installedPacksItem.getValue()).filter((i) => i.source.kind === 'url').map((i) => i.pack.id);
  const outcomes: Record<string, RefreshOutcome> = {};
  for (const id of ids) {
    const result = await refreshSubscription(id, options, now);
    outcomes[id] = result.ok ? result.value : 'failed';
  }
  return outcomes;
}

export const REFRESH_ALARM = 'huashu-refresh-subscriptions';
/** Hourly: packs change a few times a week, and a 304 costs the server next to nothing. */
const REFRESH_PERIOD_MINUTES = 60;

/**
 * For the background worker: an alarm that refreshes subscribed packs every hour (alarms survive the worker's sleep).
 * `agentLocale` tells, at each refresh, the language the agent reads the stored reasons in.
 */
export function startSubscriptionRefresh(agentLocale: () => Promise<LibraryLocale>): void {
  if (!browser.alarms) return;
  void browser.alarms.create(REFRESH_ALARM, { periodInMinutes: REFRESH_PERIOD_MINUTES, delayInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) void agentLocale().then((locale) => refreshAllSubscriptions({ locale }));
  });
}
