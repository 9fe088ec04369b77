// The conversation checklist in real Chromium on the demo helpdesk: items tick as the agent's replies are sent, a forbidden phrase sent costs its points.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../scripts/serve-demo.ts';
import { buildExtension, launchWithExtension } from '../../tools/browser/extension.ts';
import { openPanelFor } from './pages/panel-page.ts';

let server: DemoServer;
let browser: { context: BrowserContext; extensionId: string; close(): Promise<void> };
let desk: Page;
let panel: Page;

const stateOf = (id: string) => panel.locator(`[data-checklist-item="${id}"]`).getAttribute('data-state');
const score = () => panel.locator('[data-checklist-score]').getAttribute('data-checklist-score');

beforeAll(async () => {
  await buildExtension();
  [server, browser] = await Promise.all([startDemoServer(), launchWithExtension()]);
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

describe('the conversation checklist in the panel', () => {
  it('lists the items open once the customer writes, before any reply', async () => {
    await desk.evaluate(() => window.huashuDemo.addMessage('customer', '你们这什么服务啊，等了三天没人管，我要投诉'));
    await panel.locator('[data-testid="checklist"]').waitFor({ timeout: 10_000 });
    expect(await stateOf('greeting')).toBe('open');
    expect(await stateOf('apology')).toBe('open');
    expect(await score()).toBe('100');
  });

  it('ticks the greeting, the apology and the first reply time when the agent sends a reply through the helpdesk', async () => {
    await desk.locator('[data-huashu-demo-composer]').click();
    await desk.keyboard.type('您好，非常抱歉让您久等了，我马上帮您查一下处理进度。');
    await desk.locator('#send-button').click();
    await expect.poll(() => stateOf('greeting'), { timeout: 10_000 }).toBe('met');
    expect(await stateOf('apology')).toBe('met');
    expect(await stateOf('first-reply-time')).toBe('met');
    expect(await stateOf('no-forbidden')).toBe('met');
    expect(await stateOf('closing')).toBe('open');
    expect(await score()).toBe('100');
  });

  it('takes off the points of a forbidden phrase once a reply holding one is sent, and keeps them off', async () => {
    await desk.evaluate(() => window.huashuDemo.addMessage('agent', '这个事情不归我管，你找别人吧'));
    await expect.poll(() => stateOf('no-forbidden'), { timeout: 10_000 }).toBe('missed');
    expect(await score()).toBe('80');
    await desk.evaluate(() => window.huashuDemo.addMessage('customer', '你说什么？？'));
    await desk.evaluate(() =>
      window.huashuDemo.addMessage('agent', '不好意思，这边已经帮您登记了，还有什么可以帮您的吗？'),
    );
    // A later, polite reply (it closes the conversation) does not give the points back: the phrase was sent.
    await expect.poll(() => stateOf('closing'), { timeout: 10_000 }).toBe('met');
    expect(await stateOf('no-forbidden')).toBe('missed');
    expect(await panel.locator('[data-checklist-item="no-forbidden"] .checklist-lost').textContent()).toContain('20');
    expect(await score()).toBe('80');
  });

  it('starts again, untimed, when the agent opens another conversation', async () => {
    await desk.evaluate(() => window.huashuDemo.clear());
    await desk.evaluate(() => window.huashuDemo.addMessage('customer', '请问这款有蓝色的吗'));
    await expect.poll(() => stateOf('no-forbidden'), { timeout: 10_000 }).toBe('open');
    expect(await score()).toBe('100');
  });
});
