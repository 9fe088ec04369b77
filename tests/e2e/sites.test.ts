// Turning Huashu on for a self-hosted helpdesk in real Chromium: access granted, content script started and registered, turned off, forgotten.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPanel } from '../../scripts/lib/panel-page.ts';
import { buildExtension, launchWithExtension, type ExtensionBrowser } from '../../tools/browser/extension.ts';
import { detectedScenario as scenarioIn } from '../../tools/browser/huashu-state.ts';

// A company's own Chatwoot on its own domain: recognized by its DOM, reached through a name that resolves to this machine.
const HOSTNAME = 'support.acme.test';
const CHATWOOT = readFileSync(new URL('../fixtures/sites/chatwoot.html', import.meta.url), 'utf8');

type Chrome = {
  permissions: { getAll(): Promise<{ origins?: string[] }> };
  scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string; matches?: string[] }>> };
};
type DeveloperPrivate = {
  updateExtensionConfiguration(update: { extensionId: string; hostAccess: string }): Promise<void>;
  addHostPermission(extensionId: string, host: string): Promise<void>;
};

let server: Server;
let siteUrl: string;
let host: string;
let browser: ExtensionBrowser;
let worker: Worker;
let desk: Page;
let panel: Page;

/**
 * What the agent does in Chrome's own prompt (or under "Site access" in the extension's details): allow this site. The
 * prompt itself cannot be answered by a test, so the same grant is given through the extensions page, after which the
 * extension's own permissions.request resolves at once, as it would after "Allow".
 */
async function allowSiteInBrowser(): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`chrome://extensions/?id=${browser.extensionId}`);
  await page.evaluate(
    async ({ id, pattern }) => {
      const api = (globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } }).chrome.developerPrivate;
      await api.updateExtensionConfiguration({ extensionId: id, hostAccess: 'ON_SPECIFIC_SITES' });
      await api.addHostPermission(id, pattern);
    },
    { id: browser.extensionId, pattern: `http://${HOSTNAME}/*` },
  );
  await page.close();
}

const grantedOrigins = () =>
  worker.evaluate(
    async () => (await (globalThis as unknown as { chrome: Chrome }).chrome.permissions.getAll()).origins ?? [],
  );
const registeredMatches = () =>
  worker.evaluate(async () =>
    (await (globalThis as unknown as { chrome: Chrome }).chrome.scripting.getRegisteredContentScripts()).flatMap(
      (script) => script.matches ?? [],
    ),
  );
// Huashu's elements in the page, known by their tag alone (they carry no attribute the page could read).
const huashuHosts = () => desk.locator('huashu-root').count();

async function addCustomerMessage(id: number, text: string): Promise<void> {
  await desk.evaluate(
    ({ id, text }) => {
      const template = document.querySelector('#message1002')!;
      const copy = template.cloneNode(true) as HTMLElement;
      copy.id = `message${id}`;
      copy.dataset.messageId = String(id);
      copy.querySelector('.text-content')!.textContent = text;
      document.querySelector('ul.conversation-panel')!.append(copy);
    },
    { id, text },
  );
}

const detectedScenario = () => scenarioIn(browser, desk);

