// A pack whose every text is script and markup, in real Chromium: the options page, the panel, search and the inline layer
// show those characters as text, create no element from them, and no script runs.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPanel } from '../../scripts/lib/panel-page.ts';
import { startDemoServer, type DemoServer } from '../../scripts/serve-demo.ts';
import { buildExtension, launchWithExtension, type ExtensionBrowser } from '../../tools/browser/extension.ts';
import { findingCount } from '../../tools/browser/huashu-state.ts';

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=1</script>';
const LINK = '<a href="javascript:window.__pwned=1">link</a>';

const HOSTILE_PACK = JSON.stringify(
  {
    schemaVersion: 1,
    id: 'hostile',
    name: `Hostile ${IMG}`,
    description: `${SCRIPT} description`,
    version: '1.0.0',
    locale: 'zh-CN',
    scenarios: [
      {
        id: 'hostile_case',
        title: `标题 ${IMG}`,
        triggers: ['蓝莓会员卡'],
        tips: [`提示 ${LINK}`],
        replies: [{ id: 'hostile.reply', title: `回复 ${IMG}`, text: `回复 ${SCRIPT} \${alert(1)} {{constructor}}` }],
      },
    ],
    rules: [
      {
        id: 'hostile.rule',
        category: 'refusal',
        severity: 'error',
        patterns: ['蓝莓禁语'],
        message: `提醒 ${IMG}`,
        suggestion: `改成 ${SCRIPT}`,
      },
    ],
  },
  null,
  2,
);

let server: DemoServer;
let browser: ExtensionBrowser;
let options: Page;
let desk: Page;
let panel: Page;
const dialogs: string[] = [];

/** Whether any element built from the pack's markup exists in a page (open shadow roots included) and whether a script ran. */
async function inspect(page: Page): Promise<{ pwned: unknown; hostileElements: number; text: string }> {
  return page.evaluate(() => {
    const roots: (Document | ShadowRoot)[] = [document];
    for (const element of document.querySelectorAll('*')) if (element.shadowRoot) roots.push(element.shadowRoot);
    let hostileElements = 0;
    for (const root of roots) {
      hostileElements += root.querySelectorAll(
        'img[onerror], img[src="x"], script:not([src]):not([type]), a[href^="javascript:"]',
      ).length;
    }
    // The page's own scripts are bundled files; an inline script from a pack would be the only one with that body.
    hostileElements += [...document.scripts].filter((s) => s.textContent?.includes('__pwned')).length;
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      hostileElements,
      text: document.body.innerText,
    };
  });
}

beforeAll(async () => {
  await buildExtension();
  [server, browser] = await Promise.all([startDemoServer(), launchWithExtension()]);
  browser.context.on('page', (page) =>
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    }),
  );
  options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.locator('[data-pack-id]').first().waitFor({ timeout: 15_000 });
  await options.locator('[data-testid=pack-paste]').fill(HOSTILE_PACK);
  await options.locator('[data-testid=pack-check]').click();
  await options.locator('[data-testid=pack-preview]').waitFor({ timeout: 10_000 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a pack made of script and markup', () => {
  it('is previewed and listed on the options page as text', async () => {
    const preview = (await options.locator('[data-testid=pack-preview]').textContent()) ?? '';
    expect(preview).toContain('Hostile <img src=x onerror=');
    await options.locator('[data-testid=pack-save]').click();
    const row = options.locator('[data-pack-id="hostile"]');
    await row.waitFor({ timeout: 10_000 });
    expect(await row.textContent()).toContain(`Hostile ${IMG}`);
    const seen = await inspect(options);
    expect(seen.pwned).toBeUndefined();
    expect(seen.hostileElements).toBe(0);
  });

  it('is shown in the panel as text: scenario title, tip, reply, rule message and fix, and search results', async () => {
    desk = await browser.context.newPage();
    await desk.goto(`${server.url}?editor=textarea`);
    await desk.evaluate(() => window.huashuDemo.ready);
    await desk.evaluate(() => window.huashuDemo.clear());
    panel = await openPanel(browser.context, browser.extensionId, desk);
    await desk.evaluate(() => window.huashuDemo.addMessage('customer', '蓝莓会员卡'));
    await expect
      .poll(() => panel.locator('[data-scenario-id]').first().getAttribute('data-scenario-id'), { timeout: 10_000 })
      .toBe('hostile_case');
    await desk.locator('textarea').first().focus();
    await desk.keyboard.type('这个是蓝莓禁语');
    await panel.locator('[data-finding-category="refusal"]').first().waitFor({ timeout: 10_000 });
    // The tips and a finding's reason start folded: unfold them, so that their text is read as shown.
    await panel.locator('[data-testid="tips-toggle"]').click();
    await panel.locator('[data-finding-category="refusal"] .finding-toggle').first().click();
    const seen = await inspect(panel);
    expect(seen.text).toContain('标题 <img src=x onerror=');
    expect(seen.text).toContain('回复 <script>window.__pwned=1</script>');
    expect(seen.text).toContain('提醒 <img src=x onerror=');
    expect(seen.text).toContain('提示 <a href="javascript:');
    expect(seen.text).toContain('改成 <script>');
    expect(seen.pwned).toBeUndefined();
    expect(seen.hostileElements).toBe(0);

    await panel.locator('#phrase-search').fill('蓝莓');
    await panel.locator('#phrase-search').fill('回复');
    await expect
      .poll(async () => (await inspect(panel)).text, { timeout: 10_000 })
      .toContain('<script>window.__pwned=1</script>');
    expect((await inspect(panel)).hostileElements).toBe(0);
  });

  it('inserts the reply as its literal characters and shows the inline warning without running anything in the page', async () => {
    await desk.evaluate(() => window.huashuDemo.clearComposer());
    await panel.locator('#phrase-search').fill('');
    await panel.locator('[data-reply-id="hostile.reply"]').first().click();
    await expect
      .poll(() => desk.evaluate(() => window.huashuDemo.editorModelText()), { timeout: 5_000 })
      .toContain('<script>window.__pwned=1</script>');
    await desk.keyboard.type('蓝莓禁语');
    await expect.poll(() => findingCount(browser, desk), { timeout: 5_000 }).toBeGreaterThan(0);
    // The inline layer is a closed shadow root: look into it with the DevTools protocol, as nothing in the page can.
    const cdp = await browser.context.newCDPSession(desk);
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: { nodeName: string; attributes?: string[]; children?: unknown[]; shadowRoots?: unknown[] };
    };
    const hostile: string[] = [];
    const visit = (node: {
      nodeName: string;
      attributes?: string[];
      children?: unknown[];
      shadowRoots?: unknown[];
    }): void => {
      const attributes = node.attributes ?? [];
      if (
        attributes.includes('onerror') ||
        (node.nodeName === 'A' && attributes.some((a) => a.startsWith('javascript:')))
      )
        hostile.push(node.nodeName);
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) visit(child as typeof node);
    };
    visit(root);
    await cdp.detach();
    expect(hostile).toEqual([]);
    expect((await inspect(desk)).pwned).toBeUndefined();
    expect(dialogs).toEqual([]);
  });
});
