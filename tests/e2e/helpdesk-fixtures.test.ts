// Every helpdesk fixture page in real Chromium: a customer message appended in the helpdesk's own markup is detected, notes and system lines never count, drafts are linted (not in note mode), replies land in the composer.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtension, launchWithExtension, type ExtensionBrowser } from '../../tools/browser/extension.ts';
import {
  contentState,
  detectedScenario,
  expansionFallback,
  expansionPicker,
  findingCount,
  latestMessageId,
  patchSettings,
  waitForContentScript,
} from '../../tools/browser/huashu-state.ts';
import { zhCNReplyFallback } from '../../locales/zh-CN.ts';
import { fixtureHtml, fixturePages } from '../sites/load-fixture.ts';

/**
 * How each fixture shows a customer message, a note and a system line, read off the fixture itself: an existing element
 * is cloned (new ids, the time set to now) and given new text. `newestFirst` lists put the new one on top.
 */
interface FixtureShape {
  customer: string;
  text?: string;
  /** A class the helpdesk gives a customer message as it arrives (Zammad's chat-message--new). */
  customerClass?: string;
  note?: string;
  noteText?: string;
  system?: string;
  systemText?: string;
  /** Where a message of a conversation the agent is not looking at goes (Zendesk keeps every open ticket in the DOM). */
  inactiveCustomer?: string;
  newestFirst?: boolean;
  composer?: string;
  /** The composer is in internal-note mode: no findings while typing. */
  noteMode?: boolean;
  /** The reply can be inserted from the panel and read back from the composer's text. */
  insert?: boolean;
}

