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
import { formatPackProblem, LIBRARY_ERRORS, onLibraryLocale } from './errors.ts';

const SUBSCRIPTION_ERRORS_EN = {
  badUrl: (url: string) => `"${url}" is not a web address: paste the full address, starting with https://`,
  insecure: (url: string) =>
    `${url} is not HTTPS: packs are fetched only over https:// (http:// only for localhost and 127.0.0.1)`,
  credentials: 'the address contains a user name or password: publish the pack at an address that needs no login',
  timeout: (seconds: number) => `the server did not answer within ${seconds} s: check the address or try again later`,
  network: (detail: string) => `the server could not be reached (${detail}): check the address and your connection`,
  status: (status: number, text: string) =>
    `the server answered ${status}${text ? ` ${text}` : ''}: check the address (it must point at the pack file itself)`,
  crossHost: (from: string, to: string) =>
    `the address ${from} redirected to another server (${to}); packs are taken only from the server you named: use the final address`,
  insecureRedirect: (from: string, to: string) =>
    `the address ${from} redirected to ${to}, which is not HTTPS; the pack would travel unencrypted, so it was not fetched: publish it over https:// only`,
  hiddenRedirect: (from: string) =>
    `the address ${from} redirects, and the browser does not show where to, so it was not followed: open the address in a tab and use the address it ends at`,
  tooManyRedirects: (from: string, limit: number) =>
    `the address ${from} redirected more than ${limit} times: use the final address of the pack`,
  badPath: (url: string, escape: string) =>
    `the address ${url} has a malformed escape in its path (${escape}): a % must be followed by two hexadecimal digits (write %25 for a % sign); copy the address again`,
  html: 'the address returned a web page (HTML), not a pack: use the address of the raw file (for example the "Raw" link)',
  tooLarge: (limit: number) => `the pack is larger than ${(limit / 1e6).toFixed(0)} MB: split it into several packs`,
  notUtf8: 'the file is not UTF-8 text: save it as UTF-8 JSON, YAML or CSV',
  problems: (count: number, first: string) =>
    `the new version has ${count} problem(s), so the last good version stays in use; first: ${first}`,
  notSubscribed: (id: string) => `the pack "${id}" was not added from an address, so it cannot be refreshed`,
};
type SubscriptionErrors = typeof SUBSCRIPTION_ERRORS_EN;

const SUBSCRIPTION_ERRORS_ZH_CN: SubscriptionErrors = {
  badUrl: (url) => `"${url}" 不是网址：请粘贴以 https:// 开头的完整地址`,
  insecure: (url) => `${url} 不是 HTTPS：话术包只通过 https:// 获取（http:// 仅限 localhost 和 127.0.0.1）`,
  credentials: '地址里带有用户名或密码：请把话术包发布在无需登录的地址',
  timeout: (seconds) => `服务器 ${seconds} 秒内没有响应：请检查地址或稍后再试`,
  network: (detail) => `连不上服务器（${detail}）：请检查地址和网络`,
  status: (status, text) => `服务器返回 ${status}${text ? ` ${text}` : ''}：请检查地址（必须直接指向话术包文件）`,
  crossHost: (from, to) => `地址 ${from} 跳转到了另一台服务器（${to}）；话术包只从你填写的服务器获取：请使用最终地址`,
  insecureRedirect: (from, to) =>
    `地址 ${from} 跳转到了 ${to}，它不是 HTTPS；话术包会以明文传输，所以没有获取：请只通过 https:// 发布`,
  hiddenRedirect: (from) =>
    `地址 ${from} 发生了跳转，浏览器不显示跳转目标，所以没有跟随：请在标签页中打开这个地址，使用最终停留的地址`,
  tooManyRedirects: (from, limit) => `地址 ${from} 跳转超过 ${limit} 次：请使用话术包的最终地址`,
  badPath: (url, escape) =>
    `地址 ${url} 的路径里有错误的转义（${escape}）：% 后面必须是两位十六进制数字（% 本身要写成 %25）：请重新复制地址`,
  html: '这个地址返回的是网页（HTML），不是话术包：请使用原始文件的地址（例如“Raw”链接）',
  tooLarge: (limit) => `话术包超过 ${(limit / 1e6).toFixed(0)} MB：请拆成几个话术包`,
  notUtf8: '文件不是 UTF-8 文本：请另存为 UTF-8 编码的 JSON、YAML 或 CSV',
  problems: (count, first) => `新版本有 ${count} 个问题，继续使用上一个可用版本；第一个：${first}`,
  notSubscribed: (id) => `话术包 "${id}" 不是从网址添加的，不能更新`,
};

