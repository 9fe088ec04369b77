// Hostile pages in real Chromium: a page that pries, forges bridge messages, patches built-ins, throws and mutates
// 10 000 nodes a second neither reaches Huashu's data nor breaks it, Huashu does not break the page, and the page cannot
// answer for the page bridge nor find Huashu's files at their fixed address.
import type { ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPanel } from '../../scripts/lib/panel-page.ts';
import { startDemoServer, type DemoServer } from '../../scripts/serve-demo.ts';
import { buildExtension, launchWithExtension, type ExtensionBrowser } from '../../tools/browser/extension.ts';
import { BRIDGE_PORT_EVENT, BRIDGE_TAG } from '../../composer/bridge-protocol.ts';
import { DemoComposerPage, startInsertTestEnvironment, type InsertTestEnvironment } from './pages/browser-session.ts';
import { findingCount } from '../../tools/browser/huashu-state.ts';

let server: DemoServer;
let browser: ExtensionBrowser;

/** Patches the page's own world before its scripts run: what an unfriendly or simply odd helpdesk does to built-ins. */
function patchBuiltIns(disable: boolean): void {
  const w = window as unknown as Record<string, unknown>;
  w.__patchedCalls = 0;
  const count = () => {
    w.__patchedCalls = (w.__patchedCalls as number) + 1;
  };
  for (const [proto, names] of [
    [Node.prototype, ['appendChild', 'insertBefore', 'removeChild', 'replaceChild']],
    [Element.prototype, ['querySelector', 'querySelectorAll', 'closest', 'getAttribute', 'setAttribute']],
    [EventTarget.prototype, ['addEventListener', 'removeEventListener', 'dispatchEvent']],
    [Array.prototype, ['push', 'map', 'filter']],
  ] as const) {
    for (const name of names) {
      const original = (proto as unknown as Record<string, (...args: unknown[]) => unknown>)[name]!;
      (proto as unknown as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
        count();
        return original.apply(this, args);
      };
    }
  }
  // Outright hostile replacements, where the page's own editor does not need them (CKEditor does).
  if (!disable) return;
  (window as unknown as { MutationObserver: unknown }).MutationObserver = function () {
    throw new Error('MutationObserver disabled by the page');
  };
  Element.prototype.attachShadow = function () {
    throw new Error('attachShadow disabled by the page');
  };
  const parse = JSON.parse;
  JSON.parse = (text: string, reviver?: (key: string, value: unknown) => unknown) => {
    count();
    return parse(text, reviver);
  };
}

/**
 * A page that knows the bridge's protocol (its script is public) and does everything it can to answer in its place: it
 * reads every attribute of every element as it appears, listens first to every window message (and keeps the bridge
 * from hearing requests), takes every port it can catch, offers a port of its own on every script element, and answers
 * "ok" to everything on all of them, with made-up events where it cannot post.
 */
function attackBridge(protocol: { tag: string; portEvent: string }): void {
  const seen = { attributes: 0, requests: 0, ports: 0, forged: 0 };
  (window as unknown as { __attack: () => typeof seen }).__attack = () => ({ ...seen });
  const answer = (data: { requestId?: unknown; channel?: unknown } | null) => ({
    tag: protocol.tag,
    channel: data?.channel,
    direction: 'response',
    requestId: data?.requestId,
    ok: true,
  });
  const own = new MessageChannel();
  own.port1.onmessage = (event) => {
    seen.requests++;
    seen.forged++;
    own.port1.postMessage(answer(event.data as { requestId?: unknown }));
  };
  const caught: MessagePort[] = [];
  const takePort = (port: MessagePort) => {
    if (port === own.port2 || caught.includes(port)) return;
    caught.push(port);
    seen.ports++;
    port.addEventListener('message', (event) => {
      if (!event.isTrusted) return;
      seen.forged++;
      port.dispatchEvent(new MessageEvent('message', { data: answer(event.data as { requestId?: unknown }) }));
    });
    port.start();
  };
  const read = (element: Element) => {
    for (const name of element.getAttributeNames()) if (element.getAttribute(name)) seen.attributes++;
    if (element instanceof HTMLScriptElement) {
      element.addEventListener(protocol.portEvent, (event) => (event as MessageEvent).ports.forEach(takePort), true);
      element.dispatchEvent(new MessageEvent(protocol.portEvent, { ports: [own.port2] }));
    }
  };
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') read(record.target as Element);
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        read(node);
        node.querySelectorAll('*').forEach(read);
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
  window.addEventListener(
    'message',
    (event) => {
      event.ports.forEach(takePort);
      const data = event.data as { direction?: unknown; requestId?: unknown; channel?: unknown } | null;
      if (!data || typeof data !== 'object' || data.direction !== 'request' || typeof data.requestId !== 'string')
        return;
      seen.requests++;
      seen.forged++;
      event.stopImmediatePropagation();
      window.postMessage(answer(data), '*');
    },
    true,
  );
}