const SHAPES: Record<string, FixtureShape> = {
  'chatwoot.html': {
    customer: '#message1005',
    text: '.text-content',
    note: '#message1004',
    noteText: '[data-bubble-name]',
    system: '#message1001',
    systemText: '[data-bubble-name="activity"]',
    composer: '.reply-box .ProseMirror',
    insert: true,
  },
  'chatwoot-note.html': {
    customer: '[data-message-id]:is(.justify-start)',
    text: '.text-content',
    composer: '.reply-box .ProseMirror',
    noteMode: true,
  },
  'zammad.html': {
    customer: '#article-70105',
    text: '.richtext-content',
    note: '#article-70103',
    noteText: '.richtext-content',
    system: '#article-70104',
    composer: '.content.active [data-name="body"]',
    insert: true,
  },
  'zammad-note.html': {
    customer: '.content.active .ticket-article-item.customer',
    text: '.richtext-content',
    composer: '.content.active [data-name="body"]',
    noteMode: true,
  },
  // A closed chat and two running ones side by side: the message arrives in the last one, which the agent is not typing
  // in, highlighted as new the way ChatWindow.receiveMessage appends it.
  'zammad-chat.html': {
    customer: '.chat-window:nth-of-type(3) .chat-message--customer',
    customerClass: 'chat-message--new',
    system: '.chat-window:nth-of-type(3) .chat-notice-message',
    composer: '.chat-window:nth-of-type(3) .js-customerChatInput',
    insert: true,
  },
  'freescout.html': {
    customer: '#thread-5306',
    text: '.thread-body',
    note: '#thread-5304',
    noteText: '.thread-body',
    system: '#thread-5305',
    systemText: '.thread-title',
    newestFirst: true,
    composer: '.note-editable',
  },
  'freescout-note.html': {
    customer: '.thread-type-customer',
    text: '.thread-body',
    newestFirst: true,
    composer: '.note-editable',
    noteMode: true,
  },
  'zendesk.html': {
    customer: '[data-is-active="true"] article[data-test-id="omni-log-comment-item"]:has([type="end-user"])',
    text: '[data-test-id="omni-log-message-content"]',
    note: '[data-is-active="true"] article:has([data-test-id="omni-log-internal-note-tag"])',
    noteText: '[data-test-id="omni-log-message-content"]',
    inactiveCustomer: '[data-is-active="false"] article[data-test-id="omni-log-comment-item"]:has([type="end-user"])',
    composer: '[data-is-active="true"] .ck-editor__editable[contenteditable="true"]',
    // A saved page: the editable has no CKEditor instance behind it, so the reply goes in by the plain path.
    insert: true,
  },
  'zendesk-note.html': {
    customer: '[data-is-active="true"] article[data-test-id="omni-log-comment-item"]:has([type="end-user"])',
    text: '[data-test-id="omni-log-message-content"]',
    composer: '[data-is-active="true"] .ck-editor__editable[contenteditable="true"]',
    noteMode: true,
  },
  'crisp.html': {
    customer: '.c-conversation-box-content-message--user',
    text: '.c-conversation-box-content-message-bubble__content',
    note: '.c-conversation-box-content-message--note',
    noteText: '.c-conversation-box-content-message-bubble__content',
    system: '.c-conversation-box-content-message--event',
    composer: '.c-editor-composer__field',
  },
  'crisp-note.html': {
    customer: '.c-conversation-box-content-message--user',
    text: '.c-conversation-box-content-message-bubble__content',
    composer: '.c-editor-composer__field',
    noteMode: true,
  },
  'bytedesk.html': {
    customer: '.MessageList .Message.left[data-type="TEXT"]',
    text: '.Bubble p',
    note: '.Message[data-type="TRANSFER"]',
    noteText: '.CardContent',
    system: '.SystemMessage',
    systemText: '.SystemMessage-inner span',
    composer: '.Composer-inputWrap textarea',
    insert: true,
  },
  // The cskefu workbench page opened alone, as its templates render it before KindEditor starts: the textarea is the
  // reply box (tests/e2e/cskefu.test.ts runs it in the console's frame with the real KindEditor).
  'cskefu.html': {
    customer: '#chat_msg_list > .chat-block:has(.chat-left)',
    text: '.chat-content',
    system: '#chat_msg_list > .connect-begin',
    systemText: '.connect-message',
    composer: '#message',
    insert: true,
  },
  // Two chats in tabs, the second shown: rows go to its #messagesBlock, the textarea is its #CSChatMessage.
  'livehelperchat.html': {
    customer: '#messagesBlock-1202 > .message-row.response',
    text: '.msg-body',
    note: '#messagesBlock-1202 > .whisper-msg',
    noteText: '.msg-body',
    system: '#messagesBlock-1202 > .system-response:not([id])',
    systemText: '.msg-body',
    composer: '#CSChatMessage-1202',
    insert: true,
  },
  'generic-aria.html': {
    customer: '[aria-label="Message from customer"]',
    text: 'span',
    note: '[aria-label="Internal note by agent"]',
    noteText: 'span',
    composer: '.ql-editor',
  },
  'generic-bubbles.html': { customer: '.bubble-left', text: 'p', composer: '.composer-input', insert: true },
  'generic-holdout-styled.html': {
    customer: '.css-a81kd2[style*="flex-start"]',
    text: '.css-0p1q2r',
    system: '.css-t7c0e1',
    composer: '[data-slate-editor]',
  },
  'generic-holdout-zhichi.html': {
    customer: '.msg-row-l',
    text: '.msg-bd',
    system: '.msg-row-c',
    systemText: '.msg-sys',
    composer: '.editor-text',
    insert: true,
  },
  'generic-holdout-livechat.html': {
    customer: '.lc-msg--visitor',
    text: '.lc-msg__text',
    system: '.lc-event',
    composer: '.lc-input',
    insert: true,
  },
  'generic-holdout-meiqia.html': {
    customer: '.mq-item-visitor',
    text: '.mq-content',
    system: '.mq-tip',
    composer: '.mq-editor',
    insert: true,
  },
  'generic-holdout-dataattrs.html': {
    customer: 'li[data-direction="incoming"]',
    text: 'p',
    note: 'li[data-visibility="private"]',
    noteText: 'p',
    composer: '.composer',
    insert: true,
  },
  'generic-legacy-php-table.html': {
    customer: '#transcript tr:nth-child(4)',
    text: 'td:last-child',
    system: '#transcript tr:nth-child(5)',
    systemText: 'td',
    composer: 'textarea[name="message"]',
    insert: true,
  },
  'generic-legacy-visitor-operator.html': {
    customer: '#lines .line:nth-child(6)',
    text: 'span',
    system: '#lines .line:first-child',
    systemText: 'i',
    composer: '#reply',
    insert: true,
  },
  'generic-legacy-blocks.html': {
    customer: '.block-visitor',
    text: '.block-line',
    system: '.block-event',
    composer: '.reply-text',
    insert: true,
  },
  'generic-legacy-zh-kefu.html': {
    customer: '.chat-con .item:nth-child(4)',
    text: '.con',
    system: '.sys-line',
    composer: '#msgInput',
    insert: true,
  },
  'generic-legacy-bootstrap.html': {
    customer: 'ul.chat > li.left',
    text: 'p',
    system: 'ul.chat > li.center',
    systemText: 'small',
    composer: '#btn-input',
    insert: true,
  },
  'generic-newest-first.html': {
    customer: '.message.incoming',
    text: '.body',
    newestFirst: true,
    composer: '#reply',
    insert: true,
  },
  'generic-roles.html': {
    customer: '[data-role="visitor"]',
    text: 'div',
    note: '[data-role="note"]',
    noteText: 'div',
    system: '[data-role="system"]',
    composer: '.reply-input',
    insert: true,
  },
  'generic-table.html': {
    customer: 'tbody tr:nth-child(3)',
    text: 'td:last-child',
    system: 'tbody tr:nth-child(4)',
    systemText: 'td:last-child',
    composer: 'textarea',
  },
  'generic-zh-inhouse.html': {
    customer: '.msg-item:nth-child(5)',
    text: '.msg-text',
    note: '.msg-item:nth-child(4)',
    noteText: '.msg-text',
    system: '.msg-item:nth-child(1)',
    systemText: '.msg-text',
    composer: '.edit-div',
    insert: true,
  },
};

