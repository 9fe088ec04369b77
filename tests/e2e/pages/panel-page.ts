// Opens the side panel as a page pinned (?tab=) to a helpdesk tab, as the e2e tests of the panel need it.
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Opens the panel as a page pinned (?tab=) to `page`'s tab, since a panel page in a tab would otherwise follow itself. */
export async function openPanelFor(
  browser: { context: BrowserContext; extensionId: string },
  page: Page,
): Promise<Page> {
  const panelPage = await browser.context.newPage();
  await panelPage.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
  const deskUrl = page.url();
  const tabId = await panelPage.evaluate(async (url) => {
    type Tab = { id?: number; url?: string };
    type TabsApi = { query(filter: object): Promise<Tab[]>; getCurrent(): Promise<Tab | undefined> };
    const { tabs } = (globalThis as unknown as { chrome: { tabs: TabsApi } }).chrome;
    const all = await tabs.query({});
    const byUrl = all.find((tab) => tab.url === url);
    if (byUrl?.id !== undefined) return byUrl.id;
    // Without host permission the browser hides a tab's address: take the newest tab other than this panel.
    const own = (await tabs.getCurrent())?.id;
    const others = all.map((tab) => tab.id).filter((id): id is number => id !== undefined && id !== own);
    return others.length > 0 ? Math.max(...others) : null;
  }, deskUrl);
  expect(tabId, `no tab found for ${deskUrl}`).not.toBeNull();
  await panelPage.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tabId}`);
  return panelPage;
}