const PROTOCOL = { tag: BRIDGE_TAG, portEvent: BRIDGE_PORT_EVENT };
type AttackSummary = { attributes: number; requests: number; ports: number; forged: number };

async function openDesk(
  options: { patch?: 'wrap' | 'disable'; editor?: string; attack?: boolean } = {},
): Promise<{ desk: Page; panel: Page; huashuErrors: string[] }> {
  const desk = await browser.context.newPage();
  const huashuErrors: string[] = [];
  desk.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' && message.text().includes('[huashu]')) huashuErrors.push(message.text());
  });
  if (options.patch) await desk.addInitScript(patchBuiltIns, options.patch === 'disable');
  if (options.attack) await desk.addInitScript(attackBridge, PROTOCOL);
  await desk.goto(`${server.url}?editor=${options.editor ?? 'textarea'}`);
  await desk.evaluate(() => window.huashuDemo.ready);
  await desk.locator('huashu-root').waitFor({ state: 'attached', timeout: 10_000 });
  await desk.evaluate(() => window.huashuDemo.clear());
  const panel = await openPanel(browser.context, browser.extensionId, desk);
  return { desk, panel, huashuErrors };
}

/** A host no content script matches; the test routes it to the demo server to measure the page without Huashu. */
const BASELINE_ORIGIN = 'http://storm-baseline.invalid';

/**
 * For three seconds the page throws all the time and adds 100 nodes every 10 ms, half in the message list (typing
 * indicators, read receipts), half elsewhere, each removed soon; returns how many nodes it managed to add and how
 * many of its own 10 ms ticks ran.
 */
async function stormThePage(): Promise<{ added: number; ticks: number }> {
  const list = document.getElementById('message-list')!;
  const outside = document.body;
  let ticks = 0;
  const ticker = setInterval(() => ticks++, 10);
  const thrower = setInterval(() => {
    setTimeout(() => {
      throw new Error('page error');
    });
    void Promise.reject(new Error('page rejection'));
  }, 5);
  const started = performance.now();
  let added = 0;
  await new Promise<void>((resolve) => {
    const storm = setInterval(() => {
      for (let i = 0; i < 50; i++) {
        const inList = document.createElement('li');
        inList.className = 'typing-indicator';
        inList.textContent = '对方正在输入…';
        list.append(inList);
        const elsewhere = document.createElement('div');
        elsewhere.textContent = `tick ${added}`;
        outside.append(elsewhere);
        setTimeout(() => {
          inList.remove();
          elsewhere.remove();
        }, 30);
        added += 2;
      }
      if (performance.now() - started > 3_000) {
        clearInterval(storm);
        resolve();
      }
    }, 10);
  });
  clearInterval(ticker);
  clearInterval(thrower);
  return { added, ticks };
}

/** A customer message → the panel's best scenario; then a forbidden phrase typed → a finding. The whole product, briefly. */
async function expectHuashuWorks(desk: Page, panel: Page, message = '收到的鞋子是坏的，我要退款'): Promise<void> {
  await desk.evaluate((text) => window.huashuDemo.addMessage('customer', text), message);
  await expect
    .poll(() => panel.locator('[data-scenario-id]').first().getAttribute('data-scenario-id'), { timeout: 10_000 })
    .toBe('return_refund');
  await desk.evaluate(() => window.huashuDemo.clearComposer());
  await desk.locator('textarea').first().focus();
  await desk.keyboard.type('这个不归我管');
  await panel.locator('[data-finding-category="shirking"]').first().waitFor({ timeout: 10_000 });
  await expect.poll(() => findingCount(browser, desk), { timeout: 5_000 }).toBeGreaterThan(0);
}

