// The content script in real Chromium with the built extension on the demo helpdesk: customer message → scenario, draft → findings, panel → insert.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../scripts/serve-demo.ts';
import { buildExtension, launchWithExtension, type ExtensionBrowser } from '../../tools/browser/extension.ts';
import {
  contentState,
  detectedScenario,
  findingCount,
  latestMessageId,
  shadowBoxesOfClass,
  waitForContentScript,
} from '../../tools/browser/huashu-state.ts';
import type { InsertResult } from '../../utils/messaging.ts';

let server: DemoServer;
let browser: ExtensionBrowser;
let desk: Page;
const pageErrors: string[] = [];

// What the content script holds, asked from the extension's side (the page itself can read none of it).
const scenarioOf = (page: Page) => detectedScenario(browser, page);
const latestOf = (page: Page) => latestMessageId(browser, page);
const findingsOf = (page: Page) => findingCount(browser, page);

async function openDesk(query: string): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}${query}`);
  await page.evaluate(() => window.huashuDemo.ready);
  await page.locator('huashu-root').waitFor({ state: 'attached', timeout: 10_000 });
  await waitForContentScript(browser, page);
  await page.evaluate(() => window.huashuDemo.clear());
  return page;
}

beforeAll(async () => {
  await buildExtension();
  [server, browser] = await Promise.all([startDemoServer(), launchWithExtension()]);
  desk = await openDesk('?editor=textarea');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('content script on the demo helpdesk', () => {
  it('detects the scenario of a new customer message', async () => {
    const id = await desk.evaluate(() => window.huashuDemo.addMessage('customer', '我要退款'));
    await expect.poll(() => scenarioOf(desk), { timeout: 10_000 }).toBe('return_refund');
    expect(await latestOf(desk)).toBe(id);
  });

  it('reads the emotion of a message with the cue lists the background published (left out of this script)', async () => {
    await desk.evaluate(() => window.huashuDemo.addMessage('customer', '呵呵 真是谢谢你们了 又寄错了'));
    await expect
      .poll(async () => (await contentState(browser, desk))?.latest?.detection.emotion, { timeout: 10_000 })
      .toBe('angry');
  });

  it('never takes a note, a system line or an agent reply for the customer', async () => {
    const customerId = await desk.evaluate(() =>
      window.huashuDemo.addMessage('customer', '收到的鞋子是坏的，我要退款'),
    );
    await expect.poll(() => latestOf(desk)).toBe(customerId);
    await desk.evaluate(() => {
      window.huashuDemo.addMessage('note', '客户说要投诉你们的快递太慢了，怎么还没发货');
      window.huashuDemo.addMessage('system', '会话已转接给 客服·小美');
      window.huashuDemo.addMessage('agent', '您好，请问有什么可以帮您？');
    });
    // A customer message after them, which names no scenario: once it is the latest, the three before it were read too.
    // Had the note counted as the customer's, the follow-up would take its scenario (a complaint about shipping).
    const followUpId = await desk.evaluate(() => window.huashuDemo.addMessage('customer', '还有呢'));
    await expect.poll(() => latestOf(desk), { timeout: 10_000 }).toBe(followUpId);
    expect(await scenarioOf(desk)).toBe('return_refund');
  });

  it('lets the earlier customer message decide a follow-up that names no scenario', async () => {
    await desk.evaluate(() => window.huashuDemo.addMessage('customer', '我的快递一个星期了还没到'));
    await expect.poll(() => scenarioOf(desk)).toBe('shipping_delay');
    const followUpId = await desk.evaluate(() => window.huashuDemo.addMessage('customer', '还有呢'));
    await expect.poll(() => latestOf(desk)).toBe(followUpId);
    expect(await scenarioOf(desk)).toBe('shipping_delay');
  });

  it('counts findings while the agent types a forbidden phrase into the textarea', async () => {
    await desk.evaluate(() => window.huashuDemo.clearComposer());
    await desk.locator('[data-huashu-demo-composer]').click();
    await desk.keyboard.type('我不能帮您');
    await expect.poll(() => findingsOf(desk), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    await desk.evaluate(() => window.huashuDemo.clearComposer());
    await desk.locator('[data-huashu-demo-composer]').press('End');
    await desk.keyboard.type('好的');
    await expect.poll(() => findingsOf(desk)).toBe(0);
  });

  it('warns on a kind of phrase no rule lists, read by the learned reader in the page', async () => {
    await desk.evaluate(() => window.huashuDemo.clearComposer());
    await desk.locator('[data-huashu-demo-composer]').click();
    const draft = '退货的事你得去问仓库，我这边只负责咨询';
    await desk.keyboard.type(draft);
    await expect
      .poll(async () => (await contentState(browser, desk))?.findings.map((f) => f.ruleId), { timeout: 10_000 })
      .toContain('learned.shirking');
    const finding = (await contentState(browser, desk))!.findings.find((f) => f.ruleId === 'learned.shirking')!;
    expect(finding.severity).toBe('warning');
    expect(draft.slice(finding.start, finding.end)).toBe(finding.match);
    await desk.evaluate(() => window.huashuDemo.clearComposer());
    await desk.locator('[data-huashu-demo-composer]').press('End');
    await desk.keyboard.type('好的，我帮您联系仓库同事，今天给您答复');
    await expect.poll(() => findingsOf(desk)).toBe(0);
  });

  it('does not lint a draft written as an internal note, and lints it again back in reply mode', async () => {
    await desk.evaluate(() => window.huashuDemo.clearComposer());
    await desk.locator('.composer__mode[data-mode="note"]').click();
    await desk.locator('[data-huashu-demo-composer]').click();
    await desk.keyboard.type('我不能帮您');
    // The draft was read (its length is known) in note mode, and nothing was found in it.
    await expect
      .poll(
        async () => {
          const state = await contentState(browser, desk);
          return state && { noteMode: state.noteMode, draftLength: state.draftLength };
        },
        { timeout: 10_000 },
      )
      .toEqual({ noteMode: true, draftLength: '我不能帮您'.length });
    expect(await findingsOf(desk)).toBe(0);
    await desk.locator('.composer__mode[data-mode="reply"]').click();
    await expect.poll(() => findingsOf(desk), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    await desk.evaluate(() => window.huashuDemo.clearComposer());
  });

  it('waits for an IME composition to end before it lints', async () => {
    await desk.evaluate(() => window.huashuDemo.clearComposer());
    await desk.locator('[data-huashu-demo-composer]').click();
    await desk.keyboard.type('ok');
    await expect.poll(() => findingsOf(desk)).toBe(0);
    await expect.poll(async () => (await contentState(browser, desk))?.draftLength).toBe(2);
    const cdp = await desk.context().newCDPSession(desk);
    try {
      // The candidate text shows the phrase while the agent is still choosing characters.
      await cdp.send('Input.imeSetComposition', { text: 'wobuneng', selectionStart: 8, selectionEnd: 8 });
      await cdp.send('Input.imeSetComposition', { text: '我不能', selectionStart: 3, selectionEnd: 3 });
      expect(await desk.locator('[data-huashu-demo-composer]').inputValue()).toContain('我不能');
      // The lint of an input waits for the next animation frame; once two frames of the page have passed, it ran if it
      // was ever scheduled. The draft the content script knows is still the one from before the composition.
      await desk.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const during = await contentState(browser, desk);
      expect(during?.draftLength).toBe(2);
      expect(during?.findings).toEqual([]);
      await cdp.send('Input.insertText', { text: '我不能' });
      await expect.poll(() => findingsOf(desk), { timeout: 5_000 }).toBeGreaterThanOrEqual(1);
      expect((await contentState(browser, desk))?.draftLength).toBe('ok我不能'.length);
    } finally {
      await cdp.detach();
    }
  });

  it('underlines findings in a textarea, under the phrase itself, measured on a mirror in our own root', async () => {
    await desk.evaluate(() => window.huashuDemo.clearComposer());
    await desk.locator('[data-huashu-demo-composer]').click();
    await desk.keyboard.type('好的好的好的，这个不归我管');
    await expect
      .poll(async () => (await shadowBoxesOfClass(desk, 'underline')).length, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(1);
    const [underline] = await shadowBoxesOfClass(desk, 'underline');
    const composerBox = (await desk.locator('[data-huashu-demo-composer]').boundingBox())!;
    // Where the phrase is: after the six characters and the comma typed before it, on the text's line, inside the field.
    const charWidth = await desk.evaluate(() => {
      const field = document.querySelector('[data-huashu-demo-composer]') as HTMLTextAreaElement;
      return parseFloat(getComputedStyle(field).fontSize);
    });
    expect(underline!.x).toBeGreaterThan(composerBox.x + 5 * charWidth);
    expect(underline!.width).toBeGreaterThan(3 * charWidth);
    expect(underline!.y).toBeGreaterThan(composerBox.y);
    expect(underline!.y).toBeLessThan(composerBox.y + composerBox.height);
    // Nothing was added to the page for the measuring.
    expect(await desk.evaluate(() => document.body.innerText.includes('好的好的好的，这个不归我管'))).toBe(false);
    await desk.evaluate(() => window.huashuDemo.clearComposer());
  });

  it('underlines findings in a rich editor and applies the suggestion from the overlay', async () => {
    const rich = await openDesk('?editor=contenteditable');
    await rich.locator('[data-huashu-demo-composer]').click();
    await rich.keyboard.type('这个不归我管');
    await expect.poll(() => findingsOf(rich), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    // The host editor's DOM carries nothing of ours: not inside it, and no attribute on the editor element itself.
    const editor = await rich.evaluate(() => {
      const element = document.querySelector('[data-huashu-demo-composer]')!;
      return { attributes: element.getAttributeNames(), outerHTML: element.outerHTML };
    });
    expect(editor.attributes.filter((name) => name !== 'data-huashu-demo-composer' && /huashu/i.test(name))).toEqual(
      [],
    );
    expect(editor.outerHTML.replaceAll('data-huashu-demo-composer', '')).not.toMatch(/huashu/i);
    await expect.poll(async () => (await shadowBoxesOfClass(rich, 'underline')).length).toBeGreaterThanOrEqual(1);
    const [underline] = await shadowBoxesOfClass(rich, 'underline');
    const composerBox = (await rich.locator('[data-huashu-demo-composer]').boundingBox())!;
    // Under the typed text, inside the composer.
    expect(underline!.width).toBeGreaterThan(10);
    expect(underline!.y).toBeGreaterThan(composerBox.y);
    expect(underline!.y).toBeLessThan(composerBox.y + composerBox.height);
    expect((await shadowBoxesOfClass(rich, 'badge')).length).toBe(1);
    const before = await rich.evaluate(() => window.huashuDemo.editorModelText());
    await rich.mouse.move(underline!.x + underline!.width / 2, underline!.y + 1);
    await expect.poll(async () => (await shadowBoxesOfClass(rich, 'detail-apply')).length).toBeGreaterThanOrEqual(1);
    const [apply] = await shadowBoxesOfClass(rich, 'detail-apply');
    await rich.mouse.move(apply!.x + 2, apply!.y + apply!.height / 2, { steps: 4 });
    await rich.mouse.click(apply!.x + 2, apply!.y + apply!.height / 2);
    await expect.poll(() => rich.evaluate(() => window.huashuDemo.editorModelText())).not.toBe(before);
    expect(await rich.evaluate(() => window.huashuDemo.editorModelText())).not.toContain('不归我管');
    await rich.close();
  });

  it('inserts a reply sent from the panel page into the composer', async () => {
    await desk.evaluate(() => window.huashuDemo.clearComposer());
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    const result = await panel.evaluate(async (url) => {
      type Tab = { id?: number; url?: string };
      const chromeApi = (
        globalThis as unknown as {
          chrome: {
            tabs: {
              query(filter: object): Promise<Tab[]>;
              sendMessage(tabId: number, message: unknown): Promise<unknown>;
            };
          };
        }
      ).chrome;
      const tab = (await chromeApi.tabs.query({})).find((t) => t.url === url);
      if (tab?.id === undefined) return { error: 'no tab' };
      // The wire format of @webext-core/messaging, as the panel's panelToContent.sendMessage produces it.
      const message = {
        id: 1,
        type: 'insertReply',
        data: { text: '亲，这边马上为您处理退款。' },
        timestamp: Date.now(),
      };
      return chromeApi.tabs.sendMessage(tab.id, message);
    }, desk.url());
    expect(result).toMatchObject({ res: { ok: true } satisfies InsertResult });
    await expect
      .poll(() => desk.evaluate(() => window.huashuDemo.editorModelText()))
      .toContain('亲，这边马上为您处理退款。');
    await panel.close();
  });

  it('follows the agent to another conversation (the list is refilled in place)', async () => {
    const target = await desk.evaluate(() => {
      const items = [...document.querySelectorAll<HTMLElement>('.conversation-item')];
      const other = items.find((item) => !item.classList.contains('is-active'))!;
      other.click();
      return other.dataset.conversationId!;
    });
    await expect.poll(() => latestOf(desk)).toMatch(new RegExp(`^${target}-m`));
  });

  it('follows a move between conversations made by history.pushState and by Back', async () => {
    const before = await desk.evaluate(
      () => document.querySelector<HTMLElement>('#conversation')!.dataset.conversationId!,
    );
    const target = await desk.evaluate(() => {
      const other = [...document.querySelectorAll<HTMLElement>('.conversation-item')].find(
        (item) => !item.classList.contains('is-active'),
      )!;
      other.click();
      return other.dataset.conversationId!;
    });
    expect(new URL(desk.url()).searchParams.get('conversation')).toBe(target);
    await expect.poll(() => latestOf(desk)).toMatch(new RegExp(`^${target}-m`));
    await desk.goBack();
    expect(
      await desk.evaluate(() => document.querySelector<HTMLElement>('#conversation')!.dataset.conversationId),
    ).toBe(before);
    await expect.poll(() => latestOf(desk)).toMatch(new RegExp(`^${before}-m`));
  });

  it('left the page without errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