const CUSTOMER_TEXT = '收到的耳机是坏的，我要退款';
// What a note or a system line says must never become the customer's scenario.
const NOT_THE_CUSTOMER = '我的账号被盗了，密码也被改了，快帮我冻结账户';

let server: Server;
let baseUrl: string;
let browser: ExtensionBrowser;
let counter = 0;

/** Clones the last element matching `selector` (or the first, in a newest-first list), with new ids and text, and adds it as the newest. */
async function addLike(
  page: Page,
  selector: string,
  textSelector: string | undefined,
  text: string,
  newestFirst = false,
  className?: string,
): Promise<void> {
  counter += 1;
  await page.evaluate(
    ({ selector, textSelector, text, newestFirst, n, className }) => {
      const all = document.querySelectorAll(selector);
      const template = newestFirst ? all[0] : all[all.length - 1];
      if (!template) throw new Error(`no element matches ${selector}`);
      const copy = template.cloneNode(true) as Element;
      for (const element of [copy, ...copy.querySelectorAll('*')]) {
        for (const attribute of [...element.attributes]) {
          const isId =
            attribute.name === 'id' || (/^data-.*[-_]?id$/u.test(attribute.name) && attribute.name !== 'data-test-id');
          if (isId)
            element.setAttribute(
              attribute.name,
              /^\d+$/u.test(attribute.value) ? String(990000 + n) : `${attribute.value}-new${n}`,
            );
        }
        if (element.localName === 'time')
          element.setAttribute('datetime', new Date(Date.now() + n * 1000).toISOString());
      }
      // Every text holder (Zendesk repeats a message in an aria-hidden copy).
      const targets = textSelector ? [...copy.querySelectorAll(textSelector)] : [copy];
      if (targets.length === 0) throw new Error(`no ${textSelector} inside ${selector}`);
      for (const target of targets) target.textContent = text;
      if (className) copy.classList.add(className);
      if (newestFirst) {
        // On top of the list, before its newest item (whoever wrote it).
        const parent = template.parentElement!;
        const newest = [...parent.children].find((child) => child.localName === template.localName) ?? template;
        newest.before(copy);
      } else {
        const siblings = template.parentElement!.children;
        siblings[siblings.length - 1]!.after(copy);
      }
    },
    { selector, textSelector, text, newestFirst, n: counter, className },
  );
}

// What the content script found, asked from the extension's side (the page can read none of it).
const scenario = (page: Page) => detectedScenario(browser, page);
const latestId = (page: Page) => latestMessageId(browser, page);
const findings = (page: Page) => findingCount(browser, page);
/** A customer message that names no scenario: it takes the scenario of the customer message before it. */
const FOLLOW_UP = '还有呢';

async function openFixture(file: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${baseUrl}/${file}`);
  await waitForContentScript(browser, page, 15_000);
  return page;
}

async function panelFor(page: Page): Promise<Page> {
  const panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
  const tabId = await panel.evaluate(async (url) => {
    const { tabs } = (
      globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } } }
    ).chrome;
    return (await tabs.query({})).find((tab) => tab.url === url)?.id ?? null;
  }, page.url());
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tabId}`);
  await page.bringToFront();
  return panel;
}