beforeAll(async () => {
  await buildExtension();
  [server, browser] = await Promise.all([startDemoServer(), launchWithExtension()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a page that pries', () => {
  it('finds a closed shadow root and nothing of Huashu in its own DOM', async () => {
    const { desk, panel } = await openDesk();
    await expectHuashuWorks(desk, panel);
    const seen = await desk.evaluate(() => {
      const host = document.querySelector('huashu-root')!;
      return {
        shadowRoot: host.shadowRoot === null,
        lightChildren: host.childNodes.length,
        // Huashu's finding text is in the panel and its own shadow root, never in the page's DOM.
        leaks: document.body.innerText.includes('不归我管') ? document.body.innerText.split('不归我管').length - 1 : 0,
        textareaValue: (document.querySelector('textarea') as HTMLTextAreaElement).value,
      };
    });
    expect(seen.shadowRoot).toBe(true);
    expect(seen.lightChildren).toBe(0);
    expect(seen.textareaValue).toBe('这个不归我管');
    // The only occurrence is the agent's own draft (a textarea's value is not innerText).
    expect(seen.leaks).toBe(0);
    await panel.close();
    await desk.close();
  });

  it('cannot drive Huashu with forged bridge messages (CKEditor 5, where the page bridge is in use)', async () => {
    const { desk, panel, huashuErrors } = await openDesk({ editor: 'ckeditor5' });
    await desk.evaluate(() => {
      const junk: unknown[] = [
        null,
        42,
        'huashu-page-bridge',
        { tag: 'huashu-page-bridge' },
        {
          tag: 'huashu-page-bridge',
          channel: 'guess',
          direction: 'request',
          requestId: 'aaaaaaaaaaaa',
          op: 'ckeditor5-insert',
          target: 'bbbbbbbbbbbb',
          text: 'FORGED',
          span: null,
        },
        { tag: 'huashu-page-bridge', channel: 'guess', direction: 'response', requestId: 'aaaaaaaaaaaa', ok: true },
        { tag: 'huashu-page-bridge', channel: ['x'], direction: 'request', op: 'ping' },
        { tag: 'huashu-page-bridge', text: 'FORGED'.repeat(100_000) },
        { __proto__: { tag: 'huashu-page-bridge' }, polluted: true },
      ];
      for (let i = 0; i < 300; i++) for (const message of junk) window.postMessage(message, '*');
      for (let i = 0; i < 100; i++)
        document.dispatchEvent(new CustomEvent('huashu-page-bridge', { detail: { op: 'insert', text: 'FORGED' } }));
    });
    // Huashu still inserts through the bridge, and nothing forged reached the editor.
    await desk.evaluate(() => window.huashuDemo.addMessage('customer', '收到的鞋子是坏的，我要退款'));
    await panel.locator('[data-scenario-id="return_refund"]').first().waitFor({ timeout: 10_000 });
    await panel.locator('[data-reply-id]').first().click();
    await expect.poll(() => desk.evaluate(() => window.huashuDemo.editorModelText()), { timeout: 10_000 }).not.toBe('');
    expect(await desk.evaluate(() => window.huashuDemo.editorModelText())).not.toContain('FORGED');
    expect(huashuErrors).toEqual([]);
    await panel.close();
    await desk.close();
  });
});

describe('a page that patches built-ins, throws and churns', () => {
  it('keeps working when the page replaced Node, Element, EventTarget, Array, JSON, MutationObserver and attachShadow', async () => {
    const { desk, panel, huashuErrors } = await openDesk({ patch: 'disable' });
    await expectHuashuWorks(desk, panel);
    // The patches were live in the page (its own calls went through them), and Huashu's overlay still exists.
    expect(await desk.evaluate(() => (window as unknown as { __patchedCalls: number }).__patchedCalls)).toBeGreaterThan(
      0,
    );
    expect(huashuErrors).toEqual([]);
    await panel.close();
    await desk.close();
  });

  it('still inserts through the page bridge (CKEditor 5) when the page patched built-ins', async () => {
    const { desk, panel, huashuErrors } = await openDesk({ patch: 'wrap', editor: 'ckeditor5' });
    await desk.evaluate(() => window.huashuDemo.addMessage('customer', '收到的鞋子是坏的，我要退款'));
    await panel.locator('[data-scenario-id="return_refund"]').first().waitFor({ timeout: 10_000 });
    const replyText = (await panel.locator('.reply').first().locator('.reply-text').textContent()) ?? '';
    await panel.locator('[data-reply-id]').first().click();
    await expect
      .poll(() => desk.evaluate(() => window.huashuDemo.editorModelText()), { timeout: 10_000 })
      .toContain(replyText.slice(0, 10));
    expect(huashuErrors).toEqual([]);
    await panel.close();
    await desk.close();
  });

  it('survives a page that throws all the time, and a mutation storm of 10 000 nodes a second, without stalling the page', async () => {
    // The same demo page on a host Huashu does not run on is the baseline, measured in this run on this machine.
    await browser.context.route(`${BASELINE_ORIGIN}/**`, async (route) => {
      const path = new URL(route.request().url()).pathname + new URL(route.request().url()).search;
      const response = await route.fetch({ url: new URL(path, server.url).href });
      await route.fulfill({ response });
    });
    const plain = await browser.context.newPage();
    await plain.goto(`${BASELINE_ORIGIN}/?editor=textarea`);
    await plain.evaluate(() => window.huashuDemo.ready);
    expect(await plain.locator('huashu-root').count()).toBe(0);
    const baseline = await plain.evaluate(stormThePage);
    await plain.close();
    await browser.context.unroute(`${BASELINE_ORIGIN}/**`);

    const { desk, panel, huashuErrors } = await openDesk();
    // Once Huashu has read a message and a draft and its draft reader is trained (its finding on a draft no rule
    // flags): the start-up work that takes the page's time for a few seconds after load is done, and what is measured
    // is Huashu's cost while it runs.
    await expectHuashuWorks(desk, panel);
    await desk.evaluate(() => window.huashuDemo.clearComposer());
    await desk.locator('textarea').first().focus();
    await desk.keyboard.type('Could you send me the code from that text so I can verify you?');
    await panel.locator('[data-finding-category="sensitive_request"]').first().waitFor({ timeout: 30_000 });
    await desk.evaluate(() => window.huashuDemo.clearComposer());
    const stats = await desk.evaluate(stormThePage);
    // The page kept its own timers and its storm running with Huashu at least half as well as without it.
    expect(baseline.added).toBeGreaterThan(0);
    expect(stats.added).toBeGreaterThanOrEqual(baseline.added / 2);
    expect(stats.ticks).toBeGreaterThanOrEqual(baseline.ticks / 2);
    // Afterwards Huashu still reads the conversation and the draft.
    await expectHuashuWorks(desk, panel);
    expect(huashuErrors).toEqual([]);
    await panel.close();
    await desk.close();
  });
});

describe('a page that reads the DOM and answers for the page bridge', () => {
  it('never hears a request, and the reply Huashu reports inserted is in the editor (CKEditor 5, real extension)', async () => {
    const { desk, panel, huashuErrors } = await openDesk({ editor: 'ckeditor5', attack: true });
    await desk.evaluate(() => window.huashuDemo.addMessage('customer', '收到的鞋子是坏的，我要退款'));
    await panel.locator('[data-scenario-id="return_refund"]').first().waitFor({ timeout: 10_000 });
    const replyText = (await panel.locator('.reply').first().locator('.reply-text').textContent()) ?? '';
    await panel.locator('[data-reply-id]').first().click();
    await panel.locator('[data-testid=notice]').first().waitFor({ timeout: 10_000 });
    // Huashu's report: the confirmation (role status), not the error banner (role alert).
    expect(await panel.locator('[data-testid=notice]').first().getAttribute('role')).toBe('status');
    expect(await desk.evaluate(() => window.huashuDemo.editorModelText())).toContain(replyText.slice(0, 10));
    const attack = await desk.evaluate(() => (window as unknown as { __attack: () => AttackSummary }).__attack());
    // It read the page (the attack ran) and even caught the bridge's offer, yet no request, no reply text, reached it.
    expect(attack.attributes).toBeGreaterThan(0);
    expect(attack.ports).toBeGreaterThan(0);
    expect(attack.requests).toBe(0);
    expect(huashuErrors).toEqual([]);
    await panel.close();
    await desk.close();
  });

  describe('the bridge client itself (the answer it gives before the draft is checked)', () => {
    let env: InsertTestEnvironment;
    beforeAll(async () => {
      env = await startInsertTestEnvironment();
    }, 120_000);
    afterAll(async () => {
      await env?.close();
    });

    it('reports an insertion only when the editor got it', async () => {
      const composer = await DemoComposerPage.open(env, 'ckeditor5', {
        bridge: true,
        beforeLoad: async (page) => {
          await page.addInitScript(attackBridge, PROTOCOL);
        },
      });
      try {
        await composer.setDraft('');
        const answer = await composer.inContentWorld(`huashuComposerHarness.bridgeInsert('您好，已为您查询')`);
        expect({ answer, model: await composer.modelText() }).toEqual({
          answer: { ok: true },
          model: '您好，已为您查询',
        });
        const attack = (await composer.page.evaluate(() =>
          (window as unknown as { __attack: () => AttackSummary }).__attack(),
        )) as AttackSummary;
        expect(attack.forged).toBeGreaterThan(0);
        expect(attack.requests).toBe(0);
      } finally {
        await composer.close();
      }
    });
  });
});

describe("Huashu's files", () => {
  it('cannot be found by a page at their fixed address (the bridge loads only from a per-session one)', async () => {
    const desk = await browser.context.newPage();
    await desk.goto(`${server.url}?editor=textarea`);
    const probe = (url: string) =>
      desk.evaluate(
        (address) =>
          fetch(address).then(
            (response) => response.ok,
            () => false,
          ),
        url,
      );
    // The probe works: a page can fetch what is public.
    expect(await probe(server.url)).toBe(true);
    expect(await probe(`chrome-extension://${browser.extensionId}/page-bridge.js`)).toBe(false);
    await desk.close();
  });
});
