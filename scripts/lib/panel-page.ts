// Opens Huashu's side panel as a page pinned to a helpdesk tab, for the demo and the screenshots.
import type { BrowserContext, Page } from 'playwright-core';

/** Opens the panel as a page pinned to the helpdesk tab (a panel in a tab of its own would otherwise follow itself). */
export async function openPanel(context: BrowserContext, extensionId: string, desk: Page): Promise<Page> {
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  const tabId = await panel.evaluate(async (deskUrl) => {
    type Tab = { id?: number; url?: string };
    const { tabs } = (
      globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<Tab[]>; getCurrent(): Promise<Tab | undefined> } };
      }
    ).chrome;
    const own = (await tabs.getCurrent())?.id;
    const others = (await tabs.query({})).filter((t) => t.id !== undefined && t.id !== own);
    // The helpdesk's tab by its address; else the newest tab (other extension pages may be open too).
    const byUrl = others.filter((t) => t.url === deskUrl);
    return byUrl.length === 1 ? byUrl[0]!.id! : Math.max(...others.map((t) => t.id!));
  }, desk.url());
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
  await panel.setViewportSize({ width: 400, height: 900 });
  await desk.bringToFront();
  return panel;
}
