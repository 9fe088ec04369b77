// Subscribed packs against real HTTP servers on 127.0.0.1: ETag and 304, 404, HTML, slow answers, over-size bodies, redirects judged before they are followed.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { commitImport } from '../../library/library.ts';
import {
  checkSubscriptionUrl,
  downloadPack,
  judgeRedirect,
  MAX_REDIRECTS,
  previewSubscription,
  refreshSubscription,
  type PackDownload,
} from '../../library/subscriptions.ts';
import { installedPacksItem } from '../../utils/storage.ts';
import { describeLibraryError } from '../../library/errors.ts';

/** A download as the tests read it: a failure's reason in English. */
const inEnglish = (download: PackDownload) =>
  download.kind === 'failed' ? { ...download, reason: describeLibraryError(download.reason, 'en') } : download;
/** A redirect refused, in English. */
const refusal = (decision: ReturnType<typeof judgeRedirect>) =>
  'refuse' in decision && describeLibraryError(decision.refuse, 'en');

const pack = (version: string) =>
  JSON.stringify({
    schemaVersion: 1,
    id: 'remote',
    name: 'Remote team pack',
    version,
    locale: 'zh-CN',
    scenarios: [{ id: 'remote_scope', title: '远程', replies: [{ id: 'remote.hi', text: '您好。' }] }],
  });

let current = pack('1.0.0');
let etag = '"v1"';
const seen: Array<{ url: string; ifNoneMatch?: string }> = [];
/** Requests that reached the second server (the other host of the redirect tests). */
const otherSeen: string[] = [];

function handle(request: IncomingMessage, response: ServerResponse) {
  seen.push({ url: request.url ?? '', ifNoneMatch: request.headers['if-none-match'] });
  switch (request.url) {
    case '/pack.json':
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, { ETag: etag }).end();
        return;
      }
      response
        .writeHead(200, {
          'Content-Type': 'application/json; charset=utf-8',
          ETag: etag,
          'Last-Modified': 'Sun, 22 Nov 2026 10:00:00 GMT',
        })
        .end(current);
      return;
    case '/missing.json':
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('no such file');
      return;
    case '/page':
      response.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>Login</title>');
      return;
    case '/sneaky.json':
      response
        .writeHead(200, { 'Content-Type': 'text/plain' })
        .end('<!DOCTYPE html>\n<html><body>Sign in</body></html>');
      return;
    case '/slow.json':
      setTimeout(() => response.writeHead(200, { 'Content-Type': 'application/json' }).end(current), 2_000);
      return;
    case '/huge.json':
      // No Content-Length: the limit must hold while reading, not only on the header.
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.write('{"x":"');
      response.end(`${'x'.repeat(64 * 1024)}"}`);
      return;
    case '/moved.json':
      response.writeHead(302, { Location: '/pack.json' }).end();
      return;
    case '/elsewhere.json':
      response.writeHead(302, { Location: `${otherUrl}/pack.json` }).end();
      return;
    case '/downgrade.json':
      // Same host and port, but in clear.
      response.writeHead(301, { Location: `${baseUrl}/pack.json` }).end();
      return;
    case '/loop.json':
      response.writeHead(307, { Location: '/loop.json' }).end();
      return;
    case '/nowhere.json':
      response.writeHead(302).end();
      return;
    case '/%ZZ.json':
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(current);
      return;
    case '/team.yaml':
      response
        .writeHead(200, { 'Content-Type': 'text/plain' })
        .end(
          'schemaVersion: 1\nid: remote\nname: R\nversion: "2"\nlocale: zh-CN\nscenarios:\n  - id: s\n    title: ""\n',
        );
      return;
    default:
      response.writeHead(500).end();
  }
}

let server: Server;
let other: Server;
let baseUrl: string;
let otherUrl: string;

const listen = (s: Server) =>
  new Promise<string>((resolve) =>
    s.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)),
  );

beforeAll(async () => {
  server = createServer(handle);
  // A second server on another port is "another host" (host includes the port), as a redirect target.
  other = createServer((request, response) => {
    otherSeen.push(request.url ?? '');
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(pack('9.9.9'));
  });
  [baseUrl, otherUrl] = await Promise.all([listen(server), listen(other)]);
});

