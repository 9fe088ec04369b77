// The Firefox build in a real Firefox (ESR): content script on the demo helpdesk, the sidebar page, insertion and draft findings.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../scripts/serve-demo.ts';
import { buildFirefoxExtension } from '../../tools/browser/extension.ts';
import { launchFirefoxWithExtension, pollInPage, type FirefoxWithExtension } from '../../tools/browser/firefox.ts';

let server: DemoServer;
let firefox: FirefoxWithExtension;
let desk: Page;
let panel: Page;

beforeAll(async () => {
  const dir = await buildFirefoxExtension();
  [server, firefox] = await Promise.all([startDemoServer(), launchFirefoxWithExtension(dir)]);
  desk = await firefox.browser.newPage();
  await desk.goto(`${server.url}?editor=textarea`);
  await desk.evaluate(() => window.huashuDemo.ready);
  await desk.waitForSelector('huashu-root', { timeout: 15_000 });
  await desk.evaluate(() => window.huashuDemo.clear());
  // The sidebar's page, pinned to the demo tab as `?tab=` does for a pop-out window.
  panel = await firefox.openExtensionPage('sidepanel.html');
  const deskUrl = desk.url();
  const tabId = await panel.evaluate(async (url) => {
    const tabsApi = (
      globalThis as unknown as {
        browser: { tabs: { query(filter: object): Promise<{ id?: number; url?: string }[]> } };
      }
    ).browser.tabs;
    return (await tabsApi.query({})).find((tab) => tab.url === url)?.id ?? null;
  }, deskUrl);
  expect(tabId, `no tab found for ${deskUrl}`).not.toBeNull();
  await panel.evaluate((id) => {
    location.search = `?tab=${id}`;
  }, tabId);
  await pollInPage(panel, () => location.search.startsWith('?tab='), 'the panel to follow the demo tab');
}, 180_000);

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

describe('Huashu in Firefox', () => {
  it('detects the scenario of a new customer message and shows it in the sidebar page', async () => {
    await desk.evaluate(() => window.huashuDemo.addMessage('customer', '收到的鞋子是坏的，我要退款'));
    const best = await pollInPage(
      panel,
      () => document.querySelector('[data-scenario-id]')?.getAttribute('data-scenario-id'),
      'a scenario',
    );
    expect(best).toBe('return_refund');
  });

  it('inserts a reply into the composer with one click', async () => {
    const replyText = await pollInPage(
      panel,
      () => document.querySelector('.reply .reply-text')?.textContent ?? '',
      'a reply',
    );
    await panel.evaluate(() => (document.querySelector('[data-reply-id]') as HTMLElement).click());
    await pollInPage(desk, () => window.huashuDemo.editorModelText().length > 0, 'the composer to receive the reply');
    expect(await desk.evaluate(() => window.huashuDemo.editorModelText())).toContain(replyText);
  });

  it('warns inline and in the sidebar while the agent types a forbidden phrase', async () => {
    await desk.evaluate(() => window.huashuDemo.clearComposer());
    await desk.focus('textarea');
    await desk.keyboard.type('这个不归我管');
    const categories = await pollInPage(
      panel,
      () =>
        [...document.querySelectorAll('[data-finding-category]')]
          .map((el) => el.getAttribute('data-finding-category'))
          .join(','),
      'a finding in the sidebar',
    );
    expect(categories).toContain('shirking');
    // The inline badge lives in a closed shadow root and its host says nothing: ask the content script, as the sidebar does.
    const count = await pollInPage(
      panel,
      async () => {
        type Answer = { res?: { findings: unknown[] } } | undefined;
        const { tabs } = (
          globalThis as unknown as {
            browser: { tabs: { sendMessage(tabId: number, message: unknown): Promise<Answer> } };
          }
        ).browser;
        const tabId = Number(new URLSearchParams(location.search).get('tab'));
        // The wire format of @webext-core/messaging, as the sidebar's panelToContent.sendMessage produces it.
        const answer = await tabs.sendMessage(tabId, {
          id: Date.now(),
          type: 'getTabState',
          data: undefined,
          timestamp: Date.now(),
        });
        return answer?.res?.findings.length ?? 0;
      },
      'the content script to count the findings',
    );
    expect(await count).toBeGreaterThan(0);
  });

  it('lists the sites on the options page and refuses what is not an address', async () => {
    const options = await firefox.openExtensionPage('options.html#sites');
    const builtIn = await pollInPage(
      options,
      () => document.querySelector('[data-testid="built-in-sites"]')?.textContent ?? '',
      'the Sites section',
    );
    expect(builtIn).toContain('localhost');
    await pollInPage(
      options,
      () => document.querySelector('[data-testid="sites-empty"]') !== null,
      'the empty list of sites',
    );
    await options.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('input[name="site-address"]')!;
      input.value = 'ftp://files.acme.test';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await options.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="add-site"]')!.click());
    const problem = await pollInPage(
      options,
      () => document.querySelector('[data-testid="site-add-problem"]')?.textContent ?? '',
      'the address problem',
    );
    expect(problem).toContain('http and https pages only');
    await options.close();
  });
});
