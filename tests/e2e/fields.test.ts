// Fields to fill in real Chromium on the demo helpdesk: a reply from the panel goes in with its first field selected, typing fills it, Tab selects the next, and an unfilled field is an error finding until it is filled.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../scripts/serve-demo.ts';
import { buildExtension, launchWithExtension, type ExtensionBrowser } from '../../tools/browser/extension.ts';
import { contentState, insertFromPanel, waitForContentScript } from '../../tools/browser/huashu-state.ts';

let server: DemoServer;
let browser: ExtensionBrowser;

const modelText = (page: Page) => page.evaluate(() => window.huashuDemo.editorModelText());

/** What the agent has selected in the composer: a text field's selection, or the document's. */
const selectedText = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    if (active instanceof HTMLTextAreaElement || active instanceof HTMLInputElement) {
      return active.value.slice(active.selectionStart ?? 0, active.selectionEnd ?? 0);
    }
    return document.getSelection()?.toString() ?? '';
  });

const unfilledFindings = async (page: Page) =>
  ((await contentState(browser, page))?.findings ?? [])
    .filter((finding) => finding.category === 'unfilled_field')
    .map((finding) => finding.match);

beforeAll(async () => {
  await buildExtension();
  [server, browser] = await Promise.all([startDemoServer(), launchWithExtension()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// A browser field, plain rich text, and an editor with its own model (ProseMirror reads the DOM selection).
describe.each(['textarea', 'contenteditable', 'prosemirror'])('fields to fill in a %s composer', (editor) => {
  let desk: Page;

  beforeAll(async () => {
    desk = await browser.context.newPage();
    await desk.goto(`${server.url}?editor=${editor}`);
    await desk.evaluate(() => window.huashuDemo.ready);
    await waitForContentScript(browser, desk);
  });

  afterAll(async () => {
    await desk?.close();
  });

  it('selects the first field, fills it by typing, and Tab goes to the next', async () => {
    await desk.evaluate(() => window.huashuDemo.clearComposer());
    await desk.locator('[data-huashu-demo-composer]').click();
    const result = await insertFromPanel(browser, desk, '退款一般[[天数]]个工作日内到账，请留意[[到账方式]]的通知。');
    expect(result).toMatchObject({ ok: true });
    await expect.poll(() => modelText(desk), { timeout: 5_000 }).toContain('[[天数]]');
    await expect.poll(() => selectedText(desk)).toBe('[[天数]]');
    await expect.poll(() => unfilledFindings(desk)).toEqual(['[[天数]]', '[[到账方式]]']);

    await desk.keyboard.type('3');
    await expect.poll(() => modelText(desk)).toContain('退款一般3个工作日内到账');
    await desk.keyboard.press('Tab');
    await expect.poll(() => selectedText(desk)).toBe('[[到账方式]]');
    await desk.keyboard.type('短信');
    await expect.poll(() => modelText(desk)).toContain('请留意短信的通知。');
    await expect.poll(() => unfilledFindings(desk)).toEqual([]);
  });

  it('puts a default in place and selects it', async () => {
    await desk.evaluate(() => window.huashuDemo.clearComposer());
    await desk.locator('[data-huashu-demo-composer]').click();
    expect(await insertFromPanel(browser, desk, '满[[金额:99|门槛]]元可用')).toMatchObject({ ok: true });
    await expect.poll(() => modelText(desk), { timeout: 5_000 }).toContain('满99元可用');
    await expect.poll(() => selectedText(desk)).toBe('99');
    // A default is a value: nothing is left to fill.
    await expect.poll(() => unfilledFindings(desk)).toEqual([]);
  });

  it('leaves Tab alone when the draft holds no field', async () => {
    await desk.evaluate(() => window.huashuDemo.clearComposer());
    await desk.locator('[data-huashu-demo-composer]').click();
    await desk.keyboard.type('好的');
    await desk.keyboard.press('Tab');
    // The focus left the composer, as Tab does on a page.
    const stillInComposer = await desk.evaluate(() =>
      Boolean(
        document.activeElement?.closest('[data-huashu-demo-composer]') ??
        document.activeElement?.matches('[data-huashu-demo-composer]'),
      ),
    );
    expect(stillInComposer).toBe(false);
  });
});
