// The element picker in real Chromium on an unknown chat page: point at the list and the box, detect a message, reload, still picked.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtension, launchWithExtension } from '../support/extension.ts';

const PAGE = readFileSync(new URL('./pages/unknown-chat.html', import.meta.url), 'utf8');
let server: Server;
let url: string;
let browser: { context: BrowserContext; extensionId: string; close(): Promise<void> };
let chat: Page;
let panel: Page;

beforeAll(async () => {
  await buildExtension();
  server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://localhost:${(server.address() as AddressInfo).port}/chat/12345`;
  browser = await launchWithExtension();
  chat = await browser.context.newPage();
  await chat.goto(url);
  panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
  const tabId = await panel.evaluate(async (address) => {
    const { tabs } = (globalThis as unknown as { chrome: { tabs: { query(f: object): Promise<{ id?: number; url?: string }[]> } } }).chrome;
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
    await chat.locator('huashu-picker[data-huashu-picker="list"]').waitFor({ state: 'attached', timeout: 5_000 });
    const flow = chat.locator('#flow');
    await flow.hover({ position: { x: 200, y: 150 } });
    await flow.click({ position: { x: 200, y: 150 } });
    await chat.locator('huashu-picker[data-huashu-picker="composer"]').waitFor({ state: 'attached' });
    await chat.locator('.ipt').hover();
    await chat.locator('.ipt').click();
    await chat.locator('huashu-picker').waitFor({ state: 'detached' });
    await panel.locator('[data-testid="status-picks"]').waitFor({ timeout: 10_000 });

    await chat.evaluate(() => (window as unknown as { addVisitor(text: string): void }).addVisitor('收到的鞋子是坏的，我要退款'));
    await expect.poll(() => chat.locator('[data-huashu][data-scenario]').first().getAttribute('data-scenario'), { timeout: 10_000 }).toBe('return_refund');

    await chat.reload();
    await panel.locator('[data-testid="status-picks"]').waitFor({ timeout: 15_000 });
    await chat.evaluate(() => (window as unknown as { addVisitor(text: string): void }).addVisitor('收到的鞋子是坏的，我要退款'));
    await expect.poll(() => chat.locator('[data-huashu][data-scenario]').first().getAttribute('data-scenario'), { timeout: 10_000 }).toBe('return_refund');
  });
});
