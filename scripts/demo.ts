// `npm run demo`: builds Huashu, serves the demo helpdesk and walks a scripted conversation with the side panel beside it.
// With a display it opens a real Chromium window and stays open; without one it runs headless, prints what the panel
// showed at each step and writes screenshots to a folder it names.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { buildExtension, launchWithExtension } from '../tools/browser/extension.ts';
import { expansionPicker } from '../tools/browser/huashu-state.ts';
import { setPanelLanguage } from '../tools/browser/panel-scenes.ts';
import { openPanel } from './lib/panel-page.ts';
import { startDemoServer } from './serve-demo.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

interface ScriptLine {
  role: 'customer' | 'agent' | 'note' | 'system';
  text: string;
}

function readScript(lang: string): ScriptLine[] {
  const file = join(root, 'data/samples', lang === 'en' ? 'conversation.en.jsonl' : 'conversation.jsonl');
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ScriptLine);
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function panelSummary(panel: Page): Promise<string> {
  const scenarios = await panel
    .locator('[data-scenario-id]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-scenario-id')));
  const reply =
    (await panel
      .locator('.reply-text')
      .first()
      .textContent({ timeout: 500 })
      .catch(() => null)) ?? '';
  const findings = await panel
    .locator('[data-finding-category]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-finding-category')));
  const parts = [`scenarios: ${scenarios.length > 0 ? scenarios.join(', ') : 'none (the panel offers search)'}`];
  if (reply) parts.push(`first reply: ${reply.slice(0, 60)}${reply.length > 60 ? '…' : ''}`);
  if (findings.length > 0) parts.push(`draft warnings: ${findings.join(', ')}`);
  return parts.join('\n      ');
}

async function main(): Promise<void> {
  const headed = Boolean(process.env.DISPLAY) && !process.env.CI && !process.argv.includes('--headless');
  const lang = option('--lang') ?? 'zh-CN';
  const outDir = option('--out') ?? join(root, '.output/demo');
  mkdirSync(outDir, { recursive: true });

  console.log('Building the extension…');
  await buildExtension();
  const server = await startDemoServer();
  // The browser's language for the helpdesk page; the panel's is set as the options page sets it (setPanelLanguage).
  const browser = await launchWithExtension(undefined, { headless: !headed, args: [`--lang=${lang}`] });
  try {
    const desk = await browser.context.newPage();
    await desk.setViewportSize({ width: 1100, height: 800 });
    await desk.goto(`${server.url}?editor=textarea`);
    await desk.evaluate(() => window.huashuDemo.ready);
    await desk.evaluate(() => window.huashuDemo.clear());
    const panel = await openPanel(browser.context, browser.extensionId, desk);
    await setPanelLanguage(panel, lang === 'en' ? 'en' : lang === 'zh-TW' ? 'zh-TW' : 'zh-CN');
    console.log(`Demo helpdesk: ${server.url}  ·  panel: chrome-extension://${browser.extensionId}/sidepanel.html\n`);

    let step = 0;
    for (const line of readScript(lang)) {
      step++;
      if (line.role === 'agent') {
        // The agent types the draft: each key goes through the helpdesk's composer as a person's would.
        const composer = desk.locator('[data-huashu-demo-composer]').first();
        await composer.click();
        await desk.keyboard.type(line.text, { delay: headed ? 40 : 0 });
        await panel
          .locator('[data-finding-category]')
          .first()
          .waitFor({ timeout: 3000 })
          .catch(() => undefined);
        console.log(`${String(step).padStart(2)}. agent drafts: ${line.text}\n      ${await panelSummary(panel)}`);
        await panel.screenshot({ path: join(outDir, `step-${String(step).padStart(2, '0')}-panel.png`) });
        await desk.evaluate(() => window.huashuDemo.send());
      } else {
        const before = await panel
          .locator('[data-scenario-id]')
          .first()
          .getAttribute('data-scenario-id', { timeout: 200 })
          .catch(() => null);
        await desk.evaluate((l: ScriptLine) => window.huashuDemo.addMessage(l.role, l.text), line);
        if (line.role === 'customer') {
          // Wait for the panel to change, or to settle on "nothing confident".
          await panel
            .waitForFunction(
              (prev) => {
                const first = document.querySelector('[data-scenario-id]')?.getAttribute('data-scenario-id') ?? null;
                return first !== prev || document.querySelector('[data-testid="no-scenario"]') !== null;
              },
              before,
              { timeout: 3000 },
            )
            .catch(() => undefined);
          await sleep(150);
          console.log(`${String(step).padStart(2)}. customer: ${line.text}\n      ${await panelSummary(panel)}`);
          await panel.screenshot({ path: join(outDir, `step-${String(step).padStart(2, '0')}-panel.png`) });
        } else {
          console.log(`${String(step).padStart(2)}. ${line.role}: ${line.text}  (never read as the customer)`);
        }
      }
      if (headed) await sleep(1500);
    }
    // Inline expansion: `;;tk` in the composer lists the refund replies (pinyin initials), Enter puts the first one in.
    step++;
    await desk.locator('[data-huashu-demo-composer]').first().click();
    await desk.keyboard.type(';;tk', { delay: headed ? 120 : 0 });
    // The picker is drawn in a closed root that the page cannot read: look through the DevTools protocol, up to 3 s.
    const deadline = Date.now() + 3000;
    let picker = await expansionPicker(desk);
    while ((!picker.open || picker.keys.length === 0) && Date.now() < deadline) {
      await sleep(100);
      picker = await expansionPicker(desk);
    }
    const opened = picker.open;
    const listed = opened ? picker.keys.join(', ') : '(the picker did not open)';
    await desk.screenshot({ path: join(outDir, `step-${String(step).padStart(2, '0')}-expansion.png`) });
    if (headed) await sleep(1500);
    if (opened) await desk.keyboard.press('Enter');
    const inserted = await desk.evaluate(() => window.huashuDemo.editorModelText());
    console.log(
      `${String(step).padStart(2)}. agent types ;;tk: the picker lists ${listed}\n      Enter → composer: ${inserted}`,
    );
    await desk.screenshot({ path: join(outDir, 'helpdesk.png') });
    console.log(`\nScreenshots: ${outDir}`);
    if (headed) {
      console.log('The browser stays open: try it yourself. Press Ctrl+C to stop.');
      await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
