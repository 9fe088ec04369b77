// An agent's own replies in real Chromium with the built extension: a draft saved from the panel (the customer's name as {customer}), refused with the problem at its field, first among its scenario's replies, inserted with ;;shortcut in the next conversation, deleted and undone.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../scripts/serve-demo.ts';
import { buildExtension, launchWithExtension, type ExtensionBrowser } from '../../tools/browser/extension.ts';
import { expansionPicker, waitForContentScript } from '../../tools/browser/huashu-state.ts';
import { openPanelFor } from './pages/panel-page.ts';

let server: DemoServer;
let browser: ExtensionBrowser;
let desk: Page;
let panel: Page;

const modelText = (page: Page) => page.evaluate(() => window.huashuDemo.editorModelText());

async function openDesk(conversation: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}?editor=textarea&conversation=${conversation}`);
  await page.evaluate(() => window.huashuDemo.ready);
  await waitForContentScript(browser, page);
  await page.evaluate(() => window.huashuDemo.clear());
  await page.evaluate(() => window.huashuDemo.clearComposer());
  return page;
}

beforeAll(async () => {
  await buildExtension();
  [server, browser] = await Promise.all([startDemoServer(), launchWithExtension()]);
  // 林晓雨's conversation.
  desk = await openDesk('c-20481');
  panel = await openPanelFor(browser, desk);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('my replies', () => {
  it('saves the draft as a reply of my own, with the customer’s name as {customer}, after showing a problem at its field', async () => {
    await desk.evaluate(() => window.huashuDemo.addMessage('customer', '收到的鞋子是坏的，我要退款'));
    await expect
      .poll(() => panel.locator('[data-scenario-id]').first().getAttribute('data-scenario-id'), { timeout: 10_000 })
      .toBe('return_refund');
    await desk.locator('[data-huashu-demo-composer]').click();
    await desk.keyboard.type('林晓雨您好，退款已经给您加急处理，今天之内到账哦');
    const fromDraft = panel.locator('[data-testid="my-reply-from-draft"]');
    await fromDraft.waitFor({ timeout: 10_000 });
    await fromDraft.click();

    const form = panel.locator('[data-testid="my-reply-form"]');
    await form.waitFor({ timeout: 5_000 });
    expect(await form.locator('textarea[name="text"]').inputValue()).toBe(
      '{customer}您好，退款已经给您加急处理，今天之内到账哦',
    );
    // The scenario on screen is ticked already.
    expect(await form.locator('input[name="scope"][value="return_refund"]').isChecked()).toBe(true);

    // A shortcut of two words is refused at its field; what was typed stays.
    await form.locator('input[name="title"]').fill('加急退款');
    await form.locator('input[name="shortcut"]').fill('jj tk');
    await form.locator('[data-testid="my-reply-save"]').click();
    const problem = form.locator('[data-testid="my-reply-problem-shortcut"]');
    await problem.waitFor({ timeout: 5_000 });
    expect(await problem.textContent()).toMatch(/快捷词|shortcut/u);
    expect(await form.locator('input[name="shortcut"]').getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('input[name="title"]').inputValue()).toBe('加急退款');

    await form.locator('input[name="shortcut"]').fill('jjtk');
    await form.locator('[data-testid="my-reply-save"]').click();
    await form.waitFor({ state: 'detached', timeout: 5_000 });

    // First among the scenario's replies, marked as mine, the name filled back in for this customer.
    const first = panel.locator('.reply').first();
    await expect.poll(() => first.locator('.tag-mine').count(), { timeout: 10_000 }).toBe(1);
    expect(await first.locator('.reply-text').textContent()).toBe('林晓雨您好，退款已经给您加急处理，今天之内到账哦');

    // Kept in storage.sync without the customer's name.
    const stored = await panel.evaluate(async () => {
      const { storage } = (
        globalThis as unknown as { chrome: { storage: { sync: { get(k: null): Promise<object> } } } }
      ).chrome;
      return JSON.stringify(await storage.sync.get(null));
    });
    expect(stored).toContain('{customer}您好，退款已经给您加急处理');
    expect(stored).not.toContain('林晓雨');
  });

  it('inserts it with ;;shortcut in the next conversation, the new customer’s name filled in', async () => {
    const next = await openDesk('c-20477');
    try {
      await next.locator('[data-huashu-demo-composer]').click();
      await next.keyboard.type(';;jjtk');
      await expect.poll(async () => (await expansionPicker(next)).open, { timeout: 10_000 }).toBe(true);
      const keys = (await expansionPicker(next)).keys;
      expect(keys[0]).toMatch(/:mine\./u);
      await next.keyboard.press('Enter');
      await expect
        .poll(() => modelText(next), { timeout: 5_000 })
        .toBe('陳志明您好，退款已经给您加急处理，今天之内到账哦');
    } finally {
      await next.close();
    }
  });

  it('deletes it from the panel, and Undo brings it back', async () => {
    const mineItem = panel.locator('.reply', { has: panel.locator('.tag-mine') });
    await mineItem.first().locator('[data-testid="my-reply-delete"]').click();
    await expect.poll(() => mineItem.count(), { timeout: 10_000 }).toBe(0);
    await panel.locator('[data-testid="notice"] button').click();
    await expect.poll(() => mineItem.count(), { timeout: 10_000 }).toBe(1);
  });
});
