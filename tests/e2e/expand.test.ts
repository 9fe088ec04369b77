// The `;;` picker in real Chromium with the built extension on the demo helpdesk: typed keys open it, Enter inserts through the editor's own model, Esc closes, Ctrl+Z undoes.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../scripts/serve-demo.ts';
import { buildExtension, launchWithExtension, type ExtensionBrowser } from '../../tools/browser/extension.ts';
import { expansionPicker, shadowBoxes, waitForContentScript, type Box } from '../../tools/browser/huashu-state.ts';

let server: DemoServer;
let browser: ExtensionBrowser;
const pageErrors: string[] = [];

// The picker as drawn in its closed root, read through the DevTools protocol (the page sees none of it).
const pickerOpen = async (page: Page) => (await expansionPicker(page)).open;
const replyKeys = async (page: Page) => (await expansionPicker(page)).keys.join(' ');
const activeKey = async (page: Page) => (await expansionPicker(page)).activeKey;

const modelText = (page: Page) => page.evaluate(() => window.huashuDemo.editorModelText());

async function openDesk(editor: string): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}?editor=${editor}`);
  await page.evaluate(() => window.huashuDemo.ready);
  await page.locator('huashu-root').waitFor({ state: 'attached', timeout: 10_000 });
  await waitForContentScript(browser, page);
  await page.evaluate(() => window.huashuDemo.clear());
  await page.evaluate(() => window.huashuDemo.clearComposer());
  return page;
}

beforeAll(async () => {
  await buildExtension();
  [server, browser] = await Promise.all([startDemoServer(), launchWithExtension()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// Textarea: the browser's own field; contenteditable: plain rich text; ProseMirror: an editor with its own model and history.
describe.each(['textarea', 'contenteditable', 'prosemirror'])('the ;; picker in a %s composer', (editor) => {
  let desk: Page;

  beforeAll(async () => {
    desk = await openDesk(editor);
  });

  afterAll(async () => {
    await desk?.close();
  });

  it('opens on ;;tk with refund replies, and Enter puts the reply in the editor model in place of ;;tk', async () => {
    await desk.locator('[data-huashu-demo-composer]').click();
    await desk.keyboard.type('您好 ;;tk');
    await expect.poll(() => pickerOpen(desk), { timeout: 10_000 }).toBe(true);
    const keys = (await replyKeys(desk)).split(' ');
    expect(keys.length).toBeGreaterThan(0);
    expect(keys[0]).toMatch(/^return_refund:/u);
    // ↓ moves the highlight, ↑ brings it back: the first (best) reply is the one inserted.
    if (keys.length > 1) {
      await desk.keyboard.press('ArrowDown');
      await expect.poll(() => activeKey(desk)).toBe(keys[1]);
      await desk.keyboard.press('ArrowUp');
    }
    await expect.poll(() => activeKey(desk)).toBe(keys[0]);
    await desk.keyboard.press('Enter');
    await expect.poll(() => modelText(desk), { timeout: 5_000 }).toMatch(/^您好 .*退/u);
    const inserted = await modelText(desk);
    expect(inserted).not.toContain(';;');
    expect(inserted.length).toBeGreaterThan('您好 '.length + 4);
    expect(await pickerOpen(desk)).toBe(false);
    // Enter went to the picker, not to the helpdesk (which sends on Enter in some setups) or a new line.
    expect(inserted).not.toMatch(/\n$/u);

    // Ctrl+Z takes the insertion back (the editor saw it as an edit of its own).
    await desk.keyboard.press('Control+z');
    await expect.poll(() => modelText(desk), { timeout: 5_000 }).not.toBe(inserted);
    expect((await modelText(desk)).includes(inserted.slice('您好 '.length))).toBe(false);
  });

  it('Esc closes and leaves the typed text; typing on does not reopen it on the same trigger', async () => {
    await desk.evaluate(() => window.huashuDemo.clearComposer());
    await desk.locator('[data-huashu-demo-composer]').click();
    await desk.keyboard.type(';;tk');
    await expect.poll(() => pickerOpen(desk), { timeout: 10_000 }).toBe(true);
    await desk.keyboard.press('Escape');
    expect(await pickerOpen(desk)).toBe(false);
    await desk.keyboard.type('x');
    await expect.poll(() => modelText(desk)).toBe(';;tkx');
    expect(await pickerOpen(desk)).toBe(false);
  });

  it('a click on a row inserts that reply; a trigger inside a word opens nothing', async () => {
    await desk.evaluate(() => window.huashuDemo.clearComposer());
    await desk.locator('[data-huashu-demo-composer]').click();
    // The query is read and the picker drawn within each key's input event: right after the trigger is where it would
    // (wrongly) be open. The same typing at the start of a word opens it just below, so the engine is there.
    await desk.keyboard.type('http://a;;');
    await expect.poll(() => modelText(desk)).toBe('http://a;;');
    expect(await pickerOpen(desk)).toBe(false);
    await desk.keyboard.type('b ');
    expect(await pickerOpen(desk)).toBe(false);
    await desk.evaluate(() => window.huashuDemo.clearComposer());
    await desk.locator('[data-huashu-demo-composer]').click();
    await desk.keyboard.type(';;');
    await expect.poll(() => pickerOpen(desk), { timeout: 10_000 }).toBe(true);
    // The list settles once the first search has built its index and the detected scenario is known: click after that,
    // as a person would, not while the rows are being drawn again.
    let keys = await replyKeys(desk);
    for (let settled = 0; settled < 2;) {
      await desk.waitForTimeout(100);
      const now = await replyKeys(desk);
      settled = now === keys ? settled + 1 : 0;
      keys = now;
    }
    const second = keys.split(' ')[1] ?? null;
    expect(second).not.toBeNull();
    const box = await pickerBox(desk);
    // The picker opens at the composer (below or above the caret), inside the viewport.
    expect(box.width).toBeGreaterThan(100);
    // The second row: rows are the same height, the first starts at the list's top padding.
    const row = await rowBox(desk, 1);
    await desk.mouse.click(row.x + 20, row.y + row.height / 2);
    await expect.poll(() => pickerOpen(desk)).toBe(false);
    // The picker closes first, then the editor takes the reply (asynchronously for some editors): wait for the model.
    await expect.poll(() => modelText(desk), { timeout: 5_000 }).not.toContain(';;');
    const text = await modelText(desk);
    expect(text.trim().length).toBeGreaterThan(4);
  });
});

describe('with a Chinese input method', () => {
  it('reads the query only after compositionend: the pinyin being composed opens nothing, the committed 退款 does', async () => {
    const desk = await openDesk('textarea');
    const cdp = await desk.context().newCDPSession(desk);
    try {
      await desk.locator('[data-huashu-demo-composer]').click();
      await desk.keyboard.type(';;');
      await expect.poll(() => pickerOpen(desk), { timeout: 10_000 }).toBe(true);
      const before = await replyKeys(desk);
      // What an IME does: composition text (the pinyin as typed) first, the characters on commit.
      await cdp.send('Input.imeSetComposition', { text: 'tui', selectionStart: 3, selectionEnd: 3 });
      await cdp.send('Input.imeSetComposition', { text: 'tuikuan', selectionStart: 7, selectionEnd: 7 });
      // Mid-composition the list is the one for ";;" alone: the composing text was not read as a query.
      expect(await replyKeys(desk)).toBe(before);
      await cdp.send('Input.insertText', { text: '退款' });
      await expect.poll(() => desk.locator('[data-huashu-demo-composer]').inputValue()).toBe(';;退款');
      await expect.poll(() => replyKeys(desk), { timeout: 5_000 }).not.toBe(before);
      const keys = (await replyKeys(desk)).split(' ');
      expect(keys[0]).toMatch(/^return_refund:/u);
      await desk.keyboard.press('Tab');
      await expect.poll(() => modelText(desk), { timeout: 5_000 }).toContain('退');
      expect(await modelText(desk)).not.toContain(';;');
    } finally {
      await cdp.detach();
      await desk.close();
    }
  });
});

describe('across the session', () => {
  it('threw nothing on the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});

async function pickerBox(page: Page): Promise<Box> {
  const [box] = await shadowBoxes(page, (attributes) => attributes.includes('data-expansion-picker'));
  if (!box) throw new Error('the picker is not in the page');
  return box;
}

async function rowBox(page: Page, index: number): Promise<Box> {
  const rows = await shadowBoxes(
    page,
    (attributes) => attributes.includes('role') && attributes[attributes.indexOf('role') + 1] === 'option',
  );
  const row = rows[index];
  if (!row) throw new Error(`the picker has no row ${index}`);
  return row;
}
