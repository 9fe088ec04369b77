// Packs by level in real Chromium: a team pack with an expert-only reply, the agent's level set on the options page, the panel on the demo helpdesk showing only what is for that level.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../scripts/serve-demo.ts';
import { buildExtension, launchWithExtension } from '../../tools/browser/extension.ts';
import { openPanelFor } from './pages/panel-page.ts';

let server: DemoServer;
let browser: { context: BrowserContext; extensionId: string; close(): Promise<void> };
let options: Page;
let desk: Page;
let panel: Page;

const LEVELS_PACK = JSON.stringify({
  schemaVersion: 2,
  id: 'e2e-levels',
  name: 'E2E levels',
  version: '1.0.0',
  locale: 'zh-CN',
  scenarios: [
    {
      id: 'complaint',
      title: '投诉',
      replies: [
        { id: 'levels.everyone', text: '非常抱歉，我马上为您登记处理。' },
        { id: 'levels.case-library', text: '按投诉案例库第 7 条升级处理。', audience: { levels: ['专家'] } },
        { id: 'levels.other-site', text: '这条只在别的网站上用。', audience: { sites: ['*.example.org'] } },
      ],
    },
  ],
});

const replyIds = () =>
  panel.locator('[data-reply-id]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-reply-id')));

const storedLevel = () =>
  options.evaluate(async () => {
    const { storage } = (
      globalThis as unknown as {
        chrome: {
          storage: { local: { get(key: string): Promise<Record<string, { agentLevel?: string } | undefined>> } };
        };
      }
    ).chrome;
    return (await storage.local.get('settings')).settings?.agentLevel;
  });

async function saveLevel(level: string): Promise<void> {
  await options.locator('input[name=agentLevel]').fill(level);
  await options.locator('form[aria-labelledby=settings-heading] button[type=submit]').click();
  await expect.poll(storedLevel, { timeout: 5_000 }).toBe(level);
}

beforeAll(async () => {
  await buildExtension();
  [server, browser] = await Promise.all([startDemoServer(), launchWithExtension()]);
  options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.locator('[data-pack-id]').first().waitFor({ timeout: 15_000 });
  desk = await browser.context.newPage();
  await desk.goto(`${server.url}?editor=textarea`);
  await desk.evaluate(() => window.huashuDemo.ready);
  await desk.evaluate(() => window.huashuDemo.clear());
  panel = await openPanelFor(browser, desk);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('packs by level and site', () => {
  it('says on the options page whom the pack is for, and offers its level in the settings', async () => {
    await options.locator('[data-testid=pack-paste]').fill(LEVELS_PACK);
    await options.locator('[data-testid=pack-check]').click();
    await options.locator('[data-testid=pack-save]').click();
    const audience = options.locator('[data-pack-id="e2e-levels"] [data-testid=pack-audience]');
    await audience.waitFor({ timeout: 10_000 });
    expect(await audience.textContent()).toContain('专家');
    expect(await audience.textContent()).toContain('*.example.org');
    expect(await options.locator('#agentLevel-names option').getAttribute('value')).toBe('专家');
  });

  it('leaves the expert reply out for a junior agent, and the other site’s reply out everywhere here', async () => {
    await saveLevel('初级');
    await desk.evaluate(() => window.huashuDemo.addMessage('customer', '你们这服务太差了，我要投诉'));
    await expect
      .poll(() => panel.locator('[data-scenario-id]').first().getAttribute('data-scenario-id'), { timeout: 10_000 })
      .toBe('complaint');
    // The pack has reached the panel (its reply for everyone is listed), cut to the junior level.
    await expect.poll(replyIds, { timeout: 10_000 }).toContain('levels.everyone');
    await expect.poll(replyIds, { timeout: 10_000 }).not.toContain('levels.case-library');
    expect(await replyIds()).not.toContain('levels.other-site');
  });

  it('shows it once the agent’s level is the expert one, without a reload', async () => {
    await saveLevel('专家');
    await expect.poll(replyIds, { timeout: 10_000 }).toContain('levels.case-library');
    expect(await replyIds()).not.toContain('levels.other-site');
  });
});
