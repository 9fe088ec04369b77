// Privacy in real Chromium: a full session on the demo helpdesk sends nothing but the pack subscription, and stores no conversation text but a corrected message, masked.
import { readFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPanel } from '../../scripts/lib/panel-page.ts';
import { startDemoServer, type DemoServer } from '../../scripts/serve-demo.ts';
import { buildExtension, launchWithExtension, type ExtensionBrowser } from '../../tools/browser/extension.ts';
import { contentState } from '../../tools/browser/huashu-state.ts';

/** One request that left the browser, as the recording proxy saw it. */
interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

// What the customer and the agent write during the session: none of it may leave the tab or reach storage.
const CUSTOMER_MESSAGES = [
  '你好，在吗',
  '收到的鞋子是坏的，我要退款，我手机号13912345678',
  '身份证号110101199003074514，卡号6222021234567890128，你们这服务太差了',
];
const DRAFT = '这个不归我管，您的卡号6222021234567890128我记下了';
const SECRETS = ['鞋子是坏的', '13912345678', '110101199003074514', '6222021234567890128', '这个不归我管'];
// The agent corrects the scenario of the last message: kept on the device, masked, and never sent either.
const CORRECTED_MASKED = '身份证号［身份证号］，卡号［银行卡号］，你们这服务太差了';

const TEAM_PACK = JSON.stringify({
  schemaVersion: 1,
  id: 'privacy-team',
  name: 'Team phrases',
  version: '1.0.0',
  locale: 'zh-CN',
  scenarios: [
    { id: 'team_vip', title: '会员', triggers: ['会员卡'], replies: [{ id: 'team.vip', text: '尊敬的会员您好。' }] },
  ],
});

let demo: DemoServer;
let subscriptionServer: Server;
let subscriptionOrigin: string;
let proxy: Server;
let browser: ExtensionBrowser;
let desk: Page;
let panel: Page;
const recorded: RecordedRequest[] = [];

