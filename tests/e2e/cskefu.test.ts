// 春松客服 (cskefu) in real Chromium: the console page holds the workbench in a frame, the reply box is the real KindEditor 4 (a design-mode iframe); one frame answers the panel.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtension, launchWithExtension, type ExtensionBrowser } from '../../tools/browser/extension.ts';
import { FIXTURE_DIR, fixtureHtml } from '../sites/load-fixture.ts';
import { openPanelFor } from './pages/panel-page.ts';

const KINDEDITOR_DIR = join(FIXTURE_DIR, '..', '..', '..', 'node_modules', 'kindeditor');

/** What index.pug's layout loads and mainagentuser.pug runs: KindEditor takes the textarea#message (Enter sends there). */
const KINDEDITOR_PAGE_SCRIPT = `
<script src="/kindeditor/kindeditor-all-min.js"></script>
<script>
  KindEditor.ready(function (K) {
    window.editor = K.create('#message', {
      height: '160px', width: '100%', items: ['emoticons'], resizeType: 0, newlineTag: 'br',
      afterCreate: function () { window.editorReady = true; },
    });
  });
</script>`;

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.gif': 'image/gif',
};

const CUSTOMER_TEXT = '收到的保温杯是坏的，我要退款';

let server: Server;
let baseUrl: string;
let browser: ExtensionBrowser;

async function serve(path: string): Promise<{ type: string; body: string | Buffer } | null> {
  if (path === '/') return { type: 'text/html', body: fixtureHtml('cskefu-frames/console') };
  if (path === '/agent/index.html')
    return { type: 'text/html', body: fixtureHtml('cskefu').replace('</body>', `${KINDEDITOR_PAGE_SCRIPT}</body>`) };
  // The console's home tab: a frame with nothing to read, which must stay out of the way.
  if (path === '/apps/content.html') return { type: 'text/html', body: '<!DOCTYPE html><p>欢迎使用春松客服</p>' };
  if (path.startsWith('/kindeditor/')) {
    const file = normalize(join(KINDEDITOR_DIR, path.slice('/kindeditor/'.length)));
    if (!file.startsWith(KINDEDITOR_DIR)) return null;
    const body = await readFile(file).catch(() => null);
    return body ? { type: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', body } : null;
  }
  return null;
}

beforeAll(async () => {
  await buildExtension();
  server = createServer((req, res) => {
    void serve(new URL(req.url ?? '/', 'http://x').pathname).then((found) => {
      if (!found) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': `${found.type}; charset=utf-8` }).end(found.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://localhost:${(server.address() as AddressInfo).port}`;
  browser = await launchWithExtension();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function openConsole(): Promise<{ page: Page; workbench: Frame }> {
  const page = await browser.context.newPage();
  await page.goto(`${baseUrl}/`);
  const workbench = page.frame({ name: 'multiMediaDialogWin' });
  if (!workbench) throw new Error('the console has no workbench frame');
  await workbench.waitForFunction(() => (window as unknown as { editorReady?: boolean }).editorReady === true);
  return { page, workbench };
}

/** A customer message as message_tpl.tpl renders one, appended to the open conversation in the workbench frame. */
function receiveCustomerMessage(workbench: Frame, id: string, text: string): Promise<void> {
  return workbench.evaluate(
    ({ id, text }) => {
      const blocks = document.querySelectorAll('#chat_msg_list > .chat-block');
      const template = [...blocks].reverse().find((block) => block.querySelector('.chat-left'))!;
      const copy = template.cloneNode(true) as Element;
      for (const icon of copy.querySelectorAll('.iconclick')) icon.id = id;
      copy.querySelector('.chat-content')!.textContent = text;
      document.querySelector('#chat_msg_list')!.append(copy);
    },
    { id, text },
  );
}

/** The reply box's text as KindEditor itself reports it (its own API, in the page's world). */
function editorText(workbench: Frame): Promise<string> {
  return workbench.evaluate(() => (window as unknown as { editor: { text(): string } }).editor.text());
}

describe('cskefu workbench in the console frame, with KindEditor', () => {
  it('detects the latest customer message in the frame, inserts a reply into KindEditor once, and warns as the agent types there', async () => {
    const { page, workbench } = await openConsole();
    const panel = await openPanelFor(browser, page);
    try {
      await receiveCustomerMessage(workbench, 'msg-e2e-1', CUSTOMER_TEXT);
      // The panel shows the frame's conversation: the top page, which has none, never answers over it.
      await expect
        .poll(() => panel.locator('[data-scenario-id]').first().getAttribute('data-scenario-id', { timeout: 1_000 }), {
          timeout: 15_000,
        })
        .toBe('return_refund');

      const insert = panel.locator('[data-reply-id]').first();
      const replyText = ((await panel.locator('.reply').first().locator('.reply-text').textContent()) ?? '').trim();
      expect(replyText.length).toBeGreaterThan(0);
      await insert.click();
      const firstLine = replyText.split('\n')[0]!.replace(/\s+/gu, '');
      await expect
        .poll(async () => (await editorText(workbench)).replace(/\s+/gu, ''), { timeout: 10_000 })
        .toContain(firstLine);
      const once = (await editorText(workbench)).replace(/\s+/gu, '');
      expect(once.split(firstLine).length - 1).toBe(1);
      // KindEditor's textarea gets the reply when the page syncs before sending, as sendMessage() does.
      const synced = await workbench.evaluate(() => {
        (window as unknown as { editor: { sync(): void } }).editor.sync();
        return (document.querySelector('#message') as HTMLTextAreaElement).value;
      });
      expect(synced.replace(/\s+/gu, '')).toContain(firstLine.slice(0, 8));

      // The agent types a forbidden phrase into the editor frame: the panel warns.
      await workbench.frameLocator('iframe.ke-edit-iframe').locator('body').click();
      await page.keyboard.press('End');
      await page.keyboard.type('我不能帮你处理');
      await expect.poll(() => panel.locator('[data-finding-category]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    } finally {
      await panel.close();
      await page.close();
    }
  });

  it('starts only where there is something to read: the top page and the workbench frame, not the empty home frame', async () => {
    const { page, workbench } = await openConsole();
    try {
      await receiveCustomerMessage(workbench, 'msg-e2e-2', CUSTOMER_TEXT);
      const hosts = (frame: Frame) => frame.evaluate(() => document.querySelectorAll('huashu-root').length);
      await expect.poll(() => hosts(workbench), { timeout: 10_000 }).toBe(1);
      expect(await hosts(page.mainFrame())).toBe(1);
      const home = page.frame({ name: 'maincontent' })!;
      expect(await hosts(home)).toBe(0);
      // Nothing was written into KindEditor's own frame either: it is edited from the workbench frame.
      expect(await workbench.frameLocator('iframe.ke-edit-iframe').locator('huashu-root').count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('hands the panel back to the top page when the workbench frame goes away', async () => {
    const { page, workbench } = await openConsole();
    const panel = await openPanelFor(browser, page);
    try {
      await receiveCustomerMessage(workbench, 'msg-e2e-3', CUSTOMER_TEXT);
      await expect.poll(() => panel.locator('[data-scenario-id]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      // layui's tab close removes the tab's iframe.
      await page.evaluate(() => document.querySelector('#multiMediaDialogWin')?.remove());
      await panel.reload();
      await expect.poll(() => panel.locator('[data-scenario-id]').count(), { timeout: 10_000 }).toBe(0);
      // Answered by the top page (no conversation there), not left unreachable.
      expect(await panel.locator('[data-testid="status-unreachable"]').count()).toBe(0);
    } finally {
      await panel.close();
      await page.close();
    }
  });
});