afterAll(async () => {
  server.closeAllConnections();
  other.closeAllConnections();
  await Promise.all([new Promise((r) => server.close(r)), new Promise((r) => other.close(r))]);
});

beforeEach(() => {
  fakeBrowser.reset();
  current = pack('1.0.0');
  etag = '"v1"';
  seen.length = 0;
  otherSeen.length = 0;
});

/**
 * This machine has no certificate for 127.0.0.1, so https addresses are carried over plain HTTP to the same local
 * server: downloadPack sees, judges and follows https addresses (and the servers' own Location headers) exactly as it
 * would on the network, with the real redirect decisions; only the TLS layer is left out.
 */
const overLocalTls: typeof fetch = (input, init) =>
  fetch(String(input instanceof Request ? input.url : input).replace(/^https:/u, 'http:'), init);
const tls = (url: string) => url.replace(/^http:/u, 'https:');

describe('checkSubscriptionUrl', () => {
  it('takes https anywhere and http only on this machine, never credentials', () => {
    expect(checkSubscriptionUrl('https://example.com/pack.json').ok).toBe(true);
    expect(checkSubscriptionUrl('http://localhost:8080/pack.json').ok).toBe(true);
    expect(checkSubscriptionUrl('http://127.0.0.1/pack.json').ok).toBe(true);
    const plain = checkSubscriptionUrl('http://example.com/pack.json');
    expect(!plain.ok && describeLibraryError(plain.error, 'en')).toContain('not HTTPS');
    const login = checkSubscriptionUrl('https://lead:secret@example.com/pack.json');
    expect(!login.ok && describeLibraryError(login.error, 'en')).toContain('user name or password');
    const junk = checkSubscriptionUrl('pack.json');
    expect(!junk.ok && describeLibraryError(junk.error, 'en')).toContain('not a web address');
  });
});

describe('judgeRedirect', () => {
  const from = new URL('https://cs.example.com/huashu/team.json');
  const redirect = (location: string | null, status = 302) => ({
    type: 'basic' as ResponseType,
    status,
    headers: new Headers(location ? { Location: location } : {}),
  });

  it('follows a relative or absolute target on the same origin', () => {
    expect(judgeRedirect(from, redirect('v2.json'), 0)).toEqual({
      follow: new URL('https://cs.example.com/huashu/v2.json'),
    });
    expect(judgeRedirect(from, redirect('https://cs.example.com/packs/team.json', 308), 0)).toEqual({
      follow: new URL('https://cs.example.com/packs/team.json'),
    });
  });

  it.each([
    ['http on the same host', 'http://cs.example.com/huashu/team.json', 'not HTTPS'],
    ['another host', 'https://cdn.example.net/team.json', 'redirected to another server'],
    ['another port', 'https://cs.example.com:8443/huashu/team.json', 'redirected to another server'],
    ['a login in the address', 'https://lead:secret@cs.example.com/huashu/team.json', 'user name or password'],
    ['a malformed path', 'https://cs.example.com/huashu/%E4%ZZ.json', '%E4%ZZ'],
    ['another scheme', 'ftp://cs.example.com/team.json', 'redirected to another server'],
  ])('refuses %s', (_name, location, message) => {
    const decision = judgeRedirect(from, redirect(location), 0);
    expect(refusal(decision)).toContain(message);
  });

  it('refuses a redirect the browser keeps hidden (an opaque redirect), and one hop too many', () => {
    const hidden = judgeRedirect(from, { type: 'opaqueredirect', status: 0, headers: new Headers() }, 0);
    expect(refusal(hidden)).toContain('does not show where');
    const tooMany = judgeRedirect(from, redirect('v2.json'), MAX_REDIRECTS);
    expect(refusal(tooMany)).toContain(`more than ${MAX_REDIRECTS} times`);
  });
});