/** A forward proxy on this machine that records every request Chromium sends (loopback included) and passes it on. */
function startRecordingProxy(): Promise<Server> {
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      recorded.push({
        method: incoming.method ?? '',
        url: incoming.url ?? '',
        headers: incoming.headers,
        body: body.toString('utf8'),
      });
      const target = new URL(incoming.url ?? '');
      if (target.hostname !== '127.0.0.1' && target.hostname !== 'localhost') {
        // Nothing on this machine answers for other hosts; the request is recorded, which is what fails the test.
        outgoing.writeHead(502).end();
        return;
      }
      const forward = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname + target.search,
          method: incoming.method,
          headers: incoming.headers,
        },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      forward.on('error', () => outgoing.writeHead(502).end());
      forward.end(body);
    });
  });
  // HTTPS would arrive as CONNECT: record the host and refuse (no HTTPS server exists here).
  server.on('connect', (incoming, socket) => {
    recorded.push({ method: 'CONNECT', url: incoming.url ?? '', headers: incoming.headers, body: '' });
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Chromium's own background services (component and sign-in checks, autofill), which run with or without Huashu. The
 * extension cannot be behind them: tests/e2e/build.test.ts proves the built code holds no URL but XML namespaces,
 * its host patterns and localhost — and none of these requests carries any conversation text (checked below).
 */
const BROWSER_SERVICE_HOSTS = new Set([
  'accounts.google.com',
  'update.googleapis.com',
  'content-autofill.googleapis.com',
  'clients2.google.com',
  'clientservices.googleapis.com',
  'optimizationguide-pa.googleapis.com',
  'safebrowsingohttpgateway.googleapis.com',
]);

function isBrowserServiceRequest(request: RecordedRequest): boolean {
  const host =
    request.method === 'CONNECT'
      ? request.url.replace(/:\d+$/u, '')
      : originOf(request.url).replace(/^https?:\/\//u, '');
  return BROWSER_SERVICE_HOSTS.has(host);
}

const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
};

beforeAll(async () => {
  await buildExtension();
  subscriptionServer = createServer((request, response) => {
    if (request.url !== '/team.json') return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(TEAM_PACK);
  });
  await new Promise<void>((resolve) => subscriptionServer.listen(0, '127.0.0.1', resolve));
  subscriptionOrigin = `http://127.0.0.1:${(subscriptionServer.address() as AddressInfo).port}`;
  [demo, proxy] = await Promise.all([startDemoServer(), startRecordingProxy()]);
  const proxyPort = (proxy.address() as AddressInfo).port;
  // Every request goes through the recorder, loopback ones too (Chromium bypasses the proxy for them unless told not to).
  browser = await launchWithExtension(undefined, {
    args: [`--proxy-server=http://127.0.0.1:${proxyPort}`, '--proxy-bypass-list=<-loopback>'],
  });

  // The full session an agent has: messages arrive, the panel suggests, a reply goes in, a draft is typed.
  desk = await browser.context.newPage();
  await desk.goto(`${demo.url}?editor=textarea`);
  await desk.evaluate(() => window.huashuDemo.ready);
  await desk.evaluate(() => {
    window.huashuDemo.clear();
    // A session cookie of the helpdesk's host, which the subscription request (same host) must not carry.
    document.cookie = 'helpdesk_session=do-not-send; path=/';
  });
  panel = await openPanel(browser.context, browser.extensionId, desk);
  for (const text of CUSTOMER_MESSAGES) {
    await desk.evaluate((message) => window.huashuDemo.addMessage('customer', message), text);
    await panel.locator('[data-scenario-id]').first().waitFor({ timeout: 10_000 });
  }
  // "Not this" beside the suggestion, and another scenario picked: the one thing of the conversation that is stored.
  await panel.locator('[data-testid=not-this]').click();
  await panel.locator('[data-testid=teach-select]').selectOption({ index: 2 });
  await panel.locator('[data-testid=teach-save]').click();
  await panel.locator('[data-testid=teach-status]').waitFor({ timeout: 10_000 });
  await panel.locator('[data-reply-id]').first().click();
  await desk.waitForFunction(() => window.huashuDemo.editorModelText().length > 0);
  await desk.evaluate(() => window.huashuDemo.clearComposer());
  await desk.locator('textarea').first().focus();
  await desk.keyboard.type(DRAFT);
  await panel.locator('[data-finding-category]').first().waitFor({ timeout: 10_000 });
  await panel.locator('input[type=search], [role=searchbox]').first().fill('退款');

  // The team lead's subscription, added on the options page and checked again.
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.locator('[data-testid=pack-url]').fill(`${subscriptionOrigin}/team.json`);
  await options.locator('[data-testid=pack-fetch]').click();
  await options.locator('[data-testid=pack-preview]').waitFor({ timeout: 10_000 });
  await options.locator('[data-testid=pack-save]').click();
  await options.locator('[data-pack-id="privacy-team"]').waitFor({ timeout: 10_000 });
  await options
    .locator('[data-pack-id="privacy-team"] [aria-label="Fetch Team phrases again from its address"]')
    .click();
  await options.waitForTimeout(500);
  await options.close();
  // Give background work (alarms, storage writes) a moment to send whatever it would send.
  await desk.waitForTimeout(1_000);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  for (const server of [subscriptionServer, proxy]) {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  }
});

describe('privacy during a full session on the demo helpdesk', () => {
  it('sees what the browser sends (the recorder works)', async () => {
    const probe = `${subscriptionOrigin}/recorder-probe`;
    await panel.evaluate(
      (url) =>
        fetch(url).then(
          () => undefined,
          () => undefined,
        ),
      probe,
    );
    expect(recorded.some((request) => request.url === probe)).toBe(true);
    recorded.splice(
      recorded.findIndex((request) => request.url === probe),
      1,
    );
  });

  it('makes no network request but the subscription', () => {
    const demoOrigin = originOf(demo.url);
    const elsewhere = recorded.filter(
      (request) =>
        ![demoOrigin, subscriptionOrigin].includes(originOf(request.url)) && !isBrowserServiceRequest(request),
    );
    expect(elsewhere.map((request) => `${request.method} ${request.url}`)).toEqual([]);
    // The subscription: plain GETs of the configured address, without the host's cookies.
    const subscription = recorded.filter((request) => originOf(request.url) === subscriptionOrigin);
    expect(subscription.length).toBeGreaterThanOrEqual(2);
    for (const request of subscription) {
      expect(`${request.method} ${request.url}`).toBe(`GET ${subscriptionOrigin}/team.json`);
      expect(request.headers.cookie).toBeUndefined();
      expect(request.body).toBe('');
    }
    // To the helpdesk's own server only the page's own GETs (its HTML, scripts, styles): nothing posted by Huashu.
    const toDemo = recorded.filter((request) => originOf(request.url) === demoOrigin);
    expect(
      toDemo.filter((request) => request.method !== 'GET').map((request) => `${request.method} ${request.url}`),
    ).toEqual([]);
  });

  it('sends no conversation text, draft or customer number anywhere, nor the corrected message', () => {
    for (const request of recorded) {
      const seen = decodeURIComponent(request.url) + request.body + JSON.stringify(request.headers);
      for (const secret of [...SECRETS, CORRECTED_MASKED, '服务太差'])
        expect(seen, `${request.method} ${request.url}`).not.toContain(secret);
    }
  });

  it('stores no conversation text but the corrected message, masked, in storage.local', async () => {
    const corrections = await panel.evaluate(async () => {
      const { storage } = (
        globalThis as unknown as {
          chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
        }
      ).chrome;
      return (await storage.local.get('taughtCorrections')).taughtCorrections as Array<{ message: string }>;
    });
    expect(corrections.map((c) => c.message)).toEqual([CORRECTED_MASKED]);
  });

  it("stores none of the other messages, the draft or the customer's numbers: usage as reply ids and numbers", async () => {
    // The draft reader the background trains once the packs are published (a few seconds after start), after the
    // emotion reader.
    await expect
      .poll(
        () =>
          panel.evaluate(async () => {
            const { storage } = (
              globalThis as unknown as {
                chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
              }
            ).chrome;
            return (await storage.local.get('draftReader')).draftReader !== undefined;
          }),
        { timeout: 30_000 },
      )
      .toBe(true);
    const stored = await panel.evaluate(async () => {
      type Area = { get(keys: null): Promise<Record<string, unknown>> };
      const { storage } = (globalThis as unknown as { chrome: { storage: Record<'local' | 'session' | 'sync', Area> } })
        .chrome;
      // The enabled packs the background publishes, and the readers it trains from them, are the packs' own text (the
      // readers: n-grams of it): checked apart below.
      const { enabledPacks, draftReader, emotionReader, ...local } = await storage.local.get(null);
      return {
        conversationSide: JSON.stringify([local, await storage.session.get(null), await storage.sync.get(null)]),
        packs: JSON.stringify([enabledPacks, draftReader, emotionReader]),
      };
    });
    expect(stored.conversationSide).toContain('privacy-team');
    for (const secret of SECRETS) expect(stored.conversationSide).not.toContain(secret);
    // A published pack holds a secret only where a shipped pack's own examples hold it (a sample card number).
    const shipped = ['en', 'zh-CN', 'zh-TW']
      .map((locale) => readFileSync(join(process.cwd(), 'data', 'packs', `${locale}.json`), 'utf8'))
      .join('');
    for (const secret of SECRETS) if (stored.packs.includes(secret)) expect(shipped).toContain(secret);
    const usage = await panel.evaluate(async () => {
      const { storage } = (
        globalThis as unknown as {
          chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
        }
      ).chrome;
      return (await storage.local.get('replyUsage')).replyUsage as Record<string, Record<string, number>>;
    });
    const counts = Object.values(usage ?? {}).flatMap((perReply) => Object.values(perReply));
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.every((count) => typeof count === 'number')).toBe(true);
  });

  it('leaves nothing the page can read of what it found: no attribute, no state on any element, no global', async () => {
    // Detection and lint ran above; the content script still holds their results (asked from the extension's side).
    const state = await contentState(browser, desk);
    const found = [
      ...(state?.latest?.detection.scenarios.map((s) => s.id) ?? []),
      ...(state?.findings.map((f) => f.ruleId) ?? []),
    ];
    expect(found.length).toBeGreaterThan(0);
    const page = await desk.evaluate((words) => {
      const traces: string[] = [];
      const visit = (root: Document | ShadowRoot): void => {
        for (const element of root.querySelectorAll('*')) {
          const ours = element.localName.startsWith('huashu-');
          for (const name of element.getAttributeNames()) {
            const value = element.getAttribute(name) ?? '';
            const trace = `<${element.localName} ${name}="${value.slice(0, 80)}">`;
            // Our elements keep their layout only; the page's own elements get nothing named after us, nothing we found.
            if (ours ? name !== 'style' : /huashu/iu.test(name) && name !== 'data-huashu-demo-composer')
              traces.push(trace);
            else if (words.some((word) => value.includes(word))) traces.push(trace);
          }
          // Open roots only: a closed root (ours) is null here, which is the point.
          if (element.shadowRoot) visit(element.shadowRoot);
        }
      };
      visit(document);
      const globals = Object.getOwnPropertyNames(window).filter(
        (name) => /huashu/iu.test(name) && name !== 'huashuDemo',
      );
      return {
        traces,
        globals,
        elements: [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('huashu-')).length,
      };
    }, found);
    expect(page.elements).toBeGreaterThan(0);
    expect(page.traces).toEqual([]);
    expect(page.globals).toEqual([]);
  });
});
