// The pack editor in real Chromium with the built extension: a lead opens a pasted pack, sees its examples checked live while changing a rule, tries a draft, is stopped by a broken text, saves, and the agent's panel warns with the new rule without a reload; Undo brings the old version back.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../scripts/serve-demo.ts';
import { buildExtension, launchWithExtension, type ExtensionBrowser } from '../../tools/browser/extension.ts';
import { waitForContentScript } from '../../tools/browser/huashu-state.ts';
import { openPanelFor } from './pages/panel-page.ts';

let server: DemoServer;
let browser: ExtensionBrowser;
let options: Page;
let desk: Page;
let panel: Page;

const TEAM_PACK = JSON.stringify({
  schemaVersion: 2,
  id: 'e2e-editor',
  name: 'E2E editor pack',
  version: '1.0.0',
  locale: 'zh-CN',
  rules: [
    {
      id: 'team.refusal.bu-gei-tui',
      category: 'refusal',
      severity: 'error',
      patterns: ['不给退'],
      message: '不要直接拒绝退货，先说明能做什么',
      examples: { match: ['这个不给退的哈'], noMatch: ['可以退的哈'] },
    },
  ],
});

const editorText = () => options.locator('[data-testid=pack-editor-text]');
const examplesSummary = () => options.locator('[data-testid=pack-editor-examples]').textContent();

beforeAll(async () => {
  await buildExtension();
  [server, browser] = await Promise.all([startDemoServer(), launchWithExtension()]);
  desk = await browser.context.newPage();
  await desk.goto(`${server.url}?editor=textarea`);
  await desk.evaluate(() => window.huashuDemo.ready);
  await waitForContentScript(browser, desk);
  await desk.evaluate(() => window.huashuDemo.clear());
  await desk.evaluate(() => window.huashuDemo.clearComposer());
  panel = await openPanelFor(browser, desk);
  options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.locator('[data-testid=pack-paste]').fill(TEAM_PACK);
  await options.locator('[data-testid=pack-check]').click();
  await options.locator('[data-testid=pack-save]').click();
  await options.locator('[data-testid=edit-pack]').waitFor({ timeout: 10_000 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the pack editor', () => {
  it('opens the pack as text with its examples checked', async () => {
    await options.locator('[data-testid=edit-pack]').click();
    await options.locator('[data-testid=pack-editor]').waitFor({ timeout: 5_000 });
    expect(await editorText().inputValue()).toContain('不给退');
    await expect.poll(examplesSummary, { timeout: 10_000 }).toMatch(/2 \/ 2/u);
  });

  it('counts the examples again as the rule changes, and lists the one that fails', async () => {
    const text = await editorText().inputValue();
    await editorText().fill(text.replace('- 不给退', '- 不能退'));
    await expect.poll(examplesSummary, { timeout: 10_000 }).toMatch(/1 \/ 2/u);
    const failing = options.locator('[data-example-check="team.refusal.bu-gei-tui"]');
    expect(await failing.textContent()).toContain('这个不给退的哈');
    await editorText().fill((await editorText().inputValue()).replace('这个不给退的哈', '这个不能退的哈'));
    await expect.poll(examplesSummary, { timeout: 10_000 }).toMatch(/2 \/ 2/u);
  });

  it('tries a draft on the edited pack before saving', async () => {
    await options.locator('[data-testid=pack-editor-try-draft]').fill('亲，这个真的不能退哦');
    await options
      .locator('[data-testid=pack-editor-try-findings] [data-rule-id="team.refusal.bu-gei-tui"]')
      .waitFor({ timeout: 5_000 });
  });

  it('shows where a broken text is wrong and will not save it', async () => {
    const good = await editorText().inputValue();
    await editorText().fill(good.replace('severity: error', 'severity: [error'));
    const problems = options.locator('[data-testid=pack-editor-problems]');
    await problems.waitFor({ timeout: 10_000 });
    expect(await problems.textContent()).toMatch(/line \d+, column \d+|第 \d+ 行/u);
    expect(await options.locator('[data-testid=pack-editor-save]').isDisabled()).toBe(true);
    await editorText().fill(good);
    await problems.waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('saves, and the agent’s panel warns with the new rule without a reload', async () => {
    await options.locator('[data-testid=pack-editor-save]').click();
    await options.locator('[data-testid=options-notice]').waitFor({ timeout: 10_000 });
    await desk.locator('[data-huashu-demo-composer]').click();
    await desk.keyboard.type('亲，这个不能退哦');
    await panel.locator('[data-finding-rule="team.refusal.bu-gei-tui"]').waitFor({ timeout: 10_000 });
  });

  it('goes back to the version before with Undo', async () => {
    await options.locator('[data-testid=pack-editor-undo]').click();
    await expect.poll(() => editorText().inputValue(), { timeout: 10_000 }).toContain('- 不给退');
    const stored = await options.evaluate(async () => {
      const { storage } = (
        globalThis as unknown as {
          chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
        }
      ).chrome;
      return JSON.stringify((await storage.local.get('installedPacks')).installedPacks);
    });
    expect(stored).toContain('不给退');
    expect(stored).not.toContain('不能退');
  });
});