describe('downloadPack', () => {
  it('gets a pack with its ETag, then a 304 when it has not changed', async () => {
    const first = await downloadPack(`${baseUrl}/pack.json`);
    expect(first).toMatchObject({
      kind: 'updated',
      format: 'json',
      fileName: 'pack.json',
      etag: '"v1"',
      lastModified: 'Sun, 22 Nov 2026 10:00:00 GMT',
    });
    const second = await downloadPack(`${baseUrl}/pack.json`, { etag: '"v1"' });
    expect(second).toEqual({ kind: 'unchanged' });
    // That no cookie goes along is the browser's part (credentials: 'omit'), checked in Chromium: tests/e2e/options.test.ts.
    expect(seen.at(-1)).toMatchObject({ ifNoneMatch: '"v1"' });
  });

  it('explains a 404, an HTML page (by type or by content), a slow server and an over-size body', async () => {
    expect(inEnglish(await downloadPack(`${baseUrl}/missing.json`))).toEqual({
      kind: 'failed',
      reason: expect.stringContaining('answered 404 Not Found'),
    });
    expect(inEnglish(await downloadPack(`${baseUrl}/page`))).toEqual({
      kind: 'failed',
      reason: expect.stringContaining('web page (HTML)'),
    });
    expect(inEnglish(await downloadPack(`${baseUrl}/sneaky.json`))).toEqual({
      kind: 'failed',
      reason: expect.stringContaining('web page (HTML)'),
    });
    expect(inEnglish(await downloadPack(`${baseUrl}/slow.json`, {}, { timeoutMs: 300 }))).toEqual({
      kind: 'failed',
      reason: expect.stringContaining('did not answer within'),
    });
    expect(inEnglish(await downloadPack(`${baseUrl}/huge.json`, {}, { maxBytes: 16 * 1024 }))).toEqual({
      kind: 'failed',
      reason: expect.stringContaining('larger than'),
    });
  });

  it('follows a redirect on the same server, by hand', async () => {
    expect(await downloadPack(`${baseUrl}/moved.json`)).toMatchObject({ kind: 'updated', fileName: 'pack.json' });
    expect(await downloadPack(tls(`${baseUrl}/moved.json`), {}, { fetch: overLocalTls })).toMatchObject({
      kind: 'updated',
      fileName: 'pack.json',
    });
    expect(seen.map((request) => request.url)).toEqual(['/moved.json', '/pack.json', '/moved.json', '/pack.json']);
  });

  it('refuses a redirect to another host before anything is sent there', async () => {
    const away = inEnglish(await downloadPack(`${baseUrl}/elsewhere.json`));
    expect(away).toEqual({ kind: 'failed', reason: expect.stringContaining('redirected to another server') });
    expect(otherSeen).toEqual([]);
  });

  it('refuses a redirect from https to http on the same host, before the request in clear', async () => {
    const downgraded = inEnglish(await downloadPack(tls(`${baseUrl}/downgrade.json`), {}, { fetch: overLocalTls }));
    expect(downgraded).toEqual({ kind: 'failed', reason: expect.stringContaining('not HTTPS') });
    expect(seen.map((request) => request.url)).toEqual(['/downgrade.json']);
  });

  it('stops after a bounded number of redirects, and says what a redirect without a target is', async () => {
    const loop = inEnglish(await downloadPack(`${baseUrl}/loop.json`));
    expect(loop).toEqual({ kind: 'failed', reason: expect.stringContaining(`more than ${MAX_REDIRECTS} times`) });
    expect(seen).toHaveLength(MAX_REDIRECTS + 1);
    expect(inEnglish(await downloadPack(`${baseUrl}/nowhere.json`))).toEqual({
      kind: 'failed',
      reason: expect.stringContaining('answered 302'),
    });
  });

  it('names a malformed %-escape in the path, without asking the server', async () => {
    const result = inEnglish(await downloadPack(`${baseUrl}/%ZZ.json`));
    expect(result).toEqual({ kind: 'failed', reason: expect.stringContaining('%ZZ') });
    expect(result.kind === 'failed' && result.reason).not.toContain('could not be reached');
    expect(seen).toEqual([]);
  });

  it('says when the server cannot be reached', async () => {
    const closed = createServer();
    const url = await listen(closed);
    await new Promise((r) => closed.close(r));
    expect(inEnglish(await downloadPack(`${url}/pack.json`))).toEqual({
      kind: 'failed',
      reason: expect.stringContaining('could not be reached'),
    });
  });
});