beforeAll(async () => {
  await buildExtension();
  // The note variants are derived from their base fixtures, so the pages are served as fixtureHtml gives them.
  const files = new Set(fixturePages());
  server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.slice(1));
    if (!files.has(name)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(fixtureHtml(name.replace(/\.html$/u, '')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://localhost:${(server.address() as AddressInfo).port}`;
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('helpdesk fixture pages in Chromium', () => {
  it('has a shape for every fixture, so a new fixture cannot go untested here', () => {
    const files = fixturePages().filter((name) => name !== 'chatwoot-legacy.html');
    expect(Object.keys(SHAPES).sort()).toEqual(files.sort());
  });

  for (const [file, shape] of Object.entries(SHAPES)) {
    it(`${file}: a new customer message is detected; notes and system lines are not the customer; the draft is ${shape.noteMode ? 'not linted in note mode' : 'linted'}`, async () => {
      const page = await openFixture(file);
      try {
        const before = await latestId(page);
        await addLike(page, shape.customer, shape.text, CUSTOMER_TEXT, shape.newestFirst, shape.customerClass);
        await expect.poll(() => scenario(page), { timeout: 10_000 }).toBe('return_refund');
        const latest = await latestId(page);
        expect(latest).not.toBe(before);

        for (const [selector, textSelector] of [
          [shape.note, shape.noteText],
          [shape.system, shape.systemText],
          [shape.inactiveCustomer, shape.text],
        ] as const) {
          if (!selector) continue;
          await addLike(page, selector, textSelector, NOT_THE_CUSTOMER, shape.newestFirst);
        }
        if (shape.note || shape.system || shape.inactiveCustomer) {
          // A customer follow-up after them: once it is the latest, they were read too. Had one of them counted as the
          // customer's, the follow-up would take its scenario (a stolen account) instead of the refund.
          await addLike(page, shape.customer, shape.text, FOLLOW_UP, shape.newestFirst, shape.customerClass);
          await expect.poll(() => latestId(page), { timeout: 10_000 }).not.toBe(latest);
          expect(await scenario(page)).toBe('return_refund');
        }

        if (shape.composer) {
          await page.locator(shape.composer).first().click();
          await page.keyboard.type('我不能帮你处理');
          if (shape.noteMode) {
            // The draft was read (its length is known) and, being a note, has no findings.
            await expect
              .poll(async () => (await contentState(browser, page))?.draftLength, { timeout: 10_000 })
              .toBeGreaterThanOrEqual('我不能帮你处理'.length);
            expect(await findings(page)).toBe(0);
          } else {
            await expect.poll(() => findings(page), { timeout: 10_000 }).toBeGreaterThan(0);
          }
        }
      } finally {
        await page.close();
      }
    });
  }

  it("zammad-chat.html: moving to another chat's input follows that conversation", async () => {
    const page = await openFixture('zammad-chat.html');
    try {
      await addLike(
        page,
        '.chat-window:nth-of-type(3) .chat-message--customer',
        undefined,
        CUSTOMER_TEXT,
        false,
        'chat-message--new',
      );
      await expect.poll(() => scenario(page), { timeout: 10_000 }).toBe('return_refund');
      const inThird = await latestId(page);
      // The second chat's latest customer message asks about a coupon, not a refund.
      await page.locator('.chat-window:nth-of-type(2) .js-customerChatInput').click();
      await expect.poll(() => latestId(page), { timeout: 10_000 }).toBe('c7f1e2:3');
      expect(inThird).toMatch(/^d9a044:/u);
      expect(await scenario(page)).not.toBe('return_refund');
    } finally {
      await page.close();
    }
  });

  // WXT's content-script context makes an earlier copy of the script stand down when a new one starts in the page.
  it('starts once per page: the content script injected again (as when a site is turned on) leaves one working runtime', async () => {
    const page = await openFixture('generic-bubbles.html');
    try {
      const hosts = () =>
        page.evaluate(() => ({
          runtime: document.querySelectorAll('huashu-root').length,
          all: document.querySelectorAll('huashu-root, huashu-expansion, huashu-picker').length,
        }));
      // One element of ours: the UI host, which draws the underlines and both pickers in its closed root.
      await expect.poll(hosts).toEqual({ runtime: 1, all: 1 });
      const first = await page.$('huashu-root');
      const worker = browser.context.serviceWorkers()[0]!;
      await worker.evaluate(async (url) => {
        const api = (
          globalThis as unknown as {
            chrome: {
              tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
              scripting: { executeScript(i: object): Promise<unknown> };
            };
          }
        ).chrome;
        const tab = (await api.tabs.query({})).find((t) => t.url === url)!;
        await api.scripting.executeScript({ target: { tabId: tab.id }, files: ['/content-scripts/helpdesk.js'] });
      }, page.url());
      // The new copy has started once the earlier one stood down and took its element away.
      await expect.poll(() => first!.evaluate((element) => element.isConnected), { timeout: 10_000 }).toBe(false);
      await expect.poll(hosts).toEqual({ runtime: 1, all: 1 });
      await page.locator('.composer-input').click();
      await page.keyboard.type('我不能帮你处理');
      await expect.poll(() => findings(page), { timeout: 10_000 }).toBe(1);
    } finally {
      await page.close();
    }
  });

  for (const [file, shape] of Object.entries(SHAPES).filter(([, s]) => s.insert)) {
    it(`${file}: a reply clicked in the panel lands in the composer`, async () => {
      const page = await openFixture(file);
      const panel = await panelFor(page);
      try {
        await addLike(page, shape.customer, shape.text, CUSTOMER_TEXT, shape.newestFirst, shape.customerClass);
        const insert = panel.locator('[data-reply-id]').first();
        await insert.waitFor({ timeout: 10_000 });
        const replyText = ((await panel.locator('.reply').first().locator('.reply-text').textContent()) ?? '').trim();
        await page.locator(shape.composer!).first().click();
        await insert.click();
        const composerText = () =>
          page
            .locator(shape.composer!)
            .first()
            .evaluate((node) =>
              'value' in node ? String((node as HTMLTextAreaElement).value) : (node.textContent ?? ''),
            );
        await expect.poll(composerText, { timeout: 10_000 }).toContain(replyText.slice(0, 12));
      } finally {
        await panel.close();
        await page.close();
      }
    });
  }
});

// A saved Zendesk page: CKEditor's markup with no editor instance behind it, so the page bridge finds nothing to write to.
describe('a Zendesk reply box whose editor is out of reach', () => {
  const ZENDESK = SHAPES['zendesk.html']!;
  const composerOf = (page: Page) => page.locator(ZENDESK.composer!).first();
  const composerText = (page: Page) => composerOf(page).evaluate((node) => node.textContent ?? '');
  const noticeOf = (panel: Page) => panel.locator('[data-testid="notice"]');

  /** The first reply the panel offers for a refund message, as its list shows it. */
  async function firstReply(page: Page, panel: Page): Promise<{ text: string; insert: () => Promise<void> }> {
    await addLike(page, ZENDESK.customer, ZENDESK.text, CUSTOMER_TEXT);
    const insert = panel.locator('[data-reply-id]').first();
    await insert.waitFor({ timeout: 10_000 });
    const text = ((await panel.locator('.reply').first().locator('.reply-text').textContent()) ?? '').trim();
    return { text, insert: () => insert.click() };
  }

  /**
   * Makes the reply box undo every change but the characters the agent types, the way a page redraws its box from a
   * model Huashu cannot reach: no path gets a reply in (Enter, which picks a `;;` reply, is not a character).
   */
  async function makeStubborn(page: Page): Promise<void> {
    await page.evaluate((selector) => {
      const box = document.querySelector(selector)!;
      let kept = box.innerHTML;
      let typing = false;
      const isCharacter = (event: KeyboardEvent) => event.isTrusted && event.key.length === 1;
      document.addEventListener('keydown', (event) => void (typing = isCharacter(event)), true);
      document.addEventListener(
        'keyup',
        (event) => {
          if (!isCharacter(event)) return;
          typing = false;
          kept = box.innerHTML;
        },
        true,
      );
      new MutationObserver(() => {
        if (!typing && box.innerHTML !== kept) box.innerHTML = kept;
      }).observe(box, { childList: true, subtree: true, characterData: true });
    }, ZENDESK.composer!);
  }

  /** The clipboard read back through the helpdesk page (the browser grants no permission to an extension's origin). */
  async function clipboardOf(page: Page): Promise<string> {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    return page.evaluate(() => navigator.clipboard.readText());
  }

  it('takes a reply clicked in the panel by the plain path, once, and reads and lints the draft after it', async () => {
    const page = await openFixture('zendesk.html');
    const panel = await panelFor(page);
    try {
      const reply = await firstReply(page, panel);
      await composerOf(page).click();
      await page.keyboard.type('我不能帮你处理');
      await expect.poll(() => findings(page), { timeout: 10_000 }).toBeGreaterThan(0);
      await reply.insert();
      await expect.poll(() => noticeOf(panel).textContent(), { timeout: 10_000 }).toBe('Inserted.');
      const text = await composerText(page);
      expect(text.startsWith('我不能帮你处理')).toBe(true);
      // In once: the paths that did nothing were not followed by one that doubled it.
      expect(text.split(reply.text.slice(0, 12)).length - 1).toBe(1);
      // The draft the content script holds is the one with the reply in it, and it was linted again.
      await expect
        .poll(async () => (await contentState(browser, page))?.draftLength, { timeout: 10_000 })
        .toBe(text.length);
      expect(await findings(page)).toBeGreaterThan(0);
    } finally {
      await panel.close();
      await page.close();
    }
  });

  it('says so in the agent’s language when no path works, and puts the reply on the clipboard', async () => {
    await patchSettings(browser, { uiLanguage: 'zh-CN' });
    const page = await openFixture('zendesk.html');
    const panel = await panelFor(page);
    try {
      const reply = await firstReply(page, panel);
      await clipboardOf(page);
      await page.evaluate(() => navigator.clipboard.writeText('before'));
      await makeStubborn(page);
      await composerOf(page).click();
      await reply.insert();
      await expect
        .poll(() => noticeOf(panel).textContent(), { timeout: 10_000 })
        .toBe(zhCNReplyFallback.insertFailedCopied);
      expect(await composerText(page)).toBe('');
      expect((await clipboardOf(page)).startsWith(reply.text.slice(0, 12))).toBe(true);
      expect(await panel.locator('[data-testid="notice-detail"]').count()).toBe(0);
    } finally {
      await patchSettings(browser, { uiLanguage: 'auto' });
      await panel.close();
      await page.close();
    }
  });

  it('shows the reply to copy by hand when the clipboard refuses it too', async () => {
    const page = await openFixture('zendesk.html');
    const panel = await panelFor(page);
    try {
      const reply = await firstReply(page, panel);
      await makeStubborn(page);
      // Neither side may write: the page loses the focus to the panel, and the panel's clipboard refuses.
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: false });
      await panel.bringToFront();
      await expect.poll(() => page.evaluate(() => document.hasFocus())).toBe(false);
      await panel.evaluate(() => {
        Object.defineProperty(navigator, 'clipboard', {
          value: { writeText: () => Promise.reject(new DOMException('refused', 'NotAllowedError')) },
        });
      });
      await reply.insert();
      await expect
        .poll(() => noticeOf(panel).locator('.banner-body').first().innerText(), { timeout: 10_000 })
        .toContain('copying failed too');
      expect(await panel.locator('[data-testid="notice-detail"]').textContent()).toBe(reply.text);
    } finally {
      await panel.close();
      await page.close();
    }
  });

  it('a ;; pick that cannot go in is copied, and the page says so where the picker was', async () => {
    const page = await openFixture('zendesk.html');
    try {
      await addLike(page, ZENDESK.customer, ZENDESK.text, CUSTOMER_TEXT);
      await makeStubborn(page);
      await composerOf(page).click();
      await page.keyboard.type(';;tk');
      await expect.poll(async () => (await expansionPicker(page)).open, { timeout: 10_000 }).toBe(true);
      await page.keyboard.press('Enter');
      await expect.poll(() => expansionFallback(page), { timeout: 10_000 }).toBe('copied');
      expect(await composerText(page)).toBe(';;tk');
      const copied = await clipboardOf(page);
      // The refund reply as insertion would have written it: variables filled, a field without a default as [[name]].
      expect(copied).toMatch(/退/u);
      expect(copied).not.toMatch(/\{\w+\}|;;/u);
    } finally {
      await page.close();
    }
  });
});
