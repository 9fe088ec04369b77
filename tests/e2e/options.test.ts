// The options page in real Chromium with the built extension: paste a pack, preview, save, see it listed; a broken pack shows its places and changes nothing.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtension, launchWithExtension, type ExtensionBrowser } from '../../tools/browser/extension.ts';

let browser: ExtensionBrowser;
let page: Page;
let server: Server;
let serverUrl: string;
let published: { status: number; body: string } = { status: 200, body: '' };
/** Every request the team lead's server received, with the cookie it carried. */
const received: Array<{ url: string; cookie?: string }> = [];

const TEAM_PACK = JSON.stringify(
  {
    schemaVersion: 1,
    id: 'e2e-team',
    name: 'E2E team phrases',
    version: '1.2.0',
    locale: 'zh-CN',
    scenarios: [
      {
        id: 'team_vip',
        title: '会员',
        triggers: ['会员卡'],
        replies: [{ id: 'team.vip', text: '尊敬的会员您好，{agentName}为您服务。' }],
      },
    ],
  },
  null,
  2,
);

// Line 5 lacks the comma after "version" — the error is at line 6, column 3 where "locale" starts.
const BROKEN_PACK =
  '{\n  "schemaVersion": 1,\n  "id": "broken",\n  "name": "Broken",\n  "version": "1"\n  "locale": "zh-CN"\n}';

const storedPacks = () =>
  page.evaluate(async () => {
    const { storage } = (
      globalThis as unknown as {
        chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
      }
    ).chrome;
    return (await storage.local.get('installedPacks')).installedPacks ?? [];
  });

