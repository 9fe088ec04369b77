// Load in real Chromium, beside the same page without the extension: a 5 000-message conversation with arrivals, a
// 5 000-character draft typed at 20 keys a second, 30 helpdesk tabs — long tasks, main-thread script time and memory per tab.
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { startDemoServer, type DemoServer } from '../scripts/serve-demo.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../tools/browser/chromium.ts';
import { buildExtension, launchWithExtension } from '../tools/browser/extension.ts';
import type { BenchRow } from './table.ts';

const QUICK = process.env.HUASHU_BENCH_QUICK === '1';
const ARRIVALS = QUICK ? 10 : 50;
const TYPED_KEYS = QUICK ? 20 : 100;
const TABS = QUICK ? 5 : 30;
const BASELINE_TABS = QUICK ? 2 : 5;

interface PhaseCost {
  /** Main-thread script time of the tab's renderer during the phase (page and content script together). */
  scriptMs: number;
  longTasks: number[];
}

/** Long tasks as the page sees them (PerformanceObserver), kept in the page's own world. */
const LONG_TASK_OBSERVER = `(() => {
  window.__huashuLongTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__huashuLongTasks.push(e.duration); })
    .observe({ type: 'longtask', buffered: false });
})()`;

// One DevTools session per tab, enabled once: the Performance domain counts from its enabling.
const sessions = new WeakMap<Page, CDPSession>();

async function metric(page: Page, name: string): Promise<number> {
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    sessions.set(page, cdp);
  }
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return metrics.find((m) => m.name === name)?.value ?? 0;
}

async function measurePhase(page: Page, run: () => Promise<void>): Promise<PhaseCost> {
  await page.evaluate('window.__huashuLongTasks.length = 0');
  const before = await metric(page, 'ScriptDuration');
  await run();
  await page.waitForTimeout(300);
  const after = await metric(page, 'ScriptDuration');
  const longTasks = (await page.evaluate('window.__huashuLongTasks.slice()')) as number[];
  return { scriptMs: (after - before) * 1000, longTasks };
}