describe('subscriptions in the library', () => {
  async function subscribe() {
    const first = await previewSubscription(`${baseUrl}/pack.json`);
    if (!first.ok || !first.check.ok) throw new Error(JSON.stringify(first));
    const saved = await commitImport(first.check.preview, first.source, 1000);
    if (!saved.ok) throw new Error(describeLibraryError(saved.error, 'en'));
  }
  const stored = async () => (await installedPacksItem.getValue())[0]!;

  it('previews, saves, then refreshes: 304 keeps it, a new version replaces it', async () => {
    await subscribe();
    expect((await stored()).source).toMatchObject({ kind: 'url', etag: '"v1"' });
    expect(await refreshSubscription('remote', {}, 2000)).toEqual({ ok: true, value: 'unchanged' });
    current = pack('1.1.0');
    etag = '"v2"';
    expect(await refreshSubscription('remote', {}, 3000)).toEqual({ ok: true, value: 'updated' });
    const entry = await stored();
    expect(entry.pack.version).toBe('1.1.0');
    expect(entry.source).toMatchObject({ etag: '"v2"', lastChecked: 3000, lastChanged: 3000 });
    expect(entry.addedAt).toBe(1000);
  });

  it('keeps the last good version with the reason when the server fails or the new version is broken', async () => {
    await subscribe();
    etag = '"v2"';
    current = '{ "schemaVersion": 1, "id": "remote", ';
    const broken = await refreshSubscription('remote', {}, 2000);
    expect(!broken.ok && describeLibraryError(broken.error, 'en')).toMatch(
      /1 problem\(s\), so the last good version stays in use; first: pack\.json:1:\d+ JSON syntax/,
    );
    expect((await stored()).pack.version).toBe('1.0.0');
    expect((await stored()).source).toMatchObject({
      lastError: expect.stringContaining('last good version'),
      lastChecked: 2000,
    });

    const entry = await stored();
    await installedPacksItem.setValue([
      { ...entry, source: { ...entry.source, url: `${baseUrl}/missing.json` } as typeof entry.source },
    ]);
    const missing = await refreshSubscription('remote', {}, 3000);
    expect(!missing.ok && describeLibraryError(missing.error, 'en')).toContain('404');
    expect((await stored()).pack.version).toBe('1.0.0');
  });

  it('stores the reason in the language the caller reads it in', async () => {
    await subscribe();
    const entry = await stored();
    await installedPacksItem.setValue([
      { ...entry, source: { ...entry.source, url: `${baseUrl}/missing.json` } as typeof entry.source },
    ]);
    await refreshSubscription('remote', { locale: 'zh-TW' }, 2000);
    expect((await stored()).source).toMatchObject({
      lastError: '伺服器回應 404 Not Found：請檢查網址（必須直接指向話術包檔案）',
    });
    await refreshSubscription('remote', { locale: 'zh-CN' }, 3000);
    expect((await stored()).source).toMatchObject({
      lastError: '服务器返回 404 Not Found：请检查地址（必须直接指向话术包文件）',
    });
  });

  it('reports the problems of a pack published as YAML with its line', async () => {
    const result = await previewSubscription(`${baseUrl}/team.yaml`);
    expect(result.ok && !result.check.ok && result.check.problems[0]).toMatchObject({
      file: 'team.yaml',
      path: 'scenarios[0].title',
    });
  });

  it('cannot refresh a pack that was not added from an address', async () => {
    const refused = await refreshSubscription('zh-CN');
    expect(!refused.ok && describeLibraryError(refused.error, 'en')).toEqual(
      expect.stringContaining('not added from an address'),
    );
  });
});

describe('hourly refresh', () => {
  it('refreshes every subscribed pack when the alarm fires, and leaves other packs alone', async () => {
    const { REFRESH_ALARM, refreshAllSubscriptions, startSubscriptionRefresh } =
      await import('../../library/subscriptions.ts');
    const first = await previewSubscription(`${baseUrl}/pack.json`);
    if (!first.ok || !first.check.ok) throw new Error('expected a valid pack');
    await commitImport(first.check.preview, first.source, 1000);
    expect(await refreshAllSubscriptions({}, 2000)).toEqual({ remote: 'unchanged' });

    startSubscriptionRefresh(async () => 'en');
    const alarm = await fakeBrowser.alarms.get(REFRESH_ALARM);
    expect(alarm?.periodInMinutes).toBe(60);
    current = pack('3.0.0');
    etag = '"v3"';
    await fakeBrowser.alarms.onAlarm.trigger(alarm!);
    await expect.poll(async () => (await installedPacksItem.getValue())[0]!.pack.version).toBe('3.0.0');
  });
});