beforeAll(async () => {
  // The team lead's web server: a real HTTP server on this machine, publishing one pack.
  server = createServer((request, response) => {
    // The browser may ask for a favicon after a page of the server loads: not a request of ours.
    if (request.url !== '/favicon.ico') received.push({ url: request.url ?? '', cookie: request.headers.cookie });
    // The team lead's intranet login on the same host: it leaves a session cookie in the browser.
    if (request.url === '/login')
      return void response
        .writeHead(200, { 'Set-Cookie': 'team_session=do-not-send; Path=/', 'Content-Type': 'text/html' })
        .end('<title>Signed in</title>');
    if (request.url === '/moved.json') return void response.writeHead(302, { Location: '/team.json' }).end();
    if (request.url !== '/team.json') return void response.writeHead(404).end();
    response
      .writeHead(published.status, { 'Content-Type': 'application/json', ETag: `"${published.body.length}"` })
      .end(published.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await buildExtension();
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.locator('[data-pack-id]').first().waitFor({ timeout: 15_000 });
});

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

describe('options page', () => {
  it('checks a pasted pack, previews what it adds, saves it and lists it', async () => {
    await page.locator('[data-testid=pack-paste]').fill(TEAM_PACK);
    await page.locator('[data-testid=pack-check]').click();
    const preview = page.locator('[data-testid=pack-preview]');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('team_vip');
    expect(await preview.textContent()).toContain('team.vip');
    await page.locator('[data-testid=pack-save]').click();
    const row = page.locator('[data-pack-id="e2e-team"]');
    await row.waitFor({ timeout: 10_000 });
    expect(await row.textContent()).toContain('E2E team phrases');
    expect(await row.textContent()).toContain('1 scenarios · 1 replies · 0 rules');
    // Highest priority first: the new pack heads the list.
    expect(await page.locator('[data-pack-id]').first().getAttribute('data-pack-id')).toBe('e2e-team');
    const stored = (await storedPacks()) as Array<{ pack: { id: string }; source: { kind: string } }>;
    expect(stored.map((p) => [p.pack.id, p.source.kind])).toEqual([['e2e-team', 'paste']]);
  });

  it('shows every problem of a broken pack with line:column and leaves the installed packs as they were', async () => {
    const before = await storedPacks();
    await page.locator('[data-testid=pack-paste]').fill(BROKEN_PACK);
    await page.locator('[data-testid=pack-check]').click();
    const problems = page.locator('[data-testid=pack-problems]');
    await problems.waitFor();
    const text = (await problems.textContent()) ?? '';
    expect(text).toContain('pasted.json:6:3');
    expect(text).toContain('JSON syntax');
    expect(await page.locator('[data-testid=pack-save]').count()).toBe(0);
    expect(await storedPacks()).toEqual(before);
    expect(
      await page.locator('[data-pack-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-pack-id'))),
    ).toEqual(['e2e-team', 'zh-CN', 'zh-TW', 'en']);
  });

  it('removes a pack and brings it back with Undo', async () => {
    await page.locator('[data-pack-id="e2e-team"] [aria-label="Remove E2E team phrases"]').click();
    await page.locator('[data-pack-id="e2e-team"]').waitFor({ state: 'detached' });
    await page.locator('[data-testid=undo-toast] button').click();
    await page.locator('[data-pack-id="e2e-team"]').waitFor();
    expect(((await storedPacks()) as unknown[]).length).toBe(1);
  });

  it('adds a pack from an address, and keeps it with the reason when a refresh fails', async () => {
    published = {
      status: 200,
      body: TEAM_PACK.replace('"e2e-team"', '"e2e-remote"').replace('E2E team phrases', 'Published phrases'),
    };
    await page.locator('[data-testid=pack-url]').fill(`${serverUrl}/team.json`);
    await page.locator('[data-testid=pack-fetch]').click();
    await page.locator('[data-testid=pack-preview]').waitFor({ timeout: 10_000 });
    await page.locator('[data-testid=pack-save]').click();
    const row = page.locator('[data-pack-id="e2e-remote"]');
    await row.waitFor({ timeout: 10_000 });
    expect(await row.textContent()).toContain(`From ${serverUrl}/team.json`);

    published = { status: 404, body: 'gone' };
    await row.locator('[aria-label="Fetch Published phrases again from its address"]').click();
    await page.locator('[data-testid=options-notice]').filter({ hasText: '404' }).waitFor({ timeout: 10_000 });
    await row.locator('.pack-error').waitFor();
    expect(await row.locator('.pack-error').textContent()).toContain('answered 404');
    const stored = (await storedPacks()) as Array<{ pack: { id: string; version: string } }>;
    expect(stored.find((p) => p.pack.id === 'e2e-remote')?.pack.version).toBe('1.2.0');
  });
  it('fetches the subscription from the background without the cookies the browser holds for its server', async () => {
    const tab = await browser.context.newPage();
    await tab.goto(`${serverUrl}/login`);
    // The cookie is real and the browser sends it to that server when the page itself asks.
    await tab.goto(`${serverUrl}/team.json`);
    expect(received.at(-1)).toEqual({ url: '/team.json', cookie: 'team_session=do-not-send' });
    await tab.close();
    const before = received.length;
    // The hourly refresh, fired now: the background worker fetches every subscribed pack.
    const worker = browser.context.serviceWorkers()[0]!;
    await worker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { alarms: { create(name: string, info: { when: number }): Promise<void> } } }
      ).chrome.alarms.create('huashu-refresh-subscriptions', { when: Date.now() }),
    );
    await expect
      .poll(() => received.slice(before).filter((request) => request.url === '/team.json').length, { timeout: 15_000 })
      .toBeGreaterThan(0);
    expect(received.slice(before).map((request) => request.cookie)).toEqual(
      received.slice(before).map(() => undefined),
    );
  });

  it('refuses a redirect, whose target the browser does not show, before anything is requested there', async () => {
    const before = received.length;
    await page.locator('[data-testid=pack-url]').fill(`${serverUrl}/moved.json`);
    await page.locator('[data-testid=pack-fetch]').click();
    const message = page.locator('[data-testid=add-message]');
    await message.waitFor({ timeout: 10_000 });
    expect(await message.textContent()).toBe(
      `the address ${serverUrl}/moved.json redirects, and the browser does not show where to, so it was not followed: open the address in a tab and use the address it ends at`,
    );
    expect(received.slice(before).map((request) => request.url)).toEqual(['/moved.json']);
  });
});