const SUBSCRIPTION_ERRORS_ZH_TW: SubscriptionErrors = {
  badUrl: (url) => `"${url}" 不是網址：請貼上以 https:// 開頭的完整網址`,
  insecure: (url) => `${url} 不是 HTTPS：話術包只透過 https:// 取得（http:// 僅限 localhost 和 127.0.0.1）`,
  credentials: '網址裡含有使用者名稱或密碼：請把話術包發布在不需登入的網址',
  timeout: (seconds) => `伺服器 ${seconds} 秒內沒有回應：請檢查網址或稍後再試`,
  network: (detail) => `連不上伺服器（${detail}）：請檢查網址和網路`,
  status: (status, text) => `伺服器回應 ${status}${text ? ` ${text}` : ''}：請檢查網址（必須直接指向話術包檔案）`,
  crossHost: (from, to) => `網址 ${from} 轉址到另一台伺服器（${to}）；話術包只從你填寫的伺服器取得：請使用最終網址`,
  insecureRedirect: (from, to) =>
    `網址 ${from} 轉址到 ${to}，它不是 HTTPS；話術包會以明文傳輸，所以沒有取得：請只透過 https:// 發布`,
  hiddenRedirect: (from) =>
    `網址 ${from} 發生轉址，瀏覽器不顯示轉址目標，所以沒有跟隨：請在分頁中開啟這個網址，使用最後停留的網址`,
  tooManyRedirects: (from, limit) => `網址 ${from} 轉址超過 ${limit} 次：請使用話術包的最終網址`,
  badPath: (url, escape) =>
    `網址 ${url} 的路徑裡有錯誤的跳脫序列（${escape}）：% 後面必須是兩位十六進位數字（% 本身要寫成 %25）：請重新複製網址`,
  html: '這個網址回傳的是網頁（HTML），不是話術包：請使用原始檔案的網址（例如「Raw」連結）',
  tooLarge: (limit) => `話術包超過 ${(limit / 1e6).toFixed(0)} MB：請拆成幾個話術包`,
  notUtf8: '檔案不是 UTF-8 文字：請另存為 UTF-8 編碼的 JSON、YAML 或 CSV',
  problems: (count, first) => `新版本有 ${count} 個問題，繼續使用上一個可用版本；第一個：${first}`,
  notSubscribed: (id) => `話術包 "${id}" 不是從網址加入的，無法更新`,
};

const SUBSCRIPTION_CATALOGS = {
  en: SUBSCRIPTION_ERRORS_EN,
  'zh-CN': SUBSCRIPTION_ERRORS_ZH_CN,
  'zh-TW': SUBSCRIPTION_ERRORS_ZH_TW,
};

/** Subscription messages in the interface language (follows setLibraryLocale in errors.ts). */
export const SUBSCRIPTION_ERRORS: SubscriptionErrors = { ...SUBSCRIPTION_ERRORS_EN };
onLibraryLocale((locale) => Object.assign(SUBSCRIPTION_ERRORS, SUBSCRIPTION_CATALOGS[locale]));

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  /** The transport (the global fetch unless given); tests carry https addresses to a local server with it. */
  fetch?: typeof fetch;
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
  | { kind: 'failed'; reason: string };

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

