// What Huashu holds for a helpdesk tab, read from the extension's side (messaging from an extension page, the DevTools protocol into closed roots), never from the page's DOM.
import type { BrowserContext, Page } from 'playwright-core';
import type { InsertResult, TabState } from '../../utils/messaging.ts';
import type { ExtensionBrowser } from './extension.ts';

const askers = new WeakMap<BrowserContext, Promise<Page>>();
/** A tab id no tab has: the asking page is pinned to it, so it follows no tab of the test's on its own. */
const NO_TAB = 2 ** 30;

/** One extension page per browser to ask from: the side panel's document, which may message content scripts. */
function askerFor(extension: ExtensionBrowser): Promise<Page> {
  let asker = askers.get(extension.context);
  if (!asker) {
    asker = (async () => {
      const page = await extension.context.newPage();
      await page.goto(`chrome-extension://${extension.extensionId}/sidepanel.html?tab=${NO_TAB}`);
      return page;
    })();
    askers.set(extension.context, asker);
  }
  return asker;
}

/**
 * Sends one panel message to the content script of `page`'s tab, as the panel does, and returns its answer; null while
 * no content script answers there.
 */
async function askContent(extension: ExtensionBrowser, page: Page, type: string, data: unknown): Promise<unknown> {
  const asker = await askerFor(extension);
  const answer = await asker.evaluate(
    async ({ url, type, data }) => {
      type Tab = { id?: number; url?: string };
      const chromeApi = (
        globalThis as unknown as {
          chrome: {
            tabs: {
              query(filter: object): Promise<Tab[]>;
              sendMessage(tabId: number, message: unknown, options: object): Promise<unknown>;
            };
          };
        }
      ).chrome;
      const tabs = (await chromeApi.tabs.query({})).filter((tab) => tab.url === url);
      // No tab there: the extension may not see the page's address (a site without access), so nothing answers.
      if (tabs.length === 0) return { answer: null };
      if (tabs.length > 1)
        return { error: `${tabs.length} tabs show ${url}; give each page of a test its own address` };
      try {
        // The wire format of @webext-core/messaging, as the panel's panelToContent.sendMessage produces it.
        const message = { id: Date.now(), type, data, timestamp: Date.now() };
        return { answer: await chromeApi.tabs.sendMessage(tabs[0]!.id!, message, { frameId: 0 }) };
      } catch {
        // No content script in that tab (yet): nothing to report.
        return { answer: null };
      }
    },
    { url: page.url(), type, data },
  );
  if ('error' in answer) throw new Error(answer.error);
  const response = answer.answer as { res?: unknown; err?: unknown } | null;
  return response?.res ?? null;
}

/**
 * The content script's state for `page`'s tab (latest customer message and its detection, draft findings), asked with
 * the panel's own `getTabState` message; null while no content script answers there.
 */
export async function contentState(extension: ExtensionBrowser, page: Page): Promise<TabState | null> {
  return (await askContent(extension, page, 'getTabState', undefined)) as TabState | null;
}

/** Inserts a reply as the panel's Insert button does (its text as the panel sends it); the content script's answer. */
export async function insertFromPanel(
  extension: ExtensionBrowser,
  page: Page,
  text: string,
): Promise<InsertResult | null> {
  return (await askContent(extension, page, 'insertReply', { text })) as InsertResult | null;
}

