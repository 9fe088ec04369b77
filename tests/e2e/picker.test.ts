// The element picker in real Chromium on unknown chat pages: point at the list and the box, detect a message, reload, still picked; what is stored holds no text of the page.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtension, launchWithExtension } from '../../tools/browser/extension.ts';
import { detectedScenario, elementPickerOpen } from '../../tools/browser/huashu-state.ts';

const PAGE = readFileSync(new URL('./pages/unknown-chat.html', import.meta.url), 'utf8');
const NAMED_PAGE = readFileSync(new URL('./pages/named-chat.html', import.meta.url), 'utf8');
let server: Server;
let url: string;
let browser: { context: BrowserContext; extensionId: string; close(): Promise<void> };
let chat: Page;
let panel: Page;

beforeAll(async () => {
  await buildExtension();
  server = createServer((req, res) =>
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(req.url?.startsWith('/named/') ? NAMED_PAGE : PAGE),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://localhost:${(server.address() as AddressInfo).port}/chat/12345`;
  browser = await launchWithExtension();
  chat = await browser.context.newPage();
  await chat.goto(url);
  panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
  const tabId = await panel.evaluate(async (address) => {
    const { tabs } = (
      globalThis as unknown as { chrome: { tabs: { query(f: object): Promise<{ id?: number; url?: string }[]> } } }
    ).chrome;
    return (await tabs.query({})).find((tab) => tab.url === address)?.id ?? null;
  }, url);
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tabId}`);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('element picker', () => {
  it('picks the list and the box by mouse, detects a new customer message, and remembers the picks after a reload', async () => {
    const start = panel.locator('[data-testid="status-not-helpdesk"] button').first();
    await start.waitFor({ timeout: 15_000 });
    await start.click();
    await chat.bringToFront();
    // The picker's overlay: the first click picks the list, the second the box.
    await expect.poll(() => elementPickerOpen(chat), { timeout: 5_000 }).toBe(true);
    const flow = chat.locator('#flow');
    await flow.hover({ position: { x: 200, y: 150 } });
    await flow.click({ position: { x: 200, y: 150 } });
    await chat.locator('.ipt').hover();
    await chat.locator('.ipt').click();
    await expect.poll(() => elementPickerOpen(chat), { timeout: 5_000 }).toBe(false);
    await panel.locator('[data-testid="status-picks"]').waitFor({ timeout: 10_000 });

    await chat.evaluate(() =>
      (window as unknown as { addVisitor(text: string): void }).addVisitor('收到的鞋子是坏的，我要退款'),
    );
    await expect.poll(() => detectedScenario(browser, chat), { timeout: 10_000 }).toBe('return_refund');

    await chat.reload();
    await panel.locator('[data-testid="status-picks"]').waitFor({ timeout: 15_000 });
    await chat.evaluate(() =>
      (window as unknown as { addVisitor(text: string): void }).addVisitor('收到的鞋子是坏的，我要退款'),
    );
    await expect.poll(() => detectedScenario(browser, chat), { timeout: 10_000 }).toBe('return_refund');
  });

  it('stores selectors built from structure, never from the labels, titles or ids that name the customer, which match the next conversation too', async () => {
    // 127.0.0.1: a host of its own, without the picks made on localhost above.
    const address = `${url.replace('localhost', '127.0.0.1').replace('/chat/12345', '')}/named/jane-doe`;
    const named = await browser.context.newPage();
    await named.goto(address);
    const namedPanel = await browser.context.newPage();
    await namedPanel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    const tabId = await namedPanel.evaluate(async (target) => {
      const { tabs } = (
        globalThis as unknown as { chrome: { tabs: { query(f: object): Promise<{ id?: number; url?: string }[]> } } }
      ).chrome;
      return (await tabs.query({})).find((tab) => tab.url === target)?.id ?? null;
    }, address);
    await namedPanel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tabId}`);
    const start = namedPanel
      .locator('[data-testid="status-not-helpdesk"] button, [data-testid="status-picks"] button')
      .first();
    await start.waitFor({ timeout: 15_000 });
    await start.click();
    await named.bringToFront();
    await expect.poll(() => elementPickerOpen(named), { timeout: 5_000 }).toBe(true);
    const list = named.locator('.pane').nth(1).locator('.messages');
    await list.hover();
    await list.click();
    await named.locator('.ipt').hover();
    await named.locator('.ipt').click();
    await expect.poll(() => elementPickerOpen(named), { timeout: 5_000 }).toBe(false);
    await namedPanel.locator('[data-testid="status-picks"]').waitFor({ timeout: 10_000 });

    const host = new URL(address).host;
    const stored = await namedPanel.evaluate(async (key) => {
      const { storage } = (
        globalThis as unknown as {
          chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
        }
      ).chrome;
      return (
        (await storage.local.get('sitePreferences')).sitePreferences as Record<
          string,
          { messageListSelector?: string; composerSelector?: string }
        >
      )[key];
    }, host);
    expect(stored?.messageListSelector).toBeTruthy();
    expect(stored?.composerSelector).toBeTruthy();
    // Nothing of the page's text: not the name, not a label, title or placeholder.
    expect(JSON.stringify(stored)).not.toMatch(/jane|doe|aria-label|title|placeholder/iu);
    // Each finds the element picked, alone.
    const found = await named.evaluate(
      ({ messageListSelector, composerSelector }) => ({
        list:
          document.querySelectorAll(messageListSelector!).length === 1 &&
          document.querySelector(messageListSelector!) ===
            document.querySelectorAll('.pane')[1]!.querySelector('.messages'),
        composer:
          document.querySelectorAll(composerSelector!).length === 1 &&
          document.querySelector(composerSelector!) === document.querySelector('.ipt'),
      }),
      stored!,
    );
    expect(found).toEqual({ list: true, composer: true });

    // The next customer: the same markup with another name. The picks still find the chat area.
    await named.evaluate(() =>
      (window as unknown as { nextConversation(name: string): void }).nextConversation('John Roe'),
    );
    await named.evaluate(() =>
      (window as unknown as { addVisitor(text: string): void }).addVisitor('收到的鞋子是坏的，我要退款'),
    );
    await expect.poll(() => detectedScenario(browser, named), { timeout: 10_000 }).toBe('return_refund');
    await namedPanel.close();
    await named.close();
  });
});