/** The backup the options page would download, as text (read from the same library call as its button). */
async function exportBackup(options: Page): Promise<string> {
  const download = options.waitForEvent('download');
  await options.locator('[data-testid="export-all"]').click();
  const file = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of file) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function openOptions(hash = ''): Promise<Page> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html${hash}`);
  await options.locator('#sites').waitFor();
  return options;
}

beforeAll(async () => {
  await buildExtension();
  server = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(CHATWOOT),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  host = `${HOSTNAME}:${port}`;
  siteUrl = `http://${host}/app/accounts/1/conversations/42`;
  browser = await launchWithExtension(undefined, { args: [`--host-resolver-rules=MAP ${HOSTNAME} 127.0.0.1`] });
  worker = browser.context.serviceWorkers()[0]!;
  desk = await browser.context.newPage();
  await desk.goto(siteUrl);
  panel = await openPanel(browser.context, browser.extensionId, desk);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('a self-hosted helpdesk', () => {
  it('is left alone until the agent turns Huashu on for it', async () => {
    await desk.waitForLoadState('load');
    expect(await huashuHosts()).toBe(0);
    expect(await grantedOrigins()).not.toContain(`http://${HOSTNAME}/*`);
    await panel.locator('[data-testid="status-unreachable"]').waitFor({ timeout: 10_000 });
  });

  it('refuses what is not an address, beside the field, without asking the browser for anything', async () => {
    const options = await openOptions();
    await options.locator('[data-testid="sites-empty"]').waitFor();
    await options.locator('input[name="site-address"]').fill('ftp://files.acme.test');
    await options.locator('[data-testid="add-site"]').click();
    await expect
      .poll(() => options.locator('[data-testid="site-add-problem"]').textContent())
      .toContain('http and https pages only');
    await options.locator('input[name="site-address"]').fill('hello');
    await options.locator('[data-testid="add-site"]').click();
    await expect
      .poll(() => options.locator('[data-testid="site-add-problem"]').textContent())
      .toContain('“hello” is not a web address');
    expect(await options.locator('input[name="site-address"]').inputValue()).toBe('hello');
    expect(await grantedOrigins()).not.toContain(`http://${HOSTNAME}/*`);
    await options.close();
  });

  it('turns on from the panel: the settings open at Sites, the address is typed, and Huashu starts in the open tab', async () => {
    // The panel cannot see the address of a tab Huashu has no access to: its button opens the Sites section instead.
    const opened = browser.context.waitForEvent('page');
    await panel.locator('[data-testid="status-unreachable"] button', { hasText: 'Turn on for this site' }).click();
    const options = await opened;
    await options.waitForURL(/options\.html#sites$/u);
    await options.locator('input[name="site-address"]').waitFor();
    await expect.poll(() => options.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('site-address');
    await expect
      .poll(() => panel.locator('[data-testid="notice"]').textContent())
      .toContain('under Sites in the settings');

    await allowSiteInBrowser();
    await options.locator('input[name="site-address"]').fill(`http://${host}/app/accounts/1/conversations/42`);
    await options.locator('[data-testid="add-site"]').click();
    const row = options.locator(`[data-site="${host}"]`);
    await expect.poll(() => row.getAttribute('data-site-state'), { timeout: 10_000 }).toBe('on');
    expect(await grantedOrigins()).toContain(`http://${HOSTNAME}/*`);
    await expect.poll(registeredMatches, { timeout: 10_000 }).toEqual([`http://${HOSTNAME}/*`]);

    // Started in the tab already open, once.
    await expect.poll(huashuHosts, { timeout: 10_000 }).toBeGreaterThan(0);
    await panel.locator('.site-name', { hasText: 'Chatwoot' }).waitFor({ timeout: 10_000 });
    await addCustomerMessage(2001, '收到的耳机是坏的，我要退款');
    await expect.poll(detectedScenario, { timeout: 10_000 }).toBe('return_refund');
    await options.close();
  });

  it('runs again after a reload, from the registered content script', async () => {
    await desk.reload();
    await expect.poll(huashuHosts, { timeout: 10_000 }).toBeGreaterThan(0);
    await addCustomerMessage(2002, '我要投诉，收到的杯子是裂的，质量太差了');
    await expect.poll(detectedScenario, { timeout: 10_000 }).toBe('complaint');
  });

  it('turns off from the panel: the access is given back and nothing runs there after a reload', async () => {
    await desk.bringToFront();
    await panel.locator('[data-testid="disable-site"]').click();
    await expect
      .poll(() => panel.locator('[data-testid="notice"]').textContent())
      .toContain(`Huashu is off on ${host}`);
    await expect.poll(grantedOrigins, { timeout: 10_000 }).not.toContain(`http://${HOSTNAME}/*`);
    await expect.poll(registeredMatches, { timeout: 10_000 }).toEqual([]);
    await desk.reload();
    await desk.waitForLoadState('load');
    // Give a registered script (there should be none) the time to start before counting.
    await desk.waitForTimeout(1_000);
    expect(await huashuHosts()).toBe(0);

    const options = await openOptions();
    const row = options.locator(`[data-site="${host}"]`);
    await expect.poll(() => row.getAttribute('data-site-state')).toBe('off');
    await options.close();
  });

  it('turns on again from its row in Sites, then is forgotten with its access', async () => {
    await allowSiteInBrowser();
    const options = await openOptions();
    const row = options.locator(`[data-site="${host}"]`);
    await row.locator('[data-action="turn-on"]').click();
    await expect.poll(() => row.getAttribute('data-site-state'), { timeout: 10_000 }).toBe('on');
    await expect.poll(huashuHosts, { timeout: 10_000 }).toBeGreaterThan(0);

    await row.locator('[data-action="forget"]').click();
    await options.locator('[data-testid="sites-empty"]').waitFor({ timeout: 10_000 });
    await expect.poll(grantedOrigins, { timeout: 10_000 }).not.toContain(`http://${HOSTNAME}/*`);
    await expect.poll(registeredMatches, { timeout: 10_000 }).toEqual([]);
    await options.close();
  });

  it('comes back from a backup as needing access, and is on again after one click', async () => {
    const options = await openOptions();
    const backup = JSON.parse(await exportBackup(options));
    backup.sitePreferences = { [host]: { enabled: true, scheme: 'http' } };
    await options.locator('[data-testid="import-all"]').setInputFiles({
      name: 'huashu-backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(backup)),
    });
    await expect
      .poll(() => options.locator('[data-testid="options-notice"]').textContent(), { timeout: 10_000 })
      .toContain(`needs the browser’s access again for ${host}`);
    const row = options.locator(`[data-site="${host}"]`);
    await expect.poll(() => row.getAttribute('data-site-state')).toBe('needs-access');

    await allowSiteInBrowser();
    await row.locator('[data-action="turn-on"]', { hasText: 'Allow access' }).click();
    await expect.poll(() => row.getAttribute('data-site-state'), { timeout: 10_000 }).toBe('on');
    await expect.poll(registeredMatches, { timeout: 10_000 }).toEqual([`http://${HOSTNAME}/*`]);
    await options.close();
  });
});