/** Waits until the content script of `page` answers and has recognized the helpdesk (for setup, outside a test). */
export async function waitForContentScript(
  extension: ExtensionBrowser,
  page: Page,
  timeoutMs = 10_000,
): Promise<TabState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await contentState(extension, page);
    if (state?.active) return state;
    if (Date.now() > deadline)
      throw new Error(`no Huashu content script recognized ${page.url()} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The scenario detected for the latest customer message of `page` ('none' when there is none or nothing was detected). */
export async function detectedScenario(extension: ExtensionBrowser, page: Page): Promise<string | null> {
  const state = await contentState(extension, page);
  if (!state) return null;
  return state.latest?.detection.scenarios[0]?.id ?? 'none';
}

/** The id of the message the content script takes for the latest customer message. */
export async function latestMessageId(extension: ExtensionBrowser, page: Page): Promise<string | null> {
  return (await contentState(extension, page))?.latest?.messageId ?? null;
}

/** How many findings the content script has for the draft now (null before it answers). */
export async function findingCount(extension: ExtensionBrowser, page: Page): Promise<number | null> {
  const state = await contentState(extension, page);
  return state ? state.findings.length : null;
}

interface CdpNode {
  nodeName: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/** Every element of the page with its attributes, closed shadow roots included (the DevTools protocol sees into them). */
async function piercedElements(page: Page): Promise<Array<{ name: string; attributes: Record<string, string> }>> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const found: Array<{ name: string; attributes: Record<string, string> }> = [];
    const visit = (node: CdpNode): void => {
      const list = node.attributes ?? [];
      const attributes: Record<string, string> = {};
      for (let i = 0; i + 1 < list.length; i += 2) attributes[list[i]!] = list[i + 1]!;
      found.push({ name: node.nodeName.toLowerCase(), attributes });
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) visit(child);
    };
    visit(root);
    return found;
  } finally {
    await cdp.detach();
  }
}

/** Whether the element picker ("point at the chat area") is drawn in the UI host's closed root. */
export async function elementPickerOpen(page: Page): Promise<boolean> {
  return (await piercedElements(page)).some((element) => element.attributes['data-element-picker'] !== undefined);
}

/** The `;;` picker as drawn in its closed root: open or not, the reply keys it offers, and the highlighted one. */
export async function expansionPicker(
  page: Page,
): Promise<{ open: boolean; keys: string[]; activeKey: string | null }> {
  const elements = await piercedElements(page);
  const options = elements.filter(
    (element) => element.attributes['data-reply-key'] !== undefined && element.attributes.role === 'option',
  );
  return {
    open: elements.some((element) => element.attributes['data-expansion-picker'] !== undefined),
    keys: options.map((option) => option.attributes['data-reply-key']!),
    activeKey:
      options.find((option) => option.attributes['aria-selected'] === 'true')?.attributes['data-reply-key'] ?? null,
  };
}

/** What the page says after a `;;` pick that did not go in: null when nothing, else whether the reply was copied. */
export async function expansionFallback(page: Page): Promise<'copied' | 'not-copied' | null> {
  const shown = (await piercedElements(page)).find((element) => element.attributes['data-expansion-fallback']);
  return (shown?.attributes['data-expansion-fallback'] as 'copied' | 'not-copied' | undefined) ?? null;
}

/** The guard before sending as drawn in its closed root: shown or not, its mode, the rules it lists, "send anyway". */
export async function sendGuardShown(
  page: Page,
): Promise<{ open: boolean; mode: string | null; ruleIds: string[]; canSendAnyway: boolean }> {
  const elements = await piercedElements(page);
  const guard = elements.find((element) => element.attributes['data-send-guard'] !== undefined);
  return {
    open: guard !== undefined,
    mode: guard?.attributes['data-send-guard'] ?? null,
    ruleIds: elements
      .filter((element) => element.attributes['data-guard-finding'] !== undefined)
      .map((element) => element.attributes['data-guard-finding']!),
    canSendAnyway: elements.some((element) => element.attributes['data-guard-send-anyway'] !== undefined),
  };
}

/** Changes the stored settings (as the options page saves them) from an extension page. */
export async function patchSettings(extension: ExtensionBrowser, patch: Record<string, unknown>): Promise<void> {
  const asker = await askerFor(extension);
  await asker.evaluate(async (changes) => {
    const local = (
      globalThis as unknown as {
        chrome: {
          storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } };
        };
      }
    ).chrome.storage.local;
    const current = ((await local.get('settings')).settings ?? {}) as Record<string, unknown>;
    await local.set({ settings: { ...current, ...changes } });
  }, patch);
}

/** A box in the page's CSS pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface CdpNode {
  backendNodeId: number;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/** Boxes of the nodes whose attributes match, inside Huashu's closed shadow roots, which only the DevTools protocol sees. */
export async function shadowBoxes(page: Page, matches: (attributes: string[]) => boolean): Promise<Box[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const found: number[] = [];
    const visit = (node: CdpNode): void => {
      if (matches(node.attributes ?? [])) found.push(node.backendNodeId);
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) visit(child);
    };
    visit(root);
    const boxes: Box[] = [];
    for (const backendNodeId of found) {
      const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId })) as {
        model: { border: number[]; width: number; height: number };
      };
      boxes.push({ x: model.border[0]!, y: model.border[1]!, width: model.width, height: model.height });
    }
    return boxes;
  } finally {
    await cdp.detach();
  }
}

/** Boxes of the elements with a class inside Huashu's closed shadow roots. */
export function shadowBoxesOfClass(page: Page, className: string): Promise<Box[]> {
  return shadowBoxes(page, (attributes) => {
    const at = attributes.indexOf('class');
    return at !== -1 && at % 2 === 0 && attributes[at + 1]!.split(/\s+/u).includes(className);
  });
}