/** Only https, or http on this machine (a team lead testing a pack locally); no credentials in the address. */
export function checkSubscriptionUrl(address: string): { ok: true; url: URL } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return { ok: false, message: SUBSCRIPTION_ERRORS.badUrl(address) };
  }
  if (url.username || url.password) return { ok: false, message: SUBSCRIPTION_ERRORS.credentials };
  // The file name is decoded from the path later: a broken escape is the address's fault, said before any request.
  const badEscape = malformedEscape(url.pathname);
  if (badEscape !== null) return { ok: false, message: SUBSCRIPTION_ERRORS.badPath(url.href, badEscape) };
  if (url.protocol === 'https:') return { ok: true, url };
  if (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)) return { ok: true, url };
  return {
    ok: false,
    message: url.protocol === 'http:' ? SUBSCRIPTION_ERRORS.insecure(url.href) : SUBSCRIPTION_ERRORS.badUrl(address),
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
export function judgeRedirect(from: URL, answer: RedirectAnswer, hops: number): { follow: URL } | { refuse: string } {
  if (answer.type === 'opaqueredirect') return { refuse: SUBSCRIPTION_ERRORS.hiddenRedirect(from.href) };
  if (hops >= MAX_REDIRECTS) return { refuse: SUBSCRIPTION_ERRORS.tooManyRedirects(from.href, MAX_REDIRECTS) };
  const location = answer.headers.get('location');
  let target: URL;
  try {
    target = new URL(location ?? '', from);
  } catch {
    return { refuse: SUBSCRIPTION_ERRORS.status(answer.status, '') };
  }
  if (target.username || target.password) return { refuse: SUBSCRIPTION_ERRORS.credentials };
  if (target.origin !== from.origin) {
    const downgrade = from.protocol === 'https:' && target.protocol === 'http:' && target.hostname === from.hostname;
    return {
      refuse: downgrade
        ? SUBSCRIPTION_ERRORS.insecureRedirect(from.href, target.href)
        : SUBSCRIPTION_ERRORS.crossHost(
            from.href,
            target.host && target.host !== from.host ? target.host : target.href,
          ),
    };
  }
  const checked = checkSubscriptionUrl(target.href);
  return checked.ok ? { follow: checked.url } : { refuse: checked.message };
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
  if (!checked.ok) return { kind: 'failed', reason: checked.message };
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
    if (!response.ok)
      return { kind: 'failed', reason: SUBSCRIPTION_ERRORS.status(response.status, response.statusText) };
    const contentType = response.headers.get('content-type') ?? '';
    if (/text\/html|application\/xhtml/iu.test(contentType)) {
      controller.abort();
      return { kind: 'failed', reason: SUBSCRIPTION_ERRORS.html };
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      controller.abort();
      return { kind: 'failed', reason: SUBSCRIPTION_ERRORS.tooLarge(maxBytes) };
    }
    const body = await readLimited(response, maxBytes, controller);
    if (body === null) return { kind: 'failed', reason: SUBSCRIPTION_ERRORS.tooLarge(maxBytes) };
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      return { kind: 'failed', reason: SUBSCRIPTION_ERRORS.notUtf8 };
    }
    // Servers that send HTML as text/plain (or nothing) are caught by the start of the body.
    if (/^\s*(<!doctype html|<html[\s>])/iu.test(text.replace(/^\uFEFF/u, '')))
      return { kind: 'failed', reason: SUBSCRIPTION_ERRORS.html };
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
    if (timedOut) return { kind: 'failed', reason: SUBSCRIPTION_ERRORS.timeout(Math.round(timeoutMs / 1000)) };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return {
      kind: 'failed',
      reason: SUBSCRIPTION_ERRORS.network(cause?.code ?? cause?.message ?? (error as Error).message),
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
  | { ok: false; message: string }
> {
  const download = await downloadPack(address, {}, options);
  if (download.kind === 'failed') return { ok: false, message: download.reason };
  if (download.kind === 'unchanged') return { ok: false, message: SUBSCRIPTION_ERRORS.status(304, 'Not Modified') };
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
 * version stays and the reason is kept in source.lastError for the options page.
 */
export async function refreshSubscription(
  id: string,
  options: FetchOptions = {},
  now: number = Date.now(),
): Promise<LibraryResult<RefreshOutcome>> {
  const installed = await installedPacksItem.getValue();
  const entry = installed.find((i) => i.pack.id === id);
  if (!entry || entry.source.kind !== 'url') return { ok: false, message: SUBSCRIPTION_ERRORS.notSubscribed(id) };
  const source = entry.source;
  const download = await downloadPack(source.url, { etag: source.etag, lastModified: source.lastModified }, options);

  const keep = async (outcome: RefreshOutcome, lastError?: string): Promise<LibraryResult<RefreshOutcome>> => {
    await withPackLibraryLock(async () => {
      const current = await installedPacksItem.getValue();
      const next: InstalledPack[] = current.map((i) =>
        i.pack.id === id && i.source.kind === 'url'
          ? { ...i, source: { ...i.source, lastChecked: now, lastError } }
          : i,
      );
      await installedPacksItem.setValue(next);
    });
    return lastError ? { ok: false, message: lastError } : { ok: true, value: outcome };
  };

  if (download.kind === 'failed') return keep('failed', download.reason);
  if (download.kind === 'unchanged') return keep('unchanged');
  const parsed = parsePack(download.text, checkedName(download), download.format, { csv: parseCsvPack });
  if (!parsed.ok)
    return keep(
      'failed',
      SUBSCRIPTION_ERRORS.problems(problemTotal(parsed.problems), formatPackProblem(parsed.problems[0]!)),
    );
  // The published pack must keep its id: another id would be a different pack, added the usual way.
  if (parsed.pack.id !== id) {
    return keep(
      'failed',
      SUBSCRIPTION_ERRORS.problems(1, LIBRARY_ERRORS.idChanged(checkedName(download), id, parsed.pack.id)),
    );
  }
  const check = previewImport(download.text, checkedName(download), installed);
  if (!check.ok)
    return keep(
      'failed',
      SUBSCRIPTION_ERRORS.problems(problemTotal(check.problems), formatPackProblem(check.problems[0]!)),
    );
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
  if (!saved.ok) return keep('failed', saved.message);
  return { ok: true, value: 'updated' };
}

/** Refreshes every pack added from an address, one after another (a team rarely has more than a few). */
export async function refreshAllSubscriptions(
  options: FetchOptions = {},
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
export const REFRESH_PERIOD_MINUTES = 60;

/** For the background worker: an alarm that refreshes subscribed packs every hour (alarms survive the worker's sleep). */
export function startSubscriptionRefresh(): void {
  if (!browser.alarms) return;
  void browser.alarms.create(REFRESH_ALARM, { periodInMinutes: REFRESH_PERIOD_MINUTES, delayInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) void refreshAllSubscriptions();
  });
}