async function openDesk(context: BrowserContext, server: DemoServer, withExtension: boolean): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.url}?editor=textarea`);
  await page.evaluate(() => window.huashuDemo.ready);
  if (withExtension) await page.locator('huashu-root').waitFor({ state: 'attached', timeout: 15_000 });
  await page.evaluate(LONG_TASK_OBSERVER);
  await metric(page, 'ScriptDuration');
  return page;
}

/** The same 5 000-message history as e2e.bench.ts, rendered in one go. */
async function fillConversation(page: Page, count: number): Promise<void> {
  await page.evaluate((n) => {
    const lines = ['您好，请问有什么可以帮您？', '我想问一下这个订单', '好的，我帮您查一下', '谢谢'];
    const history = document.createDocumentFragment();
    for (let i = 0; i < n; i++) {
      const role = i % 2 === 0 ? 'customer' : 'agent';
      const item = document.createElement('li');
      item.className = `message message--${role}`;
      item.dataset.messageId = `load-${i}`;
      item.dataset.role = role;
      const bubble = document.createElement('div');
      bubble.className = 'message__bubble';
      bubble.textContent = lines[i % lines.length]!;
      item.append(bubble);
      history.append(item);
    }
    document.getElementById('message-list')!.replaceChildren(history);
  }, count);
}

async function conversationPhases(page: Page): Promise<{ fill: PhaseCost; arrivals: PhaseCost; typing: PhaseCost }> {
  const fill = await measurePhase(page, async () => {
    await fillConversation(page, 5_000);
    await page.waitForTimeout(500);
  });
  const arrivals = await measurePhase(page, async () => {
    for (let i = 0; i < ARRIVALS; i++) {
      await page.evaluate(
        (k) =>
          window.huashuDemo.addMessage('customer', k % 2 ? '我的快递一个星期了还没到' : '收到的鞋子是坏的，我要退款'),
        i,
      );
      await page.waitForTimeout(100);
    }
  });
  // A 5 000-character draft (with forbidden phrases and a card number in it), then keys typed at its end at 20 a second.
  const base = '您好，这个问题我帮您看一下。我不能保证明天到，但是我会催一下。卡号6222021234567890128。';
  const draft = base.repeat(Math.ceil((5_000 - TYPED_KEYS) / base.length)).slice(0, 5_000 - TYPED_KEYS);
  await page.evaluate((text) => window.huashuDemo.setDraftForTest(text), draft);
  await page.locator('textarea').first().focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Control+End');
  const typing = await measurePhase(page, async () => {
    await page.keyboard.type('这个不归我管我不能帮您'.repeat(Math.ceil(TYPED_KEYS / 11)).slice(0, TYPED_KEYS), {
      delay: 50,
    });
  });
  return { fill, arrivals, typing };
}

async function heapPerTab(
  context: BrowserContext,
  server: DemoServer,
  tabs: number,
  withExtension: boolean,
): Promise<number[]> {
  const pages: Page[] = [];
  for (let i = 0; i < tabs; i++) pages.push(await openDesk(context, server, withExtension));
  await pages[0]!.waitForTimeout(1_000);
  const heaps: number[] = [];
  for (const page of pages) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.detach();
    heaps.push((await metric(page, 'JSHeapUsedSize')) / 1024 / 1024);
  }
  for (const page of pages) await page.close();
  return heaps;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const longest = (values: number[]): number => (values.length === 0 ? 0 : Math.max(...values));

export async function benchLoad(): Promise<BenchRow[]> {
  await buildExtension();
  const server = await startDemoServer();
  const withHuashu = await launchWithExtension();
  const without = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
  const plain = await without.newContext();
  const phase = (name: string) => process.stderr.write(`[bench] ${new Date().toISOString()} load: ${name}\n`);
  try {
    phase('conversation and draft, with Huashu');
    const ours = await conversationPhases(await openDesk(withHuashu.context, server, true));
    phase('conversation and draft, without');
    const theirs = await conversationPhases(await openDesk(plain, server, false));
    phase(`${TABS} tabs with Huashu, ${BASELINE_TABS} without`);
    const heapsWith = await heapPerTab(withHuashu.context, server, TABS, true);
    const heapsWithout = await heapPerTab(plain, server, BASELINE_TABS, false);

    const costRow = (name: string, a: PhaseCost, b: PhaseCost, per: number, unit: string): string =>
      `| ${name} | ${(a.scriptMs / per).toFixed(2)} | ${(b.scriptMs / per).toFixed(2)} | ${((a.scriptMs - b.scriptMs) / per).toFixed(2)} ms ${unit} | ` +
      `${a.longTasks.length} (longest ${longest(a.longTasks).toFixed(0)} ms) | ${b.longTasks.length} (longest ${longest(b.longTasks).toFixed(0)} ms) |`;
    console.log(
      '\n## Load, real Chromium: main-thread script time and long tasks (≥ 50 ms), with Huashu and without\n',
    );
    console.log(
      '| phase | script ms with | script ms without | Huashu’s share | long tasks with | long tasks without |',
    );
    console.log('|---|---|---|---|---|---|');
    console.log(costRow('render a 5 000-message conversation', ours.fill, theirs.fill, 1, 'once'));
    console.log(
      costRow(
        `${ARRIVALS} customer messages arriving in it (per message)`,
        ours.arrivals,
        theirs.arrivals,
        ARRIVALS,
        'per message',
      ),
    );
    console.log(
      costRow(
        `${TYPED_KEYS} keys at 20/s into a 5 000-character draft (per key)`,
        ours.typing,
        theirs.typing,
        TYPED_KEYS,
        'per key',
      ),
    );
    console.log(
      `\nmemory per tab (JS heap of the tab after GC, page and content script): with Huashu median ${median(heapsWith).toFixed(1)} MB over ${TABS} tabs ` +
        `(max ${longest(heapsWith).toFixed(1)}), without ${median(heapsWithout).toFixed(1)} MB over ${BASELINE_TABS} tabs: Huashu's cost ≈ ${(median(heapsWith) - median(heapsWithout)).toFixed(1)} MB per tab`,
    );

    const taskRow = (name: string, tasks: number[], subject: string): BenchRow => ({
      case: name,
      subject,
      medianMs: median(tasks),
      p99Ms: longest(tasks),
      runs: tasks.length,
      note: tasks.length === 0 ? 'no long task' : `${tasks.length} long tasks; p99 column is the longest`,
    });
    return [
      taskRow(
        'long tasks, 5 000 messages + arrivals + typing',
        [...ours.fill.longTasks, ...ours.arrivals.longTasks, ...ours.typing.longTasks],
        'huashu',
      ),
      taskRow(
        'long tasks, 5 000 messages + arrivals + typing',
        [...theirs.fill.longTasks, ...theirs.arrivals.longTasks, ...theirs.typing.longTasks],
        'baseline: same page, no extension',
      ),
    ];
  } finally {
    await withHuashu.close();
    await without.close();
    await server.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url).endsWith(process.argv[1].replace(/^\.\//, ''))) {
  const { printTable } = await import('./table.ts');
  printTable('Load, real Chromium: long tasks (median and longest)', await benchLoad());
}
